/**
 * One rule for a message's T0 (§4.4), in the import and on the page (issue 16): not in the future,
 * and countable by the production calendar. A row the calendar cannot count is refused in its row
 * with a reason, instead of stopping the import on an uncaught calendar error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageHandlers } from '@/lib/background/messages';
import { importMessages } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { buildImport, receivedAtProblem, type Mapping } from '@/lib/messages/import';
import type { RequestOf } from '@/lib/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { builtInCalendar, createWorkClock, DEFAULT_WORKTIME_SETTINGS } from '@/lib/worktime';

const omsk = (s: string) => Date.parse(`${s}+06:00`);
const DAY = 86_400_000;
const NOW = omsk('2025-09-16T12:00:00');
const clock = createWorkClock();
/** The user added 2019 to the calendar: the same dates are countable then. */
const with2019 = createWorkClock(DEFAULT_WORKTIME_SETTINGS, builtInCalendar().withYear({ year: 2019, holidays: ['2019-01-01'], nonWorking: [], workingWeekends: [], shortened: [] }));

const FUTURE = 'время получения ещё не наступило: укажите время не позже текущего';
const noCalendar = (year: number) =>
  `за ${year} год нет производственного календаря, сроки не посчитать: проверьте дату или добавьте этот год в настройках Отклика («Производственный календарь»)`;

describe('receivedAtProblem', () => {
  it('accepts a T0 now or in the past that the calendar counts', () => {
    expect(receivedAtProblem(NOW, clock, NOW)).toBeNull();
    expect(receivedAtProblem(omsk('2020-06-01T10:00:00'), clock, NOW)).toBeNull();
  });

  it('refuses a T0 in the future, a minute or thirty days ahead', () => {
    expect(receivedAtProblem(NOW + 60_000, clock, NOW)).toBe(FUTURE);
    expect(receivedAtProblem(NOW + 30 * DAY, clock, NOW)).toBe(FUTURE);
  });

  it('refuses a T0 before the calendar’s first year, and says what to do', () => {
    expect(receivedAtProblem(omsk('2019-05-05T10:00:00'), clock, NOW)).toBe(noCalendar(2019));
    expect(receivedAtProblem(0, clock, NOW)).toBe(noCalendar(1970));
    expect(receivedAtProblem(omsk('2019-05-05T10:00:00'), with2019, NOW)).toBeNull();
  });

  it('refuses a T0 whose deadlines run into a year the calendar lacks', () => {
    const now = omsk('2027-12-31T17:00:00');
    expect(receivedAtProblem(omsk('2027-12-31T16:00:00'), clock, now)).toBe(noCalendar(2028));
  });

  it('refuses what is no moment at all', () => {
    for (const at of [Number.NaN, Infinity, -1, 1.5, 9e15]) expect(receivedAtProblem(at, clock, NOW)).toBe('время получения указано неверно');
  });
});

describe('the import', () => {
  const mapping: Mapping = { url: 'Ссылка', text: 'Текст', receivedAt: 'Получено' };
  const options = { now: NOW, actor: { role: 'curator' as const, name: 'Анна' }, zone: 'Asia/Omsk' };
  const file = (...rows: string[]) => ['Ссылка;Текст;Получено', ...rows].join('\r\n');

  it('gives a row dated before the calendar a reason naming the column, like any bad value', () => {
    const text = file(
      'https://vk.com/wall-1_2?reply=3;Хороший;16.09.2025 10:00',
      'https://vk.com/wall-1_2?reply=4;Старый;05.05.2019 10:00',
      'https://vk.com/wall-1_2?reply=5;Через месяц;16.10.2025 10:00',
      'https://vk.com/wall-1_2?reply=6;Эпоха;0',
    );
    expect(buildImport(text, 'csv', mapping, options)).toEqual({
      ok: false,
      errors: [
        `строка 3: ${noCalendar(2019)} (столбец «Получено»)`,
        `строка 4: ${FUTURE} (столбец «Получено»)`,
        `строка 5: «0» — не дата; нужен формат 2025-09-16 11:00 или 16.09.2025 11:00 (столбец «Получено»)`,
      ],
    });
  });

  it('counts on the clock it is given: a year the user added is accepted', () => {
    const r = buildImport(file('https://vk.com/wall-1_2?reply=4;Старый;05.05.2019 10:00'), 'csv', mapping, { ...options, clock: with2019 });
    expect(r.ok).toBe(true);
  });

  it('refuses every row when even «now» is outside the calendar, rather than storing what cannot be shown', () => {
    const now = omsk('2028-03-01T10:00:00');
    const r = buildImport(file('https://vk.com/wall-1_2?reply=3;Без даты;'), 'csv', mapping, { ...options, now });
    expect(r).toEqual({ ok: false, errors: [`строка 2: ${noCalendar(2028)}`] });
  });

  it('what it accepts, the database stores to the end', async () => {
    const db = openDatabase(`t0-${Math.random()}`);
    const r = buildImport(file('https://vk.com/wall-1_2?reply=3;Ранний;01.06.2020 10:00', 'https://vk.com/wall-1_2?reply=4;Сегодня;16.09.2025 11:59'), 'csv', mapping, options);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(await importMessages(db, r.records, clock, NOW)).toEqual({ added: 2, duplicates: 0 });
    expect(await db.summaries.count()).toBe(2);
    await db.delete();
  });
});

describe('«Зарегистрировать» on the page', () => {
  let db: OtklikDB;
  let settings: Settings;
  let h: ReturnType<typeof messageHandlers>;
  const source: RequestOf<'messages/register'>['source'] = {
    site: 'vk', commentKey: 'vk:-1_2', commentId: '-1_2', postId: '-1_1', pageKey: 'vk:-1', pageUrl: 'https://vk.com/wall-1_1', pageName: 'Администрация',
    permalink: 'https://vk.com/wall-1_1?reply=2', authorId: '5', authorName: 'Иван', authorUrl: 'https://vk.com/id5', text: 'Когда дадут воду?', publishedAt: null,
  };
  const register = (receivedAt: number) => h['messages/register']({ source, topic: '', location: '', importance: 'normal', receivedAt }, {});

  beforeEach(() => {
    db = openDatabase(`reg-${Math.random()}`);
    settings = { ...DEFAULT_SETTINGS, role: 'curator', userName: 'Анна' };
    h = messageHandlers({ db, settings: async () => settings, clock: async () => clock, now: () => NOW });
  });
  afterEach(() => db.delete());

  it.each([
    ['thirty days in the future', NOW + 30 * DAY],
    ['a minute in the future', NOW + 60_000],
    ['before the calendar’s first year', omsk('2019-05-05T10:00:00')],
  ])('refuses a moment of access %s, by the import’s rule, storing nothing', async (_, at) => {
    await expect(register(at)).rejects.toThrow(`Сообщение не зарегистрировано: ${receivedAtProblem(at, clock, NOW)}`);
    expect(await db.messages.count()).toBe(0);
    expect(await db.summaries.count()).toBe(0);
  });

  it('registers a moment of access now or earlier', async () => {
    expect((await register(NOW - 3_600_000)).existed).toBe(false);
    expect(await db.messages.count()).toBe(1);
  });
});
