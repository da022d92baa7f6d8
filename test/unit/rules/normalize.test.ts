import { describe, expect, it } from 'vitest';
import { normalize, spell } from '../../../lib/rules/normalize';

function read(text: string): { word: string; from: number; to: number }[] {
  const n = normalize(text);
  const out: { word: string; from: number; to: number }[] = [];
  let i = 0;
  while (i < n.length) {
    if (n.masks[i] === 0) {
      i++;
      continue;
    }
    let e = i;
    while (e < n.length && n.masks[e] !== 0) e++;
    out.push({ word: spell(n, i, e), from: n.starts[i] as number, to: n.ends[e - 1] as number });
    i = e;
  }
  return out;
}

describe('normalize', () => {
  it.each([
    ['Ёлка', 'елка'],
    ['ОБЪЕКТ', 'обьект'],
    ['пииииздец', 'пиздец'],
    ['xyй', 'хуй'],
    ['3аебал', 'заебал'],
    ['е б а т ь', 'ебать'],
    ['П-и-з-д-а', 'пизда'],
    ['2.72бать', 'ебать'],
    ['3.14дорас', 'пидорас'],
    ['пиз\u00adдец', 'пиздец'],
    ['ч)урка', 'чурка'],
    ['на}{уй', 'нахуй'],
    ['blyat', 'блят'],
    ['shchi', 'щи'],
  ])('%s reads as %s', (text, word) => {
    expect(read(text).map((w) => w.word).join(' ')).toBe(word);
  });

  it('keeps numbers and ids out of words', () => {
    expect(read('дом 10, кв 3')).toEqual([
      { word: 'дом', from: 0, to: 3 },
      { word: 'кв', from: 8, to: 10 },
    ]);
    expect(read('[id14085619|Олег]').map((w) => w.word)).toEqual(['ид', 'олег']);
  });

  it('maps every word back to its span in the original text', () => {
    const text = 'Ну  пииииздец,  х.у.й!';
    const words = read(text);
    expect(words.map((w) => text.slice(w.from, w.to))).toEqual(['Ну', 'пииииздец', 'х.у.й']);
  });

  it('marks masks as letters only inside words', () => {
    expect(read('бл*ть').map((w) => w.word)).toEqual(['бл*ть']);
    expect(read('«цитата» *важно* 40%').map((w) => w.word)).toEqual(['цитата', '*важно*']);
    expect(read('ура!Да').map((w) => w.word)).toEqual(['ура', 'да']);
  });
});
