import { wallClock, zonedTime } from './zone';
import { fold } from '../text';

/**
 * Dates as VK (both markups and m.vk.com) and OK print them in Russian, turned into unix
 * milliseconds. Pure: "now" and the viewer's zone are arguments, so the machine's own zone never
 * leaks in — the sites print dates in the viewer's zone, which the caller knows.
 *
 * The forms, and where they were seen (research/markup-2026.md):
 * - relative: «только что», «минуту назад», «2 минуты назад», «N мин назад», «час назад»,
 *   «2 часа назад», «19 ч назад», «7 д назад», «2 дня назад» (VK, DZ; «мин», «ч», «д» also LR);
 * - a day word: «сегодня в 9:10», «вчера в 12:30», «вчера» alone (VK), «вчера 14:05» (OK);
 * - a time alone: «12:40» (OK, today);
 * - a date: «29 авг», «29 авг в 16:45», «30 окт 2014» (VK, DZ), «12 мая», «5 мая 2023»,
 *   «12 мая 18:30» (OK).
 * A date printed without a time is the start of that day; one printed without a year is the most
 * recent such day that is not in the future (5 minutes of clock skew allowed).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Every way the sites print a month: genitive («октября»), nominative, and abbreviations (dot stripped). */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['января', 'январь', 'янв'],
    ['февраля', 'февраль', 'фев', 'февр'],
    ['марта', 'март', 'мар'],
    ['апреля', 'апрель', 'апр'],
    ['мая', 'май'],
    ['июня', 'июнь', 'июн'],
    ['июля', 'июль', 'июл'],
    ['августа', 'август', 'авг'],
    ['сентября', 'сентябрь', 'сен', 'сент'],
    ['октября', 'октябрь', 'окт'],
    ['ноября', 'ноябрь', 'ноя', 'нояб'],
    ['декабря', 'декабрь', 'дек'],
  ].flatMap((forms, month) => forms.map((f) => [f, month] as const)),
);

/** Small numbers VK spells out («две минуты назад», «три часа назад»). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  'одну': 1, 'одна': 1, 'один': 1, 'две': 2, 'два': 2, 'три': 3, 'четыре': 4, 'пять': 5,
  'шесть': 6, 'семь': 7, 'восемь': 8, 'девять': 9, 'десять': 10,
};

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week';

/** The unit words of «… назад», full and abbreviated («19 ч назад», «7 д назад», «5 мин. назад»). */
const UNITS: ReadonlyMap<string, Unit> = new Map([
  ...['секунду', 'секунды', 'секунд', 'сек'].map((w) => [w, 'second'] as const),
  ...['минуту', 'минуты', 'минут', 'мин'].map((w) => [w, 'minute'] as const),
  ...['час', 'часа', 'часов', 'ч'].map((w) => [w, 'hour'] as const),
  ...['день', 'дня', 'дней', 'дн', 'д'].map((w) => [w, 'day'] as const),
  ...['неделю', 'недели', 'недель', 'нед'].map((w) => [w, 'week'] as const),
]);

const DAY_BACK: Readonly<Record<string, number>> = { 'сегодня': 0, 'вчера': 1, 'позавчера': 2 };

// Compiled once: the runtime resolves thousands of dates per batch.
const JUST_NOW = /^(?:только что|сейчас)$/;
const AGO = /^(?:(\d+|[а-я]+)\s+)?([а-я]+)\.?\s+назад$/;
const DAY_WORD = /^(сегодня|вчера|позавчера)(?:,?\s+(?:в\s+)?(\d{1,2}):(\d{2}))?$/;
const TIME_ONLY = /^(?:в\s+)?(\d{1,2}):(\d{2})$/;
const DAY_MONTH = /^(\d{1,2})\s+([а-я]+)\.?(?:\s+(\d{4})(?:\s*г\.?)?)?(?:,?\s+(?:в\s+)?(\d{1,2}):(\d{2}))?$/;
const DIGITS = /^\d+$/;
const SPACES = /[\s\u00a0\u202f]+/g;

/** A date printed without a year that lands this far after "now" belongs to an earlier year. */
const FUTURE_TOLERANCE = 5 * MINUTE;
/** How far back a date without a year is looked for (29 February: up to the last leap year). */
const YEARS_BACK = 8;

function countOf(token: string | undefined): number | null {
  if (token === undefined) return 1;
  if (DIGITS.test(token)) return Number(token);
  return NUMBER_WORDS[token] ?? null;
}

function validTime(h: number, m: number): boolean {
  return h < 24 && m < 60;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** «N … назад»: seconds to hours are exact; days and weeks step the calendar (a DST change keeps the hour). */
function ago(n: number, unit: Unit, now: number, timeZone: string): number {
  if (unit === 'second') return now - n * SECOND;
  if (unit === 'minute') return now - n * MINUTE;
  if (unit === 'hour') return now - n * HOUR;
  const w = wallClock(now, timeZone);
  const days = unit === 'day' ? n : 7 * n;
  const rest = ((now % MINUTE) + MINUTE) % MINUTE;
  return zonedTime(w.year, w.month, w.day - days, w.hour, w.minute, timeZone) + rest;
}

/** Answers for the current «now» and zone, by the text as printed. */
let cached: { now: number; zone: string; values: Map<string, number | null> } = { now: NaN, zone: '', values: new Map() };

/**
 * Resolve a date as VK or OK print it. `now` is unix ms, `timeZone` the IANA zone the page was
 * rendered in (or LOCAL_ZONE). Returns unix ms, or null for anything that is not a date
 * («Реклама», empty text, «31 фев», «25:00»).
 */
export function parseRuDate(text: string, now: number, timeZone: string): number | null {
  // A page's batch reads every date against one «now», and threads repeat the same few minutes.
  if (now !== cached.now || timeZone !== cached.zone) cached = { now, zone: timeZone, values: new Map() };
  let value = cached.values.get(text);
  if (value === undefined) {
    value = parseUncached(text, now, timeZone);
    if (cached.values.size < 5000) cached.values.set(text, value);
  }
  return value;
}

function parseUncached(text: string, now: number, timeZone: string): number | null {
  const s = fold(text.replace(SPACES, ' ').trim());
  if (!s) return null;
  if (JUST_NOW.test(s)) return now;

  let m = AGO.exec(s);
  if (m) {
    const n = countOf(m[1]);
    const unit = UNITS.get(m[2]!);
    return n === null || unit === undefined ? null : ago(n, unit, now, timeZone);
  }

  const today = wallClock(now, timeZone);
  const y = today.year;
  const mo = today.month;
  const d = today.day;

  m = DAY_WORD.exec(s);
  if (m) {
    const h = m[2] === undefined ? 0 : Number(m[2]);
    const min = m[3] === undefined ? 0 : Number(m[3]);
    if (!validTime(h, min)) return null;
    // Day overflow (day 0, -1) is normalised by Date.UTC inside zonedTime.
    return zonedTime(y, mo, d - DAY_BACK[m[1]!]!, h, min, timeZone);
  }

  m = TIME_ONLY.exec(s);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    return validTime(h, min) ? zonedTime(y, mo, d, h, min, timeZone) : null;
  }

  m = DAY_MONTH.exec(s);
  if (m) {
    const day = Number(m[1]);
    const month = MONTHS.get(m[2]!);
    if (month === undefined || day < 1) return null;
    const h = m[4] === undefined ? 0 : Number(m[4]);
    const min = m[5] === undefined ? 0 : Number(m[5]);
    if (!validTime(h, min)) return null;
    if (m[3] !== undefined) {
      const year = Number(m[3]);
      return day <= daysIn(year, month) ? zonedTime(year, month, day, h, min, timeZone) : null;
    }
    if (day > 31 || day > daysIn(2024, month)) return null;
    for (let year = y; year >= y - YEARS_BACK; year--) {
      if (day > daysIn(year, month)) continue;
      const t = zonedTime(year, month, day, h, min, timeZone);
      if (t <= now + FUTURE_TOLERANCE) return t;
    }
    return null;
  }

  return null;
}
