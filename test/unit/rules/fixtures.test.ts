import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, type Category, type Verdict } from '../../../lib/rules';

const fixtures = path.resolve(__dirname, '../../fixtures');
const pages = ['vk/new-ui-post.html', 'vk/classic-wall.html', 'ok/topic.html'].map((f) =>
  readFileSync(path.join(fixtures, f), 'utf8'),
);

/** The comments of the page fixtures, as a moderator would judge them. */
const cases: [text: string, verdict: Verdict, categories: Category[]][] = [
  ['Да вы там все ох*ели, сколько можно уточнять', 'delete', ['obscenity']],
  ['Глава района — бездарь и вор, дебилы одни в администрации', 'delete', ['insult']],
  ['Натяжные потолки за один день! Скидка 40%, пишите в лс или звоните 8 913 555-12-34', 'delete', ['advertising', 'spam']],
  ['Бл*ть, опять приём в рабочее время, а работающим как быть?', 'delete', ['obscenity']],
  ['Деньги на карту за 5 минут без отказа! Переходите: zaim-fast.ru', 'delete', ['spam', 'advertising']],
  ['Иван, п@здец там, согласен', 'delete', ['obscenity']],
  ['Заработок от 3000 в день, без опыта! Подробности в личке, t.me/job_omsk_fast', 'delete', ['spam']],
  ['Оскорблять никого не хочу, но графики отключений надо публиковать за неделю, а не за день.', 'ok', []],
  ['А в доме на Ленина, 10 когда дадут воду? Третью неделю без горячей.', 'ok', []],
  ['Спасибо, записалась через сайт, всё быстро.', 'ok', []],
  ['Куда записаться, если не дозвониться по телефону?', 'ok', []],
  ['А улицу Куйбышева когда? Там яма на яме.', 'ok', []],
];

describe('comments of the page fixtures', () => {
  it.each(cases)('«%s» → %s', (text, verdict, categories) => {
    expect(pages.some((html) => html.includes(text))).toBe(true);
    const r = classify(text);
    expect(r.verdict).toBe(verdict);
    const found = new Set(r.findings.filter((f) => f.confidence >= 0.5).map((f) => f.category));
    for (const c of categories) expect(found).toContain(c);
    if (categories.length === 0) expect([...found]).toEqual([]);
  });

  it('names the clause of every finding', () => {
    const r = classify('Глава района — бездарь и вор, дебилы одни в администрации');
    const dumb = r.findings.find((f) => f.match === 'дебилы');
    expect(dumb?.clause).toContain('п. 15 прил. 2');
    expect(dumb?.clause).toContain('п. 16 прил. 1');
  });
});
