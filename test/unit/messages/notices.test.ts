import { describe, expect, it } from 'vitest';
import { cardNotices } from '@/lib/messages/notices';
import type { MessageRecord } from '@/lib/messages/types';
import type { MessageEvent } from '@/lib/workflow/schema';
import { messageRecord, type RecordOverrides } from '../../messages';

const curator = { role: 'curator' as const, name: 'Анна' };

function message(id: string, text: string, published: boolean, over: RecordOverrides = {}): MessageRecord {
  const at = Date.UTC(2025, 8, 16, 5, 0);
  const events: MessageEvent[] = [
    { type: 'received', actor: curator, at, payload: { importance: 'normal' } },
    ...(published ? [{ type: 'published' as const, actor: curator, at: at + 3600_000, payload: {} }] : []),
  ];
  return messageRecord(id, events, { author: 'Иван Петров', text, ...over });
}

describe('what the message card says beyond the message', () => {
  const question = 'Когда дадут горячую воду в доме на Ленина 10? Третью неделю без горячей воды, сколько можно';

  it('points at the earlier answered message the same question repeats (App. 1 §16 ¶2)', () => {
    const earlier = [message('a', question, true), message('b', question.replace('Третью', 'Вторую'), true)];
    const [notice] = cardNotices(message('c', `${question}!`, false), earlier);
    expect(notice).toMatchObject({ kind: 'repeat', earlierId: expect.stringMatching(/^[ab]$/) });
    expect(notice!.text).toMatch(/16/);
  });

  it('says nothing about a different question of the same author', () => {
    expect(cardNotices(message('c', 'Почему не вывозят мусор с площадки у школы номер пять уже неделю', false), [message('a', question, true)])).toEqual([]);
  });

  it('flags a conflict and a published reply that differs from the approved one', () => {
    const record = message('c', 'Спасибо', false, {
      conflict: { at: 1, from: { name: 'Пётр', role: 'executor', department: 'ДГХ' }, pending: [] },
      publication: { url: null, at: 2, text: 'Другой текст', differs: true },
    });
    expect(cardNotices(record, []).map((n) => n.kind)).toEqual(['conflict', 'publicationDiffers']);
    expect(cardNotices(record, [])[1]!.text).toContain('«Другой текст»');
  });
});
