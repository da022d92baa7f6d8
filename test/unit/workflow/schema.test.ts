import { describe, expect, it } from 'vitest';
import { parseMessage, parseMessageEvent } from '../../../lib/workflow';

describe('stored shapes (zod)', () => {
  const at = Date.parse('2025-09-16T11:00+06:00');

  it('accepts a message with its history', () => {
    const r = parseMessage({
      id: 'vk:-123456_1002',
      site: 'vk',
      commentRef: 'vk:-123456_1002',
      events: [{ type: 'received', actor: { role: 'curator', name: 'Иванова' }, at, payload: { importance: 'high' } }],
    });
    expect(r.ok && r.value.events[0]?.type).toBe('received');
  });

  it.each([
    ['an executor without a unit', { type: 'draftSubmitted', actor: { role: 'executor', name: 'Петров' }, at, payload: { kind: 'final' } }, /подразделение/],
    ['an unknown event', { type: 'deleted', actor: { role: 'curator', name: 'Иванова' }, at, payload: {} }, /Событие не принято/],
    ['a §16 refusal without a known reason', { type: 'notProcessed', actor: { role: 'curator', name: 'Иванова' }, at, payload: { reason: 'скучно' } }, /payload\.reason/],
    ['routing to nobody', { type: 'routed', actor: { role: 'curator', name: 'Иванова' }, at, payload: { executors: [] } }, /payload\.executors/],
  ])('refuses %s with a Russian message', (_why, input, message) => {
    const r = parseMessageEvent(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.error).toMatch(/^Событие не принято: /);
    }
  });
});
