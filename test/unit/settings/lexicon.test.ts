import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lexiconFromFile, lexiconToFile, saveLexicon } from '@/lib/settings/lexicon';
import { loadLexiconSource } from '@/lib/settings/lexicon-read';

describe("the team's lexicon in storage", () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves a valid list and keeps the old one on a bad edit, saying why in Russian', async () => {
    expect(await saveLexicon({ words: { insult: ['бездарь*'] }, allow: ['клоун'], allowDomains: ['admomsk.ru'] })).toEqual({ ok: true });
    const bad = await saveLexicon({ words: { insult: ['бездарь*', 'x1'] }, allow: [], allowDomains: [] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join(' ')).toMatch(/«x1» — допустимы только русские буквы/);
    expect(await loadLexiconSource()).toEqual({ words: { insult: ['бездарь*'] }, allow: ['клоун'], allowDomains: ['admomsk.ru'] });
  });

  it('exports a file that imports back to the same lists', async () => {
    const source = { words: { spam: ['пишите директ'] }, allow: ['козел'], allowDomains: [] };
    const file = lexiconToFile(source, new Date('2026-11-28T10:00:00Z'));
    expect(JSON.parse(file)).toMatchObject({ kind: 'otklik-lexicon', version: 1, exportedAt: '2026-11-28T10:00:00.000Z' });
    expect(lexiconFromFile(file)).toEqual({ ok: true, input: source });
  });

  it.each([
    ['not JSON', '{oops', 'Файл не в формате JSON'],
    ['a foreign file', '{"kind":"something-else"}', 'Это не файл словаря Отклика'],
    ['a newer version', '{"kind":"otklik-lexicon","version":9}', 'Версия файла 9 не поддерживается'],
  ])('refuses %s and changes nothing', async (_name, text, reason) => {
    await saveLexicon({ words: { insult: ['бездарь'] } });
    expect(lexiconFromFile(text)).toEqual({ ok: false, errors: [reason] });
    expect((await loadLexiconSource()).words).toEqual({ insult: ['бездарь'] });
  });

  it('refuses a file with a bad entry, naming it', () => {
    const result = lexiconFromFile(JSON.stringify({ kind: 'otklik-lexicon', version: 1, words: { spam: [''] }, allow: [], allowDomains: ['не сайт'] }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(expect.arrayContaining([expect.stringContaining('пустая строка'), expect.stringContaining('адрес сайта вида example.ru')]));
  });
});
