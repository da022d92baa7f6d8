/**
 * Normalisation turns a comment into a sequence of letter masks: bit k stands for the Cyrillic letter
 * 'а' + k (ё is folded into е, ъ into ь), so a Latin look-alike or a digit can stand for several letters
 * at once and a mask symbol (* " @ …) for any letter. Each unit remembers the span of the original text
 * it came from, so findings point at what the user actually wrote.
 */
import { fold } from '../text';

/** Every letter: a mask symbol between letters may hide any of them. */
export const WILDCARD = 0xffffffff | 0;
/**
 * Dots inside a word hide letters (нае...ли, С..ка, д.бил): about as many as there are dots, at most
 * three. The bit of ъ marks such a unit (ъ is folded into ь, so no letter mask has that bit) and the
 * low two bits say how many letters it may hide.
 */
export const GAP_BIT = 1 << 26;
export const gapUnit = (dots: number): number => GAP_BIT | Math.min(3, dots);
export const isGap = (m: number): boolean => m !== WILDCARD && (m & GAP_BIT) !== 0;
/** How many letters a gap unit may hide. */
export const gapSize = (m: number): number => m & 3;

const A = 0x430;
const bit = (ch: string): number => 1 << (ch.charCodeAt(0) - A);
const bits = (letters: string): number => {
  let m = 0;
  for (const ch of letters) m |= bit(ch);
  return m;
};

/** What each Latin letter may stand for, as look-alike or as transliteration. */
const LATIN: Record<string, string> = {
  a: 'а', b: 'бвь', c: 'сцк', d: 'д', e: 'еэ', f: 'ф', g: 'гд', h: 'хн', i: 'ий', j: 'йж', k: 'к',
  l: 'л', m: 'м', n: 'нпи', o: 'о', p: 'пр', q: 'к', r: 'рг', s: 'с', t: 'т', u: 'уию', v: 'в',
  w: 'шв', x: 'х', y: 'уый', z: 'з',
};

/** Transliteration digraphs, used only inside all-Latin words (ebat, huinya, blyat). */
const DIGRAPHS: Record<string, string> = {
  sh: 'шщ', ch: 'ч', zh: 'ж', kh: 'х', ts: 'ц', ya: 'я', yu: 'ю', yo: 'е', ye: 'е', ja: 'я', ju: 'ю',
  ia: 'я', iu: 'ю',
};

/** Digits that commonly replace letters inside words (3аебал, 6ля, п0хуй, 4мо, п1здец). */
const DIGIT: Record<string, string> = {
  '0': 'о', '1': 'ил', '3': 'зе', '4': 'ча', '6': 'б', '7': 'т', '8': 'в', '9': 'я',
};

/** Other scripts' look-alikes: Greek, Ukrainian, Belarusian. */
const OTHER: Record<number, string> = {
  0x3b1: 'а', 0x3b2: 'в', 0x3b5: 'е', 0x3ba: 'к', 0x3bc: 'м', 0x3bf: 'о', 0x3c1: 'р', 0x3c4: 'т',
  0x3c7: 'х', 0x3c5: 'у', 0x3b9: 'и', 0x391: 'а', 0x392: 'в', 0x395: 'е', 0x397: 'н', 0x39a: 'к',
  0x39c: 'м', 0x39f: 'о', 0x3a1: 'р', 0x3a4: 'т', 0x3a7: 'х', 0x456: 'и', 0x406: 'и', 0x457: 'и',
  0x407: 'и', 0x454: 'е', 0x404: 'е', 0x45e: 'у', 0x40e: 'у',
};

const DIGRAPH_MASKS = new Map(Object.entries(DIGRAPHS).map(([pair, letters]) => [pair, bits(letters)]));

const enum Cls {
  Boundary = 0,
  Cyr = 1,
  Lat = 2,
  Digit = 3,
  /** Stands for a letter wherever it sits between letters: * " @ # $ % ! */
  MaskInner = 4,
  /** Also stands for a letter at a word's edge (х**, *уй). */
  MaskEdge = 5,
  /** Invisible characters inserted to break words apart: dropped. */
  Ignore = 6,
  /** A dot: inside a word it hides letters, elsewhere it ends the sentence. */
  Dot = 7,
  /** Brackets inside a word (ч)урка, хо(х)лы) are dropped; elsewhere they separate words. */
  Drop = 8,
  /** Curly braces: «}{» is х. */
  Brace = 9,
}

const TABLE_SIZE = 0x500;
const CLS = new Uint8Array(TABLE_SIZE);
const MASK = new Int32Array(TABLE_SIZE);

(function buildTables() {
  for (let c = 0x430; c <= 0x44f; c++) {
    CLS[c] = Cls.Cyr;
    MASK[c] = 1 << (c - A);
    CLS[c - 0x20] = Cls.Cyr;
    MASK[c - 0x20] = 1 << (c - A);
  }
  for (const c of [0x401, 0x451]) {
    CLS[c] = Cls.Cyr;
    MASK[c] = bit('е');
  }
  MASK[0x44a] = MASK[0x42a] = bit('ь');
  for (const [code, letters] of Object.entries(OTHER)) {
    const c = Number(code);
    CLS[c] = Cls.Cyr;
    MASK[c] = bits(letters);
  }
  for (const [ch, letters] of Object.entries(LATIN)) {
    const c = ch.charCodeAt(0);
    CLS[c] = CLS[c - 0x20] = Cls.Lat;
    MASK[c] = MASK[c - 0x20] = bits(letters);
  }
  for (let c = 0x30; c <= 0x39; c++) {
    CLS[c] = Cls.Digit;
    const letters = DIGIT[String.fromCharCode(c)];
    MASK[c] = letters ? bits(letters) : 0;
  }
  for (const ch of '"!') CLS[ch.charCodeAt(0)] = Cls.MaskInner;
  for (const ch of '*@#$%') CLS[ch.charCodeAt(0)] = Cls.MaskEdge;
  CLS[0xad] = Cls.Ignore;
  CLS[0x2e] = Cls.Dot;
  CLS[0x28] = CLS[0x29] = Cls.Drop;
  CLS[0x7b] = CLS[0x7d] = Cls.Brace;
})();

function classOf(c: number): Cls {
  if (c < TABLE_SIZE) return CLS[c] as Cls;
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) return Cls.Ignore;
  return Cls.Boundary;
}

/** Characters that may sit between single letters spelled apart: «е б а т ь», «х.у.е.т.а», «П-и-з-д-а». */
function isSpacer(c: number): boolean {
  return (
    c === 0x20 || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x2c || c === 0x7c || c === 0x2f ||
    c === 0x5c || c === 0x2b || c === 0x7e || c === 0x3a || c === 0x3b || c === 0x27 || c === 0xa0 ||
    c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0xb7
  );
}

export interface Normalized {
  /** Letter masks; 0 marks a word boundary (runs of boundaries are folded into one). */
  masks: Int32Array;
  /** Original span of each unit, UTF-16 offsets, end exclusive. */
  starts: Int32Array;
  ends: Int32Array;
  length: number;
  /** How many digits and Latin letters the text has: cheap tests before looking for phones and links. */
  digits: number;
  latin: number;
  /** Some unit is not a plain Cyrillic letter: a look-alike, a digit, a mask or dots. */
  disguised: boolean;
}

let bufMasks = new Int32Array(1024);
let bufStarts = new Int32Array(1024);
let bufEnds = new Int32Array(1024);

function ensure(size: number) {
  if (bufMasks.length >= size) return;
  let n = bufMasks.length;
  while (n < size) n *= 2;
  bufMasks = new Int32Array(n);
  bufStarts = new Int32Array(n);
  bufEnds = new Int32Array(n);
}

function isLetterAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const k = classOf(text.charCodeAt(i));
  return k === Cls.Cyr || k === Cls.Lat;
}

// Facts about the current token (a run of letters, digits and symbols), found by looking ahead from
// its start; plain Cyrillic words never need them, so they are computed on demand.
let tokenEnd = -1;
let tokenFirstLetter = -1;
let tokenLastLetter = -1;
let tokenHasLetter = false;
let tokenLatinOnly = false;
/** Digits stand for letters only in a word, and not in ids such as «id14085619» or «club123». */
let tokenDigitsAreLetters = false;

function lookAhead(text: string, tokenStart: number) {
  const n = text.length;
  let hasCyr = false;
  let hasLat = false;
  let tokenDigits = 0;
  tokenFirstLetter = -1;
  let j = tokenStart;
  for (; j < n; j++) {
    const kj = classOf(text.charCodeAt(j));
    if (kj === Cls.Boundary) break;
    if (kj === Cls.Digit) tokenDigits++;
    if (kj === Cls.Cyr || kj === Cls.Lat) {
      if (tokenFirstLetter < 0) tokenFirstLetter = j;
      tokenLastLetter = j;
      if (kj === Cls.Cyr) hasCyr = true;
      else hasLat = true;
    }
  }
  tokenEnd = j;
  tokenHasLetter = hasCyr || hasLat;
  tokenLatinOnly = hasLat && !hasCyr;
  tokenDigitsAreLetters = tokenHasLetter && tokenDigits <= 3 && !(tokenLatinOnly && tokenDigits >= 2);
}

/**
 * Normalises `text`. The returned arrays are shared scratch buffers, valid until the next call: the
 * classifier runs on every comment of a page, and allocating per comment would dominate its cost.
 */
export function normalize(text: string): Normalized {
  const n = text.length;
  ensure(n + 2);
  const masks = bufMasks;
  const starts = bufStarts;
  const ends = bufEnds;
  let len = 0;
  let singleRun = 0;
  let spelledOut = false;
  let digits = 0;
  let latin = 0;
  let disguised = false;

  tokenEnd = -1;
  let tokenStart = 0;
  let wordLen = 0;

  /**
   * Closes the current word at the separator [at, at + width): one boundary between words, and
   * a count of one-letter words in a row (a word spelled out letter by letter).
   */
  const endWord = (at: number, width: number) => {
    if (len > 0 && masks[len - 1] !== 0) {
      if (wordLen > 0) {
        singleRun = wordLen === 1 ? singleRun + 1 : 0;
        if (singleRun >= 3) spelledOut = true;
      }
      masks[len] = 0;
      starts[len] = at;
      ends[len] = at + width;
      len++;
    }
    wordLen = 0;
  };

  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    // Plain Cyrillic letters are nearly all of the text: the shortest path for them.
    if (c >= 0x410 && c <= 0x44f) {
      const m = MASK[c] as number;
      if (len > 0 && masks[len - 1] === m) {
        ends[len - 1] = i + 1;
      } else {
        masks[len] = m;
        starts[len] = i;
        ends[len] = i + 1;
        len++;
        wordLen++;
      }
      i++;
      continue;
    }
    const k = classOf(c);
    // A hyphen inside a word split into pieces of one or two letters («пи-з-дец», «ху-йня», «е-бан-утые»)
    // joins it; «какой-то», «по-моему», «из-за» keep their parts.
    if (c === 0x2d && len > 0 && masks[len - 1] !== 0 && isLetterAt(text, i + 1) && hyphenJoins(text, i)) {
      i++;
      continue;
    }
    if (k === Cls.Boundary) {
      endWord(i, 1);
      i++;
      tokenStart = i;
      continue;
    }
    if (k === Cls.Ignore) {
      i++;
      continue;
    }
    if (k !== Cls.Cyr && i >= tokenEnd) lookAhead(text, tokenStart);

    let m = 0;
    let step = 1;
    if (k === Cls.Cyr) {
      m = MASK[c] as number;
    } else if (k === Cls.Lat) {
      latin++;
      m = MASK[c] as number;
      if (tokenLatinOnly && i + 1 < n) {
        const pair = DIGRAPH_MASKS.get(text.slice(i, i + 2).toLowerCase());
        if (pair) {
          m = pair;
          step = 2;
          if ((c | 0x20) === 0x73 && text.slice(i, i + 4).toLowerCase() === 'shch') {
            m = bit('щ');
            step = 4;
          }
        }
      }
    } else if (k === Cls.Brace) {
      // «}{» is the oldest disguise of х.
      if (c === 0x7d && text.charCodeAt(i + 1) === 0x7b) {
        m = bit('х');
        step = 2;
      }
    } else if (k === Cls.Digit) {
      digits++;
      const trick = numberTrick(text, i);
      if (trick) {
        for (const letter of trick.letters) {
          masks[len] = bit(letter);
          starts[len] = i;
          ends[len] = i + trick.width;
          len++;
          wordLen++;
        }
        i += trick.width;
        continue;
      }
      m = tokenDigitsAreLetters ? (MASK[c] as number) : 0;
    } else if (k === Cls.Dot) {
      let run = 1;
      while (text.charCodeAt(i + run) === 0x2e) run++;
      step = run;
      const inner = i > tokenFirstLetter && i < tokenLastLetter && !sentenceJoin(text, i, i + run);
      // «х..», «бл...»: a short stem and dots is an abbreviated word, «конечно...» is not.
      const trailing = i > tokenLastLetter && run >= 2 && wordLen >= 1 && wordLen <= 2 && tokenHasLetter;
      if (tokenHasLetter && (inner || trailing)) m = gapUnit(run);
    } else if (k === Cls.Drop) {
      if (tokenHasLetter && i > tokenFirstLetter && i < tokenLastLetter) {
        i++;
        continue;
      }
    } else if (tokenHasLetter) {
      const inner = i > tokenFirstLetter && i < tokenLastLetter && (k === Cls.MaskEdge || !sentenceJoin(text, i, i + 1));
      if (inner || k === Cls.MaskEdge) m = WILDCARD;
    }

    if (m === 0) {
      // A digit in a number or a lone symbol separates words like a space does.
      endWord(i, step);
      i += step;
      continue;
    }
    if (k !== Cls.Cyr) disguised = true;
    // Stretched letters (пииииздец) count once; wildcards don't, each hides one letter.
    if (len > 0 && masks[len - 1] === m && m !== WILDCARD) {
      ends[len - 1] = i + step;
    } else {
      masks[len] = m;
      starts[len] = i;
      ends[len] = i + step;
      len++;
      wordLen++;
    }
    i += step;
  }
  if (wordLen === 1 && singleRun >= 2) spelledOut = true;
  if (len > 0 && masks[len - 1] === 0) len--;
  if (spelledOut) len = joinSpelledOut(text, len);
  return { masks, starts, ends, length: len, digits, latin, disguised };
}

const LETTERS = /[а-яёa-z]+$/i;
const PARTICLE = /^(то|ка|де|по|из|за|во|ну|же|ли|бы|не|на|с|в|к|у|о|а|и)$/i;

/** The hyphen at `i` sits between pieces of a word, one of them a stray one or two letters long. */
function hyphenJoins(text: string, i: number): boolean {
  const before = LETTERS.exec(text.slice(Math.max(0, i - 12), i))?.[0] ?? '';
  const after = /^[а-яёa-z]+/i.exec(text.slice(i + 1, i + 13))?.[0] ?? '';
  const short = (p: string) => p.length <= 2 && !PARTICLE.test(p);
  // Single letters on both sides («П-и-з-д-а») are a word spelled out: joinSpelledOut reads those.
  if ((before.length === 1 && after.length === 1) || before.length + after.length > 6) return false;
  return (short(before) && after.length > 0) || (short(after) && before.length > 0 && !PARTICLE.test(before));
}

const isCapital = (c: number) => (c >= 0x410 && c <= 0x42f) || c === 0x401 || (c >= 0x41 && c <= 0x5a);

/**
 * A small letter, symbols, then a capital: «ура!Да», «паству..Преимущественно» are two sentences
 * run together, not a masked word (in «П!ЗДЕЦ» both sides are capitals).
 */
function sentenceJoin(text: string, from: number, to: number): boolean {
  let before = -1;
  for (let j = from - 1; j >= 0; j--) {
    const k = classOf(text.charCodeAt(j));
    if (k === Cls.Cyr || k === Cls.Lat) {
      before = text.charCodeAt(j);
      break;
    }
    if (k === Cls.Boundary) return false;
  }
  if (before < 0 || isCapital(before)) return false;
  for (let j = to; j < text.length; j++) {
    const c = text.charCodeAt(j);
    const k = classOf(c);
    if (k === Cls.Cyr || k === Cls.Lat) return isCapital(c);
    if (k === Cls.Boundary) return false;
  }
  return false;
}

function numberTrick(text: string, i: number): { letters: string; width: number } | null {
  const c = text.charCodeAt(i);
  if (c !== 0x32 && c !== 0x33) return null;
  const sep = text.charCodeAt(i + 1);
  if (sep !== 0x2e && sep !== 0x2c) return null;
  const tail = text.slice(i + 2, i + 4);
  const letters = c === 0x32 && tail === '72' ? 'е' : c === 0x33 && tail === '14' ? 'пи' : null;
  if (!letters) return null;
  // Only a number glued to letters is a trick: «курс 2.72» stays a number.
  if (!isLetterAt(text, i - 1) && !isLetterAt(text, i + 4)) return null;
  return { letters, width: 4 };
}

/**
 * Joins runs of three or more one-letter words separated only by spacers («е б а т ь», «х.у.й»)
 * into one word, folding repeated letters again. Runs in place on the scratch buffers.
 */
function joinSpelledOut(text: string, len: number): number {
  const masks = bufMasks;
  const starts = bufStarts;
  const ends = bufEnds;
  let out = 0;
  let i = 0;
  while (i < len) {
    // Find a run of single-unit words: positions i, i+2, i+4 … each a word of length 1.
    let j = i;
    let count = 0;
    while (
      j < len &&
      masks[j] !== 0 &&
      (j === 0 || masks[j - 1] === 0) &&
      (j + 1 >= len || masks[j + 1] === 0)
    ) {
      count++;
      if (j + 2 < len && masks[j + 2] !== 0 && (j + 3 >= len || masks[j + 3] === 0) && gapIsSpacer(text, ends[j] as number, starts[j + 2] as number)) {
        j += 2;
      } else {
        break;
      }
    }
    if (count >= 3) {
      for (let p = i; p <= j; p += 2) {
        const m = masks[p] as number;
        if (out > 0 && p > i && masks[out - 1] === m && m !== WILDCARD) {
          ends[out - 1] = ends[p] as number;
        } else {
          masks[out] = m;
          starts[out] = starts[p] as number;
          ends[out] = ends[p] as number;
          out++;
        }
      }
      i = j + 1;
      continue;
    }
    masks[out] = masks[i] as number;
    starts[out] = starts[i] as number;
    ends[out] = ends[i] as number;
    out++;
    i++;
  }
  return out;
}

function gapIsSpacer(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let p = from; p < to; p++) if (!isSpacer(text.charCodeAt(p))) return false;
  return true;
}

/** Normalises a lexicon entry: lower case, ё→е, ъ→ь, repeated letters folded (as in text). */
export function normalizeWord(word: string): string {
  let out = '';
  for (const ch of fold(word).replace(/ъ/g, 'ь')) {
    if (out.length === 0 || out[out.length - 1] !== ch) out += ch;
  }
  return out;
}

/** The Cyrillic letter index of `ch` (0 for а … 31 for я), or -1. */
export function letterIndex(ch: string): number {
  const c = ch.charCodeAt(0) - A;
  return c >= 0 && c < 32 ? c : -1;
}

/** For a look-alike, the letter it most often stands for (c → с, not к). */
const PREFERRED = new Map<number, string>();
for (const table of [LATIN, DIGIT, DIGRAPHS]) {
  for (const letters of Object.values(table)) {
    const m = bits(letters);
    if (!PREFERRED.has(m)) PREFERRED.set(m, letters[0] as string);
  }
}

/** The letter a mask most likely stands for, where nothing else decides. */
export function firstLetter(mask: number): string {
  if (mask === WILDCARD) return '*';
  if (isGap(mask)) return '';
  if ((mask & (mask - 1)) !== 0) {
    const preferred = PREFERRED.get(mask);
    if (preferred) return preferred;
  }
  const low = mask & -mask;
  return String.fromCharCode(A + 31 - Math.clz32(low));
}

/** A readable form of units [from, to): the first letter of each mask. */
export function spell(norm: Normalized, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += firstLetter(norm.masks[i] as number);
  return s;
}
