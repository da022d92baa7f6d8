/**
 * Phrase rules (issue 15): threats without «убью», insults without slurs, offers that read like
 * ordinary ads. Each rule takes a rare word of the lexicon and the company it needs within a few words;
 * function words (бы, надо, можно) are read from the text only then. Every finding names its words.
 */
import type { Hit } from './matcher';
import { near, nearWord, phrase, tag, wordAt, wordText, type Context } from './hits';
import type { Finding } from './types';

/**
 * «Бы», «надо», «пусть» … next to the verb make it a wish or a call («чтобы» is a purpose). Words are
 * matched as normalised: ё→е, doubled letters once («вообще» → «вобще»).
 */
const CALL = /^(бы|б|надо|нужно|пора|должен|должны|мало|нибудь|чтоб|пусть|надеюсь|всех)$/;
const CAN = /^(можно|может|могут|нельзя|где)$/;
const PAST = /(л|ли|ла|ло)$/;
/** Lawful purposes: a visit to a reception, an answer before the law or the voters. */
const LAWFUL = /при[её]м|обращени|заявлени|подпис|жалоб|собрани|документ|провер|закон|суд|выбор|перед /i;

const has = (h: Hit, ...entries: string[]) => entries.some((e) => h.term.entry.startsWith(e));

/** Second person (ты, вас, ваш …). */
const you = (ctx: Context) => tag(ctx, 'target-person').filter((h) => /^(т[ыеов]|в[ыа])/.test(h.term.entry));

export function threatPhrases(ctx: Context, out: Finding[]) {
  const t = (s: string) => tag(ctx, s);
  const aims = [...t('target-person').filter((h) => !has(h, 'эт')), ...t('target-official'), ...t('insult'), ...t('insult-weak'), ...t('ill-eth'), ...t('target-property')];
  const push = (parts: (Hit | undefined)[]) => out.push(phrase(ctx, 'threat', parts, 0.7));
  // «Расстрелять бы их», «надо вешать таких», «чтоб вашу мэрию взорвали», «пусть он сдохнет».
  for (const [verbs, aimed] of [[t('thr-kill'), 0], [t('thr-vio'), 1], [t('thr-die'), 1]] as const) {
    for (const h of verbs) {
      const cue = nearWord(ctx, h.word, 5, 3, h.term.tag === 'thr-die' ? /^(чтоб|чтобы|пусть|надеюсь|желаю|бы)$/ : CALL);
      const aim = near(aims, h.word, 4, 4);
      // «Бить по рукам», «убить этот бурьян», «можно убить подвеску» are not about people.
      const harmless = nearWord(ctx, h.word, 3, 2, CAN) || nearWord(ctx, h.word, 0, 3, /^рукам$/) || /^эт[оиу]т?$/.test(wordText(ctx, h.word + 1));
      if (cue && (!aimed || aim) && !harmless && (h.term.tag === 'thr-die' || !/(ся|сь)$/.test(wordText(ctx, h.word)))) {
        push([cue, h, aim]);
        break;
      }
    }
  }
  // With a body part, not a fall on the ice: «в морду дать», «руки бы поотрывать», «ноги ломать надо».
  for (const h of [...t('thr-hit'), ...t('thr-vio')]) {
    const b = near(t('target-body'), h.word, 3, 4);
    if (b && !PAST.test(wordText(ctx, h.word)) && !nearWord(ctx, h.word, 4, 4, CAN)) {
      push([h, b]);
      break;
    }
  }
  // «Знаем, где ты живёшь», «твою машину знаю»; «смерть чиновникам!».
  const know = /^(знаю|знаем|помню|известен)$/;
  const mine = you(ctx).filter((h) => has(h, 'тво', 'ваш'));
  for (const h of [...t('thr-visit'), ...t('target-property')]) {
    const by = has(h, 'смер')
      ? nearWord(ctx, h.word, 0, 1, /[аяи]м$/)
      : (has(h, 'жив', 'раб') || (h.term.tag === 'target-property' && near(mine, h.word, 2, 2))) && nearWord(ctx, h.word, 5, 5, know);
    if (by) {
      push([h, by]);
      break;
    }
  }
  // «Вы за это ответите», «придём к вам», «ждите гостей» — not to a reception.
  if (LAWFUL.test(ctx.text)) return;
  for (const h of t('thr-visit')) {
    const next = wordText(ctx, h.word + 1);
    const by = has(h, 'отв')
      ? next !== 'на' && t('prep').find((p) => has(p, 'за') && Math.abs(p.word - h.word) <= 3)
      : has(h, 'жд')
        ? nearWord(ctx, h.word, 0, 2, /^гост/)
        : !has(h, 'жив', 'раб', 'смер', 'зна') && near(you(ctx), h.word, 3, 3);
    if (by) {
      push([h, by]);
      break;
    }
  }
}

export function insultPhrases(ctx: Context, out: Finding[]) {
  const t = (s: string) => tag(ctx, s);
  const p2 = you(ctx);
  const p2nom = p2.filter((h) => has(h, 'ты$', 'вы$'));
  const push = (parts: (Hit | undefined)[], conf = 0.7) => out.push(phrase(ctx, 'insult', parts, conf));
  /**
   * A vocative: the word alone before the first comma or after the last one, in a comment that says
   * «ты» or gives an order (сиди, заткнись, прочитай, не лезь).
   */
  const vocative = (h: Hit) => {
    const before = ctx.text.slice(0, ctx.norm.starts[h.from]);
    const after = ctx.text.slice(ctx.norm.ends[h.to - 1]);
    return (
      ((!/[а-яёa-z]/i.test(before) && /^\s*[,!]/.test(after)) || (/,\s*$/.test(before) && !/[а-яёa-z]/i.test(after))) &&
      (p2.length > 0 || /[а-яё](ись|йся|ите|йте|ай|ди|ши|зь)(?![а-яё])/i.test(ctx.text))
    );
  };
  // Aimed at the reader, at a named official («мэр — марионетка», «шавка администрации»), by «этот».
  const demo = t('target-person').filter((h) => has(h, 'эт'));
  // «Ты овощ», «слизняк ты» — not «ты прав, тормоз у автобуса сломан»: no comma between them.
  const clause = (a: Hit, b: Hit) => !ctx.text.slice(ctx.norm.starts[Math.min(a.from, b.from)], ctx.norm.ends[Math.max(a.to, b.to) - 1]).includes(',');
  for (const h of t('ins-noun')) {
    const a =
      p2nom.find((p) => Math.abs(p.word - h.word) <= 2 && clause(p, h)) ??
      t('target-official').find((o) => o.word === h.word + 1 || (o.word < h.word && o.word >= h.word - 3)) ??
      near(demo, h.word, 2, 0) ??
      near(t('ins-noun'), h.word, 1, 1) ??
      nearWord(ctx, h.word, 1, 1, /^(человек|баба|тип|люди)$/);
    if (a || vocative(h)) push([a, h]);
  }
  for (const h of t('insult-weak')) if (h.wild === 0 && vocative(h)) push([h], 0.6);
  // «Мозгов нет», «без мозгов», «мозгов как у курицы».
  for (const h of t('ins-brain')) {
    const q = nearWord(ctx, h.word, 3, 3, /^(нет|без|как|вобще|хоть|ни|одна|размером|вместо)$/);
    if (q && (near(p2, h.word, 4, 4) || ctx.addressed)) push([q, h]);
  }
  // Harassment: a word of the body or of undressing aimed at a woman named, with a request, or at «ты».
  for (const h of t('ins-sex')) {
    const a = near([...t('ctx-her'), ...p2], h.word, 6, 6);
    if (a) push([h, a], 0.65);
  }
  // A rude word aimed at the reader: «иди в жопу», «ты говно», «засунь себе в задницу».
  for (const h of t('obscene-mild')) {
    const noun = /[ао]$/.test(wordText(ctx, h.word)) && !wordAt(t('prep'), h.word - 1);
    const a = (noun && near(p2nom, h.word, 2, 2)) || nearWord(ctx, h.word, 5, 0, /^(иди|идите|пош(ел|ла|ли)|засунь)$/);
    if (a) push([a, h]);
  }
}
