/**
 * Values an IT department sets by policy (browser.storage.managed; the schema is
 * public/managed-schema.json): laid over what the user stored, and locked on the options page.
 * Without zod: content scripts read settings through this module. A value of the wrong type is
 * dropped here too, not only by Chrome's schema check (Firefox checks nothing).
 */
import { browser } from 'wxt/browser';
import { ROLES, type StaffRole, type Settings } from './defaults';

export interface Managed {
  role?: StaffRole;
  department?: string;
  timeZone?: string;
  /**
   * The working schedule as the policy writes it (`{ mon: '08:30-17:45', sat: '', lunch: '13:00-14:00',
   * shortenedByMinutes: 60 }`), read by ./managed-schedule where the clock is built: content scripts never need it.
   */
  schedule?: Record<string, unknown>;
  /** Official domains: links to them are never advertising; added to the user's allowed sites. */
  officialDomains?: string[];
  teamServerUrl?: string;
  teamServerLogin?: string;
}

export type ManagedKey = keyof Managed;

/** The policy's values of the right type; everything else is ignored. */
export function readManaged(raw: unknown): Managed {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: Managed = {};
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  if (ROLES.includes(r.role as StaffRole)) out.role = r.role as StaffRole;
  for (const key of ['department', 'timeZone', 'teamServerUrl', 'teamServerLogin'] as const) {
    const v = text(r[key]);
    if (v !== undefined) out[key] = v;
  }
  if (typeof r.schedule === 'object' && r.schedule !== null && !Array.isArray(r.schedule)) out.schedule = r.schedule as Record<string, unknown>;
  if (Array.isArray(r.officialDomains)) {
    const domains = r.officialDomains.map(text).filter((d): d is string => d !== undefined);
    if (domains.length) out.officialDomains = domains;
  }
  return out;
}

/** The policy's values; none where the browser has no managed storage or no policy for us. */
export async function loadManaged(): Promise<Managed> {
  try {
    return readManaged(await browser.storage.managed.get(null));
  } catch {
    // Firefox rejects when no policy names the extension; a fork may have no managed storage at all.
    return {};
  }
}

/** The user's settings with the organisation's over them. */
export function overManaged(settings: Settings, managed: Managed): Settings {
  const { role, department, timeZone } = managed;
  if (role === undefined && department === undefined && timeZone === undefined) return settings;
  return { ...settings, role: role ?? settings.role, department: department ?? settings.department, timeZone: timeZone ?? settings.timeZone };
}

/** Calls back when the organisation's policy changes while a page is open. */
export function watchManaged(callback: (m: Managed) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') void loadManaged().then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
