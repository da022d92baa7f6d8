/**
 * A template filled from the message: the citizen's name, the location, the topic, the unit, the date
 * of the final reply. What the message does not know stays in the text as written, «{номер дома}»,
 * so the executor sees the gap (and the draft's lint points at it).
 */
import type { DeadlineReport } from '../workflow/deadlines';
import type { MessageState } from '../workflow/reducer';
import { fold } from '../text';

export type PlaceholderKey = 'name' | 'location' | 'topic' | 'finalReplyDate' | 'department';

/** The placeholders a template may use; the first spelling is the one the options page shows. */
export const PLACEHOLDERS: readonly { key: PlaceholderKey; spellings: readonly string[]; hint: string }[] = [
  { key: 'name', spellings: ['имя'], hint: 'имя автора сообщения' },
  { key: 'location', spellings: ['адрес', 'локация'], hint: 'локация сообщения, как её указал Куратор' },
  { key: 'topic', spellings: ['тема'], hint: 'тема сообщения' },
  { key: 'finalReplyDate', spellings: ['дата ответа', 'срок ответа'], hint: 'срок окончательного ответа (п. 11)' },
  { key: 'department', spellings: ['подразделение'], hint: 'подразделение, которое отвечает' },
];

/** What the message tells about itself, as the card knows it. */
export interface MessageFacts {
  /** The author's name as the site shows it: «Иван Петров». */
  author?: string | null;
  location?: string | null;
  topic?: string | null;
  department?: string | null;
  /** When the final reply is due (unix ms), written as «22 мая» in `zone`. */
  finalReplyDue?: number | null;
  zone?: string;
}

const PLACEHOLDER_RE = /\{([^{}\n]{1,40})\}/gu;

const normalise = (s: string) => fold(s.trim()).replace(/\s+/g, ' ');

const BY_SPELLING = new Map(PLACEHOLDERS.flatMap((p) => p.spellings.map((s) => [normalise(s), p.key] as const)));

/** The placeholder a «{…}» stands for, whatever its case and spacing; undefined for one we do not fill. */
export function placeholderKey(inner: string): PlaceholderKey | undefined {
  return BY_SPELLING.get(normalise(inner));
}

/** Every «{…}» of the text that fill does not know: the curator's gaps for the executor. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_RE)].filter((m) => !placeholderKey(m[1]!)).map((m) => m[0]))];
}

/** Words that sites show instead of a person's name. */
const NOT_NAMES = new Set(['deleted', 'пользователь', 'аноним', 'анонимный', 'гость', 'автор', 'неизвестный', 'неизвестен']);
const NAME_WORD = /^\p{L}[\p{L}'’-]*$/u;
const PATRONYMIC = /(?:вич|вна|ична|инична|оглы|кызы)$/iu;

/**
 * The first name to address the citizen by: «Иван Петров» → «Иван». A name written officially,
 * «Петрова Анна Сергеевна» (a patronymic last), gives the middle word. Nothing that does not look
 * like a name («id12345», «DELETED») — the placeholder stays for the executor.
 */
export function firstName(author: string | null | undefined): string | undefined {
  const words = (author ?? '')
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  if (!words.length) return undefined;
  const name = words.length >= 3 && PATRONYMIC.test(words[2]!) && !PATRONYMIC.test(words[1]!) ? words[1]! : words[0]!;
  if (!NAME_WORD.test(name) || NOT_NAMES.has(name.toLowerCase())) return undefined;
  return name === name.toLowerCase() ? name[0]!.toUpperCase() + name.slice(1) : name;
}

/** «22 мая»: a date as a reply names it (the lint reads it as a term, §11). */
export function replyDate(t: number, zone?: string): string {
  return new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: zone }).format(t);
}

function valueOf(key: PlaceholderKey, facts: MessageFacts): string | undefined {
  const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : undefined);
  switch (key) {
    case 'name':
      return firstName(facts.author);
    case 'location':
      return text(facts.location);
    case 'topic':
      return text(facts.topic);
    case 'department':
      return text(facts.department);
    case 'finalReplyDate':
      return typeof facts.finalReplyDue === 'number' && Number.isFinite(facts.finalReplyDue) ? replyDate(facts.finalReplyDue, facts.zone) : undefined;
  }
}

/** The template's text with what the message knows put in; every other «{…}» stays as written. */
export function fillTemplate(text: string, facts: MessageFacts): string {
  return text.replace(PLACEHOLDER_RE, (whole, inner: string) => {
    const key = placeholderKey(inner);
    return (key && valueOf(key, facts)) ?? whole;
  });
}

/**
 * The facts of a message on the card. The final reply's date is the one the message has (§11's
 * deadline once the intermediate reply is out, or the date agreed with the curator for high
 * importance); before that, `estimate` may say when it would fall if the reply went out now.
 */
export function messageFacts(input: {
  author: string | null | undefined;
  state: MessageState;
  report?: DeadlineReport;
  /** The unit answering when the message names none (the executor's own). */
  department?: string;
  zone?: string;
  estimate?: () => number | null | undefined;
}): MessageFacts {
  const { state, report } = input;
  const known = report?.all.find((d) => d.name === 'finalReplyDeadline' && d.due !== null)?.due ?? state.finalReplyDue;
  return {
    author: input.author,
    location: state.location,
    topic: state.topic,
    department: state.responsible?.department ?? input.department,
    finalReplyDue: known ?? input.estimate?.() ?? null,
    zone: input.zone,
  };
}
