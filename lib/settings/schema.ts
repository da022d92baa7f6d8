/**
 * The user's settings: a zod schema per stored version and a migration between each. Stored in
 * browser.storage.local so that content scripts can read them without the database.
 */
import { z } from 'zod';

export const CATEGORIES = ['obscenity', 'insult', 'spam', 'advertising', 'illegal', 'threat'] as const;
export type CategoryName = (typeof CATEGORIES)[number];

export const ROLES = ['curator', 'executor', 'moderator', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  curator: 'Куратор',
  executor: 'Исполнитель',
  moderator: 'Модератор',
  owner: 'Владелец страницы',
};

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
  userName: z.string().max(200),
  department: z.string().max(300),
  timeZone: z.string().refine(isTimeZone, 'неизвестный часовой пояс'),
  moderation: z.object({
    categories: z.record(z.enum(CATEGORIES), z.boolean()),
    /** 'everywhere': every VK and OK page; 'registry': registered pages and pages marked as moderated. */
    scope: z.enum(['everywhere', 'registry']),
    moderatedPages: z.array(z.string().max(300)).max(5000),
  }),
});

export const settingsSchema = settingsV1;
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  role: 'moderator',
  userName: '',
  department: '',
  timeZone: 'Asia/Omsk',
  moderation: {
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<CategoryName, boolean>,
    scope: 'everywhere',
    moderatedPages: [],
  },
};

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
  const merged = {
    ...DEFAULT_SETTINGS,
    ...value,
    version: DEFAULT_SETTINGS.version,
    moderation: {
      ...DEFAULT_SETTINGS.moderation,
      ...(value.moderation as object | undefined),
      categories: {
        ...DEFAULT_SETTINGS.moderation.categories,
        ...((value.moderation as { categories?: object } | undefined)?.categories ?? {}),
      },
    },
  };
  const parsed = settingsSchema.safeParse(merged);
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
