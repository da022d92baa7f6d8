/**
 * One trie for every lexicon, walked once per word over the normalised letter masks. A lexicon entry is
 * a root with its allowed endings, so a few hundred short strings cover all the word forms.
 */
import { WILDCARD, gapSize, isGap, letterIndex, normalizeWord, spell, type Normalized } from './normalize';
import type { Lexicon } from './lexicon/schema';

export interface Term {
  tag: string;
  conf: number;
  /** Verb prefixes (в-, вы-, за-, на-, по-, раз- …) may come before the root. */
  prefixOk: boolean;
  /** The word must end right after the entry. */
  endWord: boolean;
  /** The entry as written in the lexicon, for explanations. */
  entry: string;
  /** Context only (pronouns, prepositions, targets): never a finding alone. */
  context: boolean;
  /** Position in the lexicons: of two readings of one word, the earlier entry wins (пизд before пезд). */
  order: number;
  /** Which detectors a hit wakes up (`DETECTOR_*` bits); 0 for context words. */
  wakes: number;
}

export const DETECTOR_OBSCENITY = 1;
export const DETECTOR_INSULT = 2;
export const DETECTOR_THREAT = 4;
export const DETECTOR_ILLEGAL = 8;
export const DETECTOR_COMMERCE = 16;
/** A cue that needs company: one ordinary word (ремонт, цена, купить) is never a violation alone. */
export const WEAK_COMMERCE = 32;
export const WEAK_ILLEGAL = 64;
/** A word of a phrase-table rule (`pair-…` tags, lib/rules/lexicon/pairs.ts). */
export const DETECTOR_PAIRS = 128;

function wakes(tag: string): number {
  if (CONTEXT_TAG.test(tag)) return 0;
  // A rude word aimed at the reader («иди в жопу») is an insult: the insult phrases look at it too.
  if (tag === 'obscene-mild') return DETECTOR_OBSCENITY | DETECTOR_INSULT;
  if (tag.startsWith('obscene')) return DETECTOR_OBSCENITY;
  if (tag.startsWith('ins')) return DETECTOR_INSULT;
  if (tag.startsWith('thr')) return DETECTOR_THREAT;
  if (tag === 'riot-strong') return DETECTOR_ILLEGAL;
  if (/^(drug|doc|weapon|pdata|vote|riot|ill)/.test(tag)) return WEAK_ILLEGAL;
  if (tag.startsWith('custom')) return 0;
  if (tag.startsWith('pair')) return DETECTOR_PAIRS;
  // Casino adverts are both spam and, with a way to reach them, illegal gambling.
  if (tag === 'casino') return DETECTOR_COMMERCE | DETECTOR_ILLEGAL;
  if (/-strong$/.test(tag) || tag === 'crypto') return DETECTOR_COMMERCE;
  return WEAK_COMMERCE;
}

export interface Hit {
  term: Term;
  /** Word index within the comment, counting from 0. */
  word: number;
  /** Unit range of the whole word in the normalised text. */
  from: number;
  to: number;
  /** Where the lexicon entry ends (the rest of the word is its ending). */
  matchEnd: number;
  /** Prefix and root letters as the lexicon resolved them, when a mask left a choice; else null. */
  resolved: string | null;
  /** Letters that were mask symbols or dots in the text. */
  wild: number;
  /** Letters matched by the lexicon, prefix included. */
  letters: number;
}

/** The word a hit sits in, spelt with the letters the lexicon resolved (п@здец → пиздец). */
export function hitWord(norm: Normalized, hit: Hit): string {
  if (hit.resolved === null) return spell(norm, hit.from, hit.to);
  return hit.resolved + spell(norm, hit.matchEnd, hit.to);
}

interface BuildNode {
  kids: Map<number, BuildNode>;
  terms: number[];
}

export interface Trie {
  childMask: Int32Array;
  base: Int32Array;
  kids: Int32Array;
  terms: (number[] | null)[];
}

export interface CompiledLexicon {
  root: Trie;
  /** Only the entries that take verb prefixes: what is walked after a prefix. */
  prefixedRoot: Trie;
  prefixes: Trie;
  terms: Term[];
  /** First two letters of every root that takes prefixes: a word without one needs no prefix walk. */
  prefixedBigrams: Uint8Array;
  /**
   * Hit objects reused from one scan to the next: a page's comments are scanned one after another,
   * and a hit never outlives the classification that produced it.
   */
  pool: Hit[];
}

/** `~root(end1|end2$)`: `~` lets verb prefixes in, `$` ends the word, no ending list = any ending. */
export function expandEntry(entry: string): { prefixOk: boolean; forms: { text: string; endWord: boolean }[] } {
  let s = entry;
  const prefixOk = s.startsWith('~');
  if (prefixOk) s = s.slice(1);
  const open = s.indexOf('(');
  if (open < 0) {
    const endWord = s.endsWith('$');
    return { prefixOk, forms: [{ text: endWord ? s.slice(0, -1) : s, endWord }] };
  }
  const root = s.slice(0, open);
  const alts = s.slice(open + 1, -1).split('|');
  return {
    prefixOk,
    forms: alts.map((alt) => {
      const endWord = alt.endsWith('$');
      return { text: root + (endWord ? alt.slice(0, -1) : alt), endWord };
    }),
  };
}

function newNode(): BuildNode {
  return { kids: new Map(), terms: [] };
}

function insert(root: BuildNode, word: string, term: number) {
  let node = root;
  for (const ch of normalizeWord(word)) {
    const k = letterIndex(ch);
    if (k < 0) throw new Error(`«${word}»: буква «${ch}» не из русского алфавита`);
    let next = node.kids.get(k);
    if (!next) {
      next = newNode();
      node.kids.set(k, next);
    }
    node = next;
  }
  node.terms.push(term);
}

/** Flattens the build trie: each node keeps a child bitmask and its children in bit order. */
function flatten(root: BuildNode): Trie {
  const order: BuildNode[] = [];
  const index = new Map<BuildNode, number>();
  const queue = [root];
  while (queue.length) {
    const node = queue.shift() as BuildNode;
    index.set(node, order.length);
    order.push(node);
    for (const k of [...node.kids.keys()].sort((a, b) => a - b)) queue.push(node.kids.get(k) as BuildNode);
  }
  const childMask = new Int32Array(order.length);
  const base = new Int32Array(order.length);
  const kids: number[] = [];
  const terms: (number[] | null)[] = [];
  order.forEach((node, i) => {
    base[i] = kids.length;
    let m = 0;
    for (const k of [...node.kids.keys()].sort((a, b) => a - b)) {
      m |= 1 << k;
      kids.push(index.get(node.kids.get(k) as BuildNode) as number);
    }
    childMask[i] = m;
    terms.push(node.terms.length ? node.terms : null);
  });
  return { childMask, base, kids: Int32Array.from(kids), terms };
}

const CONTEXT_TAG = /^(target-|ctx-|prep$|neg$|dative$)/;

export function compileLexicons(lexicons: readonly Lexicon[], prefixes: readonly string[]): CompiledLexicon {
  const terms: Term[] = [];
  const root = newNode();
  const prefixedRoot = newNode();
  for (const lexicon of lexicons) {
    for (const group of lexicon.groups) {
      for (const entry of group.words) {
        const { prefixOk, forms } = expandEntry(entry);
        for (const form of forms) {
          const t = terms.length;
          const context = CONTEXT_TAG.test(group.tag);
          terms.push({
            tag: group.tag,
            conf: group.conf,
            prefixOk,
            endWord: form.endWord,
            entry,
            context,
            order: t,
            wakes: wakes(group.tag),
          });
          insert(root, form.text, t);
          if (prefixOk) insert(prefixedRoot, form.text, t);
        }
      }
    }
  }
  const prefixRoot = newNode();
  prefixes.forEach((p, i) => insert(prefixRoot, p, i));
  const prefixedBigrams = new Uint8Array(32 * 32);
  for (const [a, first] of prefixedRoot.kids) for (const b of first.kids.keys()) prefixedBigrams[a * 32 + b] = 1;
  return {
    root: flatten(root),
    prefixedRoot: flatten(prefixedRoot),
    prefixes: flatten(prefixRoot),
    terms,
    pool: [],
    prefixedBigrams,
  };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

function child(trie: Trie, node: number, letter: number): number {
  const m = trie.childMask[node] as number;
  const b = 1 << letter;
  if ((m & b) === 0) return -1;
  return trie.kids[(trie.base[node] as number) + popcount(m & (b - 1))] as number;
}

// Scratch state of the current word; the walk is recursive only where a mask allows several letters.
let masks: Int32Array = new Int32Array(0);
let lex: CompiledLexicon;
let rootTrie: Trie;
/** The text has only plain Cyrillic letters: every letter is what it looks like. */
let plain = true;
let wordStart = 0;
let wordEnd = 0;
let wordIndex = 0;
let rootStart = 0;
/** Prefix letters before the root, five bits each, first letter lowest. */
let prefixCode = 0;
let out: Hit[] = [];
const path: number[] = [];
const MAX_PREFIX_ENDS = 64;
const prefixEnds = new Int32Array(MAX_PREFIX_ENDS);
const prefixCodes = new Int32Array(MAX_PREFIX_ENDS);
let prefixCount = 0;

function decodePrefix(code: number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(0x430 + ((code >>> (5 * i)) & 31));
  return s;
}

let poolUsed = 0;
/**
 * Masks and dots let one word be read many ways; the walk of a word is capped so that a comment of
 * asterisks costs no more than a comment of letters.
 */
const WORD_BUDGET = 1024;
const MAX_HIDDEN = 3;
const MAX_HITS_PER_WORD = 32;
let budget = 0;
let wordHits = 0;

function emit(term: Term, pos: number, resolved: string | null, wild: number, letters: number) {
  if (++wordHits > MAX_HITS_PER_WORD) return;
  const pool = lex.pool;
  let h = pool[poolUsed];
  if (h) {
    h.term = term;
    h.word = wordIndex;
    h.from = wordStart;
    h.to = wordEnd;
    h.matchEnd = pos;
    h.resolved = resolved;
    h.wild = wild;
    h.letters = letters;
  } else {
    h = { term, word: wordIndex, from: wordStart, to: wordEnd, matchEnd: pos, resolved, wild, letters };
    pool.push(h);
  }
  poolUsed++;
  out.push(h);
}

function record(termIds: number[], pos: number, depth: number, wild: number) {
  for (const id of termIds) {
    const term = lex.terms[id] as Term;
    if (rootStart !== wordStart && !term.prefixOk) continue;
    if (term.endWord && pos !== wordEnd) continue;
    let resolved: string | null = null;
    if (plain) {
      emit(term, pos, null, wild, rootStart - wordStart + depth);
      continue;
    }
    for (let i = wordStart; i < pos; i++) {
      const m = masks[i] as number;
      if ((m & (m - 1)) !== 0) {
        resolved = decodePrefix(prefixCode, rootStart - wordStart);
        for (let d = 0; d < depth; d++) resolved += String.fromCharCode(0x430 + (path[d] as number));
        break;
      }
    }
    const letters = rootStart - wordStart + depth;
    emit(term, pos, resolved, wild, letters);
  }
}

function walkRoot(node: number, pos: number, depth: number, wild: number) {
  const trie = rootTrie;
  const childMask = trie.childMask;
  // A loop while each text letter allows one trie letter (almost always); recursion only on a choice.
  for (;;) {
    if (--budget < 0) return;
    const t = trie.terms[node];
    if (t) record(t, pos, depth, wild);
    if (pos >= wordEnd) return;
    const m = masks[pos] as number;
    if (isGap(m)) {
      walkRoot(node, pos + 1, depth, wild);
      const left = Math.min(gapSize(m), MAX_HIDDEN - wild);
      if (left > 0) walkGap(node, pos + 1, depth, wild, left);
      return;
    }
    if (m === WILDCARD) {
      // A mask symbol may also be inserted between letters rather than replace one (Б*ЛЯТЬ).
      if (depth > 0) walkRoot(node, pos + 1, depth, wild);
      if (wild >= MAX_HIDDEN) return;
    }
    const cm = childMask[node] as number;
    const avail = cm & m;
    if (avail === 0) return;
    if (m === WILDCARD) wild++;
    if ((avail & (avail - 1)) === 0) {
      const letter = 31 - Math.clz32(avail);
      path[depth] = letter;
      node = trie.kids[(trie.base[node] as number) + popcount(cm & (avail - 1))] as number;
      pos++;
      depth++;
      continue;
    }
    for (let rest = avail; rest !== 0; rest &= rest - 1) {
      const letter = 31 - Math.clz32(rest & -rest);
      path[depth] = letter;
      walkRoot(child(trie, node, letter), pos + 1, depth + 1, wild);
    }
    return;
  }
}

/** Dots hide up to `left` letters: any path of the trie may stand for them. */
function walkGap(node: number, next: number, depth: number, wild: number, left: number) {
  const trie = rootTrie;
  for (let rest = trie.childMask[node] as number; rest !== 0; rest &= rest - 1) {
    if (--budget < 0) return;
    const letter = 31 - Math.clz32(rest & -rest);
    const c = child(trie, node, letter);
    path[depth] = letter;
    walkRoot(c, next, depth + 1, wild + 1);
    if (left > 1) walkGap(c, next, depth + 1, wild + 1, left - 1);
  }
}

/**
 * Collects where verb prefixes may end: up to two of them, the second at least two letters long
 * («с-у-хую» is not a word). Prefixes are short, so their letters fit in one integer.
 */
function walkPrefixes(node: number, pos: number, code: number, secondFrom: number) {
  const trie = lex.prefixes;
  const depth = pos - wordStart;
  if (node !== 0 && trie.terms[node] && (secondFrom < 0 || pos - secondFrom >= 2) && prefixCount < MAX_PREFIX_ENDS) {
    prefixEnds[prefixCount] = pos;
    prefixCodes[prefixCount] = code;
    prefixCount++;
    if (secondFrom < 0) walkPrefixes(0, pos, code, pos);
  }
  if (pos >= wordEnd - 1 || depth >= 6) return;
  const m = masks[pos] as number;
  // A mask may hide a prefix letter (з@ебал), but not the first one: that would try every prefix.
  if (isGap(m) || (m === WILDCARD && depth === 0)) return;
  for (let rest = (trie.childMask[node] as number) & m; rest !== 0; rest &= rest - 1) {
    const letter = 31 - Math.clz32(rest & -rest);
    walkPrefixes(child(trie, node, letter), pos + 1, code | (letter << (5 * depth)), secondFrom);
  }
}

/** Whether some letter pair in units [from, to) may start a root that takes prefixes. */
function mayHavePrefixedRoot(bigrams: Uint8Array, from: number, to: number): boolean {
  let prev = masks[from] as number;
  for (let i = from + 1; i < to; i++) {
    const m = masks[i] as number;
    if ((prev & (prev - 1)) !== 0 || (m & (m - 1)) !== 0) return true;
    if (bigrams[(31 - Math.clz32(prev)) * 32 + (31 - Math.clz32(m))]) return true;
    prev = m;
  }
  return false;
}

/** Every lexicon hit in the text, word by word. */
export function scan(norm: Normalized, compiled: CompiledLexicon, hits: Hit[] = []): Hit[] {
  masks = norm.masks;
  plain = !norm.disguised;
  poolUsed = 0;
  lex = compiled;
  out = hits;
  const len = norm.length;
  const rootMask = compiled.root.childMask[0] as number;
  const prefixMask = compiled.prefixes.childMask[0] as number;
  const prefixedMask = compiled.prefixedRoot.childMask[0] as number;
  let i = 0;
  wordIndex = 0;
  while (i < len) {
    if (masks[i] === 0) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < len && masks[e] !== 0) e++;
    const first = masks[i] as number;
    if ((first & (rootMask | prefixMask)) !== 0) {
      wordStart = i;
      wordEnd = e;
      budget = WORD_BUDGET;
      wordHits = 0;
      rootStart = i;
      prefixCode = 0;
      rootTrie = compiled.root;
      walkRoot(0, i, 0, 0);
      if ((first & prefixMask) !== 0 && first !== WILDCARD && mayHavePrefixedRoot(compiled.prefixedBigrams, i + 1, e)) {
        prefixCount = 0;
        walkPrefixes(0, i, 0, -1);
        rootTrie = compiled.prefixedRoot;
        for (let k = 0; k < prefixCount; k++) {
          rootStart = prefixEnds[k] as number;
          if (((masks[rootStart] as number) & prefixedMask) === 0) continue;
          prefixCode = prefixCodes[k] as number;
          walkRoot(0, rootStart, 0, 0);
        }
      }
    }
    wordIndex++;
    i = e;
  }
  return hits;
}
