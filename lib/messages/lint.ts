/**
 * Checks of a draft reply before it goes to the curator: social-network style, not a press release
 * (App. 2 §13), an answer on the substance (App. 1 §15), a term for the final reply after an
 * intermediate one (§11), measures taken on a repeat message (§13), nothing left of a template and
 * no personal data in a public reply. Warnings, never refusals: the curator decides.
 */

export type DraftWarningCode = 'empty' | 'boilerplate' | 'placeholder' | 'personalData' | 'noFinalDate' | 'noMeasures' | 'tooLong' | 'shouting';

export interface DraftWarning {
  code: DraftWarningCode;
  /** Russian, for the draft editor. */
  message: string;
  /** The offending span of the text (UTF-16 offsets, end exclusive), when there is one. */
  start?: number;
  end?: number;
}

export interface DraftContext {
  kind: 'final' | 'intermediate';
  /**
   * Whether the text must name a date or term for the final reply. Defaults to true for an
   * intermediate reply (§11) and false for a final one.
   */
  finalReplyDate?: boolean;
  /** A reply to a repeat message (§13): it must report the measures taken or the progress. */
  repeat?: boolean;
}

/** Longer than this is not read to the end in a comment thread. */
export const MAX_REPLY_LENGTH = 1500;

// Patterns are written in lower case with «е» for «е/ё»; a space stands for any run of spaces.
// \p{L}* continues a stem («принят» → «принято», «приняла»).
const L = '\\p{L}';

/** Bureaucratic turns of a press release or an official letter (App. 2 §13), as data. */
export const BOILERPLATE: readonly { pattern: string; example: string }[] = [
  { pattern: `приня${L}* к сведению`, example: 'ваше обращение принято к сведению' },
  { pattern: 'примите к сведению', example: 'примите к сведению' },
  { pattern: 'в (?:рамках|пределах) (?:своей |нашей )?компетенции', example: 'в рамках компетенции' },
  { pattern: 'по компетенции', example: 'направлено по компетенции' },
  { pattern: 'доводим до (?:вашего )?сведения', example: 'доводим до вашего сведения' },
  { pattern: 'по данному вопросу', example: 'по данному вопросу сообщаем' },
  { pattern: 'в установленном (?:законом )?порядке', example: 'в установленном порядке' },
  { pattern: 'рассмотрено', example: 'ваше обращение рассмотрено' },
  { pattern: 'по результатам рассмотрения', example: 'по результатам рассмотрения обращения' },
  { pattern: 'информируем', example: 'информируем вас' },
  { pattern: 'уведомляем', example: 'уведомляем вас' },
  { pattern: 'разъясняем', example: 'разъясняем, что' },
  { pattern: 'сообщаем следующее', example: 'сообщаем следующее' },
  { pattern: `(?:на|в ответ на) ваше обращение(?: от ${L}*)?,? (?:сообщаем|поясняем|информируем)`, example: 'на ваше обращение сообщаем' },
  { pattern: 'в соответствии с действующим законодательством', example: 'в соответствии с действующим законодательством' },
  { pattern: `выше(?:указанн|изложенн|названн)${L}*`, example: 'вышеуказанный' },
  { pattern: `данн(?:ый|ая|ое|ые|ого|ой|ому|ом|ых) (?:вопрос|обращени|информаци|факт)${L}*`, example: 'данный вопрос' },
];

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';

function compile(pattern: string, flags = 'giu'): RegExp {
  const body = pattern.replace(/е/g, '[её]').replace(/ /g, '\\s+');
  return new RegExp(`${WORD_START}${body}${WORD_END}`, flags);
}

const BOILERPLATE_RE = BOILERPLATE.map((b) => compile(b.pattern));

function* matches(re: RegExp, text: string): Generator<{ start: number; end: number; text: string }> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield { start: m.index, end: m.index + m[0].length, text: m[0] };
    if (m[0].length === 0) re.lastIndex++;
  }
}

// ---------------------------------------------------------------------------------------------
// Placeholders

/** `[id123|Имя]` and `[club1|…]` are VK mentions, not placeholders. */
const VK_MENTION = /^\[(?:id|club|public|event)\d+\|[^\]]*\]$/;

const PLACEHOLDERS: readonly RegExp[] = [
  /\[[^\]\n]{0,40}\]/gu,
  /<[^<>\n]{1,40}>/gu,
  /\{[^{}\n]{0,40}\}/gu,
  /_{3,}/gu,
  // XX.XX, ХХ:ХХ, XX.XX.XXXX — a date or a time to fill in, in either alphabet.
  /(?<![\p{L}\p{N}])[XxХх]{2}[.:][XxХх]{2}(?:[.:][XxХх]{2,4})?(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])[XХ]{3,}(?![\p{L}\p{N}])/gu,
  // An ellipsis standing alone is a gap to fill; one attached to a word is just style.
  /(?<![\p{L}\p{N}])(?:…|\.{3})(?![\p{L}\p{N}])/gu,
];

function placeholderWarnings(text: string): DraftWarning[] {
  const out: DraftWarning[] = [];
  for (const re of PLACEHOLDERS) {
    for (const m of matches(re, text)) {
      if (VK_MENTION.test(m.text)) continue;
      if (out.some((w) => m.start < w.end! && w.start! < m.end)) continue;
      out.push({ code: 'placeholder', message: `не заполнен шаблон «${m.text}»: подставьте нужное`, start: m.start, end: m.end });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Personal data

const DATE_FULL = '\\d{1,2}\\.\\d{1,2}\\.(?:19|20)\\d{2}';

/**
 * What a public reply must not carry. Toll-free 8-800 numbers are an organisation's; a full date is
 * a birth date only next to the words that say so (a reply cites «закон от 02.05.2006 № 59-ФЗ»).
 */
const PERSONAL: readonly { what: string; re: RegExp; skip?: RegExp }[] = [
  {
    what: 'номер телефона',
    re: /(?<![\d+])(?:\+7|8)[\s\-(]*\d{3}[\s\-)]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/gu,
    skip: /^(?:\+7|8)[\s\-(]*800/u,
  },
  { what: 'адрес электронной почты', re: /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu },
  { what: 'паспортные данные', re: /(?<!\p{L})(?:серия|паспорт\p{L}*)[\s:]*\d{2}\s?\d{2}\s*(?:№|N|номер)?\s*\d{6}(?!\d)/giu },
  { what: 'СНИЛС', re: /(?<!\d)\d{3}-\d{3}-\d{3}[\s-]\d{2}(?!\d)/gu },
  { what: 'СНИЛС', re: /(?<!\p{L})снилс[\s:№]*\d{11}(?!\d)/giu },
  { what: 'ИНН', re: /(?<!\p{L})инн[\s:№]*\d{10}(?:\d{2})?(?!\d)/giu },
  {
    what: 'дата рождения',
    re: new RegExp(
      `(?:(?<!\\p{L})(?:дата рождения|рожд${L}*|родил${L}*|д\\.\\s?р\\.)[\\s:,]*${DATE_FULL}|${DATE_FULL}\\s*(?:г\\.\\s?р\\.|года? рождения))`,
      'giu',
    ),
  },
];

function personalWarnings(text: string): DraftWarning[] {
  const out: DraftWarning[] = [];
  for (const p of PERSONAL) {
    for (const m of matches(p.re, text)) {
      if (p.skip?.test(m.text)) continue;
      if (out.some((w) => m.start < w.end! && w.start! < m.end)) continue;
      out.push({ code: 'personalData', message: `похоже на ${p.what}: личные данные в открытом ответе не публикуют`, start: m.start, end: m.end });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A term for the final reply (§11)

const MONTHS = '(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)';
const WEEKDAYS = '(?:понедельник|вторник|сред[уы]|четверг|пятниц[уы]|суббот[уы]|воскресень[ея])';

/** Any of these names a date or a term: «20.09», «до 20 сентября», «в течение 7 рабочих дней», «до конца недели». */
const TERMS: readonly RegExp[] = [
  /(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])(?:\.(?:\d{2}|\d{4}))?(?![\d])/u,
  /\d{4}-\d{2}-\d{2}/u,
  new RegExp(`(?<!\\d)\\d{1,2}(?:-?го)?\\s+${MONTHS}`, 'iu'),
  new RegExp(`(?<!\\p{L})(?:в течение|за|через|не позднее|не более)\\s+(?:\\d+|${L}+)\\s+(?:(?:рабоч|календарн)${L}*\\s+)?(?:дн|дня|день|недел|месяц|час|суток)`, 'iu'),
  new RegExp(`(?<!\\p{L})(?:до|к) (?:конц[ау]|середин[еуы]|начал[ау])\\s+(?:(?:этой|текущей|следующей|этого|текущего|следующего)\\s+)?(?:недели|месяца|квартала|года|дня|${MONTHS})`, 'iu'),
  new RegExp(`(?<!\\p{L})(?:до|к|в|во)\\s+(?:следующ${L}*\\s+)?${WEEKDAYS}`, 'iu'),
  new RegExp(`(?<!\\p{L})(?:на|в)\\s+(?:следующей|этой|ближайшей)\\s+неделе|(?<!\\p{L})(?:завтра|послезавтра)(?!\\p{L})`, 'iu'),
];

const MONTHS_PREPOSITIONAL = /(?<!\p{L})(?:в|до|к)\s+(?:(?:начале|конце|середине)\s+)?(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)/iu;

function namesTerm(text: string): boolean {
  return TERMS.some((re) => re.test(text)) || MONTHS_PREPOSITIONAL.test(text);
}

// ---------------------------------------------------------------------------------------------
// Measures taken (§13)

/** Words that report an act or progress: «приняты меры», «проведена проверка», «выполнено», «направлено», «запланировано». */
const MEASURES = compile(
  `(?:при?нят${L}* мер${L}*|мер${L}* при?нят${L}*|проведен${L}*|провели|выполнен${L}*|выполнили|направлен${L}*|направили|запланирован${L}*|` +
    `устранен${L}*|устранили|отремонтирован${L}*|отремонтировали|заменен${L}*|заменили|установлен${L}*|установили|вывезен${L}*|вывезли|` +
    `убран${L}*|убрали|назначен${L}*|начат${L}*|начали|завершен${L}*|завершили|включен${L}* в план|ведутся|проводятся|` +
    `предписани${L}*|привлечен${L}* к ответственности|в работе)`,
  'iu',
);

// ---------------------------------------------------------------------------------------------
// Shouting

const CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;
const BETWEEN_WORDS = /^[\s,!?.:;—-]*$/u;
const LETTER = /\p{L}/u;

/** Half the letters in capitals, or three capitalised words in a row (abbreviations rarely run three). */
function shoutingWarning(text: string): DraftWarning | null {
  const message = 'много текста заглавными буквами: в соцсети это читается как крик';
  // A run is shown where it is; a text mostly in capitals has no one place to show.
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    if (LETTER.test(ch)) {
      letters++;
      if (ch !== ch.toLowerCase()) upper++;
    }
  }
  if (letters >= 20 && upper / letters >= 0.5) return { code: 'shouting', message };
  const words = [...matches(CAPS_WORD, text)];
  for (let i = 0; i < words.length; ) {
    let j = i;
    while (j + 1 < words.length && BETWEEN_WORDS.test(text.slice(words[j]!.end, words[j + 1]!.start))) j++;
    const run = words.slice(i, j + 1);
    if (run.length >= 3 && run.some((w) => w.text.length >= 4)) return { code: 'shouting', message, start: run[0]!.start, end: run[run.length - 1]!.end };
    i = j + 1;
  }
  return null;
}

/** 1500 → «1 500» with a no-break space, as Russian typesetting groups digits. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

// ---------------------------------------------------------------------------------------------

/** Every warning for a draft, in the order of the checks; an empty draft gets only «empty». */
export function lintDraft(text: string, ctx: DraftContext): DraftWarning[] {
  if (text.trim() === '') return [{ code: 'empty', message: 'ответ пуст' }];
  const out: DraftWarning[] = [];
  const found = BOILERPLATE_RE.flatMap((re) => [...matches(re, text)]).sort((a, b) => a.start - b.start || b.end - a.end);
  let covered = -1;
  for (const m of found) {
    // «по данному вопросу» also holds «данному вопросу»: one warning for one place.
    if (m.start < covered) continue;
    covered = m.end;
    out.push({ code: 'boilerplate', message: `канцелярский оборот «${m.text}»: напишите проще, как в переписке (прил. 2, п. 13)`, start: m.start, end: m.end });
  }
  out.push(...placeholderWarnings(text));
  out.push(...personalWarnings(text));
  const needsTerm = ctx.finalReplyDate ?? ctx.kind === 'intermediate';
  if (needsTerm && !namesTerm(text)) {
    out.push({
      code: 'noFinalDate',
      message: 'в промежуточном ответе нет срока окончательного: укажите дату или срок, например «до 20 сентября» или «в течение 7 рабочих дней» (п. 11)',
    });
  }
  if (ctx.repeat && !MEASURES.test(text)) {
    out.push({ code: 'noMeasures', message: 'ответ на повторное сообщение должен сообщать о принятых мерах или о ходе решения вопроса (п. 13)' });
  }
  const trimmed = text.trim();
  if (trimmed.length > MAX_REPLY_LENGTH) {
    const start = text.indexOf(trimmed) + MAX_REPLY_LENGTH;
    out.push({
      code: 'tooLong',
      message: `ответ длиннее ${thousands(MAX_REPLY_LENGTH)} знаков (сейчас ${thousands(trimmed.length)}): в соцсети такой не дочитают — сократите`,
      start,
      end: start + trimmed.length - MAX_REPLY_LENGTH,
    });
  }
  const shouting = shoutingWarning(text);
  if (shouting) out.push(shouting);
  return out;
}
