import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { loadLexiconSource } from '@/lib/settings/lexicon-read';
import { loadManaged, readManaged } from '@/lib/settings/managed';
import { readSchedule } from '@/lib/settings/managed-schedule';
import { loadSettings, watchSettings } from '@/lib/settings/read';
import { loadWorktime } from '@/lib/settings/worktime';
import { loadTeamServer } from '@/lib/sync/config';

const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8'));
const chromePolicy = JSON.parse(readFileSync('docs/policy/chrome-otklik.json', 'utf8'));
const firefoxPolicy = JSON.parse(readFileSync('docs/policy/firefox-policies.json', 'utf8'));
const example = Object.values(chromePolicy['3rdparty'].extensions)[0] as Record<string, unknown>;

describe('settings set by the organisation (storage.managed)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps only values of the right type', () => {
    expect(
      readManaged({
        role: 'boss',
        department: '  ',
        timeZone: 'Asia/Omsk',
        officialDomains: ['admomsk.ru', 7, ''],
        teamServerUrl: 42,
        schedule: { mon: '8:30-17:45', tue: 'с утра', sat: '', lunch: '13:00 – 14:00', shortenedByMinutes: 1.5 },
      }),
    ).toEqual({
      timeZone: 'Asia/Omsk',
      officialDomains: ['admomsk.ru'],
      schedule: { mon: '8:30-17:45', tue: 'с утра', sat: '', lunch: '13:00 – 14:00', shortenedByMinutes: 1.5 },
    });
    expect(readSchedule(readManaged({ schedule: { mon: '8:30-17:45', tue: 'с утра', sat: '', lunch: '13:00 – 14:00', shortenedByMinutes: 1.5 } }).schedule!)).toEqual({
      week: { mon: { start: '08:30', end: '17:45' }, sat: null },
      lunch: { start: '13:00', end: '14:00' },
    });
    expect(readSchedule({ mon: 'всегда' })).toBeUndefined();
    expect(readManaged(null)).toEqual({});
  });

  it('lays the policy over what the user stored', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, role: 'moderator', userName: 'Иван', department: 'Своё', onboarded: true } });
    await fakeBrowser.storage.managed.set({ role: 'executor', department: 'Департамент транспорта' });
    expect(await loadSettings()).toMatchObject({ role: 'executor', department: 'Департамент транспорта', userName: 'Иван', timeZone: 'Asia/Omsk' });
  });

  it('keeps the policy over a later save of the user, and follows a change of the policy', async () => {
    await fakeBrowser.storage.managed.set({ role: 'curator' });
    const seen: string[] = [];
    watchSettings((s) => seen.push(s.role));
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, role: 'owner' } });
    await fakeBrowser.storage.managed.set({ role: 'executor' });
    await expect.poll(() => seen).toEqual(['curator', 'executor']);
  });

  it('adds the official domains to the allowed sites and sets the schedule and the team server', async () => {
    await fakeBrowser.storage.local.set({ lexicon: { words: {}, allow: [], allowDomains: ['mine.ru'] }, teamSecret: 'пароль' });
    await fakeBrowser.storage.managed.set(example);
    expect((await loadLexiconSource()).allowDomains).toEqual(['mine.ru', 'admomsk.ru', 'omsktransport.ru']);
    expect((await loadLexiconSource(true)).allowDomains).toEqual(['mine.ru']);
    const w = await loadWorktime();
    expect(w.week.fri).toEqual({ start: '08:30', end: '16:15' });
    expect(w.lunch).toEqual({ start: '12:30', end: '13:15' });
    expect(await loadTeamServer()).toEqual({ url: 'wss://sync.admomsk.ru:8443', login: 'ivanova', password: 'пароль' });
  });

  it('ignores a schedule that does not check out, keeping the user\'s', async () => {
    await fakeBrowser.storage.managed.set({ schedule: { mon: '18:00-09:00' } });
    expect((await loadWorktime()).week.mon).toEqual({ start: '08:30', end: '17:45' });
  });

  it('reads nothing where the browser has no policy for us', async () => {
    expect(await loadManaged()).toEqual({});
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('has examples that name every field of the schema, and the same values for Chrome and Firefox', () => {
    expect(Object.keys(example).sort()).toEqual(Object.keys(schema.properties).sort());
    expect(readManaged(example)).toEqual(readManaged(firefoxPolicy.policies['3rdparty'].Extensions['otklik@omsk.example']));
    expect(readSchedule(readManaged(example).schedule!)?.week).toMatchObject({ fri: { start: '08:30', end: '16:15' }, sat: null });
    // Never the password: see docs/policy/README.md.
    expect(JSON.stringify(schema)).not.toMatch(/password|парол/i);
  });
});
