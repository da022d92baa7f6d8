/**
 * The team's own additions: extra words and phrases per category, an allow-list and allowed sites
 * (settings page). Validated with zod; on any error nothing changes and the caller keeps its old list.
 * Import this module where zod is welcome (options page, side panel, background); the content script
 * takes the validated data and calls `buildCustomLexicon` from the index.
 */
import { z } from 'zod';
import { buildCustomLexicon, type CompiledCustomLexicon } from './custom-lexicon';
import { CATEGORIES, type Category } from './types';
import { CATEGORY_LABELS_RU } from './explain';

export { buildCustomLexicon, type CompiledCustomLexicon, type CustomLexiconData } from './custom-lexicon';

/** A word in Russian letters; `*` at the end allows any ending; spaces make a phrase. */
const WORD = /^[а-яё]+\*?$/;
const DOMAIN = /^(?:[a-z0-9а-яё](?:[a-z0-9а-яё-]*[a-z0-9а-яё])?\.)+[a-zа-яё]{2,}$/;

const phraseSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase().replace(/\s+/g, ' '))
  .superRefine((s, ctx) => {
    if (s.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'пустая строка' });
      return;
    }
    const words = s.split(' ');
    for (const word of words) {
      if (!WORD.test(word)) {
        ctx.addIssue({
          code: 'custom',
          message: `«${word}» — допустимы только русские буквы и «*» в конце слова`,
        });
      }
    }
    // One-letter words are fine inside a phrase («вступай в клуб»), not alone.
    if (words.every((w) => WORD.test(w)) && words.every((w) => w.replace('*', '').length < 2)) {
      ctx.addIssue({ code: 'custom', message: `«${s}» — слишком короткое слово, нужно не меньше двух букв` });
    }
    if (s.split(' ').length > 6) ctx.addIssue({ code: 'custom', message: 'фраза длиннее шести слов' });
  });

export const customLexiconSchema = z.object({
  words: z.partialRecord(z.enum(CATEGORIES), z.array(phraseSchema).max(2000)).default({}),
  allow: z.array(phraseSchema).max(2000).default([]),
  allowDomains: z
    .array(
      z
        .string()
        .transform((s) => s.trim().toLowerCase())
        .superRefine((s, ctx) => {
          if (!DOMAIN.test(s)) ctx.addIssue({ code: 'custom', message: `«${s}» — нужен адрес сайта вида example.ru` });
        }),
    )
    .max(500)
    .default([]),
});

export type CustomLexiconInput = z.input<typeof customLexiconSchema>;

export type CustomLexiconResult =
  | { ok: true; lexicon: CompiledCustomLexicon }
  | { ok: false; errors: string[] };

/** The lists as the settings page names them. */
const LIST_RU: Record<string, string> = { words: 'Слова', allow: 'Исключения', allowDomains: 'Разрешённые сайты' };

const capital = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;

/**
 * Where a problem is, in the words of the settings page: the list («Оскорбление», «Исключения») and,
 * when the message does not quote the word itself, its line — counted without empty lines, as saved.
 */
function describePath(path: readonly PropertyKey[], quotesWord: boolean): string {
  const [field, ...rest] = path;
  let list = LIST_RU[String(field)] ?? '';
  if (field === 'words' && typeof rest[0] === 'string' && (CATEGORIES as readonly string[]).includes(rest[0])) {
    list = capital(CATEGORY_LABELS_RU[rest.shift() as Category]);
  }
  const line = rest.find((p): p is number => typeof p === 'number');
  return line === undefined || quotesWord ? list : `${list}, строка ${line + 1}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'неверный тип значения';
    case 'too_big':
      return 'слишком длинный список';
    case 'unrecognized_keys':
      return issue.path[0] === 'words'
        ? `нет такой категории: ${issue.keys.map((k) => `«${k}»`).join(', ')}`
        : `лишние поля: ${issue.keys.map((k) => `«${k}»`).join(', ')}`;
    default:
      return issue.message;
  }
}

export function compileCustomLexicon(input: unknown): CustomLexiconResult {
  const parsed = customLexiconSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const message = describeIssue(issue);
        const where = describePath(issue.path, message.startsWith('«'));
        return where ? `${where}: ${message}` : capital(message);
      }),
    };
  }
  return buildCustomLexicon(parsed.data);
}

/** Swaps in a new list only if it is valid; otherwise keeps `current` and says what is wrong. */
export function replaceCustomLexicon(
  current: CompiledCustomLexicon | undefined,
  input: unknown,
): { lexicon: CompiledCustomLexicon | undefined; errors: string[] } {
  const result = compileCustomLexicon(input);
  return result.ok ? { lexicon: result.lexicon, errors: [] } : { lexicon: current, errors: result.errors };
}
