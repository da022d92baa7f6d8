import { describe, expect, it } from 'vitest';
import { looksFor, pageChecks } from '../../../lib/publications/page-checks';

const founded = { entryId: 'r', decision: { date: '2025-01-10', number: '12-р' }, approval: { date: '2025-01-15', number: 'ДИП-4' }, updatedAt: 1 };
const looks = (description: boolean, cover: boolean, avatar: boolean) => ({ pageKey: 'vk:-1', at: 5, description, cover, avatar });

describe('page checks (App. 2 §4, §12)', () => {
  it.each([
    ['a department page with both documents and a described, designed wall', 'department', founded, looks(true, true, false), { decision: 'ok', approval: 'ok', description: 'ok', design: 'ok', problems: 0 }],
    ['no documents, wall never opened', 'department', undefined, undefined, { decision: 'missing', approval: 'missing', description: 'unknown', design: 'unknown', problems: 2 }],
    ['a number without a date is not a record', 'department', { ...founded, approval: { date: '', number: '5' } }, looks(true, false, true), { approval: 'missing', problems: 1 }],
    ['no description, no cover nor avatar', 'department', founded, looks(false, false, false), { description: 'missing', design: 'missing', problems: 2 }],
    ['the administration’s page needs no §4 documents', 'administration', undefined, looks(true, false, true), { decision: 'na', approval: 'na', problems: 0 }],
  ] as const)('%s', (_n, kind, f, l, expected) => {
    expect(pageChecks(kind, f, l)).toMatchObject(expected);
  });

  it('the freshest look under any of the entry’s keys', () => {
    const all = [
      { ...looks(false, false, false), at: 1 },
      { ...looks(true, true, true), pageKey: 'vk:https://vk.com/club1', at: 9 },
      { ...looks(true, true, true), pageKey: 'vk:-2', at: 20 },
    ];
    expect(looksFor(['vk:-1', 'vk:https://vk.com/club1'], all)?.at).toBe(9);
  });
});
