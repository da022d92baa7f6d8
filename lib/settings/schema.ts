/**
 * The settings' zod schema, for every write (options page, background). A stored version older than
 * the current one is migrated before it is checked.
 */
import { z } from 'zod';
import { CATEGORIES } from '../rules/types';
import { DEFAULT_SETTINGS, mergeSettings, migrateSettings, ROLES, type Settings } from './defaults';
import type { Checked } from '../result';

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

/** Version 2: whether the first-run step «Кто вы?» is done. */
export const settingsV2 = settingsV1.extend({
  version: z.literal(2),
  onboarded: z.boolean(),
});

/**
 * The current version; an older copy (a backup made before an update) is migrated first, so it
 * passes as the settings it becomes. The migrations live in ./defaults.ts, which content scripts read.
 */
export const settingsSchema: z.ZodType<Settings> = z.preprocess(
  (value) => (typeof value === 'object' && value !== null ? migrateSettings(value as Record<string, unknown>) : value),
  settingsV2,
);

/** Reads whatever is stored: migrates it forward, fills what is missing, and never throws. */
export function readSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const parsed = settingsSchema.safeParse(mergeSettings(raw));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export type { Checked };

const FIELD_NAMES: Record<string, string> = {
  onboarded: 'первый запуск',
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
