import { describe, expect, it } from 'vitest';
import { isMessageNumber, messageNumber, normaliseMessageNumber } from '@/lib/messages/summary';

describe('the number of a message', () => {
  it.each([
    ['3f2a9c1b-5d6e-4f70-8a9b-0c1d2e3f4a5b', '3f2a9c1b'],
    ['3F2A9C1B-5D6E-4F70-8A9B-0C1D2E3F4A5B', '3f2a9c1b'],
    ['imp-0123456789abcdef', '01234567'],
    ['E1', 'E1'],
    ['vk:-1_100', 'vk:-1_100'],
  ])('%s reads as № %s', (id, number) => {
    expect(messageNumber(id)).toBe(number);
  });

  it('takes the number as people type it: with «№», in capitals, or the whole id', () => {
    const id = '3f2a9c1b-5d6e-4f70-8a9b-0c1d2e3f4a5b';
    expect(normaliseMessageNumber(' № 3F2A9C1B ')).toBe('3f2a9c1b');
    for (const typed of ['№ 3F2A9C1B', '3f2a9c1b', '№3f2a9c1b', id]) expect(isMessageNumber(id, typed)).toBe(true);
    expect(isMessageNumber(id, '3f2a9c1c')).toBe(false);
    expect(isMessageNumber(id, '')).toBe(false);
  });
});
