import { describe, expect, it } from 'vitest';
import { applyEvent, replay, WorkflowError, type MessageEvent, type MessageState } from '../../../lib/workflow';
import { CITY, DISTRICT, TRANSPORT, coExecutor, curator, ev, executor } from './helpers';

const received = ev('received', curator, '2025-09-16T11:00', { importance: 'normal', topic: 'ЖКХ', location: 'ул. Ленина, 1' });
const routed = ev('routed', curator, '2025-09-16T11:20', { executors: [{ department: CITY }, { department: DISTRICT }] });

function stateOf(...events: MessageEvent[]): MessageState {
  return replay(events);
}

/** Applies an event that must be refused; checks the state is left as it was. */
function refuse(state: MessageState, event: MessageEvent): string {
  const before = structuredClone(state);
  const r = applyEvent(state, event);
  expect(r.ok).toBe(false);
  expect(state).toEqual(before);
  return r.ok ? '' : r.error;
}

describe('message lifecycle: the path through the decree', () => {
  it('received → routed → information → draft → returned → resubmitted → approved → published', () => {
    const steps: [MessageEvent, string][] = [
      [received, 'received'],
      [routed, 'routed'],
      [ev('coExecutorInformationSent', coExecutor(), '2025-09-16T12:30', { text: 'Работы запланированы на пятницу' }), 'routed'],
      [ev('draftSubmitted', executor(), '2025-09-16T15:00', { kind: 'final', text: 'Здравствуйте! …' }), 'draftSubmitted'],
      [ev('draftReturned', curator, '2025-09-16T15:20', { remarks: 'Укажите сроки' }), 'returnedForRevision'],
      [ev('draftResubmitted', executor(), '2025-09-16T16:00', {}), 'draftResubmitted'],
      [ev('draftApproved', curator, '2025-09-16T16:10', {}), 'approved'],
      [ev('published', curator, '2025-09-16T16:30', { url: 'https://vk.com/wall-1_2?reply=3' }), 'published'],
    ];
    let state: MessageState | undefined;
    for (const [event, status] of steps) {
      const r = applyEvent(state, event);
      if (!r.ok) throw new Error(r.error);
      state = r.state;
      expect(state.status).toBe(status);
    }
    expect(state!.responsible).toEqual({ department: CITY });
    expect(state!.coExecutors).toEqual([{ department: DISTRICT }]);
    expect(state!.draft).toMatchObject({ kind: 'final', revisions: 1 });
    expect(state!.publishedAt).toBe(steps.at(-1)![0].at);
  });

  it('§5: the responsible executor returns the message; the curator routes it again', () => {
    const back = stateOf(received, routed, ev('returnedToCurator', executor(), '2025-09-16T11:40', { reason: 'Вопрос транспорта' }));
    expect(back.status).toBe('returnedToCurator');
    expect(back.responsible).toBeUndefined();
    const again = applyEvent(back, ev('routed', curator, '2025-09-16T11:50', { executors: [{ department: TRANSPORT }] }));
    expect(again.ok && again.state.responsible).toEqual({ department: TRANSPORT });
  });

  it('§5: a co-executor who returns drops out; the responsible executor keeps the message', () => {
    const s = stateOf(received, routed, ev('returnedToCurator', coExecutor(), '2025-09-16T11:30', { reason: 'Не наш округ' }));
    expect(s.status).toBe('routed');
    expect(s.coExecutors).toEqual([]);
  });

  it('§13, §16, §19: repeat link, refusal with a reason, social significance', () => {
    const s = stateOf(
      received,
      ev('repeatLinked', curator, '2025-09-16T11:05', { earlierMessageId: 'vk:-1_100' }),
      ev('socialSignificanceSet', curator, '2025-09-16T11:06', { significant: true }),
      ev('notProcessed', curator, '2025-09-16T11:10', { reason: 'obscene' }, 'нецензурная брань'),
    );
    expect(s).toMatchObject({ status: 'notProcessed', repeatOf: 'vk:-1_100', sociallySignificant: true, notProcessed: { reason: 'obscene' } });
    const flagged = applyEvent(s, ev('socialSignificanceSet', curator, '2025-09-16T12:00', { significant: false }));
    expect(flagged.ok && flagged.state.sociallySignificant).toBe(false);
  });

  it('§11: an intermediate reply waits for the final draft', () => {
    const s = stateOf(
      received,
      routed,
      ev('draftSubmitted', executor(), '2025-09-16T15:00', { kind: 'intermediate' }),
      ev('draftApproved', curator, '2025-09-16T15:10', {}),
      ev('published', executor(), '2025-09-16T15:20', {}),
    );
    expect(s.status).toBe('awaitingFinalReply');
    expect(s.intermediatePublishedAt).toBe(Date.parse('2025-09-16T15:20+06:00'));
    expect(refuse(s, ev('draftSubmitted', executor(), '2025-09-17T10:00', { kind: 'intermediate' }))).toMatch(/окончательный проект/);
    const final = applyEvent(s, ev('draftSubmitted', executor(), '2025-09-18T10:00', { kind: 'final' }));
    expect(final.ok && final.state.status).toBe('draftSubmitted');
  });
});

describe('invalid transitions are refused in Russian and change nothing', () => {
  const atRouted = stateOf(received, routed);

  it.each([
    ['approval before any draft', ev('draftApproved', curator, '2025-09-16T12:00', {}), /согласование проекта.*невозможно: сообщение у исполнителей/],
    ['an executor approving', ev('draftApproved', executor(), '2025-09-16T12:00', {}), /невозможно/],
    ['a draft from a unit that is not responsible', ev('draftSubmitted', executor(TRANSPORT), '2025-09-16T12:00', { kind: 'final' }), /ответственный исполнитель по сообщению — Департамент городского хозяйства, а не Департамент транспорта/],
    ['a co-executor that was not named', ev('coExecutorInformationSent', coExecutor(TRANSPORT), '2025-09-16T12:00', {}), /не указан соисполнителем/],
    ['the curator writing the draft', ev('draftSubmitted', curator, '2025-09-16T12:00', { kind: 'final' }), /выполняет ответственный исполнитель, а не Куратор/],
    ['an event earlier than the last one', ev('draftSubmitted', executor(), '2025-09-16T11:10', { kind: 'final' }), /раньше предыдущего/],
    ['receiving twice', ev('received', curator, '2025-09-16T12:00', { importance: 'high' }), /уже получено/],
    ['a curator date for a normal message', ev('finalReplyDueSet', curator, '2025-09-16T12:00', { due: Date.parse('2025-10-01T10:00+06:00') }), /высокой важности/],
    ['publishing before approval', ev('published', curator, '2025-09-16T12:00', {}), /размещение ответа.*невозможно/],
  ])('%s', (_why, event, message) => {
    const error = refuse(atRouted, event);
    expect(error).toMatch(/^Действие не выполнено: /);
    expect(error).toMatch(message);
  });

  it('only the curator approves a draft', () => {
    const s = stateOf(received, routed, ev('draftSubmitted', executor(), '2025-09-16T15:00', { kind: 'final' }));
    expect(refuse(s, ev('draftApproved', executor(), '2025-09-16T15:10', {}))).toMatch(/«согласование проекта» выполняет Куратор, а не ответственный исполнитель/);
  });

  it('the same co-executor cannot send information twice', () => {
    const s = stateOf(received, routed, ev('coExecutorInformationSent', coExecutor(), '2025-09-16T12:00', {}));
    expect(refuse(s, ev('coExecutorInformationSent', coExecutor(), '2025-09-16T12:10', {}))).toMatch(/уже направил информацию/);
  });

  it('nothing happens to a message after it is closed, except the §19 flag', () => {
    const closed = stateOf(received, ev('notProcessed', curator, '2025-09-16T11:10', { reason: 'threat' }));
    expect(refuse(closed, ev('routed', curator, '2025-09-16T11:20', { executors: [{ department: CITY }] }))).toMatch(/не подлежит обработке/);
  });

  it('a history must start with the curator receiving the message', () => {
    expect(() => replay([routed])).toThrow(WorkflowError);
    expect(() => replay([routed])).toThrow(/начинаться с его получения/);
    expect(() => replay([ev('received', executor(), '2025-09-16T11:00', { importance: 'normal' })])).toThrow(/регистрирует Куратор/);
  });
});
