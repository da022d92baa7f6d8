import { describe, expect, it } from 'vitest';
import { absoluteUrl, ownQuerier, ownQuery } from '@/lib/sites/dom';
import { LOCAL_ZONE, wallClock, zonedTime } from '@/lib/sites/zone';

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

  it('reads the browser’s own zone with Date alone, across its daylight-saving changes', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      expect(zonedTime(2025, 2, 30, 1, 30, LOCAL_ZONE)).toBe(zonedTime(2025, 2, 30, 1, 30, 'Europe/Berlin'));
      expect(zonedTime(2025, 2, 30, 3, 30, LOCAL_ZONE)).toBe(Date.UTC(2025, 2, 30, 1, 30));
      expect(zonedTime(2025, 9, 26, 4, 0, LOCAL_ZONE)).toBe(Date.UTC(2025, 9, 26, 3, 0));
      expect(wallClock(Date.UTC(2025, 9, 26, 0, 59), LOCAL_ZONE)).toMatchObject({ hour: 2, minute: 59 });
      expect(wallClock(Date.UTC(2025, 6, 1, 22, 0), LOCAL_ZONE)).toMatchObject({ month: 6, day: 2, hour: 0 });
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('reads Omsk at UTC+6 whatever the machine’s zone', () => {
    expect(zonedTime(2025, 4, 5, 10, 0, 'Asia/Omsk')).toBe(Date.UTC(2025, 4, 5, 4, 0));
    expect(wallClock(Date.UTC(2025, 4, 5, 20, 0), 'Asia/Omsk')).toMatchObject({ day: 6, hour: 2 });
  });
});

describe('ownQuery', () => {
  function tree(html: string): Element {
    const host = document.createElement('div');
    host.innerHTML = html;
    return host.firstElementChild!;
  }

  it('finds the scope’s own part, not a nested comment’s, in either order', () => {
    const first = tree('<div class="c"><p class="t">own</p><div class="c"><p class="t">reply</p></div></div>');
    expect(ownQuery(first, '.t', '.c')?.textContent).toBe('own');
    // A reply drawn before its parent's text: the first match is the reply's, the next one is own.
    const after = tree('<div class="c"><div><div class="c"><p class="t">reply</p></div></div><p class="t">own</p></div>');
    expect(ownQuery(after, '.t', '.c')?.textContent).toBe('own');
    const none = tree('<div class="c"><div class="c"><p class="t">reply</p></div></div>');
    expect(ownQuery(none, '.t', '.c')).toBeNull();
  });

  it('ownQuerier answers alike for a comment with replies and one without', () => {
    const withReplies = tree('<div class="c"><div><div class="c"><p class="t">reply</p></div></div><p class="t">own</p></div>');
    expect(ownQuerier(withReplies, '.c')('.t')?.textContent).toBe('own');
    const alone = tree('<div class="c"><p class="t">own</p><p class="t">second</p></div>');
    expect(ownQuerier(alone, '.c')('.t')?.textContent).toBe('own');
    expect(ownQuerier(alone, '.c')('.missing')).toBeNull();
  });

  it('is not misled by the page above the scope', () => {
    // The scope itself sits inside an element matching `owner`: only what lies inside it counts.
    const outer = tree('<div class="c"><section><div class="c" id="inner"><p class="t">inner</p></div></section></div>');
    const inner = outer.querySelector('#inner')!;
    expect(ownQuery(inner, '.t', '.c')?.textContent).toBe('inner');
  });
});
