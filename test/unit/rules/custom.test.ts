import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/rules';
import { compileCustomLexicon, replaceCustomLexicon } from '../../../lib/rules/custom';

function compile(input: unknown) {
  const r = compileCustomLexicon(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.lexicon;
}

describe('the team’s own words', () => {
  it('adds words and phrases to a category, masked forms included', () => {
    const custom = compile({ words: { insult: ['бюрократ*'], spam: ['вступай в клуб'] } });
    expect(classify('одни бюрократы кругом', { custom }).findings[0]).toMatchObject({
      category: 'insult',
      match: 'бюрократы',
    });
    expect(classify('одни бюpокpаты кругом', { custom }).verdict).toBe('delete');
    const phrase = classify('Друзья, вступай в клуб!', { custom }).findings[0];
    expect(phrase).toMatchObject({ category: 'spam', match: 'вступай в клуб' });
    expect(classify('бюрократия', { custom: compile({ words: { insult: ['бюрократ'] } }) }).verdict).toBe('ok');
  });

  it('lets the allow-list silence a built-in word', () => {
    const text = 'Мэр — клоун';
    expect(classify(text).verdict).toBe('delete');
    expect(classify(text, { custom: compile({ allow: ['клоун'] }) }).verdict).toBe('ok');
  });

  it('lets the team allow its own sites', () => {
    expect(classify('подробнее на omsk-park.ru').verdict).toBe('delete');
    expect(classify('подробнее на omsk-park.ru', { custom: compile({ allowDomains: ['omsk-park.ru'] }) }).verdict).toBe('ok');
  });

  it.each([
    [{ words: { insult: ['д'] } }, 'оскорбление, №1: «д»: слишком короткое слово'],
    [{ words: { insult: ['gad'] } }, 'оскорбление, №1: «gad»: допустимы только русские буквы'],
    [{ words: { obscenity: ['   '] } }, 'нецензурная брань, №1: пустая строка'],
    [{ words: { insult: ['бюрократ'] }, allow: ['бюрократ'] }, 'оскорбление: «бюрократ» есть и в исключениях'],
    [{ allowDomains: ['не сайт'] }, 'разрешённые сайты, №1: адрес сайта вида example.ru'],
    [{ words: { nonsense: ['слово'] } }, 'слова'],
    ['не объект', 'неверный тип значения'],
  ])('rejects %j with a message in Russian', (input, message) => {
    const r = compileCustomLexicon(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });

  it('keeps the previous list when the new one is bad', () => {
    const good = compile({ words: { insult: ['бюрократ*'] } });
    const swap = replaceCustomLexicon(good, { words: { insult: ['бюрократ*', '1'] } });
    expect(swap.lexicon).toBe(good);
    expect(swap.errors).toHaveLength(1);
    expect(classify('бюрократы', { custom: swap.lexicon }).verdict).toBe('delete');
    const next = replaceCustomLexicon(good, { words: { insult: ['волокитчик*'] } });
    expect(next.errors).toEqual([]);
    expect(classify('волокитчики', { custom: next.lexicon }).verdict).toBe('delete');
  });
});
