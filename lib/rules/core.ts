/**
 * The comment classifier: App. 2 §15 (what a moderator deletes) and App. 1 §16 (what is not processed).
 * Pure: text in, findings out; no browser, no storage. This is the classifier without its word lists:
 * the content scripts get those from storage (lib/settings/lexicon-read.ts) rather than in their
 * bundle; everything else imports `./index`, which brings them. Lexicons are compiled once, on first
 * use (or by `prepareClassifier` while the caller waits for something else).
 */
import type { CompiledCustomLexicon } from './custom-lexicon';
import {
  detectCommerce,
  detectIllegal,
  detectInsult,
  detectObscenity,
  detectPairs,
  detectThreat,
  groupByTag,
  type Context,
} from './detectors';
import { CATEGORY_CLAUSES, verdictOf } from './explain';
import type { BuiltinLexicons } from './lexicon/data';
import { BUILTIN_ALLOW } from './lexicon/allow';
import { findHandle, findLatinCues, findLinks, findPhones, hasAmount, type Span } from './links';
import {
  DETECTOR_COMMERCE,
  DETECTOR_ILLEGAL,
  DETECTOR_INSULT,
  DETECTOR_OBSCENITY,
  DETECTOR_PAIRS,
  DETECTOR_THREAT,
  WEAK_COMMERCE,
  WEAK_ILLEGAL,
  compileLexicons,
  hitWord,
  scan,
  type CompiledLexicon,
  type Hit,
} from './matcher';
import { normalize, normalizeWord } from './normalize';
import { jaccard, stems } from './similarity';
import type { Category, Classification, Finding } from './types';

export type { Category, Classification, Finding, Verdict } from './types';
export { CATEGORIES } from './types';
export {
  CATEGORY_CLAUSES,
  CATEGORY_LABELS_RU,
  VERDICT_THRESHOLD,
  explainFinding,
  explainVerdict,
  verdictOf,
} from './explain';
// Validation of the team's lists lives in './custom' (zod); the content script needs only the builder.
export { buildCustomLexicon, type CompiledCustomLexicon, type CustomLexiconData } from './custom-lexicon';
export type { CustomLexiconInput, CustomLexiconResult } from './custom';
export { repeatedQuestionHint, type EarlierMessage, type RepeatHint } from './repeat';

export type { BuiltinLexicons } from './lexicon/data';

let builtin: BuiltinLexicons | null = null;
let compiled: CompiledLexicon | null = null;

/**
 * Gives the classifier its word lists and compiles them now rather than at the first comment: the
 * content script calls it as soon as storage answers, while the page is still downloading, so the
 * compiling costs the page no time. Without an argument it compiles what it was given before.
 */
export function prepareClassifier(lexicons?: BuiltinLexicons): void {
  if (lexicons && lexicons !== builtin) {
    builtin = lexicons;
    compiled = null;
  }
  if (!builtin) throw new Error('classifier: no lexicons (import lib/rules, or pass them from storage)');
  compiled ??= compileLexicons(builtin.lexicons, builtin.prefixes);
}

/** Hands over the word lists without compiling them: compiled at the first comment. */
export function setLexicons(lexicons: BuiltinLexicons): void {
  if (lexicons !== builtin) {
    builtin = lexicons;
    compiled = null;
  }
}

const builtinAllow = new Set(BUILTIN_ALLOW.map((w) => normalizeWord(w)));

const MASKABLE = /^(obscene|insult|threat-)/;

export interface RecentComment {
  author?: string;
  text: string;
}

export interface ClassifyOptions {
  /** The team's additions, from `compileCustomLexicon` (./custom) or `buildCustomLexicon`. */
  custom?: CompiledCustomLexicon;
  /** Other recent comments on the page: the same text from other authors is a mass mailing. */
  recent?: readonly RecentComment[];
  author?: string;
  /** Categories switched off in settings; all are on by default. */
  categories?: Partial<Record<Category, boolean>>;
}

/** The allow-lists name whole words: a finding on such a word, in any spelling, is dropped. */
function allowed(f: Finding, custom?: CompiledCustomLexicon): boolean {
  // `normalized` is already folded (ё→е, repeated letters once); `match` catches Latin spellings.
  const original = f.match.toLowerCase();
  if (builtinAllow.has(f.normalized) || builtinAllow.has(original)) return true;
  return custom !== undefined && (custom.allow.has(f.normalized) || custom.allow.has(original));
}

/** Minimum size of a text, in word stems, to count as a mailing: «Спасибо!» from many is not spam. */
const MAILING_MIN_STEMS = 5;
const MAILING_SIMILARITY = 0.75;

/** Stems of recent comments: the same page's comments are compared again with every new one. */
const stemCache = new Map<string, Set<string>>();
const STEM_CACHE_SIZE = 2000;

function cachedStems(text: string): Set<string> {
  let s = stemCache.get(text);
  if (!s) {
    s = stems(text);
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.delete(stemCache.keys().next().value as string);
    stemCache.set(text, s);
  }
  return s;
}

function massMailing(text: string, recent: readonly RecentComment[], author: string | undefined): Finding | null {
  const own = cachedStems(text);
  if (own.size < MAILING_MIN_STEMS) return null;
  const others = new Set<string>();
  recent.forEach((r, i) => {
    if (author !== undefined && r.author === author) return;
    if (jaccard(own, cachedStems(r.text)) >= MAILING_SIMILARITY) others.add(r.author ?? `#${i}`);
  });
  if (others.size === 0) return null;
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return {
    category: 'spam',
    clause: CATEGORY_CLAUSES.spam,
    start,
    end,
    match: text.slice(start, end),
    normalized: `массовая рассылка: тот же текст у других авторов (${others.size})`,
    confidence: others.size >= 2 ? 0.9 : 0.8,
  };
}

function customFindings(text: string, norm: ReturnType<typeof normalize>, custom: CompiledCustomLexicon, out: Finding[]) {
  if (!custom.lexicon) return;
  const hits = scan(norm, custom.lexicon);
  if (hits.length === 0) return;
  const at = new Map<string, Hit>();
  for (const h of hits) at.set(`${h.term.tag}@${h.word}`, h);
  custom.phrases.forEach((phrase, index) => {
    for (const h of hits) {
      if (h.term.tag !== `custom-${index}-0`) continue;
      let last: Hit | undefined = h;
      for (let p = 1; p < phrase.length && last; p++) last = at.get(`custom-${index}-${p}@${h.word + p}`);
      if (!last) continue;
      const start = norm.starts[h.from] as number;
      const end = norm.ends[last.to - 1] as number;
      out.push({
        category: phrase.category,
        clause: CATEGORY_CLAUSES[phrase.category],
        start,
        end,
        match: text.slice(start, end),
        normalized: phrase.length === 1 ? hitWord(norm, h) : phrase.text,
        confidence: 0.9,
        team: true,
      });
    }
  });
}

const always = () => true;
/** Reused between calls: classification is synchronous and never re-entered. */
const scratchHits: Hit[] = [];
const NO_SPANS: readonly Span[] = [];
const REPLY_MARKUP = /^\s*\[(?:id|club|public)\d+\|[^\]]*\]/;

/** Classifies one comment: the verdict and every finding with its clause and span in `text`. */
export function classify(text: string, options: ClassifyOptions = {}): Classification {
  const off = options.categories;
  const on = off ? (c: Category) => off[c] !== false : always;
  const custom = options.custom;
  const norm = normalize(text);
  scratchHits.length = 0;
  if (!compiled) prepareClassifier();
  const raw = scan(norm, compiled!, scratchHits);
  let hits: Hit[] = raw;
  let awake = 0;
  let weakCommerce = 0;
  let weakIllegal = 0;
  for (let i = 0; i < raw.length; i++) {
    const h = raw[i] as Hit;
    // Masks and dots hide letters of abuse; an advert or a pronoun spelt with them is a coincidence.
    if (h.wild > 0 && !MASKABLE.test(h.term.tag)) {
      if (hits === raw) hits = raw.slice(0, i);
      continue;
    }
    if (hits !== raw) hits.push(h);
    awake |= h.term.wakes;
    if (h.term.wakes & WEAK_COMMERCE) weakCommerce++;
    if (h.term.wakes & WEAK_ILLEGAL) weakIllegal++;
  }
  // Spam, adverts and law violations take two cues (or a link, a phone): one word wakes nothing.
  if (weakCommerce >= 2) awake |= DETECTOR_COMMERCE;
  // Two cues, or one with a contact («трава, пишите в вотсап»).
  if (weakIllegal >= 2 || (weakIllegal && weakCommerce >= 2)) awake |= DETECTOR_ILLEGAL;
  awake &= ~(WEAK_COMMERCE | WEAK_ILLEGAL);

  const links = findLinks(text, custom?.allowDomains);
  const phones = norm.digits >= 10 ? findPhones(text) : NO_SPANS;
  const latin = norm.latin > 0 ? findLatinCues(text) : NO_SPANS;
  const handle = norm.latin > 3 ? findHandle(text) : undefined;
  if (links.length || phones.length || latin.length || handle) awake |= DETECTOR_COMMERCE | DETECTOR_ILLEGAL;
  const findings: Finding[] = [];
  if (awake !== 0) {
    let amount: boolean | undefined;
    const ctx: Context = {
      text,
      addressed: REPLY_MARKUP.test(text),
      norm,
      hits,
      byTag: groupByTag(hits),
      links,
      phones,
      amount: () => (amount ??= hasAmount(text)),
      latin,
      handle,
    };
    if (awake & DETECTOR_OBSCENITY && on('obscenity')) detectObscenity(ctx, findings);
    if (awake & DETECTOR_INSULT && on('insult')) detectInsult(ctx, findings);
    if (awake & DETECTOR_THREAT && on('threat')) detectThreat(ctx, findings);
    const reach =
      links.length > 0 || phones.length > 0 || handle !== undefined || (ctx.byTag.has('contact-verb') && ctx.byTag.has('contact-channel'));
    if (awake & DETECTOR_ILLEGAL && on('illegal')) detectIllegal(ctx, findings, reach);
    if (awake & DETECTOR_COMMERCE && (on('spam') || on('advertising'))) {
      detectCommerce(ctx, findings, { spam: on('spam'), advertising: on('advertising') });
    }
    if (awake & DETECTOR_PAIRS && builtin?.pairs) detectPairs(ctx, builtin.pairs, on, findings);
  }
  if (custom) customFindings(text, norm, custom, findings);
  // Last: similarity reuses the normalisation buffers that `norm` points into.
  if (options.recent?.length && on('spam')) {
    const mailing = massMailing(text, options.recent, options.author);
    if (mailing) findings.push(mailing);
  }
  const result = dedupe(findings.filter((f) => on(f.category) && !allowed(f, custom)));
  return { verdict: verdictOf(result), findings: result };
}

function dedupe(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.category.localeCompare(b.category));
  const out: Finding[] = [];
  for (const f of findings) {
    const prev = out[out.length - 1];
    if (prev && prev.category === f.category && prev.start === f.start && prev.end === f.end) {
      let keep = f.confidence > prev.confidence ? f : prev;
      // Found by the built-in rules too: not the team's word alone.
      if (keep.team && !(prev.team && f.team)) {
        keep = { ...keep };
        delete keep.team;
      }
      out[out.length - 1] = keep;
      continue;
    }
    out.push(f);
  }
  return out;
}
