/**
 * The team's saved replies (issue #20): the curator keeps the library, executors start their drafts
 * from it. Stored in browser.storage.local as `{ version, templates }`; every write is checked here
 * first, so a bad edit leaves the old library in force.
 */
import { z } from 'zod';
import type { Checked } from '../settings/schema';

export const REPLY_LIBRARY_VERSION = 1;

export interface ReplyTemplate {
  id: string;
  title: string;
  /** Free text, matched against the message's topic (App. 1 §4.2); '' — for any topic. */
  topic: string;
  /** The unit the wording is approved for; '' — for every unit. */
  department: string;
  /** The reply with placeholders such as {имя} (lib/replies/fill.ts). */
  text: string;
  updatedAt: number;
  updatedBy: string;
}

export interface ReplyLibrary {
  version: typeof REPLY_LIBRARY_VERSION;
  templates: ReplyTemplate[];
}

export const MAX_TEMPLATE_TEXT = 5000;
export const MAX_TEMPLATES = 1000;
/** The lint (lib/messages/lint.ts) sees «{…}» up to this length as a gap to fill; a longer one is a typo. */
export const MAX_PLACEHOLDER = 40;

/** The start of a placeholder as the curator typed it, «{имя», to point at it. */
const opening = (text: string, at: number) => /^\{[^\s{}]{0,20}/u.exec(text.slice(at))![0];

/** What is wrong with the text's braces: an unclosed «{имя», a stray «}», an empty «{}». */
export function braceProblem(text: string): string | null {
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      if (open >= 0) return `подстановка «${opening(text, open)}» не закрыта: нет «}»`;
      open = i;
    } else if (c === '}') {
      if (open < 0) return 'лишняя «}» без «{»';
      const inner = text.slice(open + 1, i);
      if (!inner.trim()) return 'пустая подстановка «{}»: напишите в скобках, что подставить, например {имя}';
      if (inner.length > MAX_PLACEHOLDER || inner.includes('\n')) return `подстановка «${opening(text, open)}…» длиннее ${MAX_PLACEHOLDER} знаков или не закрыта`;
      open = -1;
    }
  }
  return open >= 0 ? `подстановка «${opening(text, open)}» не закрыта: нет «}»` : null;
}

const notBlank = (s: string) => s.trim() !== '';

/** Loose: a field a later version adds travels through this one untouched. */
export const ReplyTemplateSchema = z.looseObject({
  id: z.string().min(1, 'нет идентификатора').max(100, 'идентификатор длиннее 100 знаков'),
  title: z.string().max(200, 'не длиннее 200 знаков').refine(notBlank, 'не заполнено'),
  topic: z.string().max(200, 'не длиннее 200 знаков'),
  department: z.string().max(300, 'не длиннее 300 знаков'),
  text: z
    .string()
    .max(MAX_TEMPLATE_TEXT, `не длиннее ${MAX_TEMPLATE_TEXT} знаков`)
    .refine(notBlank, 'пуст')
    .superRefine((text, ctx) => {
      const problem = braceProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  updatedAt: z.number().int('время изменения должно быть числом миллисекунд'),
  updatedBy: z.string().max(200, 'не длиннее 200 знаков'),
});

export const ReplyLibrarySchema = z
  .object({
    version: z.literal(REPLY_LIBRARY_VERSION, `версия библиотеки шаблонов должна быть ${REPLY_LIBRARY_VERSION}`),
    templates: z.array(ReplyTemplateSchema).max(MAX_TEMPLATES, `не больше ${MAX_TEMPLATES} шаблонов`),
  })
  .superRefine((library, ctx) => {
    const seen = new Set<string>();
    library.templates.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['templates', i], message: `идентификатор «${t.id}» повторяется` });
      seen.add(t.id);
    });
  });

const FIELD_NAMES: Record<string, string> = {
  id: 'идентификатор',
  title: 'название',
  topic: 'тема',
  department: 'подразделение',
  text: 'текст',
  updatedAt: 'время изменения',
  updatedBy: 'кто изменил',
};

/** «Шаблон «Отопление»: текст: …» — the template named as the curator sees it in the list. */
function templateName(candidate: unknown, index: number): string {
  const templates = (candidate as { templates?: unknown })?.templates;
  const t = Array.isArray(templates) ? (templates[index] as { title?: unknown } | undefined) : undefined;
  const title = typeof t?.title === 'string' ? t.title.trim() : '';
  return title ? `Шаблон «${title}»` : `Шаблон ${index + 1} (без названия)`;
}

/** Checks a whole library; the reasons in Russian, each naming the template and the field. */
export function checkReplyLibrary(candidate: unknown): Checked<ReplyLibrary> {
  const parsed = ReplyLibrarySchema.safeParse(candidate, { error: z.locales.ru().localeError });
  if (parsed.success) return { ok: true, value: parsed.data as ReplyLibrary };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const [top, index, field] = issue.path;
      if (top === 'templates' && typeof index === 'number') {
        const name = templateName(candidate, index);
        return field === undefined ? `${name}: ${issue.message}` : `${name}: ${FIELD_NAMES[String(field)] ?? String(field)}: ${issue.message}`;
      }
      return top === undefined ? `шаблоны ответов: ${issue.message}` : `шаблоны ответов (${issue.path.join('.')}): ${issue.message}`;
    }),
  };
}

/**
 * Whatever is stored, as a list that never throws: a library that fails the check keeps every
 * template that passes on its own (the first of a repeated id). Not ours (no version) — empty.
 */
export function readReplyLibrary(raw: unknown): ReplyTemplate[] {
  const checked = checkReplyLibrary(raw);
  if (checked.ok) return checked.value.templates;
  const templates = (raw as { templates?: unknown } | null)?.templates;
  if (!Array.isArray(templates) || (raw as { version?: unknown }).version !== REPLY_LIBRARY_VERSION) return [];
  const seen = new Set<string>();
  const out: ReplyTemplate[] = [];
  for (const t of templates) {
    const one = ReplyTemplateSchema.safeParse(t);
    if (!one.success || seen.has(one.data.id)) continue;
    seen.add(one.data.id);
    out.push(one.data as ReplyTemplate);
  }
  return out;
}

export function replyLibrary(templates: ReplyTemplate[]): ReplyLibrary {
  return { version: REPLY_LIBRARY_VERSION, templates };
}
