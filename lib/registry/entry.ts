/**
 * The registry entry's shape and the rules that need no zod: content scripts match pages and read
 * labels through this module and stay small. Every write goes through the zod schema in ./schema.ts.
 */
import { SITE_LABELS, SITES, type Site } from '../sites/types';

export { SITE_LABELS };

export const REGISTRY_SITES = SITES;
export const REGISTRY_KINDS = ['administration', 'department'] as const;
export type RegistrySite = Site;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export const KIND_LABELS: Record<RegistryKind, string> = { administration: 'администрация', department: 'подразделение' };

const SITE_HOSTS: Record<RegistrySite, readonly string[]> = { vk: ['vk.com', 'vk.ru'], ok: ['ok.ru'] };
const ALL_HOSTS = [...SITE_HOSTS.vk, ...SITE_HOSTS.ok];

/** The host without the www./m. prefix the sites also answer on. */
export function baseHost(host: string): string {
  return host.toLowerCase().replace(/^(?:www|m)\./, '');
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Russian reason the address is not an official page's, or null when it is fine. */
export function urlProblem(value: string, site?: RegistrySite): string | null {
  const u = parseUrl(value.trim());
  if (!u) return 'адрес должен быть полной ссылкой, например https://vk.com/club123';
  if (u.protocol !== 'https:') return 'адрес должен начинаться с https://';
  if (u.username || u.password) return 'адрес не должен содержать имя пользователя или пароль';
  const host = baseHost(u.hostname);
  if (!ALL_HOSTS.includes(host)) return 'адрес должен вести на vk.com, vk.ru или ok.ru';
  if (site && !SITE_HOSTS[site].includes(host)) {
    return site === 'vk' ? 'адрес страницы ВКонтакте должен вести на vk.com или vk.ru' : 'адрес страницы Одноклассников должен вести на ok.ru';
  }
  if (u.pathname.replace(/\/+$/, '') === '') return 'адрес должен вести на страницу, а не на главную сайта';
  return null;
}

/** A real calendar date written yyyy-mm-dd (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}


/** An entry of the registry of official pages (App. 2 §2.1). Only dates of checks — never passwords or codes. */
export interface RegistryEntry {
  id: string;
  site: RegistrySite;
  /** https on vk.com, vk.ru or ok.ru. */
  url: string;
  /** VK: "-123456" for a community; OK: the group id. null when unknown. */
  ownerId: string | null;
  name: string;
  kind: RegistryKind;
  /** The department that keeps the page; may be empty for the administration's own pages. */
  department: string;
  responsible: string;
  /** yyyy-mm-dd, the administration's calendar date. */
  twoFactorConfirmedAt: string | null;
  adminsReviewedAt: string | null;
  /** Overrides the kind's default weekly target (App. 2 §10). */
  weeklyTarget?: number;
  notes: string;
}

/** What a form or an import hands in before validation (notes may be left out). */
export type RegistryEntryInput = Omit<RegistryEntry, 'notes'> & { notes?: string };
export type RegistryField = keyof RegistryEntry;

/** Field names as the user sees them, in the order of the form and the CSV. */
export const FIELD_LABELS: Record<RegistryField, string> = {
  id: 'Идентификатор',
  site: 'Сайт',
  url: 'Адрес',
  ownerId: 'Идентификатор владельца',
  name: 'Название',
  kind: 'Тип',
  department: 'Подразделение',
  responsible: 'Ответственный',
  twoFactorConfirmedAt: 'Двухфакторная аутентификация подтверждена',
  adminsReviewedAt: 'Список администраторов проверен',
  weeklyTarget: 'Публикаций в неделю',
  notes: 'Примечания',
};
