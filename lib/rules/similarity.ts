/**
 * Text similarity for mass mailings and repeated questions: sets of word stems, so that a changed
 * ending, a typo in one word or a masked letter does not hide a copy.
 */
import { normalize, spell } from './normalize';

const STOP = new Set([
  'и', 'в', 'во', 'на', 'не', 'что', 'как', 'а', 'но', 'по', 'за', 'с', 'со', 'к', 'у', 'о', 'об', 'от', 'до',
  'из', 'для', 'это', 'я', 'мы', 'вы', 'он', 'она', 'они', 'ты', 'же', 'ли', 'бы', 'то', 'так', 'уже', 'еще',
  'все', 'всё', 'там', 'тут', 'когда', 'где', 'или', 'да', 'нет', 'мне', 'нам', 'вам', 'их', 'его', 'ее',
]);

/** Stems of the words of `text`: the first five letters of every word of three letters or more. */
export function stems(text: string): Set<string> {
  const norm = normalize(text);
  const out = new Set<string>();
  let i = 0;
  while (i < norm.length) {
    if (norm.masks[i] === 0) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < norm.length && norm.masks[e] !== 0) e++;
    const word = spell(norm, i, e);
    if (word.length >= 3 && !STOP.has(word)) out.add(word.slice(0, 5));
    i = e;
  }
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** How much of `a` is already in `b`: 1 when `a` says nothing `b` did not. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 1;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / a.size;
}
