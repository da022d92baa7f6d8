/**
 * All built-in word lists in one object: what the background puts into storage for the content
 * scripts (lib/settings/builtin-lexicon.ts) and what Node, the CLI and the extension's own pages use
 * directly (lib/rules/index.ts). Plain data — it must survive `structuredClone` into storage.
 */
import { commerceLexicon } from './commerce';
import { illegalLexicon } from './illegal';
import { insultLexicon } from './insult';
import { obscenityLexicon } from './obscenity';
import { PAIR_RULES, pairLexicon, type PairRule } from './pairs';
import { VERB_PREFIXES } from './prefixes';
import type { Lexicon } from './schema';
import { targetLexicon } from './targets';
import { threatLexicon } from './threat';

export interface BuiltinLexicons {
  lexicons: readonly Lexicon[];
  prefixes: readonly string[];
  /** The phrase table: which two tags near each other make a finding. Absent in lists stored by older versions. */
  pairs?: readonly PairRule[];
}

export const BUILTIN_LEXICONS: readonly Lexicon[] = [
  obscenityLexicon,
  insultLexicon,
  threatLexicon,
  commerceLexicon,
  illegalLexicon,
  targetLexicon,
  pairLexicon,
];

export const BUILTIN: BuiltinLexicons = { lexicons: BUILTIN_LEXICONS, prefixes: VERB_PREFIXES, pairs: PAIR_RULES };
