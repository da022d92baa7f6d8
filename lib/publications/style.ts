/**
 * The style check of a post before it goes to the department of information policy (App. 2 §13:
 * the style of social networks, never a press release). In the spirit of the reply lint
 * (lib/messages/lint.ts): hints, never refusals; each says why and, where it can, offers a plainer
 * wording. Phrases are data; patterns are written in lower case with «е» for «е/ё».
 */

export type StyleHintCode = 'bureaucratic' | 'pressRelease' | 'longSentence' | 'noCall' | 'wall' | 'eventNoDate' | 'eventNoPlace';

export interface StyleHint {
  code: StyleHintCode;
  /** Why, in Russian. */
  message: string;
  /** A plainer wording, when there is one. */
  suggestion?: string;
  /** The span it is about (UTF-16 offsets, end exclusive). */
  start?: number;
  end?: number;
}

const L = '\\p{L}';

/** Turns of an official letter or a press release, with a plainer way to say it. */
export const BUREAUCRATIC: readonly { pattern: string; plain: string }[] = [
  { pattern: 'в целях (?:реализации|обеспечения|исполнения|повышения|улучшения)', plain: '«чтобы…»' },
  { pattern: 'с целью', plain: '«чтобы…»' },
  { pattern: `состоял${L}* (?:совещани|заседани|встреч|рабоч)${L}*`, plain: 'скажите, кто и что решил: «Обсудили ремонт дорог и решили…»' },
  { pattern: `прош${L}* (?:совещани|заседани)${L}*`, plain: 'скажите, что решили: «Договорились…»' },
  { pattern: `приня${L}* участие`, plain: '«пришли», «были», «участвовали»' },
  { pattern: `(?:было|была|были|был) (?:проведен|организован|осуществлен|рассмотрен|выполнен|произведен)${L}*`, plain: 'действующее лицо: «провели», «организовали», «сделали»' },
  { pattern: `осуществля${L}*`, plain: '«делаем», «проводим», «работаем»' },
  { pattern: 'в рамках', plain: '«на», «во время», «по программе»' },
  { pattern: 'в соответствии с', plain: '«по», «как требует»' },
  { pattern: 'в настоящее время', plain: '«сейчас»' },
  { pattern: 'в связи с', plain: '«из-за», «потому что»' },
  { pattern: 'на территории (?:города|округа|района|омска)', plain: '«в городе», «в округе»' },
  { pattern: `денежн${L}* средств${L}*`, plain: '«деньги»' },
  { pattern: `данн(?:ый|ая|ое|ые|ого|ой|ому|ом|ых|ую) (?:мероприяти|вопрос|объект|проект)${L}*`, plain: '«этот…» или назовите, что именно' },
  { pattern: `под председательством`, plain: 'скажите, кто вёл и что решили: «Мэр собрал…»' },
  {
    pattern: `(?:администрация|департамент|управление|комитет|пресс-служба|ведомство)(?: ${L}+){0,5} (?:информирует|сообщает|доводит до сведения)`,
    plain: 'от первого лица: «Рассказываем…», «Напоминаем…»',
  },
  { pattern: 'доводим до (?:вашего )?сведения', plain: '«рассказываем», «напоминаем»' },
  { pattern: `в ходе (?:мероприяти|совещани|встреч|заседани)${L}*`, plain: '«на встрече», «на празднике» — назовите, что это было' },
  { pattern: `по итогам (?:совещани|заседани|встреч|рассмотрени)${L}*`, plain: '«договорились», «решили»' },
  { pattern: `уделено (?:особое )?внимание`, plain: '«больше всего говорили о…»' },
  { pattern: 'является', plain: 'тире или «это»: «Сквер — любимое место…»' },
];

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
const compile = (pattern: string) => new RegExp(`${WORD_START}${pattern.replace(/е/g, '[её]').replace(/ /g, '\\s+')}${WORD_END}`, 'giu');
const BUREAUCRATIC_RE = BUREAUCRATIC.map((b) => compile(b.pattern));

function* all(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (!m[0].length) re.lastIndex++;
  }
}

/** Longer than this the reader loses the thread (words). */
export const MAX_SENTENCE_WORDS = 30;
/** A text this long needs paragraphs (characters). */
export const WALL_CHARS = 500;
/** A text this long should end with something for the reader to do (characters). */
export const CALL_CHARS = 280;

const MONTHS = '(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)';

/** A press release's marks: a dateline, a press service, the third person quoting an official. */
const PRESS_MARKS: readonly RegExp[] = [
  new RegExp(`^\\s*(?:г\\.\\s*омск[,.]?\\s*)?\\d{1,2}(?:\\s+${MONTHS}\\p{L}*|\\.\\d{1,2}\\.)\\s*(?:\\d{4}\\s*(?:г(?:ода|\\.)?)?)?\\s*[.,—–-]`, 'iu'),
  /^\s*(?:г\.\s*омск|омск)\s*[,.—–-]\s*\d/iu,
  /пресс-(?:релиз|служб)/iu,
  /[»"]?\s*[,—–-]+\s*(?:отметил|подчеркнул|сообщил|заявил|пояснил|добавил)[аи]?\s+(?:\p{Lu}|глава|мэр|директор|руководитель|заместитель|председатель|начальник)/u,
  /(?:^|\n)\s*справка\s*[:.]/iu,
];

const CALL = new RegExp(
  [
    '\\?',
    `${WORD_START}(?:вы|вас|вам|вами|ваш${L}*)${WORD_END}`,
    // Imperatives of the plural «вы»: приходите, пишите, смотрите, голосуйте, расскажите…
    `${WORD_START}\\p{L}{2,}(?:ите|йте)${WORD_END}`,
    `${WORD_START}(?:подробн${L}*|ссылк${L}*|регистрац${L}*|записаться|ждем|ждём|присоединяйтесь|давайте)${WORD_END}`,
  ].join('|'),
  'iu',
);

/** Words that announce something to come, to which people are asked. */
const EVENT = new RegExp(
  `${WORD_START}(?:пройд[её]т|состоится|приглаша${L}*|начало в|стартует|откро[ею]тся|концерт${L}*|субботник${L}*|фестивал${L}*|ярмарк${L}*|прием граждан|при[её]м граждан|собрани[ея] жителей|экскурси${L}*|мастер-класс${L}*|акци[яю] пройд)`,
  'iu',
);
const DATE = new RegExp(
  `(?:\\d{1,2}\\s+${MONTHS}|\\d{1,2}\\.\\d{1,2}(?:\\.\\d{2,4})?|${WORD_START}(?:сегодня|завтра|послезавтра|в (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|в эт(?:у|о|от) (?:субботу|воскресенье|пятницу|выходные)|на выходных|в выходные)${WORD_END})`,
  'iu',
);
const PLACE = new RegExp(
  `${WORD_START}(?:ул\\.|улиц${L}*|пр\\.|просп${L}*|площад${L}*|парк${L}*|сквер${L}*|набережн${L}*|по адресу|адрес${L}*|дк|дом${L}* культуры|библиотек${L}*|школ${L}*|центр${L}*|зал${L}*|стадион${L}*|остров${L}*|двор${L}*|онлайн|в прямом эфире|на странице|в группе|бульвар${L}*|микрорайон${L}*|округ${L}*)${WORD_END}`,
  'iu',
);

/** Sentences with their spans: split at . ! ? … and line breaks. */
function sentences(text: string): { start: number; end: number; words: number }[] {
  const out: { start: number; end: number; words: number }[] = [];
  const re = /[^.!?…\n]+[.!?…]*/gu;
  for (const m of all(re, text)) {
    const words = m[0].match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (words) out.push({ start: m.index, end: m.index + m[0].length, words });
  }
  return out;
}

export function checkPostStyle(text: string): StyleHint[] {
  const hints: StyleHint[] = [];
  const body = text.trim();
  if (!body) return hints;

  BUREAUCRATIC_RE.forEach((re, i) => {
    for (const m of all(re, text)) {
      hints.push({
        code: 'bureaucratic',
        message: `«${m[0]}» — язык отчёта, а не соцсети: так пишут пресс-релизы (п. 13)`,
        suggestion: BUREAUCRATIC[i]!.plain,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  });

  const marks = PRESS_MARKS.filter((re) => re.test(body)).length;
  if (marks >= 1 && (marks >= 2 || hints.length >= 2)) {
    hints.push({
      code: 'pressRelease',
      message: 'похоже на пресс-релиз (дата и место в начале, цитаты в третьем лице) — п. 13 этого не допускает',
      suggestion: 'начните с главного для жителя: что изменится и для кого; цитату — от первого лица или своими словами',
    });
  }

  for (const s of sentences(text)) {
    if (s.words > MAX_SENTENCE_WORDS)
      hints.push({
        code: 'longSentence',
        message: `предложение из ${s.words} слов: в ленте его не дочитают`,
        suggestion: 'разбейте на два-три коротких',
        start: s.start,
        end: s.end,
      });
  }

  if (body.length > WALL_CHARS && !/\n/.test(body))
    hints.push({ code: 'wall', message: 'сплошной текст без абзацев трудно читать с телефона', suggestion: 'разбейте на абзацы по 2–3 предложения' });

  if (body.length > CALL_CHARS && !CALL.test(body))
    hints.push({
      code: 'noCall',
      message: 'в тексте нет обращения к читателю: ни вопроса, ни приглашения',
      suggestion: 'закончите призывом: «Приходите!», «Как вам?», «Пишите вопросы в комментариях»',
    });

  const event = EVENT.exec(body);
  if (event) {
    if (!DATE.test(body)) hints.push({ code: 'eventNoDate', message: 'объявлено событие, но не сказано когда', suggestion: 'добавьте дату и время: «в субботу, 14 марта, в 11:00»' });
    if (!PLACE.test(body)) hints.push({ code: 'eventNoPlace', message: 'объявлено событие, но не сказано где', suggestion: 'добавьте место: «в сквере у ДК „Кристалл“, ул. Хабаровская, 2»' });
  }
  return hints;
}
