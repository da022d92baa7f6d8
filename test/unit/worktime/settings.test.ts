import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKTIME_SETTINGS, editWorktimeSettings, parseWorktimeSettings } from '../../../lib/worktime';

describe('working-time settings (options page)', () => {
  it('the default is the Omsk administration', () => {
    expect(parseWorktimeSettings(DEFAULT_WORKTIME_SETTINGS)).toEqual({ ok: true, value: DEFAULT_WORKTIME_SETTINGS });
    expect(DEFAULT_WORKTIME_SETTINGS.zone).toBe('Asia/Omsk');
    expect(DEFAULT_WORKTIME_SETTINGS.decreeNonWorkingDays).toBe(false);
  });

  it('the default cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_WORKTIME_SETTINGS.week.mon)).toBe(true);
  });

  it('a valid edit is applied', () => {
    const r = editWorktimeSettings(DEFAULT_WORKTIME_SETTINGS, { zone: 'Asia/Novosibirsk', week: { fri: { start: '08:30', end: '16:00' } } });
    expect(r.ok).toBe(true);
    expect(r.settings.zone).toBe('Asia/Novosibirsk');
    expect(r.settings.week.fri).toEqual({ start: '08:30', end: '16:00' });
    expect(r.settings.week.mon).toEqual({ start: '08:30', end: '17:45' });
  });

  it.each([
    ['an unknown zone', { zone: 'Asia/Nowhere' }, /неизвестный часовой пояс «Asia\/Nowhere»/],
    ['a time not as HH:MM', { lunch: { start: '13', end: '14:00' } }, /ЧЧ:ММ/],
    ['a day that ends before it starts', { week: { mon: { start: '18:00', end: '09:00' } } }, /конец должен быть позже начала \(понедельник\)$/],
    ['no working day at all', { week: { mon: null, tue: null, wed: null, thu: null, fri: null } }, /хотя бы один рабочий день/],
    ['a negative shortening', { shortenedByMinutes: -5 }, /\(сокращение предпраздничного дня\)$/],
  ])('a bad edit (%s) is rejected in Russian and the old value stays', (_why, patch, message) => {
    const r = editWorktimeSettings(DEFAULT_WORKTIME_SETTINGS, patch as never);
    expect(r.ok).toBe(false);
    expect(r.settings).toBe(DEFAULT_WORKTIME_SETTINGS);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.error).toMatch(/^Настройки рабочего времени не сохранены/);
      // No field names of the code: «(week.mon)» means nothing to the person at the form.
      expect(r.error.replace(/«[^»]*»/g, '')).not.toMatch(/[a-z]{3,}/);
    }
  });
});
