/**
 * The settings' shape and defaults without zod: content scripts read settings through this module
 * and stay small. Every write goes through the zod schema in ./schema.ts first.
 */
import { CATEGORIES, type Category } from '../rules/types';

export const ROLES = ['curator', 'executor', 'moderator', 'owner'] as const;
/** A person's job in the team, as the settings say; their part in one message is the workflow's `Role`. */
export type StaffRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  curator: 'Куратор',
  executor: 'Исполнитель',
  moderator: 'Модератор',
  owner: 'Владелец страницы',
};

export const SETTINGS_VERSION = 2;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** The first-run step «Кто вы?» is done: the user chose a role (or used the extension before version 2). */
  onboarded: boolean;
  role: StaffRole;
  userName: string;
  department: string;
  timeZone: string;
  moderation: {
    categories: Record<Category, boolean>;
    /** 'everywhere': every VK and OK page; 'registry': registered pages and pages marked as moderated. */
    scope: 'everywhere' | 'registry';
    moderatedPages: string[];
  };
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  onboarded: false,
  role: 'moderator',
  userName: '',
  department: '',
  timeZone: 'Asia/Omsk',
  moderation: {
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
    scope: 'everywhere',
    moderatedPages: [],
  },
};

/**
 * Migrations: index n turns version n into version n + 1. Versions before 1 never shipped. Each one
 * only adds or reshapes; what the user set stays as it was.
 */
const MIGRATIONS: ((old: Record<string, unknown>) => Record<string, unknown>)[] = [
  // 1 → 2: the first-run step arrived. Whoever has version 1 settings has used the extension already.
  (v1) => ({ ...v1, version: 2, onboarded: true }),
];

/**
 * A stored copy brought up to the current version. Every copy we ever wrote carries its version; one
 * without it is not ours to migrate, so only its valid fields are kept (by mergeSettings).
 */
export function migrateSettings(raw: Record<string, unknown>): Record<string, unknown> {
  let value = raw;
  let version = typeof value.version === 'number' ? value.version : SETTINGS_VERSION;
  while (version < SETTINGS_VERSION && MIGRATIONS[version - 1]) {
    value = MIGRATIONS[version - 1]!(value);
    version++;
  }
  return value;
}

/** Stored settings over the defaults, field by field; a field of the wrong type keeps its default. */
export function mergeSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const r = migrateSettings(raw as Record<string, unknown>) as Partial<Record<keyof Settings, unknown>>;
  const m = (typeof r.moderation === 'object' && r.moderation !== null ? r.moderation : {}) as Record<string, unknown>;
  const cats = (typeof m.categories === 'object' && m.categories !== null ? m.categories : {}) as Record<string, unknown>;
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  return {
    version: SETTINGS_VERSION,
    onboarded: typeof r.onboarded === 'boolean' ? r.onboarded : DEFAULT_SETTINGS.onboarded,
    role: ROLES.includes(r.role as StaffRole) ? (r.role as StaffRole) : DEFAULT_SETTINGS.role,
    userName: str(r.userName, DEFAULT_SETTINGS.userName),
    department: str(r.department, DEFAULT_SETTINGS.department),
    timeZone: str(r.timeZone, DEFAULT_SETTINGS.timeZone),
    moderation: {
      categories: Object.fromEntries(
        CATEGORIES.map((c) => [c, typeof cats[c] === 'boolean' ? cats[c] : true]),
      ) as Record<Category, boolean>,
      scope: m.scope === 'registry' ? 'registry' : 'everywhere',
      moderatedPages: Array.isArray(m.moderatedPages) ? m.moderatedPages.filter((p): p is string => typeof p === 'string') : [],
    },
  };
}
