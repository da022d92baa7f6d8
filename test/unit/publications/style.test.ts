import { describe, expect, it } from 'vitest';
import { checkPostStyle, type StyleHintCode } from '../../../lib/publications/style';

const codes = (text: string) => checkPostStyle(text).map((h) => h.code);

/** Posts in the style the decree asks for (§13): none of them gets a hint. */
const GOOD: readonly string[] = [
  'С понедельника автобус № 12 ходит по новому маршруту — через Левобережье. Схема в карточках 👇 Вопросы задавайте в комментариях!',
  'В субботу, 14 марта, в 11:00 ждём всех на субботнике в сквере у ДК «Кристалл» (ул. Хабаровская, 2). Перчатки и мешки выдадим!',
  'Как вам новая площадка во дворе на Заозёрной? Делитесь фото в комментариях 📸',
  'Снег убирают с 4 утра: на улицах 120 машин и 300 дворников.\n\nЕсли ваш двор не чистят — напишите адрес в комментариях, передадим подрядчику.',
  'Голосуйте за объекты благоустройства на 2027 год! До 30 апреля можно выбрать сквер или набережную, которую приведут в порядок первой. Ссылка — в закреплённой записи.',
  'Горячую воду на Левобережье дадут завтра к 18:00. Спасибо за терпение 🙏',
  'Фото дня: первые тюльпаны на Соборной площади 🌷',
  'Мэр ответил на ваши вопросы о дорогах.\n\nГлавное: ремонт Красного Пути начнётся в мае, а к сентябрю закончат.\n\nВидео — в карточках. Что ещё хотите спросить?',
  'Мы открыли запись в летние лагеря. Мест — 2 500, запись на Госуслугах до 15 мая. Подробнее — по ссылке.',
  'Ура! Новый мост через Омь открыли для машин. Пешеходная часть заработает через неделю — ждём вас на прогулку.',
  'Опрос: в какое время вам удобнее приходить на приём к главе округа? Утром, в обед или вечером?',
  'Прямой эфир с главой города — сегодня в 19:00 в нашей группе. Задавайте вопросы заранее в комментариях!',
  'Онлайн-марафон «Читаем вместе» стартует 1 июня на нашей странице. Записывайтесь по ссылке!',
];

/** Real press-release phrasings (the kind §13 forbids), each with the hints it must get. */
const PRESS: readonly [string, StyleHintCode[]][] = [
  ['В целях реализации национального проекта «Безопасные качественные дороги» в городе ведутся работы.', ['bureaucratic']],
  ['Вчера в администрации города состоялось совещание по вопросам подготовки к паводку.', ['bureaucratic']],
  ['В мероприятии приняли участие представители общественности и депутаты городского Совета.', ['bureaucratic']],
  ['Было проведено обследование 45 многоквартирных домов.', ['bureaucratic']],
  ['Департамент городского хозяйства Администрации города Омска информирует о графике отключений.', ['bureaucratic']],
  ['В настоящее время на территории города осуществляется уборка снега.', ['bureaucratic']],
  [
    '12 марта 2026 г. — В Администрации города Омска под председательством заместителя Мэра состоялось заседание комиссии. «Работа будет продолжена», — отметил заместитель Мэра.',
    ['bureaucratic', 'pressRelease'],
  ],
  ['Г. Омск, 5 мая. Пресс-служба Администрации города сообщает, что в рамках месячника благоустройства было организовано 120 субботников.', ['bureaucratic', 'pressRelease']],
];

describe('post style: good posts get no hint (trap list)', () => {
  it.each(GOOD.map((t) => [t]))('%s', (text) => {
    expect(checkPostStyle(text)).toEqual([]);
  });
});

describe('post style: press-release phrasings', () => {
  it.each(PRESS)('%s', (text, expected) => {
    const got = new Set(codes(text));
    for (const c of expected) expect(got).toContain(c);
  });

  it('each bureaucratic hint says why, points at the words and offers a plainer wording', () => {
    const [hint] = checkPostStyle('В целях реализации программы отремонтируем дворы.');
    expect(hint).toMatchObject({ code: 'bureaucratic', start: 0, suggestion: '«чтобы…»' });
    expect(hint!.message).toMatch(/«В целях реализации» — язык отчёта/);
    expect('В целях реализации программы'.slice(hint!.start, hint!.end)).toBe('В целях реализации');
  });

  it('an overlong sentence, with its span', () => {
    const long = `Сегодня ${Array.from({ length: 35 }, (_, i) => `слово${i}`).join(' ')}.`;
    const hint = checkPostStyle(long).find((h) => h.code === 'longSentence');
    expect(hint?.message).toMatch(/из 36 слов/);
    expect(hint?.start).toBe(0);
  });

  it('a wall of text without paragraphs, and no call to the reader', () => {
    const wall = Array.from({ length: 12 }, (_, i) => `Бригада ${i + 1} закончила ремонт подъезда на улице Ленина.`).join(' ');
    const got = codes(wall);
    expect(got).toContain('wall');
    expect(got).toContain('noCall');
    expect(codes(wall.replace(/\. /g, '.\n\n'))).not.toContain('wall');
  });

  it('an event without a date or a place', () => {
    expect(codes('Приглашаем на концерт духового оркестра!')).toEqual(expect.arrayContaining(['eventNoDate', 'eventNoPlace']));
    expect(codes('Приглашаем на концерт духового оркестра в субботу!')).toEqual(['eventNoPlace']);
    expect(codes('Приглашаем на концерт в парке Победы!')).toEqual(['eventNoDate']);
  });

  it('«ё» and «е» are the same letter; an empty text has no hints', () => {
    expect(codes('Состоялось совещание')).toEqual(['bureaucratic']);
    expect(codes('   ')).toEqual([]);
  });
});
