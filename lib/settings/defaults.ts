/**
 * The settings' shape and defaults without zod: content scripts read settings through this module
 * and stay small. Every write goes through the zod schema in ./schema.ts first.
 */
import { CATEGORIES, type Category } from '../rules/types';

export const ROLES = ['curator', 'executor', 'moderator', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  curator: 'Куратор',
  executor: 'Исполнитель',
  moderator: 'Модератор',
  owner: 'Владелец страницы',
};

export interface Settings {
  version: 1;
  role: Role;
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
  version: 1,
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

/** Stored settings over the defaults, field by field; a field of the wrong type keeps its default. */
export function mergeSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const r = raw as Partial<Record<keyof Settings, unknown>>;
  const m = (typeof r.moderation === 'object' && r.moderation !== null ? r.moderation : {}) as Record<string, unknown>;
  const cats = (typeof m.categories === 'object' && m.categories !== null ? m.categories : {}) as Record<string, unknown>;
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  return {
    version: 1,
    role: ROLES.includes(r.role as Role) ? (r.role as Role) : DEFAULT_SETTINGS.role,
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
