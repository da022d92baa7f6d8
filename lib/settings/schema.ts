/**
 * The settings' zod schema, for every write (options page, background). A stored version older than
 * the current one is migrated before it is checked.
 */
import { z } from 'zod';
import { CATEGORIES } from '../rules/types';
import { DEFAULT_SETTINGS, mergeSettings, ROLES, type Settings } from './defaults';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Version 1, as the first release stored it. */
export const settingsV1 = z.object({
  version: z.literal(1),
  role: z.enum(ROLES),
  userName: z.string().max(200, 'не длиннее 200 знаков'),
  department: z.string().max(300, 'не длиннее 300 знаков'),
  timeZone: z.string().refine(isTimeZone, 'неизвестный часовой пояс'),
  moderation: z.object({
    categories: z.record(z.enum(CATEGORIES), z.boolean()),
    scope: z.enum(['everywhere', 'registry']),
    moderatedPages: z.array(z.string().max(300)).max(5000),
  }),
});

export const settingsSchema: z.ZodType<Settings> = settingsV1;

/** Migrations: index n turns version n into version n + 1. Versions before 1 never shipped. */
const migrations: ((old: Record<string, unknown>) => Record<string, unknown>)[] = [];

/** Reads whatever is stored: migrates it forward, fills what is missing, and never throws. */
export function readSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  let value = raw as Record<string, unknown>;
  let version = typeof value.version === 'number' ? value.version : 1;
  while (version < DEFAULT_SETTINGS.version && migrations[version - 1]) {
    value = migrations[version - 1]!(value);
    version++;
  }
  const parsed = settingsSchema.safeParse(mergeSettings(value));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const FIELD_NAMES: Record<string, string> = {
  role: 'роль',
  userName: 'имя',
  department: 'подразделение',
  timeZone: 'часовой пояс',
  'moderation.scope': 'где работать',
  'moderation.categories': 'категории',
  'moderation.moderatedPages': 'страницы модерации',
};

/** Validates an edit; the caller keeps the old settings when it fails. */
export function checkSettings(candidate: unknown): Checked<Settings> {
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => {
      const path = i.path.join('.');
      const name = FIELD_NAMES[path] ?? FIELD_NAMES[i.path.slice(0, 2).join('.')] ?? path;
      return `${name}: ${i.message}`;
    }),
  };
}
