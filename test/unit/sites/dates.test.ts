import { describe, expect, it } from 'vitest';
import { parseRuDate } from '@/lib/sites/dates';

// Wednesday 7 May 2025, 13:00 in Omsk (UTC+6, no DST).
const NOW = Date.parse('2025-05-07T13:00:00+06:00');
const OMSK = 'Asia/Omsk';

const ROWS: Array<[text: string, expected: string | null]> = [
  ['только что', '2025-05-07T13:00:00+06:00'],
  ['Только что', '2025-05-07T13:00:00+06:00'],
  ['секунду назад', '2025-05-07T12:59:59+06:00'],
  ['10 секунд назад', '2025-05-07T12:59:50+06:00'],
  ['минуту назад', '2025-05-07T12:59:00+06:00'],
  ['2 минуты назад', '2025-05-07T12:58:00+06:00'],
  ['две минуты назад', '2025-05-07T12:58:00+06:00'],
  ['пять минут назад', '2025-05-07T12:55:00+06:00'],
  ['25 минут назад', '2025-05-07T12:35:00+06:00'],
  ['час назад', '2025-05-07T12:00:00+06:00'],
  ['2 часа назад', '2025-05-07T11:00:00+06:00'],
  ['три часа назад', '2025-05-07T10:00:00+06:00'],
  ['5 часов назад', '2025-05-07T08:00:00+06:00'],
  ['сегодня в 9:05', '2025-05-07T09:05:00+06:00'],
  ['сегодня в 09:05', '2025-05-07T09:05:00+06:00'],
  ['вчера в 14:05', '2025-05-06T14:05:00+06:00'],
  ['вчера 14:05', '2025-05-06T14:05:00+06:00'],
  ['позавчера в 8:00', '2025-05-05T08:00:00+06:00'],
  ['9:15', '2025-05-07T09:15:00+06:00'],
  ['5 мая в 10:00', '2025-05-05T10:00:00+06:00'],
  ['5 мая 10:00', '2025-05-05T10:00:00+06:00'],
  ['5 мая', '2025-05-05T00:00:00+06:00'],
  ['30 окт 2024', '2024-10-30T00:00:00+06:00'],
  ['30 окт. 2024', '2024-10-30T00:00:00+06:00'],
  ['30 октября 2024', '2024-10-30T00:00:00+06:00'],
  ['30 окт 2024 в 18:45', '2024-10-30T18:45:00+06:00'],
  ['5 мая 2023', '2023-05-05T00:00:00+06:00'],
  ['5 мая 2023 г.', '2023-05-05T00:00:00+06:00'],
  ['12 янв в 9:00', '2025-01-12T09:00:00+06:00'],
  ['12 янв. в 9:00', '2025-01-12T09:00:00+06:00'],
  ['1 сент в 12:00', '2024-09-01T12:00:00+06:00'],
  ['1 сен в 12:00', '2024-09-01T12:00:00+06:00'],
  ['3 фев', '2025-02-03T00:00:00+06:00'],
  ['31 дек в 23:59', '2024-12-31T23:59:00+06:00'],
  // without a year and later than now: last year
  ['12 мая в 18:30', '2024-05-12T18:30:00+06:00'],
  ['7 мая в 13:30', '2024-05-07T13:30:00+06:00'],
  ['7 мая в 12:30', '2025-05-07T12:30:00+06:00'],
  ['5\u00a0мая в\u00a010:00', '2025-05-05T10:00:00+06:00'],
  // not dates
  ['Реклама', null],
  ['', null],
  ['25:00', null],
  ['сегодня в 24:10', null],
  ['5 мартобря', null],
  ['много минут назад', null],
];

describe('parseRuDate', () => {
  it.each(ROWS)('«%s» → %s', (text, expected) => {
    expect(parseRuDate(text, NOW, OMSK)).toBe(expected === null ? null : Date.parse(expected));
  });

  it('answers each «now» and zone anew, however often the same text is asked', () => {
    const now = Date.UTC(2025, 4, 5, 12, 0);
    expect(parseRuDate('5 минут назад', now, 'Asia/Omsk')).toBe(now - 5 * 60_000);
    expect(parseRuDate('5 минут назад', now, 'Asia/Omsk')).toBe(now - 5 * 60_000);
    expect(parseRuDate('5 минут назад', now + 60_000, 'Asia/Omsk')).toBe(now - 4 * 60_000);
    expect(parseRuDate('сегодня в 10:00', now, 'Asia/Omsk')).toBe(Date.UTC(2025, 4, 5, 4, 0));
    expect(parseRuDate('сегодня в 10:00', now, 'Europe/Moscow')).toBe(Date.UTC(2025, 4, 5, 7, 0));
    expect(parseRuDate('Реклама', now, 'Europe/Moscow')).toBeNull();
    expect(parseRuDate('Реклама', now, 'Europe/Moscow')).toBeNull();
  });

  it('resolves against the given zone, not the machine one', () => {
    // 14:05 yesterday in Moscow (UTC+3) and in Omsk (UTC+6) are different instants.
    expect(parseRuDate('вчера в 14:05', NOW, 'Europe/Moscow')).toBe(Date.parse('2025-05-06T14:05:00+03:00'));
    expect(parseRuDate('5 мая в 10:00', NOW, 'Asia/Vladivostok')).toBe(Date.parse('2025-05-05T10:00:00+10:00'));
  });

  it('takes "today" in the given zone when the UTC date differs', () => {
    // 01:30 on 8 May in Omsk is still 7 May in UTC.
    const lateNight = Date.parse('2025-05-08T01:30:00+06:00');
    expect(parseRuDate('сегодня в 0:45', lateNight, OMSK)).toBe(Date.parse('2025-05-08T00:45:00+06:00'));
    expect(parseRuDate('вчера в 23:10', lateNight, OMSK)).toBe(Date.parse('2025-05-07T23:10:00+06:00'));
  });

  it('crosses a month and a year boundary for «вчера»', () => {
    const newYear = Date.parse('2025-01-01T10:00:00+06:00');
    expect(parseRuDate('вчера в 22:00', newYear, OMSK)).toBe(Date.parse('2024-12-31T22:00:00+06:00'));
  });

  it('follows daylight saving time in zones that have it', () => {
    const now = Date.parse('2025-03-10T12:00:00-04:00');
    expect(parseRuDate('вчера в 1:30', now, 'America/New_York')).toBe(Date.parse('2025-03-09T01:30:00-05:00'));
    expect(parseRuDate('сегодня в 9:00', now, 'America/New_York')).toBe(Date.parse('2025-03-10T09:00:00-04:00'));
  });
});
