/**
 * How alike a request's text and a post on the page are: normalised words (lower case, ё as е, the
 * first five letters, so a changed ending is the same word; numbers kept whole — «автобус № 12» and
 * «№ 45» are different posts) and pairs of neighbouring words. Words tolerate the department's
 * edits — a sentence moved, a word changed, hashtags and emoji added; pairs keep two posts on the
 * same subject apart, since they share words but not phrases.
 */
import { jaccard } from '../rules/similarity';
import { fold } from '../text';

export interface TextPrint {
  words: Set<string>;
  pairs: Set<string>;
}

const STOP = new Set(['это', 'для', 'или', 'как', 'что', 'все', 'всё', 'уже', 'так', 'там', 'тут', 'его', 'она', 'они', 'вас', 'нас', 'вам', 'нам', 'при', 'над', 'под', 'без']);

/** The words of a text as compared: letters folded and cut to a stem, numbers whole. */
export function wordsOf(text: string): string[] {
  const plain = fold(text)
    // Links, hashtags and mentions are the page's decoration, not the text the department approved.
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[#@][\p{L}\p{N}_]+/gu, ' ');
  const out: string[] = [];
  for (const m of plain.matchAll(/\p{L}+|\p{N}+/gu)) {
    const w = m[0];
    if (/^\p{N}+$/u.test(w)) out.push(w);
    else if (w.length >= 3 && !STOP.has(w)) out.push(w.slice(0, 5));
  }
  return out;
}

/** A text's print, worked out once and compared with many. */
export function printOf(text: string): TextPrint {
  const list = wordsOf(text);
  const pairs = new Set<string>();
  for (let i = 1; i < list.length; i++) pairs.add(`${list[i - 1]} ${list[i]}`);
  return { words: new Set(list), pairs };
}

/** 0…1: 1 for the same text; an edited version of the same post scores at LINK_THRESHOLD or more. */
export function similarity(a: TextPrint, b: TextPrint): number {
  if (!a.words.size || !b.words.size) return 0;
  return 0.7 * jaccard(a.words, b.words) + 0.3 * jaccard(a.pairs, b.pairs);
}

/** At this or above a post is the request's: set between the tests' edited and unrelated pairs. */
export const LINK_THRESHOLD = 0.33;
