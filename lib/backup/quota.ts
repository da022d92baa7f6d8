/**
 * Sizes a restore is checked against before it touches anything: the browser's storage for
 * settings (storage.local) and the room left for the database (navigator.storage).
 */
import { SETTINGS_KEYS, SETTINGS_LABELS, type SettingsKey } from './types';

/**
 * storage.local's quota in Chrome without `unlimitedStorage` (chrome.storage.local.QUOTA_BYTES).
 * Firefox sets none, but a backup made in one browser must restore in the other.
 */
export const STORAGE_QUOTA_BYTES = 10_485_760;

/** UTF-8 bytes of a string, without building them. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** An item of storage.local as Chrome counts it: the key and its value's JSON. */
export function itemBytes(key: string, value: unknown): number {
  return value === undefined ? 0 : utf8Length(key) + utf8Length(JSON.stringify(value));
}

/** «11,2 МБ», «340 КБ». */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} КБ`;
}

/** The settings a restore writes, in bytes, and the key that takes most of them. */
export function settingsSize(settings: Partial<Record<SettingsKey, unknown>>): { bytes: number; largest: SettingsKey | null; largestBytes: number } {
  let bytes = 0;
  let largest: SettingsKey | null = null;
  let largestBytes = 0;
  for (const key of SETTINGS_KEYS) {
    const b = itemBytes(key, settings[key]);
    bytes += b;
    if (b > largestBytes) [largest, largestBytes] = [key, b];
  }
  return { bytes, largest, largestBytes };
}

/**
 * Why settings of this size do not fit into storage.local beside `otherBytes` of other data, or
 * null when they do. The reason names what takes the room and what to do.
 */
export function settingsQuotaProblem(
  settings: Partial<Record<SettingsKey, unknown>>,
  otherBytes = 0,
  quota = STORAGE_QUOTA_BYTES,
): string | null {
  const { bytes, largest, largestBytes } = settingsSize(settings);
  if (bytes + otherBytes <= quota) return null;
  const others = otherBytes > 0 ? ` (ещё ${sizeText(otherBytes)} там занято другими данными Отклика)` : '';
  const most = largest ? ` Больше всего места занимают ${SETTINGS_LABELS[largest]} — ${sizeText(largestBytes)}: сократите их на компьютере, где сделана копия, и сохраните копию заново.` : '';
  return `настройки из копии занимают ${sizeText(bytes)}, а браузер хранит настройки расширения не больше ${sizeText(quota)}${others}.${most}`;
}
