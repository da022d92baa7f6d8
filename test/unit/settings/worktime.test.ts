import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSettings } from '@/lib/settings/store';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { addCalendarYear, cachedClock, loadCalendar, loadClock, loadWorktime, saveWorktime, watchClock } from '@/lib/settings/worktime';
import type { WorkClock } from '@/lib/worktime/clock';
import { BUILT_IN_YEARS } from '@/lib/worktime/calendar';

const at = (iso: string) => new Date(iso).getTime();

describe('working time in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('builds the Omsk clock by default: received Tue 11:00 → reply due Wed 11:45', async () => {
    const clock = await loadClock();
    expect(clock.format(clock.addWorkingMinutes(at('2025-09-16T11:00:00+06:00'), 9 * 60))).toBe('2025-09-17T11:45:00+06:00');
  });

  it('saves another department’s hours, and keeps the old ones on a bad edit', async () => {
    expect(await saveWorktime({ week: { fri: { start: '09:00', end: '18:00' } } })).toEqual({ ok: true });
    const bad = await saveWorktime({ week: { mon: { start: '18:00', end: '09:00' } } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]).toContain('конец должен быть позже начала');
    const stored = await loadWorktime();
    expect(stored.week.fri).toEqual({ start: '09:00', end: '18:00' });
    expect(stored.week.mon).toEqual({ start: '08:30', end: '17:45' });
  });

  it('counts in the zone of the general settings', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, timeZone: 'Europe/Moscow' });
    const clock = await loadClock();
    expect(clock.format(clock.nextWorkingInstant(at('2025-09-21T09:00:00+03:00')))).toBe('2025-09-22T08:30:00+03:00');
  });

  it('adds a year of the production calendar and refuses a bad file, changing nothing', async () => {
    const y2027 = BUILT_IN_YEARS.find((y) => (y as { year: number }).year === 2027) as { year: number };
    const y2028 = JSON.stringify({ ...y2027, year: 2028, holidays: [], transfers: [], nonWorking: [], workingWeekends: [], shortened: [], decreeNonWorking: [], check: undefined });
    expect(await addCalendarYear('{not json')).toEqual({ ok: false, errors: ['Файл календаря не в формате JSON'] });
    expect((await loadCalendar()).years.has(2028)).toBe(false);
    const added = await addCalendarYear(y2028);
    expect(added).toEqual({ ok: true, year: 2028 });
    const clock = await cachedClock();
    expect(clock.isWorkingTime(at('2028-03-01T10:00:00+06:00'))).toBe(true);
  });

  it('hands an open page a new clock when the zone or the hours change, not on a change of role', async () => {
    const seen: WorkClock[] = [];
    const stop = watchClock((c) => seen.push(c));
    const settle = () => new Promise((r) => setTimeout(r, 10));
    await saveSettings({ ...DEFAULT_SETTINGS, role: 'curator' });
    await settle();
    expect(seen).toEqual([]);
    await saveSettings({ ...DEFAULT_SETTINGS, role: 'curator', timeZone: 'Europe/Moscow' });
    await settle();
    expect(seen.map((c) => c.zone)).toEqual(['Europe/Moscow']);
    await saveWorktime({ week: { fri: { start: '09:00', end: '18:00' } } });
    await settle();
    expect(seen).toHaveLength(2);
    stop();
  });
});
