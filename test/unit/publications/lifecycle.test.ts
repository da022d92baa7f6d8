import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  applyPublicationEvent,
  replayPublication,
  replayPublicationLenient,
  PublicationError,
  type PublicationState,
} from '../../../lib/publications/reducer';
import { parsePublicationEvent, type PublicationEvent } from '../../../lib/publications/schema';
import { DIP, TEXT, dip, executor, moderator, omsk, owner, pev, submitted } from './helpers';

const sub = submitted();
const edited = pev('edited', dip, '2026-03-02T11:00', { text: `${TEXT} Ждём вас!` });
const returned = pev('returned', dip, '2026-03-02T11:10', { remarks: ['Добавьте дату начала', 'Уберите «в целях реализации»'] });
const resubmitted = pev('resubmitted', owner(), '2026-03-02T12:00', { text: `${TEXT} С 9 марта.` });
const approved = pev('approved', dip, '2026-03-02T12:30', { plannedAt: omsk('2026-03-04T10:00') });
const published = pev('published', owner(), '2026-03-04T10:20', { url: 'https://vk.com/wall-1_200', postedAt: omsk('2026-03-04T10:05'), postKey: 'vk:-1_200' });

describe('publication request: events → state', () => {
  const table: [string, PublicationEvent[], Partial<PublicationState>][] = [
    ['submitted', [sub], { status: 'submitted', text: TEXT, format: 'card', wishedDate: '2026-03-04', pages: ['admin-vk'], revisions: 0 }],
    ['the DIP edits: the text in force is theirs, both versions kept', [sub, edited], { status: 'submitted', text: `${TEXT} Ждём вас!` }],
    ['returned with numbered remarks', [sub, returned], { status: 'returned', remarks: [{ at: returned.at, by: dip, items: ['Добавьте дату начала', 'Уберите «в целях реализации»'] }] }],
    ['revised and resubmitted', [sub, returned, resubmitted], { status: 'submitted', revisions: 1, text: `${TEXT} С 9 марта.` }],
    ['approved with a planned date', [sub, returned, resubmitted, approved], { status: 'approved', plannedAt: omsk('2026-03-04T10:00'), approvedAt: approved.at }],
    ['edited after approval stays approved', [sub, approved, pev('edited', dip, '2026-03-02T13:00', { text: 'Новый текст' })], { status: 'approved', text: 'Новый текст' }],
    ['re-planned', [sub, approved, pev('approved', dip, '2026-03-02T13:00', { plannedAt: omsk('2026-03-05T09:00') })], { status: 'approved', plannedAt: omsk('2026-03-05T09:00') }],
    [
      'published, with the link and the post time',
      [sub, approved, published],
      { status: 'published', published: { url: 'https://vk.com/wall-1_200', at: omsk('2026-03-04T10:05'), postKey: 'vk:-1_200', markedAt: published.at } },
    ],
    ['withdrawn by the author', [sub, pev('withdrawn', owner(), '2026-03-02T10:30', { reason: 'Мероприятие отменили' })], { status: 'withdrawn' }],
    ['withdrawn by the DIP after a return', [sub, returned, pev('withdrawn', dip, '2026-03-03T10:30', { reason: 'Неактуально' })], { status: 'withdrawn' }],
    ['an executor of the department submits too', [submitted(executor())], { status: 'submitted', author: executor() }],
    ['the DIP plans its own post', [submitted(dip), pev('approved', dip, '2026-03-02T10:05', { plannedAt: omsk('2026-03-03T09:00') })], { status: 'approved' }],
    ['another person of the author’s department revises', [sub, returned, pev('resubmitted', executor(), '2026-03-02T12:00', { text: 'Другой текст' })], { status: 'submitted' }],
  ];

  it.each(table)('%s', (_name, events, expected) => {
    expect(replayPublication(events)).toMatchObject(expected);
  });

  it('keeps every version of the text with who wrote it', () => {
    const s = replayPublication([sub, edited, returned, resubmitted]);
    expect(s.versions.map((v) => [v.kind, v.by.role])).toEqual([
      ['submitted', 'owner'],
      ['edited', 'curator'],
      ['resubmitted', 'owner'],
    ]);
  });
});

describe('publication request: who may do what', () => {
  const refusals: [string, PublicationEvent[], PublicationEvent, RegExp][] = [
    ['a history starts with a submission', [], approved, /начинается с её направления/],
    ['a moderator does not submit', [], submitted(moderator), /владелец страницы или исполнитель/],
    ['the author without a department', [], submitted({ role: 'owner', name: 'Петров' }), /не указано подразделение/],
    ['the page owner does not approve', [sub], pev('approved', owner(), '2026-03-02T12:00', { plannedAt: 1 }), /департамент информационной политики, а не владелец страницы/],
    ['the page owner does not edit', [sub], pev('edited', owner(), '2026-03-02T12:00', { text: 'x' }), /выполняет департамент информационной политики/],
    ['the page owner does not return', [sub], pev('returned', owner(), '2026-03-02T12:00', { remarks: ['x'] }), /выполняет департамент/],
    ['another department does not revise', [sub, returned], pev('resubmitted', owner('Департамент образования'), '2026-03-02T12:00', { text: 'x' }), /выполняет автор публикации \(Департамент транспорта\)/],
    ['the DIP does not revise for the author', [sub, returned], pev('resubmitted', dip, '2026-03-02T12:00', { text: 'x' }), /выполняет автор/],
    ['another department does not withdraw', [sub], pev('withdrawn', owner('Департамент образования'), '2026-03-02T12:00', { reason: '' }), /автор публикации или департамент/],
    ['no approval while returned', [sub, returned], pev('approved', dip, '2026-03-02T12:00', { plannedAt: 1 }), /невозможно: публикация возвращена на доработку/],
    ['no publishing before approval', [sub], pev('published', owner(), '2026-03-02T12:00', { url: null, postedAt: 1 }), /невозможно: публикация на рассмотрении/],
    ['no second submission', [sub], submitted(), /уже направлена/],
    ['nothing after publishing', [sub, approved, published], pev('edited', dip, '2026-03-05T12:00', { text: 'x' }), /невозможно: публикация опубликована/],
    ['nothing after withdrawal', [sub, pev('withdrawn', owner(), '2026-03-02T10:30', { reason: '' })], approved, /невозможно: публикация отозвана/],
    ['an edit that changes nothing', [sub], pev('edited', dip, '2026-03-02T11:00', { text: TEXT }), /текст не изменился/],
    ['not before the previous act', [sub, approved], pev('edited', dip, '2026-03-02T09:00', { text: 'x' }), /раньше предыдущего/],
  ];

  it.each(refusals)('%s', (_name, before, event, reason) => {
    const state = before.length ? replayPublication(before) : undefined;
    const snapshot = structuredClone(state);
    const r = applyPublicationEvent(state, event);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
    expect(state).toEqual(snapshot);
  });

  it('department names are compared as people write them (case, spaces, ё)', () => {
    const s = replayPublication([sub, returned]);
    const r = applyPublicationEvent(s, pev('resubmitted', owner('  департамент   ТРАНСПОРТА '), '2026-03-02T12:00', { text: 'y' }));
    expect(r.ok).toBe(true);
  });

  it('replay names the event that cannot happen', () => {
    expect(() => replayPublication([sub, published])).toThrow(PublicationError);
    expect(() => replayPublication([sub, published])).toThrow(/событие 2 \(published\)/);
  });

  it('the shared log sets aside what its order makes impossible (two DIP staff at once)', () => {
    const r = replayPublicationLenient([sub, approved, pev('returned', { ...dip, name: 'Другой' }, '2026-03-02T12:31', { remarks: ['поздно'] })]);
    expect(r.state?.status).toBe('approved');
    expect(r.accepted).toHaveLength(2);
    expect(r.refused[0]?.error).toMatch(/согласована/);
  });

  it('the buttons each role sees', () => {
    const s = replayPublication([sub]);
    expect(allowedActions(s, dip).sort()).toEqual(['approved', 'edited', 'returned', 'withdrawn']);
    expect(allowedActions(s, owner())).toEqual(['withdrawn']);
    expect(allowedActions(replayPublication([sub, returned]), owner()).sort()).toEqual(['resubmitted', 'withdrawn']);
    expect(allowedActions(replayPublication([sub, returned]), owner('Департамент образования'))).toEqual([]);
    expect(allowedActions(s, { ...moderator, department: DIP })).toEqual([]);
  });
});

describe('publication events: the schema', () => {
  it('accepts a whole submission and names what is wrong in Russian', () => {
    expect(parsePublicationEvent(sub).ok).toBe(true);
    const bad = parsePublicationEvent({ ...sub, payload: { ...(sub.payload as object), pages: [] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/не выбрана ни одна страница/);
    const noRemarks = parsePublicationEvent(pev('returned', dip, '2026-03-02T11:00', { remarks: [] }));
    expect(!noRemarks.ok && noRemarks.error).toMatch(/нет ни одного замечания/);
    const empty = parsePublicationEvent({ ...sub, payload: { ...(sub.payload as object), text: '   ' } });
    expect(!empty.ok && empty.error).toMatch(/текст публикации пуст/);
  });
});
