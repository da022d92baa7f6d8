import { describe, expect, it } from 'vitest';
import {
  buildImport,
  fnv1a64,
  importKeyOf,
  inspectImport,
  mergeImport,
  parseImportDate,
  readMessageLink,
  suggestMapping,
  type Mapping,
} from '@/lib/messages/import';
import { derive } from '@/lib/messages/summary';
import { createWorkClock } from '@/lib/worktime';

const ZONE = 'Asia/Omsk';
const omsk = (s: string) => Date.parse(`${s}+06:00`);
const NOW = omsk('2025-09-16T12:00:00');
const options = { now: NOW, actor: { role: 'curator' as const, name: 'Иванова А. С.' }, zone: ZONE };

const RU_HEADER = 'ID;Соцсеть;Ссылка;Автор;Текст;Дата;Получено;Важность;Тема;Локация';
const RU_MAPPING: Mapping = {
  id: 'ID', site: 'Соцсеть', url: 'Ссылка', author: 'Автор', text: 'Текст', writtenAt: 'Дата',
  receivedAt: 'Получено', importance: 'Важность', topic: 'Тема', location: 'Локация',
};

const csv = (...rows: string[]) => [RU_HEADER, ...rows].join('\r\n');

describe('suggestMapping', () => {
  it.each<[string, string[], Mapping]>([
    ['Russian headers', RU_HEADER.split(';'), RU_MAPPING],
    [
      'English headers in camelCase',
      ['id', 'site', 'url', 'author', 'text', 'createdAt', 'receivedAt', 'importance', 'topic', 'location'],
      { id: 'id', site: 'site', url: 'url', author: 'author', text: 'text', writtenAt: 'createdAt', receivedAt: 'receivedAt', importance: 'importance', topic: 'topic', location: 'location' },
    ],
    [
      'longer spreadsheet headers',
      ['Ссылка на комментарий', 'Текст сообщения', 'Дата публикации', 'Дата получения', 'Категория важности', 'Адрес', 'ФИО автора', 'ID сообщения'],
      { url: 'Ссылка на комментарий', text: 'Текст сообщения', writtenAt: 'Дата публикации', receivedAt: 'Дата получения', importance: 'Категория важности', location: 'Адрес', author: 'ФИО автора', id: 'ID сообщения' },
    ],
    ['English synonyms', ['message', 'link', 'date', 'network', 'address'], { text: 'message', url: 'link', writtenAt: 'date', site: 'network', location: 'address' }],
    ['«Система» is not a topic; unknown columns stay unmapped', ['Система', 'Комментарий'], { text: 'Комментарий' }],
    ['ё is е', ['Тёма', 'Получено'], { topic: 'Тёма', receivedAt: 'Получено' }],
  ])('%s', (_, columns, expected) => {
    expect(suggestMapping(columns)).toEqual(expected);
  });
});

describe('inspectImport', () => {
  it('reads a Russian Excel CSV: columns, the first rows, a suggested mapping', () => {
    const text = '\ufeff' + csv(
      '1001;вк;https://vk.com/wall-123456_1001?reply=1002;Пётр;Яма во дворе;16.09.2025 09:00;16.09.2025 10:00;высокая;Дороги;ул. Ленина, 1',
      '1002;ок;https://ok.ru/group/555/topic/777;Анна;Нет света;;;обычная;;',
    );
    const r = inspectImport(text, 'csv');
    expect(r).toEqual({
      ok: true,
      columns: RU_HEADER.split(';'),
      sampleRows: [
        { ID: '1001', Соцсеть: 'вк', Ссылка: 'https://vk.com/wall-123456_1001?reply=1002', Автор: 'Пётр', Текст: 'Яма во дворе', Дата: '16.09.2025 09:00', Получено: '16.09.2025 10:00', Важность: 'высокая', Тема: 'Дороги', Локация: 'ул. Ленина, 1' },
        { ID: '1002', Соцсеть: 'ок', Ссылка: 'https://ok.ru/group/555/topic/777', Автор: 'Анна', Текст: 'Нет света', Дата: '', Получено: '', Важность: 'обычная', Тема: '', Локация: '' },
      ],
      rowCount: 2,
      suggested: RU_MAPPING,
      separator: ';',
    });
  });

  it('reads JSON: a list, or a list under «messages»; columns in order of first appearance', () => {
    const list = [{ text: 'a', url: 'https://vk.com/wall1_2', n: 5 }, { text: 'b', extra: true, url: null }];
    for (const text of [JSON.stringify(list), JSON.stringify({ messages: list })]) {
      const r = inspectImport(text, 'json');
      expect(r).toMatchObject({ ok: true, columns: ['text', 'url', 'n', 'extra'], rowCount: 2, suggested: { text: 'text', url: 'url' } });
      if (r.ok) expect(r.sampleRows[1]).toEqual({ text: 'b', extra: 'true', url: '' });
    }
  });

  it.each<[string, string, 'csv' | 'json', string[]]>([
    ['an empty file', '', 'csv', ['файл пуст']],
    ['a header only', RU_HEADER, 'csv', ['в файле нет ни одного сообщения']],
    ['a repeated column', 'Текст;Текст\na;b', 'csv', ['столбец «Текст» повторяется']],
    ['an unclosed quote', 'Текст\n"abc', 'csv', ['Незакрытая кавычка в строке 2']],
    ['broken JSON', '{', 'json', ['файл не является правильным JSON']],
    ['JSON that is not a list', '{"a":1}', 'json', ['ожидается список сообщений или объект с полем «messages»']],
  ])('refuses %s', (_, text, format, errors) => {
    expect(inspectImport(text, format)).toEqual({ ok: false, errors });
  });
});

describe('parseImportDate', () => {
  it.each<[string, boolean, string]>([
    ['2025-09-16 11:00', true, '2025-09-16T05:00:00.000Z'],
    ['2025-09-16T11:00:30', true, '2025-09-16T05:00:30.000Z'],
    ['2025-09-16T11:00:00+03:00', true, '2025-09-16T08:00:00.000Z'],
    ['2025-09-16T05:00:00Z', true, '2025-09-16T05:00:00.000Z'],
    ['16.09.2025 11:00', true, '2025-09-16T05:00:00.000Z'],
    ['16.09.2025, 11:00:15', true, '2025-09-16T05:00:15.000Z'],
    ['6.9.2025 9:05', true, '2025-09-06T03:05:00.000Z'],
    ['16.09.2025', false, '2025-09-15T18:00:00.000Z'],
    ['2025-09-16', false, '2025-09-15T18:00:00.000Z'],
    ['1758000000', true, '2025-09-16T05:20:00.000Z'],
    ['1758000000000', true, '2025-09-16T05:20:00.000Z'],
  ])('«%s» (time required: %s) is %s, read in Omsk whatever the machine zone', (raw, timeRequired, iso) => {
    const r = parseImportDate(raw, ZONE, timeRequired);
    expect(r.ok && new Date(r.at).toISOString()).toBe(iso);
  });

  it.each<[string, boolean, string]>([
    ['завтра', false, '«завтра» — не дата; нужен формат 2025-09-16 11:00 или 16.09.2025 11:00'],
    ['31.02.2025 10:00', false, '«31.02.2025 10:00» — не дата; нужен формат 2025-09-16 11:00 или 16.09.2025 11:00'],
    ['16.09.2025 25:00', false, '«16.09.2025 25:00» — не дата; нужен формат 2025-09-16 11:00 или 16.09.2025 11:00'],
    ['09/16/2025 11:00', false, '«09/16/2025 11:00» — не дата; нужен формат 2025-09-16 11:00 или 16.09.2025 11:00'],
    ['16.09.2025', true, '«16.09.2025» — нет времени; нужен формат 2025-09-16 11:00 или 16.09.2025 11:00'],
    ['2025-09-16', true, '«2025-09-16» — нет времени; нужен формат 2025-09-16 11:00 или 16.09.2025 11:00'],
  ])('refuses «%s»', (raw, timeRequired, reason) => {
    expect(parseImportDate(raw, ZONE, timeRequired)).toEqual({ ok: false, reason });
  });
});

describe('readMessageLink', () => {
  it.each<[string, { site: string; commentId: string | null; postId: string | null; pageUrl: string; pageKey: string | null }]>([
    ['https://vk.com/wall-123456_1001?reply=1002', { site: 'vk', commentId: '-123456_1002', postId: '-123456_1001', pageUrl: 'https://vk.com/wall-123456_1001', pageKey: 'vk:-123456' }],
    ['https://vk.com/wall-123456_1001?reply=1003&thread=1002', { site: 'vk', commentId: '-123456_1003', postId: '-123456_1001', pageUrl: 'https://vk.com/wall-123456_1001', pageKey: 'vk:-123456' }],
    ['https://m.vk.ru/wall-1_2?reply=3', { site: 'vk', commentId: '-1_3', postId: '-1_2', pageUrl: 'https://vk.com/wall-1_2', pageKey: 'vk:-1' }],
    ['vk.com/wall-1_2?reply=3', { site: 'vk', commentId: '-1_3', postId: '-1_2', pageUrl: 'https://vk.com/wall-1_2', pageKey: 'vk:-1' }],
    ['https://vk.com/gorod?w=wall-1_2&reply=3', { site: 'vk', commentId: '-1_3', postId: '-1_2', pageUrl: 'https://vk.com/wall-1_2', pageKey: 'vk:-1' }],
    ['https://vk.com/photo-123456_457239017?reply=89', { site: 'vk', commentId: 'photo-123456_457239017_89', postId: 'photo-123456_457239017', pageUrl: 'https://vk.com/photo-123456_457239017', pageKey: 'vk:-123456' }],
    ['https://vk.com/video-123456_456239017?reply=42&thread=41', { site: 'vk', commentId: 'video-123456_456239017_42', postId: 'video-123456_456239017', pageUrl: 'https://vk.com/video-123456_456239017', pageKey: 'vk:-123456' }],
    ['https://vk.com/wall-123456_1001', { site: 'vk', commentId: null, postId: '-123456_1001', pageUrl: 'https://vk.com/wall-123456_1001', pageKey: 'vk:-123456' }],
    ['https://vk.com/wall-1_2?reply=abc', { site: 'vk', commentId: null, postId: '-1_2', pageUrl: 'https://vk.com/wall-1_2', pageKey: 'vk:-1' }],
    ['https://ok.ru/group/555/topic/777?commentId=888', { site: 'ok', commentId: '888', postId: '777', pageUrl: 'https://ok.ru/group/555/topic/777', pageKey: 'ok:555' }],
    ['https://ok.ru/group/555/topic/777', { site: 'ok', commentId: null, postId: '777', pageUrl: 'https://ok.ru/group/555/topic/777', pageKey: 'ok:555' }],
    ['https://ok.ru/gorodomsk/topic/777', { site: 'ok', commentId: null, postId: '777', pageUrl: 'https://ok.ru/gorodomsk/topic/777', pageKey: 'ok:https://ok.ru/gorodomsk' }],
  ])('%s', (link, expected) => {
    expect(readMessageLink(link)).toEqual({ ...expected, permalink: link.startsWith('https://') ? link : `https://${link}`, written: link });
  });

  it.each([
    ['http://vk.com/wall-1_2?reply=3', 'https://vk.com/wall-1_2?reply=3'],
    ['https://user:secret@vk.com/wall-1_2?reply=3', 'https://vk.com/wall-1_2?reply=3'],
    ['HTTP://OK.RU/group/555/topic/777', 'https://ok.ru/group/555/topic/777'],
  ])('stores %s as the https address %s, keeping what was written for the import key', (link, permalink) => {
    expect(readMessageLink(link)).toMatchObject({ permalink, written: link });
  });

  it.each(['https://t.me/gorod/5', 'https://vk.com.evil.ru/wall-1_2', 'ftp://vk.com/wall-1_2', 'не ссылка'])('%s is not VK or OK', (link) => {
    expect(readMessageLink(link)).toBeNull();
  });
});

describe('fnv1a64', () => {
  /** The textbook definition with BigInt, to check the limb arithmetic against. */
  function reference(text: string): string {
    let h = 0xcbf29ce484222325n;
    for (const b of new TextEncoder().encode(text)) {
      h ^= BigInt(b);
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return h.toString(16).padStart(16, '0');
  }

  it.each(['', 'a', 'foobar', 'vk\nhttps://vk.com/wall-1_2?reply=3\nЯма во дворе', 'ё'.repeat(1000), '😀 emoji'])('matches the definition for %j', (s) => {
    expect(fnv1a64(s)).toBe(reference(s));
  });

  it('has the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
  });
});

describe('importKeyOf', () => {
  it('is the source id when there is one, else a hash that ignores spacing but not the text', () => {
    expect(importKeyOf({ sourceId: ' 42 ', site: 'vk', link: 'x', text: 'y' })).toBe('src:42');
    const a = importKeyOf({ site: 'vk', link: 'https://vk.com/wall-1_2', text: 'Яма  во\nдворе ' });
    expect(a).toBe(importKeyOf({ site: 'vk', link: 'https://vk.com/wall-1_2', text: 'Яма во дворе' }));
    expect(a).toMatch(/^fnv:[0-9a-f]{16}$/);
    expect(a).not.toBe(importKeyOf({ site: 'ok', link: 'https://vk.com/wall-1_2', text: 'Яма во дворе' }));
    expect(a).not.toBe(importKeyOf({ site: 'vk', link: 'https://vk.com/wall-1_3', text: 'Яма во дворе' }));
    expect(a).not.toBe(importKeyOf({ site: 'vk', link: 'https://vk.com/wall-1_2', text: 'Яма во дворе!' }));
  });
});

describe('buildImport', () => {
  const good = csv(
    '1001;вк;https://vk.com/wall-123456_1001?reply=1002;Пётр Сидоров;Яма во дворе дома;16.09.2025 09:00;16.09.2025 10:00;высокая;Дороги;ул. Ленина, 1',
    ';;https://ok.ru/group/555/topic/777;Анна;Нет света в подъезде;;;;;',
  );

  it('turns each row into a message the curator received at T0, tied to its comment', () => {
    const r = buildImport(good, 'csv', RU_MAPPING, options);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [vk, ok] = r.records;
    expect(vk).toEqual({
      id: `imp-${fnv1a64('src:1001')}`,
      site: 'vk',
      commentRef: 'vk:-123456_1002',
      url: 'https://vk.com/wall-123456_1001?reply=1002',
      author: 'Пётр Сидоров',
      text: 'Яма во дворе дома',
      events: [
        {
          type: 'received',
          actor: { role: 'curator', name: 'Иванова А. С.' },
          at: omsk('2025-09-16T10:00:00'),
          payload: { importance: 'high', topic: 'Дороги', location: 'ул. Ленина, 1' },
        },
      ],
      source: {
        pageKey: 'vk:-123456',
        pageName: null,
        pageUrl: 'https://vk.com/wall-123456_1001',
        postId: '-123456_1001',
        commentId: '-123456_1002',
        permalink: 'https://vk.com/wall-123456_1001?reply=1002',
        authorId: null,
        authorUrl: null,
        writtenAt: omsk('2025-09-16T09:00:00'),
      },
      importKey: 'src:1001',
      workingDraft: '',
      createdAt: NOW,
      updatedAt: NOW,
    });
    // No id column value, no comment id, no dates: a hash key, T0 = now, normal importance.
    expect(ok!.importKey).toMatch(/^fnv:/);
    expect(ok!.commentRef).toBeUndefined();
    expect(ok!.site).toBe('ok');
    expect(ok!.events).toEqual([{ type: 'received', actor: options.actor, at: NOW, payload: { importance: 'normal' } }]);
    expect(ok!.source.writtenAt).toBeNull();
  });

  it('gives messages the queue can read: T0 and importance decide the deadlines', () => {
    const r = buildImport(good, 'csv', RU_MAPPING, options);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const clock = createWorkClock();
    const { summary } = derive(r.records[0]!, clock, NOW);
    expect(summary).toMatchObject({ status: 'received', importance: 'high', topic: 'Дороги', location: 'ул. Ленина, 1', receivedAt: omsk('2025-09-16T10:00:00'), nextName: 'routeDeadline' });
    expect(summary.nextDue).toBe(omsk('2025-09-16T10:30:00'));
  });

  it('refuses the whole file with a reason for each bad row, in the user’s words', () => {
    const text = csv(
      '1;вк;https://vk.com/wall-1_2?reply=3;А;Хороший текст;;;;;', //    строка 2
      '2;вк;https://vk.com/wall-1_2?reply=4;Б;Тоже хороший;;;;;', //     строка 3
      '3;вк;https://vk.com/wall-1_2?reply=5;В;   ;;;;;', //               строка 4
      '4;вк;https://vk.com/wall-1_2?reply=6;Г;Текст;;;срочно;;', //       строка 5
      '5;вк;https://vk.com/wall-1_2?reply=7;Д;Текст;;;важно;;', //        строка 6
      '6;вк;https://vk.com/wall-1_2?reply=8;Е;Текст;;завтра;;;', //       строка 7
      '7;твиттер;;Ж;Текст;;;;;', //                                       строка 8
      '8;вк;https://t.me/gorod/1;З;Текст;;;;;', //                        строка 9
      '9;ок;https://vk.com/wall-1_2?reply=9;И;Текст;;;;;', //             строка 10
      '10;;;К;Текст;;;;;', //                                             строка 11
      '11;вк;https://vk.com/wall-1_2?reply=10;Л;Текст;;16.09.2025 13:00;;;', // строка 12
      '12;вк;https://vk.com/wall-1_2?reply=11;М;Текст;16.09.2025 11:00;16.09.2025 10:00;;;', // строка 13
      '1;вк;https://vk.com/wall-1_2?reply=12;Н;Повтор ID;;;;;', //         строка 14
      '13;вк;https://vk.com/wall-1_2?reply=4;О;Тот же комментарий;;;;;', // строка 15
    );
    expect(buildImport(text, 'csv', RU_MAPPING, options)).toEqual({
      ok: false,
      errors: [
        'строка 4: нет текста сообщения',
        'строка 6: важность «важно» — нужно «высокая» или «обычная»',
        'строка 7: «завтра» — не дата; нужен формат 2025-09-16 11:00 или 16.09.2025 11:00 (столбец «Получено»)',
        'строка 8: соцсеть «твиттер» не ВКонтакте и не Одноклассники',
        'строка 9: ссылка не на vk.com/vk.ru/ok.ru: «https://t.me/gorod/1»',
        'строка 10: соцсеть «Одноклассники» не совпадает со ссылкой',
        'строка 11: нет ни ссылки, ни соцсети',
        'строка 12: время получения ещё не наступило: укажите время не позже текущего (столбец «Получено»)',
        'строка 13: сообщение написано позже, чем получено',
        'строка 14: то же сообщение, что в строке 2',
        'строка 15: то же сообщение, что в строке 3',
      ],
    });
  });

  it('numbers rows as the spreadsheet does, blank lines and a quoted line break included', () => {
    const text = [RU_HEADER, '', '1;вк;https://vk.com/wall-1_2;А;"две\nстроки";;;;;', '2;вк;https://vk.com/wall-1_3;Б;;;;;;'].join('\n');
    expect(buildImport(text, 'csv', RU_MAPPING, options)).toEqual({ ok: false, errors: ['строка 4: нет текста сообщения'] });
  });

  it.each<[string, Mapping, string[]]>([
    ['no text column', { url: 'Ссылка' }, ['не выбран столбец с текстом сообщения']],
    ['neither link nor site', { text: 'Текст' }, ['не выбран ни столбец со ссылкой, ни столбец с соцсетью']],
    ['a column the file lacks', { text: 'Сообщение', url: 'Ссылка' }, ['столбец «Сообщение» (Текст) не найден в файле']],
  ])('refuses a mapping with %s', (_, mapping, errors) => {
    expect(buildImport(good, 'csv', mapping, options)).toEqual({ ok: false, errors });
  });

  it('refuses an unknown zone and a nameless curator before reading rows', () => {
    expect(buildImport(good, 'csv', RU_MAPPING, { ...options, zone: 'Mars/Olympus' })).toEqual({ ok: false, errors: ['неизвестный часовой пояс «Mars/Olympus»'] });
    expect(buildImport(good, 'csv', RU_MAPPING, { ...options, actor: { role: 'curator', name: ' ' } })).toEqual({
      ok: false,
      errors: ['не указано имя Куратора, который импортирует сообщения'],
    });
  });

  it('reads JSON with numbers and nulls, and names records, not lines', () => {
    const json = JSON.stringify([
      { id: 7, link: 'https://vk.com/wall-1_2?reply=3', message: 'Текст', received: 1758000000000, importance: 'high' },
      { id: 8, link: 'https://vk.com/wall-1_2?reply=4', message: 'Текст 2', received: null, importance: null },
      { id: 9, link: 'https://vk.com/wall-1_2?reply=5', message: { nested: true } },
      'строка',
    ]);
    const mapping: Mapping = { id: 'id', url: 'link', text: 'message', receivedAt: 'received', importance: 'importance' };
    expect(buildImport(json, 'json', mapping, options)).toEqual({
      ok: false,
      errors: ['запись 3: поле «message» должно быть текстом или числом', 'запись 4: запись должна быть объектом с полями сообщения'],
    });
    const r = buildImport(JSON.stringify(JSON.parse(json).slice(0, 2)), 'json', mapping, options);
    expect(r.ok && r.records.map((m) => [m.importKey, m.events[0]!.at, m.events[0]!.type === 'received' && m.events[0]!.payload.importance])).toEqual([
      ['src:7', 1758000000000, 'high'],
      ['src:8', NOW, 'normal'],
    ]);
  });

  it('lists the first hundred reasons and counts the rest', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `${i};вк;https://vk.com/wall-1_2?reply=${i};А;;;;;;`);
    const r = buildImport(csv(...rows), 'csv', RU_MAPPING, options);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(101);
    expect(r.errors[0]).toBe('строка 2: нет текста сообщения');
    expect(r.errors[100]).toBe('…и ещё 50 ошибок');
  });
});

describe('importing the same file twice', () => {
  const text = csv(
    ';вк;https://vk.com/wall-1_2?reply=3;А;Яма во дворе;;;;;',
    ';вк;https://vk.com/wall-1_2;Б;Нет света;;;;;',
  );

  it('gives the same keys and ids, so the second import is all duplicates', () => {
    const first = buildImport(text, 'csv', RU_MAPPING, options);
    const second = buildImport(text, 'csv', RU_MAPPING, { ...options, now: NOW + 60_000 });
    if (!first.ok || !second.ok) throw new Error('import refused');
    expect(second.records.map((r) => [r.id, r.importKey])).toEqual(first.records.map((r) => [r.id, r.importKey]));

    const none = mergeImport(new Set(), first.records);
    expect(none.fresh).toEqual(first.records);
    expect(none.duplicates).toEqual([]);

    const stored = new Set(first.records.map((r) => r.importKey!));
    const again = mergeImport(stored, second.records);
    expect(again.fresh).toEqual([]);
    expect(again.duplicates).toEqual(second.records);
  });

  it('knows a comment already registered from the page by its commentRef', () => {
    const r = buildImport(text, 'csv', RU_MAPPING, options);
    if (!r.ok) throw new Error('import refused');
    const { fresh, duplicates } = mergeImport(new Set(['vk:-1_3']), r.records);
    expect(duplicates.map((d) => d.text)).toEqual(['Яма во дворе']);
    expect(fresh.map((d) => d.text)).toEqual(['Нет света']);
  });

  it('keeps one of two equal records in the same batch', () => {
    const r = buildImport(text, 'csv', RU_MAPPING, options);
    if (!r.ok) throw new Error('import refused');
    const { fresh, duplicates } = mergeImport(new Set(), [...r.records, r.records[0]!]);
    expect(fresh).toHaveLength(2);
    expect(duplicates).toEqual([r.records[0]]);
  });

  it('uses the caller’s ids when asked', () => {
    let n = 0;
    const r = buildImport(text, 'csv', RU_MAPPING, { ...options, newId: () => `m${++n}` });
    expect(r.ok && r.records.map((m) => m.id)).toEqual(['m1', 'm2']);
  });
});
