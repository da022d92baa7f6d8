import { describe, expect, it } from 'vitest';
import { classify, explainFinding } from '../../../lib/rules';
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

  it('marks what only the team’s lists found, and says so in the explanation', () => {
    const custom = compile({ words: { insult: ['бюрократ*'] } });
    const [f] = classify('одни бюрократы кругом', { custom }).findings;
    expect(f!.team).toBe(true);
    expect(explainFinding(f!)).toMatch(/Слово из словаря команды\.$/);
    // A word the built-in rules know is theirs, even if the team listed it too.
    const both = classify('Мэр — клоун', { custom: compile({ words: { insult: ['клоун'] } }) }).findings;
    expect(both.some((x) => !x.team)).toBe(true);
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
    [{ words: { insult: ['д'] } }, 'Оскорбление: «д» — слишком короткое слово'],
    [{ words: { insult: ['gad'] } }, 'Оскорбление: «gad» — допустимы только русские буквы'],
    [{ words: { insult: ['бюрократ', 'gad'] } }, 'Оскорбление: «gad» — допустимы только русские буквы'],
    [{ words: { obscenity: ['   '] } }, 'Нецензурная брань, строка 1: пустая строка'],
    [{ words: { insult: ['бюрократ'] }, allow: ['бюрократ'] }, 'оскорбление: «бюрократ» есть и в исключениях'],
    [{ allow: ['клоун', 'x'] }, 'Исключения: «x» — допустимы только русские буквы'],
    [{ allowDomains: ['не сайт'] }, 'Разрешённые сайты: «не сайт» — нужен адрес сайта вида example.ru'],
    [{ words: { insult: [5] } }, 'Оскорбление, строка 1: неверный тип значения'],
    [{ words: { nonsense: ['слово'] } }, 'Слова: нет такой категории: «nonsense»'],
    ['не объект', 'Неверный тип значения'],
  ])('rejects %j with a message in Russian', (input, message) => {
    const r = compileCustomLexicon(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });

  it('says where a problem is in the words of the settings page, not as a data path', () => {
    const r = compileCustomLexicon({ words: { insult: ['бюрократ', 'gad'] }, allow: [7] });
    expect(r.ok).toBe(false);
    const text = !r.ok ? r.errors.join('\n') : '';
    expect(text).not.toMatch(/слова, |№\d|Unrecognized|words|insult|allow\b/);
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
