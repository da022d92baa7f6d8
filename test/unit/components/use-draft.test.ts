import { describe, expect, it } from 'vitest';
import { rebase } from '@/components/options/useDraft';

describe('rebase: a form’s draft moved onto a newer stored value', () => {
  const base = { name: 'Анна', zone: 'Asia/Omsk', moderation: { scope: 'everywhere', pages: ['vk:-1'] } };

  it.each([
    ['untouched: the newer value whole', base, { ...base, name: 'Борис' }, { ...base, name: 'Борис' }],
    ['an edited field stays, the others follow', { ...base, name: 'Анна К.' }, { ...base, zone: 'Europe/Moscow' }, { ...base, name: 'Анна К.', zone: 'Europe/Moscow' }],
    ['the user wins where both changed', { ...base, name: 'Анна К.' }, { ...base, name: 'Борис' }, { ...base, name: 'Анна К.' }],
    [
      'nested objects field by field',
      { ...base, moderation: { ...base.moderation, scope: 'registry' } },
      { ...base, moderation: { ...base.moderation, pages: ['vk:-1', 'ok:2'] } },
      { ...base, moderation: { scope: 'registry', pages: ['vk:-1', 'ok:2'] } },
    ],
    [
      'a list is one value',
      { ...base, moderation: { ...base.moderation, pages: [] } },
      { ...base, moderation: { ...base.moderation, pages: ['vk:-1', 'ok:2'] } },
      { ...base, moderation: { ...base.moderation, pages: [] } },
    ],
  ])('%s', (_, draft, latest, expected) => {
    expect(rebase(base, draft, latest)).toEqual(expected);
  });
});
