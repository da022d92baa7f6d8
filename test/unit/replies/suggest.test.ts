import { describe, expect, it } from 'vitest';
import type { ReplyTemplate } from '@/lib/replies/schema';
import { suggestTemplates, topicMatch } from '@/lib/replies/suggest';

const HOUSING = 'Департамент городского хозяйства';
const TRANSPORT = 'Департамент транспорта';

const template = (id: string, title: string, topic: string, department = ''): ReplyTemplate => ({
  id,
  title,
  topic,
  department,
  text: `Текст ${id}`,
  updatedAt: 0,
  updatedBy: 'Куратор',
});

describe('topic match', () => {
  it.each([
    ['Отопление', 'отопление', 'topic'],
    ['Отопление', 'ЖКХ; Отопление', 'topic'],
    ['отопление, горячая вода', 'Горячая вода', 'topic'],
    ['Отопление', 'Отопления нет', 'related'],
    ['Отопление', 'отопление в многоквартирных домах', 'related'],
    ['Вывоз мусора', 'мусор во дворе', 'related'],
    ['Дороги', 'Ремонт дорог', 'related'],
    ['Ёлки', 'елки на площади', 'related'],
    ['', 'Отопление', 'general'],
    ['  ', 'Отопление', 'general'],
    ['Отопление', 'Транспорт', 'other'],
    ['Вопросы отопления', 'Вопросы транспорта', 'other'],
    ['Отопление', undefined, 'other'],
    ['Отопление', '', 'other'],
  ] as const)('template «%s», message «%s» → %s', (ours, theirs, match) => {
    expect(topicMatch(ours, theirs)).toBe(match);
  });
});

describe('suggested templates', () => {
  const library = [
    template('a', 'Общий ответ', ''),
    template('b', 'Отопление: проверка', 'Отопление'),
    template('c', 'Отопление: бригада', 'Отопление', HOUSING),
    template('d', 'Маршрут автобуса', 'Транспорт', TRANSPORT),
    template('e', 'Горячая вода', 'Горячая вода', HOUSING),
    template('f', 'Нет отопления в доме', 'отопления нет'),
  ];
  const ids = (message: { topic?: string }, department: string) => suggestTemplates(library, message, department).map((s) => s.template.id);

  it.each([
    // The topic's own templates first, the unit's before everyone's; then related, general, other topics.
    [{ topic: 'Отопление' }, HOUSING, ['c', 'b', 'f', 'a', 'e']],
    // Another unit's wording is never offered.
    [{ topic: 'Отопление' }, TRANSPORT, ['b', 'f', 'a', 'd']],
    [{ topic: 'Транспорт' }, TRANSPORT, ['d', 'a', 'f', 'b']],
    // No topic yet: the general ones first, then the unit's own.
    [{}, HOUSING, ['a', 'e', 'c', 'f', 'b']],
    // The unit compared as written by hand: case and spaces do not matter.
    [{ topic: 'горячая вода' }, '  департамент городского  хозяйства ', ['e', 'a', 'c', 'f', 'b']],
    // No unit in the settings: only the templates for every unit.
    [{ topic: 'Отопление' }, '', ['b', 'f', 'a']],
  ])('%j for «%s» → %j', (message, department, expected) => {
    expect(ids(message, department)).toEqual(expected);
  });

  it('says how each fits', () => {
    expect(suggestTemplates(library, { topic: 'Отопление' }, HOUSING).map((s) => [s.template.id, s.match, s.ownDepartment])).toEqual([
      ['c', 'topic', true],
      ['b', 'topic', false],
      ['f', 'related', false],
      ['a', 'general', false],
      ['e', 'other', true],
    ]);
  });
});
