import { describe, expect, it } from 'vitest';
import { bulkOutcomeText, bulkPreview, formatCount, selectRange } from '@/lib/messages/queue';
import type { MessageSummary } from '@/lib/messages/types';
import type { MessageStatus } from '@/lib/workflow/transitions';

const row = (id: string, status: MessageStatus, importance: 'normal' | 'high' = 'normal') => ({ id, status, importance }) as MessageSummary;

describe('selection and bulk acts', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];

  it('selects a range in either direction, and unselects one', () => {
    expect([...selectRange(new Set(), ids, 1, 3, true)]).toEqual(['b', 'c', 'd']);
    expect([...selectRange(new Set(['a']), ids, 4, 2, true)].sort()).toEqual(['a', 'c', 'd', 'e']);
    expect([...selectRange(new Set(ids), ids, 3, 1, false)]).toEqual(['a', 'e']);
    expect([...selectRange(new Set(), ids, 2, 2, true)]).toEqual(['c']);
  });

  it('forecasts by the transition table where each message stands', () => {
    const rows = [row('a', 'received'), row('b', 'returnedToCurator'), row('c', 'routed'), row('d', 'draftSubmitted'), row('e', 'published', 'high')];
    expect(bulkOutcomeText(bulkPreview(rows, { type: 'routed' }), true)).toBe(
      'Будет изменено: 2. Будет пропущено 3: уже направлены — 1; проект ответа на согласовании — 1; ответ уже размещён — 1.',
    );
    expect(bulkPreview(rows, { type: 'notProcessed' }).changed).toEqual(['a', 'b', 'c', 'd']);
    expect(bulkPreview([row('a', 'received', 'high'), row('b', 'routed')], { type: 'categorised', importance: 'high' })).toEqual({
      changed: ['b'],
      skipped: [{ id: 'a', why: 'other', text: 'уже высокой важности' }],
    });
  });

  it('names the largest group of skipped first and writes thousands apart', () => {
    const skipped = [
      { id: '1', why: 'missing' as const },
      ...Array.from({ length: 1200 }, (_, i) => ({ id: `r${i}`, why: 'status' as const, status: 'routed' as const })),
    ];
    expect(bulkOutcomeText({ changed: [], skipped })).toMatch(/^Изменено: 0\. Пропущено 1\s201: уже направлены — 1\s200; удалены из базы — 1\.$/);
    expect(bulkOutcomeText({ changed: ['x'], skipped: [] })).toBe('Изменено: 1.');
    expect(formatCount(20_000)).toMatch(/^20\s000$/);
  });
});
