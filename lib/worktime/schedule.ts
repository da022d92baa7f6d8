import { z } from 'zod';
import { isValidZone, minutesOfDay } from './civil';
import type { ParseResult } from './calendar';

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const Time = z.string().regex(TIME, { error: 'время указывается как ЧЧ:ММ, например 08:30' });

const Span = (what: string) =>
  z
    .object({ start: Time, end: Time })
    // A malformed time is already reported by its own field; the order is checked only between valid times.
    .refine((s) => !TIME.test(s.start) || !TIME.test(s.end) || minutesOfDay(s.start) < minutesOfDay(s.end), {
      error: `${what}: конец должен быть позже начала`,
    });

const Hours = Span('рабочий день');

/**
 * The administration's working-time settings, edited on the options page. Weekdays hold the hours of
 * a day (null: a day off). The version field lets a later shape migrate stored settings.
 */
export const WorktimeSettingsSchema = z
  .object({
    version: z.literal(1),
    zone: z.string().refine(isValidZone, { error: (i) => `неизвестный часовой пояс «${String(i.input)}»` }),
    week: z.object({
      mon: Hours.nullable(),
      tue: Hours.nullable(),
      wed: Hours.nullable(),
      thu: Hours.nullable(),
      fri: Hours.nullable(),
      sat: Hours.nullable(),
      sun: Hours.nullable(),
    }),
    lunch: Span('обеденный перерыв').nullable(),
    /** How much earlier a pre-holiday day ends (Labour Code art. 95: one hour). */
    shortenedByMinutes: z.number({ error: 'укажите число минут' }).int('укажите целое число минут').min(0, 'не меньше 0 минут').max(240, 'не больше 240 минут'),
    /** Whether the 2020–2021 presidential non-working days stop the clock. */
    decreeNonWorkingDays: z.boolean(),
  })
  .refine((s) => typeof s.week !== 'object' || !s.week || Object.values(s.week).some((d) => d !== null), { error: 'нужен хотя бы один рабочий день недели' });

export type WorktimeSettings = z.infer<typeof WorktimeSettingsSchema>;
export type WeekdayKey = keyof WorktimeSettings['week'];

/** ISO weekday 1…7 → settings key. */
export const WEEKDAY_KEYS: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

/** The Omsk city administration's internal rules. Frozen: edits go through editWorktimeSettings. */
export const DEFAULT_WORKTIME_SETTINGS: WorktimeSettings = deepFreeze({
  version: 1,
  zone: 'Asia/Omsk',
  week: {
    mon: { start: '08:30', end: '17:45' },
    tue: { start: '08:30', end: '17:45' },
    wed: { start: '08:30', end: '17:45' },
    thu: { start: '08:30', end: '17:45' },
    fri: { start: '08:30', end: '16:30' },
    sat: null,
    sun: null,
  },
  lunch: { start: '13:00', end: '14:00' },
  shortenedByMinutes: 60,
  decreeNonWorkingDays: false,
});

const PLACE_WORDS: Record<string, string> = {
  week: '',
  mon: 'понедельник',
  tue: 'вторник',
  wed: 'среда',
  thu: 'четверг',
  fri: 'пятница',
  sat: 'суббота',
  sun: 'воскресенье',
  start: 'начало',
  end: 'конец',
  lunch: 'обеденный перерыв',
  zone: 'часовой пояс',
  shortenedByMinutes: 'сокращение предпраздничного дня',
  decreeNonWorkingDays: 'нерабочие дни по указу',
};

/** Where in the schedule the problem is, in the words of the form: «понедельник, конец». */
function placeName(path: readonly PropertyKey[]): string {
  return path
    .map((p) => PLACE_WORDS[String(p)] ?? String(p))
    .filter(Boolean)
    .join(', ');
}

export function parseWorktimeSettings(input: unknown): ParseResult<WorktimeSettings> {
  const result = WorktimeSettingsSchema.safeParse(input, { error: z.locales.ru().localeError });
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? ` (${placeName(issue.path)})` : '';
  return { ok: false, error: `Настройки рабочего времени не сохранены: ${issue?.message ?? 'неверный формат'}${where}` };
}

/**
 * An edit from the options page: the merged result if valid, otherwise the current settings
 * unchanged and the reason in Russian.
 */
export type WorktimeSettingsEdit = Partial<Omit<WorktimeSettings, 'week'>> & { week?: Partial<WorktimeSettings['week']> };

export function editWorktimeSettings(
  current: WorktimeSettings,
  patch: WorktimeSettingsEdit,
): { ok: true; settings: WorktimeSettings } | { ok: false; settings: WorktimeSettings; error: string } {
  const parsed = parseWorktimeSettings({ ...current, ...patch, week: { ...current.week, ...patch.week } });
  return parsed.ok ? { ok: true, settings: parsed.value } : { ok: false, settings: current, error: parsed.error };
}
