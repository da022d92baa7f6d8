/**
 * Links, phone numbers and prices, read from the original text: these are ASCII shapes that letter
 * normalisation would only blur.
 */
import { ALLOWED_DOMAINS, SOCIAL_CONTENT_PATH, SOCIAL_DOMAINS } from './lexicon/allow';

const TLDS =
  'ru|com|net|org|su|me|io|info|biz|online|site|shop|store|pro|club|xyz|top|ly|gl|cc|to|link|click|app|dev|tk|ml|ga|cf|gq|ua|by|kz|рф|ws|gg|sh|tv|fm|live|space|website|tech|fun|icu|cx|li';

/** Cheap test first: most comments have no «.tld» at all. */
const HAS_TLD = new RegExp(`\\.(?:${TLDS})(?![a-zа-яё0-9])`, 'i');
const LINK = new RegExp(
  `(?<![\\w@.-])(?:https?:\\/\\/)?((?:[a-z0-9а-яё](?:[a-z0-9а-яё-]{0,61}[a-z0-9а-яё])?\\.)+(?:${TLDS}))(?![a-zа-яё0-9-])(\\/[^\\s"'«»<>()\\[\\],]*)?`,
  'giu',
);
const HAS_DIGITS = /\d{3}/;
const PHONE = /(?<![\d+])(?:\+7|8|7)?[\s(.-]{0,3}\d{3}[\s).-]{0,3}\d{3}[\s.-]?\d{2}[\s.-]?\d{2}(?!\d)/g;
// \b knows only ASCII letters, so Cyrillic units end with a look-ahead instead.
const AMOUNT = /\d[\d\s]*\s?(?:₽|руб|р\.|р(?![а-яё])|тыс|k(?![a-z])|к(?![а-яё])|\$|%|usd|евро)/i;
/** Messenger and gambling brands written in Latin, invisible to the Cyrillic lexicon. */
const LATIN_CUES = /\b(whats ?app|telegram|viber|instagram|bitcoin|btc|usdt|crypto|1xbet|casino|bet|t\.me|wa\.me)\b/gi;

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Link extends Span {
  domain: string;
  /** A VK/OK link elsewhere than a post, photo or video: another community or a profile. */
  social: boolean;
}

function domainAllowed(domain: string, extra: readonly string[]): boolean {
  for (const list of [ALLOWED_DOMAINS, extra]) {
    for (const d of list) if (domain === d || domain.endsWith(`.${d}`)) return true;
  }
  return false;
}

/** Links that are neither government sites nor VK/OK content; the caller adds its own allowed sites. */
const NO_LINKS: readonly Link[] = [];

export function findLinks(text: string, extraAllowed: readonly string[] = []): readonly Link[] {
  if (!HAS_TLD.test(text)) return NO_LINKS;
  const links: Link[] = [];
  LINK.lastIndex = 0;
  for (let m = LINK.exec(text); m; m = LINK.exec(text)) {
    const domain = (m[1] as string).toLowerCase().replace(/^www\./, '');
    const path = m[2] ?? '';
    if (domainAllowed(domain, extraAllowed)) continue;
    let social = false;
    if (SOCIAL_DOMAINS.includes(domain)) {
      if (path === '' || path === '/' || SOCIAL_CONTENT_PATH.test(path)) continue;
      social = true;
    }
    links.push({ start: m.index, end: m.index + m[0].length, text: m[0], domain, social });
  }
  return links;
}

export function findPhones(text: string): Span[] {
  if (!HAS_DIGITS.test(text)) return [];
  const phones: Span[] = [];
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    let start = m.index;
    while (text[start] === ' ' || text[start] === '\u00a0') start++;
    phones.push({ start, end: m.index + m[0].length, text: m[0].trim() });
  }
  return phones;
}

export function hasAmount(text: string): boolean {
  return AMOUNT.test(text);
}

export function findLatinCues(text: string): Span[] {
  const cues: Span[] = [];
  LATIN_CUES.lastIndex = 0;
  for (let m = LATIN_CUES.exec(text); m; m = LATIN_CUES.exec(text)) {
    cues.push({ start: m.index, end: m.index + m[0].length, text: m[0].toLowerCase() });
  }
  return cues;
}

/** «@omsk_remont_pro», «anna_pohudenie»: a Latin messenger handle; VK's own «@id123» mentions are not. */
export function findHandle(text: string): Span | undefined {
  const m = /(?:^|[\s:(«"])(@(?!id\d|club\d|public\d)[a-z][\w.]{3,}|[a-z][a-z\d]*_\w+)/i.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].length - (m[1] as string).length;
  return { start, end: start + (m[1] as string).length, text: m[1] as string };
}
