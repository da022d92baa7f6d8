/**
 * What detectors share: the comment's hits by tag, spans and findings, and the words of the comment as
 * text, for the phrase rules that read a function word or the punctuation next to a word.
 */
import { CATEGORY_CLAUSES } from './explain';
import { hitWord, type Hit } from './matcher';
import { spell, type Normalized } from './normalize';
import type { Link, Span } from './links';
import type { Category, Finding } from './types';

export interface Context {
  text: string;
  /** The comment is a reply to a person (VK markup «[id123|Имя],»): it is aimed at someone. */
  addressed: boolean;
  norm: Normalized;
  hits: Hit[];
  /** Hits by tag, each list in text order. */
  byTag: Map<string, Hit[]>;
  links: readonly Link[];
  phones: readonly Span[];
  /** Whether a price or a sum is named (computed on demand: most comments never need it). */
  amount: () => boolean;
  latin: readonly Span[];
  /** A messenger handle: «@omsk_remont», «anna_pohudenie». */
  handle?: Span;
  /** Start and end units of the words, two by word (computed on demand). */
  words?: Int32Array;
}

export function groupByTag(hits: readonly Hit[]): Map<string, Hit[]> {
  const map = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = map.get(h.term.tag);
    if (list) list.push(h);
    else map.set(h.term.tag, [h]);
  }
  return map;
}

const NONE: Hit[] = [];
export const tag = (ctx: Context, t: string): Hit[] => ctx.byTag.get(t) ?? NONE;

export function near(hits: readonly Hit[], word: number, before: number, after: number, exceptSelf = true): Hit | undefined {
  for (const h of hits) {
    if (exceptSelf && h.word === word) continue;
    if (h.word >= word - before && h.word <= word + after) return h;
  }
  return undefined;
}

export function wordAt(hits: readonly Hit[], word: number): Hit | undefined {
  for (const h of hits) if (h.word === word) return h;
  return undefined;
}

export function spanOf(ctx: Context, from: Hit, to: Hit = from): { start: number; end: number } {
  const a = from.from <= to.from ? from : to;
  const b = from.to >= to.to ? from : to;
  return { start: ctx.norm.starts[a.from] as number, end: ctx.norm.ends[b.to - 1] as number };
}

export function finding(
  ctx: Context,
  category: Category,
  span: { start: number; end: number },
  normalized: string,
  confidence: number,
): Finding {
  return {
    category,
    clause: CATEGORY_CLAUSES[category],
    start: span.start,
    end: span.end,
    match: ctx.text.slice(span.start, span.end),
    normalized,
    confidence: Math.round(confidence * 100) / 100,
  };
}

/** A finding over the words of a phrase: the span covers them, the explanation names each one. */
export function phrase(ctx: Context, category: Category, parts: readonly (Hit | undefined)[], confidence: number): Finding {
  const hits = parts.filter((h): h is Hit => h !== undefined).sort((a, b) => a.word - b.word);
  const first = hits[0] as Hit;
  const last = hits[hits.length - 1] as Hit;
  return finding(ctx, category, spanOf(ctx, first, last), hits.map((h) => hitWord(ctx.norm, h)).join(' + '), confidence);
}

function words(ctx: Context): Int32Array {
  if (ctx.words) return ctx.words;
  const m = ctx.norm.masks;
  const out: number[] = [];
  for (let i = 0; i < ctx.norm.length; i++) {
    if (m[i] === 0) continue;
    const s = i;
    while (i < ctx.norm.length && m[i] !== 0) i++;
    out.push(s, i);
  }
  return (ctx.words = Int32Array.from(out));
}

export const wordCount = (ctx: Context): number => words(ctx).length / 2;

/** Word `i` as read (ё→е, repeated letters once), '' outside the comment. */
export function wordText(ctx: Context, i: number): string {
  const w = words(ctx);
  return i < 0 || 2 * i >= w.length ? '' : spell(ctx.norm, w[2 * i] as number, w[2 * i + 1] as number);
}

/** The nearest word to `i` within [i - before, i + after], other than `i`, that `test` accepts, as a hit. */
export function nearWord(ctx: Context, i: number, before: number, after: number, test: RegExp): Hit | undefined {
  const w = words(ctx);
  for (let d = 1; d <= Math.max(before, after); d++) {
    for (const j of [i - d, i + d]) {
      if ((j < i ? d > before : d > after) || j < 0 || 2 * j >= w.length || !test.test(wordText(ctx, j))) continue;
      const from = w[2 * j] as number;
      const to = w[2 * j + 1] as number;
      return { term: { tag: 'word', conf: 1, prefixOk: false, endWord: true, entry: '', context: true, order: -1, wakes: 0 }, word: j, from, to, matchEnd: to, resolved: null, wild: 0, letters: to - from };
    }
  }
  return undefined;
}
