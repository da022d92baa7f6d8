/**
 * From lexicon hits to findings, one detector a category. Hits carry tags; a detector decides which
 * tags, in which company, make a violation.
 */
import { hitWord, type Hit } from './matcher';
import { finding, near, nearWord, spanOf, tag, wordAt, wordText, type Context } from './hits';
import type { Span } from './links';
import { insultPhrases, threatPhrases } from './phrases';
import type { PairRule } from './lexicon/pairs';
import type { Category, Finding } from './types';

export { groupByTag, type Context } from './hits';

/**
 * Mask symbols may hide letters, but not most of a word: «х**» is clear, «**й» is not. Wildcards
 * also lower the confidence a little.
 */
function maskedConfidence(hit: Hit): number {
  if (hit.wild === 0) return hit.term.conf;
  const concrete = hit.letters - hit.wild;
  if (concrete < 1) return 0;
  // Insults are long words: one hidden letter is a disguise, more is guesswork («х..» is not «хач»).
  if (!hit.term.tag.startsWith('obscene') && (hit.wild > 1 || concrete < 3)) return 0;
  // More hidden letters than written ones: only a short whole word, «х**», «х..».
  const written = concrete + (hit.to - hit.matchEnd);
  if (hit.wild > written && (hit.wild > 2 || hit.matchEnd !== hit.to)) return 0;
  return Math.max(Math.min(0.6, hit.term.conf), hit.term.conf - 0.05 * hit.wild);
}

function wordFindings(ctx: Context, category: Category, hits: readonly Hit[], confidence: (h: Hit) => number, out: Finding[]) {
  let lastWord = -1;
  let lastIndex = -1;
  for (const h of hits) {
    const c = confidence(h);
    if (c <= 0) continue;
    if (h.word === lastWord && lastIndex >= 0) {
      const prev = out[lastIndex] as Finding;
      if (c > prev.confidence) prev.confidence = Math.round(c * 100) / 100;
      continue;
    }
    lastWord = h.word;
    lastIndex = out.length;
    out.push(finding(ctx, category, spanOf(ctx, h), hitWord(ctx.norm, h), c));
  }
}

function sortByWord(hits: Hit[]): Hit[] {
  return hits.length > 1
    ? hits.slice().sort((a, b) => a.word - b.word || b.matchEnd - a.matchEnd || a.wild - b.wild || a.term.order - b.term.order)
    : hits;
}

export function detectObscenity(ctx: Context, out: Finding[]) {
  const hits = sortByWord([...tag(ctx, 'obscene'), ...tag(ctx, 'obscene-mild')]);
  wordFindings(ctx, 'obscenity', hits, maskedConfidence, out);
}

export function detectInsult(ctx: Context, out: Finding[]) {
  const targets = [...tag(ctx, 'target-person'), ...tag(ctx, 'target-official')];
  const strong = sortByWord([...tag(ctx, 'insult'), ...tag(ctx, 'insult-mid')]);
  wordFindings(ctx, 'insult', strong, (h) => {
    const c = maskedConfidence(h);
    return c > 0 && near(targets, h.word, 3, 3) ? Math.min(0.95, c + 0.05) : c;
  }, out);
  // Borderline words insult only when aimed («мэр — клоун», «вы козлы», not «козёл забрёл в огород»)
  // or when disguised: nobody writes «вaта» with a Latin «a» about cotton wool.
  const weak = sortByWord(tag(ctx, 'insult-weak'));
  wordFindings(
    ctx,
    'insult',
    weak,
    (h) => (ctx.addressed || near(targets, h.word, 3, 3) || disguised(ctx, h) ? maskedConfidence(h) : 0),
    out,
  );
  insultPhrases(ctx, out);
}

const CYRILLIC = /[а-яё]/i;
const DISGUISE = /[a-z0-9*@#$%"!.]/i;

function disguised(ctx: Context, h: Hit): boolean {
  const word = ctx.text.slice(ctx.norm.starts[h.from], ctx.norm.ends[h.to - 1]);
  return CYRILLIC.test(word) && DISGUISE.test(word);
}

export function detectThreat(ctx: Context, out: Finding[]) {
  const neg = tag(ctx, 'neg');
  const negated = (h: Hit) => wordAt(neg, h.word - 1) !== undefined;
  const people = [...tag(ctx, 'target-body'), ...tag(ctx, 'target-person'), ...tag(ctx, 'target-official')];
  const property = [...tag(ctx, 'target-property'), ...tag(ctx, 'target-person'), ...tag(ctx, 'target-official')];
  for (const h of tag(ctx, 'threat-strong')) {
    if (negated(h)) continue;
    out.push(finding(ctx, 'threat', spanOf(ctx, h), hitWord(ctx.norm, h), h.term.conf));
  }
  for (const [verbs, targets] of [
    [tag(ctx, 'threat-verb'), people],
    [tag(ctx, 'threat-arson'), property],
  ] as const) {
    for (const h of verbs) {
      if (negated(h)) continue;
      const t = near(targets, h.word, 2, 3);
      if (t) out.push(finding(ctx, 'threat', spanOf(ctx, h, t), `${hitWord(ctx.norm, h)} + ${hitWord(ctx.norm, t)}`, h.term.conf));
    }
  }
  for (const h of tag(ctx, 'threat-regret')) {
    if (negated(h)) continue;
    out.push(finding(ctx, 'threat', spanOf(ctx, h), hitWord(ctx.norm, h), h.term.conf));
  }
  // «тебе конец», «вам всем хана».
  const dative = tag(ctx, 'dative');
  for (const h of tag(ctx, 'threat-end')) {
    const d = near(dative, h.word, 2, 1);
    if (d) out.push(finding(ctx, 'threat', spanOf(ctx, d, h), `${hitWord(ctx.norm, d)} ${hitWord(ctx.norm, h)}`, h.term.conf));
  }
  // «тебе не жить», «не жить вам»; «не поздоровится», «мало не покажется».
  for (const h of tag(ctx, 'threat-live')) {
    const n = wordAt(neg, h.word - 1);
    const d = n && near(dative, h.word, 2, 1);
    if (h.term.entry !== 'жить$') {
      if (n && (h.term.entry.startsWith('позд') || wordText(ctx, h.word - 2) === 'мало')) out.push(finding(ctx, 'threat', spanOf(ctx, n, h), `не ${hitWord(ctx.norm, h)}`, 0.7));
    } else if (n && d) out.push(finding(ctx, 'threat', spanOf(ctx, d, h), `${hitWord(ctx.norm, d)} не жить`, 0.8));
  }
  threatPhrases(ctx, out);
}

/**
 * Goods, the cue that makes an offer of them within `window` words, and whether a link or a contact
 * alone will do. Documents are everyday words («нужен паспорт, чтобы купить билет»): the seller must be
 * next to them, or a forgery named («задним числом», «без экзаменов»). Street slang (соль, трава) takes
 * a seller or a contact; fake money a word of fakery and an offer; cards and SIM cards a buyer; stash
 * couriers a wage; a people a call to violence or expulsion (УК РФ ст. 282).
 */
const GOODS: readonly [goods: string, window: number, cue: string, reachAlone?: 1][] = [
  ['drug', 2, 'illegal-sell', 1], ['drug', 3, 'ill-slang'], ['doc', 1, 'illegal-sell'], ['weapon', 2, 'illegal-sell', 1], ['pdata', 2, 'illegal-sell', 1],
  ['ill-slang', 3, 'illegal-sell', 1], ['doc', 8, 'ill-forge'], ['ill-doc', 8, 'ill-forge'],
  ['ill-money', 3, 'ill-fake'], ['ill-card', 3, 'ill-buy'], ['ill-job', 9, 'ill-cue', 1], ['ill-probe', 4, 'ill-data', 1], ['ill-eth', 5, 'ill-call'],
];

export function detectIllegal(ctx: Context, out: Finding[], reach: boolean) {
  const sell = tag(ctx, 'illegal-sell');
  for (const [goods, window, cue, reachAlone] of GOODS) {
    // «Без экзаменов», «без врачей»: a forgery only after «без».
    const cues = cue === 'ill-forge' ? tag(ctx, cue).filter((h) => h.term.conf > 0.6 || wordText(ctx, h.word - 1) === 'без') : tag(ctx, cue);
    // Fake money is also what citizens warn about: an offer must be there too.
    if (cue === 'ill-fake' && !sell.length && !reach && !tag(ctx, 'ad-strong').length) continue;
    for (const h of tag(ctx, goods)) {
      const s = near(cues, h.word, window, window);
      if (s || (reachAlone && reach)) {
        const span = s ? spanOf(ctx, h, s) : spanOf(ctx, h);
        const what = s ? `${hitWord(ctx.norm, s)} + ${hitWord(ctx.norm, h)}` : hitWord(ctx.norm, h);
        out.push(finding(ctx, 'illegal', span, what, 0.8));
        break;
      }
    }
  }
  const pay = tag(ctx, 'vote-pay');
  for (const h of tag(ctx, 'vote')) {
    const p = near(pay, h.word, 4, 4);
    if (p) {
      out.push(finding(ctx, 'illegal', spanOf(ctx, h, p), `${hitWord(ctx.norm, h)} + ${hitWord(ctx.norm, p)}`, 0.75));
      break;
    }
  }
  const objects = tag(ctx, 'riot-object');
  for (const h of tag(ctx, 'riot-verb')) {
    const o = near(objects, h.word, 3, 3);
    if (o) out.push(finding(ctx, 'illegal', spanOf(ctx, h, o), `${hitWord(ctx.norm, h)} + ${hitWord(ctx.norm, o)}`, h.term.conf));
  }
  const prep = tag(ctx, 'prep');
  for (const h of tag(ctx, 'riot-strong')) {
    const p = wordAt(prep, h.word - 1);
    if (p) out.push(finding(ctx, 'illegal', spanOf(ctx, p, h), `${hitWord(ctx.norm, p)} ${hitWord(ctx.norm, h)}`, h.term.conf));
  }
  // Online casinos are banned in Russia: advertising one with a way to reach it is a violation.
  const casino = tag(ctx, 'casino')[0];
  if (casino && reach) out.push(finding(ctx, 'illegal', spanOf(ctx, casino), hitWord(ctx.norm, casino), 0.7));
}

/** One hit a word and a lexicon entry: «деньги, деньги, деньги» is one cue, not three. */
function distinctWords(...lists: Hit[][]): Hit[] {
  const seen = new Set<number>();
  const entries = new Set<string>();
  const out: Hit[] = [];
  for (const list of lists) {
    for (const h of list) {
      if (seen.has(h.word) || entries.has(h.term.entry)) continue;
      seen.add(h.word);
      entries.add(h.term.entry);
      out.push(h);
    }
  }
  return out.sort((a, b) => a.word - b.word);
}

function cueFinding(ctx: Context, category: Category, cues: Hit[], extra: string[], confidence: number): Finding {
  const first = cues[0] as Hit;
  const names = cues.slice(0, 4).map((h) => hitWord(ctx.norm, h)).concat(extra);
  return finding(ctx, category, spanOf(ctx, first), names.join(' + '), confidence);
}

const HELPFUL = /мфц|еддс|диспетчер|горяч[а-я]+ лини|служб|поликлиник|библиотек|обращени|заявк|адрес|сообществ/i;

const OFFER_TAGS = [
  'ad-strong', 'ad-weak', 'earn', 'earn-strong', 'loan', 'loan-strong', 'crypto', 'casino', 'invite-verb',
  'contact-verb', 'contact-channel',
];

/**
 * Spam and advertising. Ordinary words (ремонт, цена, кредит) are cues only in company: a link, a phone
 * number, an invitation to write in private messages.
 */
export function detectCommerce(ctx: Context, out: Finding[], categories: { spam: boolean; advertising: boolean }) {
  const extra: string[] = [];
  if (ctx.links.length) extra.push('ссылка');
  if (ctx.phones.length) extra.push('телефон');

  // «пишите в лс», «звоните», «в личку».
  const verbs = tag(ctx, 'contact-verb');
  const channels = tag(ctx, 'contact-channel');
  const weakChannels = tag(ctx, 'contact-channel-weak');
  const latinChannel = ctx.latin.find((c) => /^(whats ?app|telegram|viber|t\.me|wa\.me)$/.test(c.text));
  let contact: Hit | undefined;
  let contactPair: Hit | undefined;
  for (const v of verbs) {
    const c = near(channels, v.word, 0, 3) ?? near(weakChannels, v.word, 0, 3);
    if (c) {
      contact = v;
      contactPair = c;
      break;
    }
  }
  if (!contact && channels.length) {
    const prep = tag(ctx, 'prep');
    contact = channels.find((c) => wordAt(prep, c.word - 1));
  }
  const handle = ctx.handle;
  const reach = ctx.links.length > 0 || ctx.phones.length > 0 || contact !== undefined || latinChannel !== undefined || handle !== undefined;

  const spam: Finding[] = [];
  const ads: Finding[] = [];
  const adStrong = tag(ctx, 'ad-strong');
  const adWeak = tag(ctx, 'ad-weak');
  const adCues = distinctWords(adStrong, adWeak);
  const earn = distinctWords(tag(ctx, 'earn-strong'), tag(ctx, 'earn'));
  // A helpful reply names a service and sells nothing: «горячая линия: 8 (3812) …», «пишите в сообщения
  // сообщества номер обращения».
  const helpful = !adStrong.length && !ctx.links.length && !earn.length && (HELPFUL.test(ctx.text) || tag(ctx, 'target-official').length > 0);

  if (contact && !(helpful && !adCues.length)) {
    const span = contactPair ? spanOf(ctx, contact, contactPair) : spanOf(ctx, contact);
    const text = contactPair ? `${hitWord(ctx.norm, contact)} в ${hitWord(ctx.norm, contactPair)}` : hitWord(ctx.norm, contact);
    // «в личке» alone is as often a citizen («ответили мне в личке») as an advert: a hint only.
    spam.push(finding(ctx, 'spam', span, text, contactPair ? 0.7 : 0.45));
  }

  for (const link of ctx.links) {
    spam.push(
      // A bare link is deleted as spam (App. 2 §15), but a moderator may know the site: lower confidence
      // than a link with an offer around it.
      finding(
        ctx,
        'spam',
        link,
        link.social ? `ссылка на сообщество: ${link.domain}` : `ссылка: ${link.domain}`,
        link.social ? 0.55 : ctx.phones.length > 0 || OFFER_TAGS.some((t) => ctx.byTag.has(t)) ? 0.8 : 0.6,
      ),
    );
  }

  // Adverts without a link: a service with «пишите», «звоните, Виктор» (not «звоните в ЕДДС»), a pointer
  // to one's own profile, a messenger handle, income promised with a call.
  const call = verbs.find((v) => !/^(подробн|узнать)/.test(v.term.entry) && !/^(в|во|на)$/.test(wordText(ctx, v.word + 1)));
  if (call && adCues.length && !helpful) ads.push(cueFinding(ctx, 'advertising', distinctWords(adCues, [call]), extra, 0.7));
  const ptr = tag(ctx, 'ad-ptr');
  const pointer = ptr.find((p) => nearWord(ctx, p.word, 2, 1, /^(мой|мою|моей|моя|меня)$/) || wordAt(tag(ctx, 'prep'), p.word - 1));
  if (pointer && (verbs.length || ptr.length > 1 || earn.length || tag(ctx, 'invite-verb').length || tag(ctx, 'crypto').length || /[👉👇👆⬇➡]/u.test(ctx.text))) {
    spam.push(finding(ctx, 'spam', spanOf(ctx, pointer), `свой профиль: ${hitWord(ctx.norm, pointer)}`, 0.7));
  }
  if (handle && (channels.length || weakChannels.length || verbs.length || adCues.length || earn.length)) spam.push(finding(ctx, 'spam', handle, handle.text, 0.75));

  if (tag(ctx, 'earn-strong').length && (reach || earn.length >= 2)) spam.push(cueFinding(ctx, 'spam', earn, extra, 0.85));
  else if (earn.length >= 3 && (reach || ctx.amount())) spam.push(cueFinding(ctx, 'spam', earn, extra, 0.75));
  else if (earn.length && (earn.length > 1 || ctx.amount() || /(от|до|\+)\s?\d/.test(ctx.text)) && (verbs.length || pointer || reach)) {
    spam.push(cueFinding(ctx, 'spam', earn, extra, 0.75));
  }

  const loanStrong = tag(ctx, 'loan-strong');
  const loan = distinctWords(loanStrong, tag(ctx, 'loan'));
  if (loanStrong.length || (loan.length >= 2 && reach) || loan.length >= 3) {
    const c = reach ? 0.85 : 0.7;
    spam.push(cueFinding(ctx, 'spam', loan, extra, c));
    if (reach) ads.push(cueFinding(ctx, 'advertising', loan, extra, 0.8));
  }

  const crypto = tag(ctx, 'crypto');
  const latinCrypto = ctx.latin.some((c) => /^(bitcoin|btc|usdt|crypto)$/.test(c.text));
  if ((crypto.length || latinCrypto) && (reach || earn.length > 0)) {
    if (crypto.length) spam.push(cueFinding(ctx, 'spam', crypto, extra, 0.8));
    else spam.push(finding(ctx, 'spam', ctx.latin.find((c) => /^(bitcoin|btc|usdt|crypto)$/.test(c.text)) as Span, 'криптовалюта', 0.8));
  }

  const casino = tag(ctx, 'casino');
  const latinCasino = ctx.latin.find((c) => /^(1xbet|casino)$/.test(c.text));
  if (casino.length) spam.push(cueFinding(ctx, 'spam', casino, extra, reach ? 0.85 : 0.7));
  else if (latinCasino) spam.push(finding(ctx, 'spam', latinCasino, 'казино', 0.75));

  const places = tag(ctx, 'invite-place');
  for (const v of tag(ctx, 'invite-verb')) {
    const p = near(places, v.word, 0, 4);
    if (p || ctx.links.length) {
      spam.push(finding(ctx, 'spam', p ? spanOf(ctx, v, p) : spanOf(ctx, v), p ? `${hitWord(ctx.norm, v)} ${hitWord(ctx.norm, p)}` : `${hitWord(ctx.norm, v)} + ссылка`, 0.75));
      break;
    }
  }

  if (adStrong.length) {
    ads.push(cueFinding(ctx, 'advertising', adCues, extra, reach ? 0.9 : 0.8));
  } else if (adWeak.length && reach && (ctx.phones.length || ctx.links.length || contactPair || adWeak.length >= 2)) {
    ads.push(cueFinding(ctx, 'advertising', adCues, extra, 0.85));
  } else if (adCues.length >= 3 && verbs.length && ctx.amount()) {
    ads.push(cueFinding(ctx, 'advertising', adCues, extra, 0.6));
  }

  for (const phone of ctx.phones) {
    if (ads.length) ads.push(finding(ctx, 'advertising', phone, 'телефон', 0.8));
    else if (!helpful) spam.push(finding(ctx, 'spam', phone, 'телефон', 0.5));
  }

  if (categories.spam) out.push(...spam);
  if (categories.advertising) out.push(...ads);
}

/**
 * The phrase table (data, lib/rules/lexicon/pairs.ts): a word of tag `a`, not negated, with a word of
 * tag `b` (and of tag `also`, if named) within `before`/`after` words is a finding of `category`
 * that names the two words.
 */
export function detectPairs(ctx: Context, rules: readonly PairRule[], on: (c: Category) => boolean, out: Finding[]) {
  const neg = tag(ctx, 'neg');
  for (const [category, a, b, before, after, conf, also] of rules) {
    if (!on(category)) continue;
    const company = tag(ctx, b);
    for (const h of tag(ctx, a)) {
      const m = !wordAt(neg, h.word - 1) && (!also || near(tag(ctx, also), h.word, before, after)) && near(company, h.word, before, after);
      if (m) {
        out.push(finding(ctx, category, spanOf(ctx, h, m), `${hitWord(ctx.norm, h)} + ${hitWord(ctx.norm, m)}`, conf));
        break;
      }
    }
  }
}
