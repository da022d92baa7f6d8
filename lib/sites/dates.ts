import { wallClock, zonedTime } from './zone';

/**
 * Dates as VK and OK print them in Russian («вчера в 14:05», «5 мая 2023», «2 часа назад»), turned
 * into unix milliseconds. Pure: "now" and the viewer's zone are arguments, so the machine's own zone
 * never leaks in — the sites print dates in the viewer's zone, which the caller knows.
 */

const MINUTE = 60_000;
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

// Compiled once: the runtime resolves thousands of dates per batch.
const JUST_NOW = /^(?:только что|сейчас)$/;
const AGO = /^(?:(\d+|[а-я]+)\s+)?(секунд[уы]?|минут[уы]?|час(?:а|ов)?)\s+назад$/;
const DAY_WORD = /^(сегодня|вчера|позавчера)(?:\s+в)?\s+(\d{1,2}):(\d{2})$/;
const TIME_ONLY = /^(?:в\s+)?(\d{1,2}):(\d{2})$/;
const DAY_MONTH = /^(\d{1,2})\s+([а-я]+)\.?(?:\s+(\d{4})(?:\s*г\.?)?)?(?:,?\s+(?:в\s+)?(\d{1,2}):(\d{2}))?$/;
const DIGITS = /^\d+$/;
const SPACES = /[\s\u00a0\u202f]+/g;

/** A date printed without a year that lands this far after "now" belongs to last year. */
const FUTURE_TOLERANCE = 5 * MINUTE;

function monthOf(word: string): number | null {
  return MONTHS.get(word) ?? null;
}

function countOf(token: string | undefined): number | null {
  if (token === undefined) return 1;
  if (DIGITS.test(token)) return Number(token);
  return NUMBER_WORDS[token] ?? null;
}

function validTime(h: number, m: number): boolean {
  return h < 24 && m < 60;
}

/** Wall-clock fields in `timeZone` → unix ms (DST and historic offsets handled by the zone database). */
function at(year: number, month: number, day: number, h: number, m: number, timeZone: string): number {
  return zonedTime(year, month, day, h, m, timeZone);
}

/** Answers for the current «now» and zone, by the text as printed. */
let cached: { now: number; zone: string; values: Map<string, number | null> } = { now: NaN, zone: '', values: new Map() };

/**
 * Resolve a date as VK or OK print it. `now` is unix ms, `timeZone` the IANA zone the page was
 * rendered in. Returns unix ms, or null for anything that is not a date («Реклама», empty text).
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
  const s = text.replace(SPACES, ' ').trim().toLowerCase();
  if (!s) return null;
  if (JUST_NOW.test(s)) return now;

  let m = AGO.exec(s);
  if (m) {
    const n = countOf(m[1]);
    if (n === null) return null;
    const unit = m[2].startsWith('сек') ? 1000 : m[2].startsWith('мин') ? MINUTE : HOUR;
    return now - n * unit;
  }

  const today = wallClock(now, timeZone);
  const y = today.year;
  const mo = today.month;
  const d = today.day;

  m = DAY_WORD.exec(s);
  if (m) {
    const h = Number(m[2]);
    const min = Number(m[3]);
    if (!validTime(h, min)) return null;
    const back = m[1] === 'сегодня' ? 0 : m[1] === 'вчера' ? 1 : 2;
    // Day overflow (day 0, -1) is normalised by Date.UTC inside zonedTime.
    return at(y, mo, d - back, h, min, timeZone);
  }

  m = TIME_ONLY.exec(s);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    return validTime(h, min) ? at(y, mo, d, h, min, timeZone) : null;
  }

  m = DAY_MONTH.exec(s);
  if (m) {
    const day = Number(m[1]);
    const month = monthOf(m[2]);
    if (month === null || day < 1 || day > 31) return null;
    const h = m[4] === undefined ? 0 : Number(m[4]);
    const min = m[5] === undefined ? 0 : Number(m[5]);
    if (!validTime(h, min)) return null;
    if (m[3] !== undefined) return at(Number(m[3]), month, day, h, min, timeZone);
    const thisYear = at(y, month, day, h, min, timeZone);
    return thisYear > now + FUTURE_TOLERANCE ? at(y - 1, month, day, h, min, timeZone) : thisYear;
  }

  return null;
}
