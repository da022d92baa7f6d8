/**
 * The team's additions, compiled for the classifier. No zod here: the content script builds its
 * lexicon from data the settings page has already validated (`custom.ts`).
 */
import { CATEGORY_LABELS_RU } from './explain';
import { compileLexicons, type CompiledLexicon } from './matcher';
import { normalizeWord } from './normalize';
import { CATEGORIES, type Category } from './types';
import type { CheckedAs } from '../result';

/** Validated settings: phrases in lower case, words separated by single spaces. */
export interface CustomLexiconData {
  words: Partial<Record<Category, string[]>>;
  allow: string[];
  allowDomains: string[];
}

export interface CompiledCustomLexicon {
  readonly source: CustomLexiconData;
  /** Terms tagged `custom-<phrase>-<word>`. */
  readonly lexicon: CompiledLexicon | null;
  readonly phrases: readonly { category: Category; length: number; text: string }[];
  readonly allow: ReadonlySet<string>;
  readonly allowDomains: readonly string[];
}

export type BuildResult = CheckedAs<{ lexicon: CompiledCustomLexicon }>;

export function buildCustomLexicon(source: CustomLexiconData): BuildResult {
  const errors: string[] = [];
  const allow = new Set(source.allow.map((w) => normalizeWord(w.replace('*', ''))));
  const groups: { tag: string; conf: number; words: string[] }[] = [];
  const phrases: { category: Category; length: number; text: string }[] = [];
  for (const category of CATEGORIES) {
    for (const phrase of source.words[category] ?? []) {
      const words = phrase.split(' ');
      for (const w of words) {
        if (allow.has(normalizeWord(w.replace('*', '')))) {
          errors.push(`${CATEGORY_LABELS_RU[category]}: «${w}» есть и в исключениях — уберите из одного из списков`);
        }
      }
      const index = phrases.length;
      phrases.push({ category, length: words.length, text: phrase });
      words.forEach((w, position) => {
        const entry = w.endsWith('*') ? w.slice(0, -1) : `${w}$`;
        groups.push({ tag: `custom-${index}-${position}`, conf: 0.9, words: [entry] });
      });
    }
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    lexicon: {
      source,
      lexicon: groups.length ? compileLexicons([{ id: 'custom', groups }], []) : null,
      phrases,
      allow,
      allowDomains: source.allowDomains,
    },
  };
}
