import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '@/lib/sites/dom';
import { wallClock, zonedTime } from '@/lib/sites/zone';

describe('absoluteUrl', () => {
  it.each([
    '/id111',
    '/anna.s',
    '/wall-123456_1001?reply=1002&thread=1002',
    '/club123456?w=wall-123456_1001',
    '/profile/590000000001',
    '/%D0%BF',
    '/.',
    '/..',
    '//evil.example/x',
    '/a b',
    'https://vk.com/id1',
    'javascript:alert(1)',
  ])('gives what the URL parser gives for %j', (href) => {
    let expected: string | null;
    try {
      const u = new URL(href, 'https://vk.com');
      expected = u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch {
      expected = null;
    }
    expect(absoluteUrl(href, 'https://vk.com')).toBe(expected);
  });
});

describe('zone maths with cached offsets', () => {
  it('crosses a daylight-saving change in both directions', () => {
    // Europe/Berlin: 2025-03-30 02:00 → 03:00, 2025-10-26 03:00 → 02:00.
    expect(new Date(zonedTime(2025, 2, 30, 1, 30, 'Europe/Berlin')).toISOString()).toBe('2025-03-30T00:30:00.000Z');
    expect(new Date(zonedTime(2025, 2, 30, 3, 30, 'Europe/Berlin')).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(new Date(zonedTime(2025, 9, 26, 4, 0, 'Europe/Berlin')).toISOString()).toBe('2025-10-26T03:00:00.000Z');
    expect(wallClock(Date.UTC(2025, 9, 26, 0, 59), 'Europe/Berlin')).toMatchObject({ hour: 2, minute: 59 });
    expect(wallClock(Date.UTC(2025, 9, 26, 1, 0), 'Europe/Berlin')).toMatchObject({ hour: 2, minute: 0 });
  });

  it('reads Omsk at UTC+6 whatever the machine’s zone', () => {
    expect(zonedTime(2025, 4, 5, 10, 0, 'Asia/Omsk')).toBe(Date.UTC(2025, 4, 5, 4, 0));
    expect(wallClock(Date.UTC(2025, 4, 5, 20, 0), 'Asia/Omsk')).toMatchObject({ day: 6, hour: 2 });
  });
});
