import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { CARD_ACTS, type ActContext, type ActForm } from '@/components/workspace/messages/card-acts';
import { replay } from '@/lib/workflow/reducer';
import type { MessageRecord } from '@/lib/messages/types';

const T0 = Date.UTC(2025, 8, 16, 4, 0);
const curator = { role: 'curator' as const, name: 'Анна' };
const state = replay([{ type: 'received', actor: curator, at: T0, payload: { importance: 'high' } }]);
const ctx: ActContext = { state, record: { id: 'imp-3f2a9c1b0000000000' } as MessageRecord, actor: curator, at: T0 + 60_000, zone: 'Asia/Omsk', fmt: String };
const form = (a = '', co: string[] = []): ActForm => ({ a: signal(a), co: signal(co), importance: signal(state.importance), topic: signal(''), location: signal('') });

describe('the card’s acts as a table: the form becomes an event or a reason', () => {
  it('routing: the units in order, a unit twice refused', () => {
    expect(CARD_ACTS.routed.toEvent(form(''), ctx)).toBe('Укажите ответственное подразделение.');
    expect(CARD_ACTS.routed.toEvent(form('ДГХ', ['ДГХ']), ctx)).toBe('Одно подразделение указано дважды.');
    expect(CARD_ACTS.routed.toEvent(form(' ДГХ ', ['ЦАО', ' ']), ctx)).toEqual({ type: 'routed', actor: curator, at: ctx.at, payload: { executors: [{ department: 'ДГХ' }, { department: 'ЦАО' }] } });
  });

  it('a link to the reply must be a VK or OK address; §11’s date must be later than now', () => {
    expect(CARD_ACTS.published.toEvent(form('https://evil.example/'), ctx)).toMatch(/^Ссылка на ответ должна вести/);
    expect(CARD_ACTS.published.toEvent(form(''), ctx)).toMatchObject({ type: 'published', payload: {} });
    expect(CARD_ACTS.finalReplyDueSet.toEvent(form('2025-09-16T09:00'), ctx)).toBe('Срок окончательного ответа должен быть позже текущего момента.');
    expect(CARD_ACTS.finalReplyDueSet.toEvent(form('2025-09-20T09:00'), ctx)).toMatchObject({ type: 'finalReplyDueSet', payload: { due: Date.parse('2025-09-20T09:00:00+06:00') } });
  });

  it('a message is not a repeat of itself; nothing changed is no categorisation; the label follows the state', () => {
    expect(CARD_ACTS.repeatLinked.toEvent(form('№ 3F2A9C1B'), ctx)).toBe('Сообщение не может быть повтором самого себя.');
    expect(CARD_ACTS.categorised.toEvent(form(), ctx)).toBe('Ничего не изменено.');
    expect(CARD_ACTS.socialSignificanceSet.label(state)).toBe('Отметить как социально значимое');
    expect(CARD_ACTS.socialSignificanceSet.toEvent(form(), ctx)).toMatchObject({ payload: { significant: true } });
  });
});
