import { describe, expect, it } from 'vitest';
import { fillTemplate, firstName, messageFacts, unknownPlaceholders } from '@/lib/replies/fill';
import { finalReplyDueIfSentAt } from '@/lib/replies/due';
import { lintDraft } from '@/lib/messages/lint';
import { derive } from '@/lib/messages/summary';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { messageRecord } from '../../messages';

// Tuesday 13 May 2025, 09:00 in Omsk (UTC+6).
const T0 = Date.UTC(2025, 4, 13, 3, 0);
const MIN = 60_000;
const ZONE = 'Asia/Omsk';
const clock = createWorkClock();

describe('the first name to address the citizen by', () => {
  it.each([
    ['Иван Петров', 'Иван'],
    ['  Анна-Мария   Соколова ', 'Анна-Мария'],
    ['Петрова Анна Сергеевна', 'Анна'],
    ['Иван Сергеевич Петров', 'Иван'],
    ['Эльмира Кызы', 'Эльмира'],
    ['иван петров', 'Иван'],
    ['Ivan Petrov', 'Ivan'],
    ['«Ольга» Смирнова', 'Ольга'],
    ['Сергей (Омск)', 'Сергей'],
    ['Алёна', 'Алёна'],
  ])('%s → %s', (author, name) => {
    expect(firstName(author)).toBe(name);
  });

  it.each([[''], ['   '], [null], [undefined], ['id12345'], ['DELETED'], ['Пользователь удалён'], ['12345']])('nothing for %j', (author) => {
    expect(firstName(author)).toBeUndefined();
  });
});

describe('filling a template', () => {
  const facts = {
    author: 'Иван Петров',
    location: 'ул. Ленина, 5',
    topic: 'отопление',
    department: 'Департамент городского хозяйства',
    finalReplyDue: Date.UTC(2025, 4, 22, 11, 45),
    zone: ZONE,
  };

  it.each([
    ['Здравствуйте, {имя}!', 'Здравствуйте, Иван!'],
    ['{Имя}, добрый день.', 'Иван, добрый день.'],
    ['Адрес {адрес} передан в работу.', 'Адрес ул. Ленина, 5 передан в работу.'],
    ['Локация: { локация }.', 'Локация: ул. Ленина, 5.'],
    ['По теме «{тема}» ответим до {дата ответа}.', 'По теме «отопление» ответим до 22 мая.'],
    ['Срок — {срок  ответа}.', 'Срок — 22 мая.'],
    ['{подразделение} проверит.', 'Департамент городского хозяйства проверит.'],
    ['Бригада приедет к дому {номер дома}.', 'Бригада приедет к дому {номер дома}.'],
    ['Без подстановок.', 'Без подстановок.'],
    ['{имя}, {имя}!', 'Иван, Иван!'],
  ])('%s → %s', (template, filled) => {
    expect(fillTemplate(template, facts)).toBe(filled);
  });

  it('keeps «{…}» visible for whatever the message does not know', () => {
    const text = 'Здравствуйте, {имя}! По адресу {адрес} ответим до {дата ответа}. {подразделение}';
    expect(fillTemplate(text, { author: 'DELETED', location: '  ', topic: null })).toBe(text);
    expect(unknownPlaceholders('{имя}, дом {номер дома}, кв. {квартира}, снова {номер дома}')).toEqual(['{номер дома}', '{квартира}']);
  });

  it('the lint points at the gap left for the executor', () => {
    const filled = fillTemplate('Здравствуйте, {имя}! Бригада приедет к дому {номер дома}.', facts);
    expect(lintDraft(filled, { kind: 'final' }).map((w) => [w.code, w.message])).toEqual([
      ['placeholder', 'не заполнен шаблон «{номер дома}»: подставьте нужное'],
    ]);
  });

  it('a filled intermediate reply names its term, as §11 asks', () => {
    const filled = fillTemplate('{имя}, проверим и ответим до {дата ответа}.', facts);
    expect(lintDraft(filled, { kind: 'intermediate' })).toEqual([]);
    expect(lintDraft('{имя}, проверим и ответим позже.', { kind: 'intermediate' }).map((w) => w.code)).toContain('noFinalDate');
  });
});

describe('the facts of a message', () => {
  const curator = { role: 'curator', name: 'Ольга Петрова' } as const;
  const unit = 'Департамент городского хозяйства';
  const executor = { role: 'executor', name: 'Иван Смирнов', department: unit } as const;
  const received = (importance: 'normal' | 'high'): MessageEvent => ({
    type: 'received',
    actor: curator,
    at: T0,
    payload: { importance, topic: 'Отопление', location: 'ул. Ленина, 5' },
  });
  const routed: MessageEvent = { type: 'routed', actor: curator, at: T0 + 10 * MIN, payload: { executors: [{ department: unit }] } };
  const facts = (events: MessageEvent[], estimate?: () => number | null) => {
    const record = messageRecord('1', events, { author: 'Анна Иванова' });
    const { state, report } = derive(record, clock, events[events.length - 1]!.at + MIN);
    return messageFacts({ author: record.author, state, report, department: 'Моё подразделение', zone: ZONE, estimate });
  };

  it('takes the author, topic, location and the responsible unit from the message', () => {
    expect(facts([received('normal'), routed])).toEqual({
      author: 'Анна Иванова',
      location: 'ул. Ленина, 5',
      topic: 'Отопление',
      department: unit,
      finalReplyDue: null,
      zone: ZONE,
    });
    expect(facts([received('normal')]).department).toBe('Моё подразделение');
  });

  it('the final reply date: §11 once the intermediate reply is out, else the estimate for a reply sent now', () => {
    const sentAt = T0 + 2 * 60 * MIN;
    const estimate = () => finalReplyDueIfSentAt(clock, sentAt, 'normal');
    // Tuesday 13 May + 7 working days → Thursday 22 May, at the close of the day (17:45 in Omsk).
    expect(estimate()).toBe(Date.UTC(2025, 4, 22, 11, 45));
    expect(facts([received('normal'), routed], estimate).finalReplyDue).toBe(Date.UTC(2025, 4, 22, 11, 45));

    const events: MessageEvent[] = [
      received('normal'),
      routed,
      { type: 'draftSubmitted', actor: executor, at: T0 + 60 * MIN, payload: { kind: 'intermediate', text: 'Проверим до 22 мая.' } },
      { type: 'draftApproved', actor: curator, at: T0 + 70 * MIN, payload: {} },
      { type: 'published', actor: curator, at: T0 + 80 * MIN, payload: {} },
    ];
    // The message's own term wins over any estimate.
    expect(facts(events, () => 0).finalReplyDue).toBe(Date.UTC(2025, 4, 22, 11, 45));
  });

  it('high importance: only the date agreed with the curator', () => {
    expect(finalReplyDueIfSentAt(clock, T0, 'high')).toBeNull();
    const due = Date.UTC(2025, 4, 16, 10, 0);
    const events: MessageEvent[] = [received('high'), { type: 'finalReplyDueSet', actor: curator, at: T0 + 5 * MIN, payload: { due } }];
    expect(facts(events, () => null).finalReplyDue).toBe(due);
    expect(facts([received('high'), routed], () => finalReplyDueIfSentAt(clock, T0, 'high')).finalReplyDue).toBeNull();
  });
});
