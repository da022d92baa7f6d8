/**
 * The working schedule and added calendar years, stored in browser.storage.local and validated by
 * the worktime core; the clock every deadline reads is built from them.
 */
import { browser } from 'wxt/browser';
import { builtInCalendar, parseCalendarYear, type ProductionCalendar } from '../worktime/calendar';
import { createWorkClock, type WorkClock } from '../worktime/clock';
import {
  DEFAULT_WORKTIME_SETTINGS,
  editWorktimeSettings,
  parseWorktimeSettings,
  type WorktimeSettings,
  type WorktimeSettingsEdit,
} from '../worktime/schedule';
import { mergeSettings } from './defaults';
import { loadManaged } from './managed';
import { readSchedule } from './managed-schedule';
import { loadSettings, SETTINGS_KEY } from './read';

export const WORKTIME_KEY = 'worktime';
export const CALENDAR_YEARS_KEY = 'calendarYears';

/** The stored schedule, or the organisation's where its policy sets one (a schedule that does not check out is ignored). */
export async function loadWorktime(): Promise<WorktimeSettings> {
  const [stored, managed] = await Promise.all([browser.storage.local.get(WORKTIME_KEY), loadManaged()]);
  const raw = stored[WORKTIME_KEY];
  const parsed = raw === undefined ? null : parseWorktimeSettings(raw);
  const own = parsed?.ok ? parsed.value : DEFAULT_WORKTIME_SETTINGS;
  const schedule = managed.schedule && readSchedule(managed.schedule);
  if (!schedule) return own;
  const set = editWorktimeSettings(own, schedule);
  return set.ok ? set.settings : own;
}

export async function saveWorktime(patch: WorktimeSettingsEdit): Promise<{ ok: true } | { ok: false; errors: string[] }> {
  const result = editWorktimeSettings(await loadWorktime(), patch);
  if (!result.ok) return { ok: false, errors: [result.error] };
  await browser.storage.local.set({ [WORKTIME_KEY]: result.settings });
  return { ok: true };
}

async function addedYears(): Promise<unknown[]> {
  const raw = (await browser.storage.local.get(CALENDAR_YEARS_KEY))[CALENDAR_YEARS_KEY];
  return Array.isArray(raw) ? raw : [];
}

/** The built-in calendar with the years the user added (a bad stored year is skipped, never fatal). */
export async function loadCalendar(): Promise<ProductionCalendar> {
  let calendar = builtInCalendar();
  for (const year of await addedYears()) {
    try {
      calendar = calendar.withYear(year);
    } catch {
      // Validated when added; a file damaged since then must not stop the clock for other years.
    }
  }
  return calendar;
}

/** Adds (or replaces) a year of the production calendar; a bad file changes nothing and says why. */
export async function addCalendarYear(text: string): Promise<{ ok: true; year: number } | { ok: false; errors: string[] }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['Файл календаря не в формате JSON'] };
  }
  const parsed = parseCalendarYear(data);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const others = (await addedYears()).filter((y) => (y as { year?: unknown })?.year !== parsed.value.year);
  await browser.storage.local.set({ [CALENDAR_YEARS_KEY]: [...others, parsed.value] });
  return { ok: true, year: parsed.value.year };
}

/** The clock in the administration's zone (the general settings' zone wins over the schedule's). */
export async function loadClock(): Promise<WorkClock> {
  const [worktime, settings, calendar] = await Promise.all([loadWorktime(), loadSettings(), loadCalendar()]);
  return createWorkClock({ ...worktime, zone: settings.timeZone }, calendar);
}


let cached: Promise<WorkClock> | null = null;

/**
 * One clock for the background's life, rebuilt when the schedule, the zone or the calendar change:
 * the clock caches each day's working intervals, so reusing it keeps deadline maths cheap.
 */
let watching = false;

export function cachedClock(): Promise<WorkClock> {
  if (!watching) {
    watching = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'managed' || (area === 'local' && (WORKTIME_KEY in changes || CALENDAR_YEARS_KEY in changes || 'settings' in changes))) cached = null;
    });
  }
  cached ??= loadClock();
  return cached;
}

/** Calls back with the schedule in force whenever any page of the extension saves it, or the policy changes. */
export function watchWorktime(callback: (w: WorktimeSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && WORKTIME_KEY in changes)) void loadWorktime().then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Calls back with a fresh clock whenever what it is built from changes — the schedule, the added
 * calendar years or the zone — for a page that stays open (the side panel).
 */
export function watchClock(callback: (clock: WorkClock) => void): () => void {
  let latest = 0;
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== 'local' && area !== 'managed') return;
    const settings = changes[SETTINGS_KEY];
    const zoneChanged = settings !== undefined && mergeSettings(settings.oldValue).timeZone !== mergeSettings(settings.newValue).timeZone;
    if (!(area === 'managed' || WORKTIME_KEY in changes || CALENDAR_YEARS_KEY in changes || zoneChanged)) return;
    const mine = ++latest;
    // Two quick changes: only the clock built after the last one is handed on.
    void loadClock().then((clock) => mine === latest && callback(clock));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
