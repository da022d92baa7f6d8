import { describe, expect, it } from 'vitest';
import { BOILERPLATE, MAX_REPLY_LENGTH, lintDraft, type DraftContext, type DraftWarningCode } from '@/lib/messages/lint';

const FINAL: DraftContext = { kind: 'final' };
const INTERMEDIATE: DraftContext = { kind: 'intermediate' };

const codes = (text: string, ctx: DraftContext = FINAL) => lintDraft(text, ctx).map((w) => w.code);
/** The flagged spans of one kind, as the text they cover. */
const spans = (text: string, code: DraftWarningCode, ctx: DraftContext = FINAL) =>
  lintDraft(text, ctx)
    .filter((w) => w.code === code)
    .map((w) => text.slice(w.start, w.end));

describe('good replies get no warnings', () => {
  it.each<[string, DraftContext]>([
    ['Пётр, здравствуйте! Яму у дома 5 на ул. Ленина засыпали щебнем 16.09, асфальт положат до 20 сентября. Спасибо, что написали!', FINAL],
    ['Анна, добрый день! Свет в подъезде починят в течение 7 рабочих дней: электрики уже заказали светильники. Напишем, когда всё будет готово.', INTERMEDIATE],
    ['Здравствуйте! Проверили площадку ещё раз и заменили сломанные качели, фото в комментарии. Если заметите что-то ещё — пишите.', { kind: 'final', repeat: true }],
    ['[id123|Иван], спасибо! Передали подрядчику, ответим до конца недели…', INTERMEDIATE],
    ['Горячую линию ЖКХ можно набрать по телефону 8 800 100-00-00. Закон от 02.05.2006 № 59-ФЗ мы соблюдаем.', FINAL],
    ['Ждём вас на приёме в МКУ «УДХБ» в XXI веке 😊', FINAL],
    ['Ремонт начнём в понедельник.', INTERMEDIATE],
    ['Работы пройдут в октябре.', INTERMEDIATE],
  ])('%s', (text, ctx) => {
    expect(lintDraft(text, ctx)).toEqual([]);
  });
});

describe('empty', () => {
  it.each(['', '   ', '\n\t'])('%j is only «ответ пуст»', (text) => {
    expect(lintDraft(text, { kind: 'intermediate', repeat: true })).toEqual([{ code: 'empty', message: 'ответ пуст' }]);
  });
});

describe('boilerplate (App. 2 §13)', () => {
  it('every phrase of the list is caught in its example', () => {
    for (const b of BOILERPLATE) expect(codes(`Здравствуйте! ${b.example[0]!.toUpperCase()}${b.example.slice(1)}.`), b.example).toContain('boilerplate');
  });

  it.each<[string, string[]]>([
    ['Ваше обращение принято к сведению.', ['принято к сведению']],
    ['Доводим до Вашего сведения, что по данному вопросу сообщаем следующее.', ['Доводим до Вашего сведения', 'по данному вопросу', 'сообщаем следующее']],
    ['Вопрос решается в рамках своей компетенции в установленном порядке.', ['в рамках своей компетенции', 'в установленном порядке']],
    ['Обращение РАССМОТРЕНО, информируем вас о результатах.', ['РАССМОТРЕНО', 'информируем']],
    ['На ваше обращение сообщаем: данный вопрос решён.', ['На ваше обращение сообщаем', 'данный вопрос']],
    ['Вышеуказанные работы выполнены.', ['Вышеуказанные']],
    ['Приняли  к\nсведению.', ['Приняли  к\nсведению']],
  ])('%s', (text, found) => {
    expect(spans(text, 'boilerplate')).toEqual(found);
  });

  it.each([
    'Мы рассмотрели фото и отправили бригаду.',
    'Информация о ремонте будет на сайте.',
    'Сведения о графике — в нашем посте.',
    'Порядок такой: сначала заявка, потом ремонт.',
  ])('plain words are fine: %s', (text) => {
    expect(codes(text)).not.toContain('boilerplate');
  });

  it('says what to do, with the clause', () => {
    expect(lintDraft('Информируем вас.', FINAL)[0]).toEqual({
      code: 'boilerplate',
      message: 'канцелярский оборот «Информируем»: напишите проще, как в переписке (прил. 2, п. 13)',
      start: 0,
      end: 11,
    });
  });
});

describe('a term for the final reply in an intermediate one (§11)', () => {
  it.each([
    'Ответим 20.09.',
    'Ответим 20.09.2025.',
    'Ответим до 20 сентября.',
    'Ответим к 5-го октября.',
    'Ответим в течение 7 рабочих дней.',
    'Ответим в течение семи рабочих дней.',
    'Ответим через 3 дня.',
    'Ответим до конца недели.',
    'Ответим к концу месяца.',
    'Ответим до пятницы.',
    'Ответим на следующей неделе.',
    'Ответим завтра.',
    'Ответим к концу сентября.',
    'Работы начнутся в сентябре.',
    'Ответим 2025-09-20.',
  ])('%s names one', (text) => {
    expect(codes(text, INTERMEDIATE)).toEqual([]);
  });

  it.each(['Разбираемся, ответим позже.', 'Ответим, как только узнаем. Дом 12.', 'Ответим после 32.13.'])('%s does not', (text) => {
    expect(codes(text, INTERMEDIATE)).toEqual(['noFinalDate']);
  });

  it('is asked of intermediate replies only, unless the caller says otherwise', () => {
    const text = 'Разбираемся, ответим позже.';
    expect(codes(text, FINAL)).toEqual([]);
    expect(codes(text, { kind: 'final', finalReplyDate: true })).toEqual(['noFinalDate']);
    expect(codes(text, { kind: 'intermediate', finalReplyDate: false })).toEqual([]);
  });
});

describe('placeholders', () => {
  it.each<[string, string[]]>([
    ['Уважаемый [ФИО], ответ готов.', ['[ФИО]']],
    ['Ремонт будет <дата> по адресу {адрес}.', ['<дата>', '{адрес}']],
    ['Бригада приедет ___ числа.', ['___']],
    ['Приедем XX.XX в ХХ:ХХ.', ['XX.XX', 'ХХ:ХХ']],
    ['Номер заявки ХХХ.', ['ХХХ']],
    ['Работы по адресу … начнутся 20.09.', ['…']],
    ['Ответ: «...».', ['...']],
    ['Пустые скобки [] остались.', ['[]']],
  ])('%s', (text, found) => {
    expect(spans(text, 'placeholder')).toEqual(found);
  });

  it.each(['[id123|Иван], готово.', '[club5|Администрация] на связи.', 'Спасибо, ждём вас…', 'XX век', 'Икс XI.'])('%s is not one', (text) => {
    expect(codes(text)).not.toContain('placeholder');
  });
});

describe('personal data', () => {
  it.each<[string, string[], string]>([
    ['Позвоните Ивану: +7 (913) 123-45-67.', ['+7 (913) 123-45-67'], 'номер телефона'],
    ['Его номер 89131234567.', ['89131234567'], 'номер телефона'],
    ['Пишите на ivan.petrov@mail.ru', ['ivan.petrov@mail.ru'], 'адрес электронной почты'],
    ['Паспорт серия 52 04 №123456 выдан.', ['серия 52 04 №123456'], 'паспортные данные'],
    ['Паспорт 5204 123456.', ['Паспорт 5204 123456'], 'паспортные данные'],
    ['СНИЛС 123-456-789 01.', ['123-456-789 01'], 'СНИЛС'],
    ['снилс: 12345678901', ['снилс: 12345678901'], 'СНИЛС'],
    ['ИНН 550123456789.', ['ИНН 550123456789'], 'ИНН'],
    ['Иванов И. И., дата рождения 01.02.1980.', ['дата рождения 01.02.1980'], 'дата рождения'],
    ['Петров, 12.03.1975 г.р., обратился.', ['12.03.1975 г.р.'], 'дата рождения'],
  ])('%s', (text, found, what) => {
    expect(spans(text, 'personalData')).toEqual(found);
    expect(lintDraft(text, FINAL).find((w) => w.code === 'personalData')?.message).toBe(`похоже на ${what}: личные данные в открытом ответе не публикуют`);
  });

  it.each([
    'Горячая линия 8-800-555-35-35.',
    'Закон от 02.05.2006 № 59-ФЗ.',
    'Ремонт 16.09.2025 с 9:00.',
    'В доме 12 квартир, 2025 год.',
    'Заявка № 123456.',
  ])('%s is not', (text) => {
    expect(codes(text)).not.toContain('personalData');
  });
});

describe('a repeat message: measures taken (§13)', () => {
  it.each([
    'Приняты меры: двор убрали.',
    'Проведена проверка, нарушений нет.',
    'Ремонт выполнен.',
    'Подрядчику направлено предписание.',
    'Ремонт запланирован на весну.',
    'Работы ведутся, закончим в октябре.',
    'Мы заменили светильники.',
  ])('%s reports them', (text) => {
    expect(codes(text, { kind: 'final', repeat: true })).not.toContain('noMeasures');
  });

  it.each(['Спасибо за сообщение, разберёмся.', 'Мы знаем об этой проблеме.'])('%s does not', (text) => {
    expect(codes(text, { kind: 'final', repeat: true })).toEqual(['noMeasures']);
    expect(codes(text, FINAL)).toEqual([]);
  });
});

describe('length', () => {
  it('warns past the limit and marks the excess', () => {
    const ok = 'а'.repeat(MAX_REPLY_LENGTH);
    expect(codes(ok)).toEqual([]);
    const long = `  ${'а'.repeat(MAX_REPLY_LENGTH + 20)}`;
    const w = lintDraft(long, FINAL);
    expect(w).toEqual([
      { code: 'tooLong', message: 'ответ длиннее 1\u00a0500 знаков (сейчас 1\u00a0520): в соцсети такой не дочитают — сократите', start: 1502, end: 1522 },
    ]);
  });
});

describe('shouting', () => {
  it.each<[string, string | null]>([
    ['ВНИМАНИЕ ВСЕМ ЖИТЕЛЯМ! Завтра с утра отключат воду в домах на улице Ленина.', 'ВНИМАНИЕ ВСЕМ ЖИТЕЛЯМ'],
    ['ВОДУ ОТКЛЮЧАТ ЗАВТРА С УТРА, ГОТОВЬТЕСЬ.', null],
    ['Звоните в МКУ УДХБ или ЖКХ района.', 'no'],
    ['Отключение воды согласовано с ОАО «ОмскВодоканал».', 'no'],
  ])('%s', (text, span) => {
    const w = lintDraft(text, FINAL).filter((x) => x.code === 'shouting');
    if (span === 'no') expect(w).toEqual([]);
    else {
      expect(w).toHaveLength(1);
      expect(w[0]!.message).toBe('много текста заглавными буквами: в соцсети это читается как крик');
      if (span === null) expect(w[0]!.start).toBeUndefined();
      else expect(text.slice(w[0]!.start, w[0]!.end)).toBe(span);
    }
  });
});

it('reports several problems at once, in the order of the checks', () => {
  const text = 'Уважаемый [ФИО]! Информируем вас, что звонить надо на +79131234567.';
  expect(codes(text, { kind: 'intermediate', repeat: true })).toEqual(['boilerplate', 'placeholder', 'personalData', 'noFinalDate', 'noMeasures']);
});
