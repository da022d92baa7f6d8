import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/rules';
import disguised from './data/obscenity-disguised.json';
import { flagged } from './helpers';

describe('obscenity: the disguised-form set', () => {
  it('has a case for every disguise the decree names', () => {
    const texts = disguised.map((d) => d.text).join(' ');
    for (const sign of ['*', '"', '@', '#', '%', '$', '3', '6', '0', '1', '4', 'x', '2.72', '3.14', '. ', '-', ' ']) {
      expect(texts).toContain(sign);
    }
    expect(disguised.length).toBeGreaterThanOrEqual(100);
  });

  it('finds at least 98% of them, each read with its obscene root', () => {
    const missed: string[] = [];
    for (const { text, root } of disguised) {
      const f = classify(text).findings.find((x) => x.category === 'obscenity' && x.confidence >= 0.5);
      if (!f || !f.normalized.includes(root)) missed.push(text);
    }
    expect(missed.length / disguised.length).toBeLessThanOrEqual(0.02);
  });
});

describe('obscenity: table', () => {
  it.each([
    // plain and derived words
    ['хуй', 'хуй'],
    ['въебать', 'вьебать'],
    ['распиздяй', 'распиздяй'],
    ['похуизм', 'похуизм'],
    ['ебло', 'ебло'],
    ['недовъебанный', 'недовьебаный'],
    // masks, look-alikes, digits, separators, transliteration, number tricks
    ['п@здец', 'пиздец'],
    ['бл*ть', 'блять'],
    ['xуй', 'хуй'],
    ['3аебал', 'заебал'],
    ['6ля', 'бля'],
    ['е б а т ь', 'ебать'],
    ['х.у.е.т.а', 'хуета'],
    ['П-и-з-д-а', 'пизда'],
    ['пииииздец', 'пиздец'],
    ['ЁБАНЫЙ', 'ебаный'],
    ['ebat', 'ебат'],
    ['huinya', 'хуиня'],
    ['2.72бать', 'ебать'],
    ['3.14здец', 'пиздец'],
    ['нае...ли', 'наебали'],
  ])('%s → %s', (text, normalized) => {
    const f = classify(text).findings.find((x) => x.category === 'obscenity');
    expect(f?.normalized).toBe(normalized);
    expect(classify(text).verdict).toBe('delete');
  });

  it('points at the word as written, in the original text', () => {
    const text = 'Ну и п@здец, товарищи';
    const [f] = classify(text).findings;
    expect(f).toMatchObject({ category: 'obscenity', start: 5, end: 11, match: 'п@здец' });
    expect(text.slice(f?.start, f?.end)).toBe('п@здец');
  });

  it('maps a spelt-out word back to its whole span', () => {
    const text = 'вот е б а т ь же';
    const [f] = classify(text).findings;
    expect(text.slice(f?.start, f?.end)).toBe('е б а т ь');
  });

  it.each([
    'хлеб себе колебания',
    'команда мандат страховка',
    'хулиган скипидар рубля',
    'тихую сухую плохую погоду',
    'застрахуйте квартиру',
    'дебаты, вебинар, веб-сайт',
    'Себастьян Бах',
    'в 10 часов, курс 2.72 и число 3.14',
    'ура!Да',
    'Спасибо...Хорошо',
    '[id14085619|Олег], добрый день',
    'ebay',
  ])('leaves «%s» alone', (text) => {
    expect(flagged(text).has('obscenity')).toBe(false);
  });

  it('shows rude but not obscene words as a hint below the verdict threshold', () => {
    const r = classify('да это говно, а не ремонт');
    expect(r.findings[0]).toMatchObject({ category: 'obscenity', normalized: 'говно' });
    expect(r.findings[0]?.confidence).toBeLessThan(0.5);
    expect(r.verdict).toBe('ok');
  });
});

describe('pathological input', () => {
  it('reads a wall of masks and dots as one word each, without running away', () => {
    const text = `х${'*'.repeat(5000)}й ${'х.у.'.repeat(2000)}й ${'п*з*д*'.repeat(500)}`;
    const r = classify(text);
    expect(r.findings.length).toBeLessThanOrEqual(3);
    for (const f of r.findings) expect(text.slice(f.start, f.end)).toBe(f.match);
  });
});
