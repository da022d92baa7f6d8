import { describe, expect, it } from 'vitest';
import { parseRegistryImport } from '@/lib/registry/import';

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('parseRegistryImport: CSV', () => {
  it('accepts English headers, Russian values, Excel dates, any case and a semicolon', () => {
    const csv = [
      'SITE;URL;Name;Kind;Department;Responsible;twoFactorConfirmedAt;Публикаций в неделю',
      'вк;https://vk.com/club1;Администрация;администрация;;Иванов;01.09.2026;12',
      'Одноклассники;https://ok.ru/group/5;Культура;Подразделение;Департамент культуры;Петров;2026-09-02;',
    ].join('\n');
    const r = parseRegistryImport(csv, 'csv', { newId: ids() });
    expect(r).toEqual({
      ok: true,
      entries: [
        { id: 'new-1', site: 'vk', url: 'https://vk.com/club1', ownerId: null, name: 'Администрация', kind: 'administration', department: '', responsible: 'Иванов', twoFactorConfirmedAt: '2026-09-01', adminsReviewedAt: null, weeklyTarget: 12, notes: '' },
        { id: 'new-2', site: 'ok', url: 'https://ok.ru/group/5', ownerId: null, name: 'Культура', kind: 'department', department: 'Департамент культуры', responsible: 'Петров', twoFactorConfirmedAt: '2026-09-02', adminsReviewedAt: null, notes: '' },
      ],
    });
  });

  it('refuses the whole file for one bad row and names the row', () => {
    const csv = [
      'Сайт,Адрес,Название,Тип,Ответственный,Подразделение',
      'vk,https://vk.com/club1,Администрация,администрация,Иванов,',
      'vk,https://example.com/club2,Образование,подразделение,Петров,Департамент образования',
      'vk,https://vk.com/club3,Спорт,подразделение,Сидоров,Департамент спорта',
    ].join('\n');
    expect(parseRegistryImport(csv, 'csv')).toEqual({ ok: false, errors: ['строка 3: адрес должен вести на vk.com, vk.ru или ok.ru'] });
  });

  it('lists every bad row, numbered as a spreadsheet numbers them (blank lines and line breaks in quotes included)', () => {
    const csv = [
      'Сайт,Адрес,Название,Тип,Ответственный,Подразделение',
      '',
      'vk,https://vk.com/club1,"Название в',
      'две строки",министерство,Иванов,',
      'fb,https://vk.com/club2,,подразделение,,Департамент',
    ].join('\n');
    const r = parseRegistryImport(csv, 'csv');
    expect(r).toEqual({
      ok: false,
      errors: [
        'строка 3: тип должен быть «администрация» или «подразделение»',
        'строка 4: сайт должен быть «ВКонтакте» или «Одноклассники»',
        'строка 4: укажите название страницы',
        'строка 4: укажите ответственного',
      ],
    });
  });

  it.each([
    ['an empty file', '', ['файл пуст']],
    ['a header only', 'Сайт,Адрес,Название,Тип,Ответственный\n', ['в файле нет ни одной записи']],
    ['an unknown column', 'Сайт,Адрес,Название,Тип,Ответственный,Пароль\nvk,https://vk.com/a,A,администрация,И,123', ['неизвестный столбец «Пароль» (столбец 6)']],
    ['a missing column', 'Сайт,Название,Тип\nvk,A,администрация', ['нет столбца «Адрес»', 'нет столбца «Ответственный»']],
    ['an unclosed quote', 'Сайт,Адрес,Название,Тип,Ответственный\nvk,"https://vk.com/a,A', ['Незакрытая кавычка в строке 2']],
    ['more values than columns', 'Сайт,Адрес,Название,Тип,Ответственный\nvk,https://vk.com/a,A,администрация,И,лишнее', ['строка 2: значений больше, чем столбцов (5)']],
    [
      'the same page twice',
      'Сайт,Адрес,Название,Тип,Ответственный\nvk,https://vk.com/club7,A,администрация,И\nvk,https://vk.ru/public7/,B,администрация,И',
      ['строка 3: эта страница уже есть в файле (строка 2)'],
    ],
    [
      'the same id twice',
      'Идентификатор,Сайт,Адрес,Название,Тип,Ответственный\nx,vk,https://vk.com/a,A,администрация,И\nx,vk,https://vk.com/b,B,администрация,И',
      ['строка 3: идентификатор «x» уже встречался (строка 2)'],
    ],
  ])('refuses %s', (_, csv, errors) => {
    expect(parseRegistryImport(csv, 'csv')).toEqual({ ok: false, errors });
  });
});

describe('parseRegistryImport: JSON', () => {
  const good = { site: 'vk', url: 'https://vk.com/club1', name: 'Администрация', kind: 'administration', responsible: 'Иванов' };

  it('takes a bare list or {entries}, numeric owner ids and Russian labels', () => {
    const r = parseRegistryImport(JSON.stringify([{ ...good, ownerId: -1, kind: 'администрация', weeklyTarget: null }]), 'json', { newId: ids() });
    expect(r).toEqual({
      ok: true,
      entries: [{ id: 'new-1', site: 'vk', url: 'https://vk.com/club1', ownerId: '-1', name: 'Администрация', kind: 'administration', department: '', responsible: 'Иванов', twoFactorConfirmedAt: null, adminsReviewedAt: null, notes: '' }],
    });
    expect(parseRegistryImport(JSON.stringify({ entries: [good] }), 'json').ok).toBe(true);
  });

  it.each([
    ['broken JSON', '{', ['файл не является правильным JSON']],
    ['not a list', '{"a":1}', ['ожидается список записей или объект с полем «entries»']],
    ['an empty list', '[]', ['в файле нет ни одной записи']],
    ['a record that is not an object', '[1]', ['запись 1: запись должна быть объектом с полями страницы']],
    ['an unknown field', JSON.stringify([{ ...good, password: 'x' }]), ['запись 1: неизвестное поле «password»']],
    ['a bad second record', JSON.stringify([good, { ...good, url: 'https://vk.com/club2', twoFactorConfirmedAt: '2026-02-31' }]), ['запись 2: дата подтверждения двухфакторной аутентификации должна быть в виде ГГГГ-ММ-ДД']],
  ])('refuses %s', (_, text, errors) => {
    expect(parseRegistryImport(text, 'json')).toEqual({ ok: false, errors });
  });
});
