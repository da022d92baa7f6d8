import type { Category } from '../types';
import type { Lexicon } from './schema';

/**
 * The phrase table (issue 15): two words near each other that make a violation when neither does
 * alone. The words are `pair-…` groups here; a rule names its first word (a `pair-` tag, not negated)
 * and the company it needs (any tag) within so many words before and after — and, for some, a third
 * word (`also`) in the same reach. Data, not code: it
 * reaches the content scripts through storage with the other word lists, and the finding names both
 * words («бензин + ждите»).
 */
export type PairRule = readonly [category: Category, a: string, b: string, before: number, after: number, conf: number, also?: string];

export const pairLexicon = {
  id: 'pairs',
  groups: [
    // Threats without «убью»: fuel and fire promised to an office, a knife in the side, «береги семью».
    { tag: 'pair-fuel', conf: 0.7, words: ['бензин', 'канистр', 'коктейл(ь$|и$|ем$)', 'молотов'] },
    { tag: 'pair-wait', conf: 0.7, words: ['ждите$', 'жди$', 'готовьтесь$', 'готовься$', 'приготовьтесь$'] },
    { tag: 'pair-got', conf: 0.7, words: ['куплен$', 'купил(и$|$)', 'готов($|ы$)', 'припас', 'запасл', 'багажник', 'наготов', 'залит'] },
    { tag: 'pair-burn', conf: 0.7, words: ['полыхн', 'запылае', 'заполыха', 'вспыхнет$'] },
    { tag: 'pair-knife', conf: 0.7, words: ['нож($|ик$|ичек$)', 'перо$', 'заточк', 'пул(ю$|ей$)', 'свинц'] },
    { tag: 'pair-side', conf: 0.7, words: ['бок$', 'спину$', 'печень$', 'лоб$', 'брюхо$', 'пузо$'] },
    { tag: 'pair-keep', conf: 0.7, words: ['береги$', 'берегись$', 'поберегись$'] },
    { tag: 'pair-kin', conf: 0.7, words: ['семь(ю$|я$)', 'дет(ей$|и$|ок$)', 'доч(ь$|ку$|ка$|ери$)', 'сын(а$|ок$|очка$)', 'жен(у$|а$)', 'родных$', 'близких$'] },
    { tag: 'pair-bury', conf: 0.7, words: ['закопа', 'прикопа', 'утопи(ть$|м$)', 'замочи(ть$|м$)'] },
    { tag: 'pair-you', conf: 0.7, words: ['тебя$', 'вас$', 'его$', 'таких$', 'этих$', 'всех$'] },
    { tag: 'pair-track', conf: 0.7, words: ['вычисл(им$|ю$|ят$)', 'выследи', 'вычисли(м$)'] },
    { tag: 'pair-punish', conf: 0.7, words: ['накаж', 'ответ(ит$|ите$|ишь$)', 'поплат', 'пожале', 'достан', 'ответят$'] },
    // Illegal offers that read like adverts: two slang words of drugs, a stash with its trade.
    { tag: 'pair-drug', conf: 0.7, words: ['соль$', 'кристал', 'клад($|ы$|ом$)', 'стаф', 'бошк', 'шишк(и$)', 'мяу', 'мефедрон', 'меф$', 'гашиш', 'грибы$', 'марк(и$)', 'ск$', 'амфетамин', 'альфа$'] },
    { tag: 'pair-trade', conf: 0.7, words: ['качеств', 'работаем$', 'доставк', 'наличи', 'закладк', 'клад$', 'опт', 'грамм', 'гр$', 'минут$', 'круглосуточн'] },
    { tag: 'pair-anon', conf: 0.7, words: ['анонимн', 'без(опасно$)'] },
    { tag: 'pair-stash', conf: 0.7, words: ['фотографир', 'развоз', 'разнос', 'товар', 'клад', 'курьер', 'сфотографир'] },
    { tag: 'pair-pass', conf: 0.7, words: ['проход(ят$|ит$)', 'неотличим', 'отличить$', 'качеств'] },
    { tag: 'pair-reg', conf: 0.7, words: ['оформлен', 'оформи(м$|т$|ть$)', 'зарегистрир'] },
    { tag: 'pair-others', conf: 0.7, words: ['других$', 'чуж', 'подставн', 'третьих$', 'левых$', 'левые$'] },
    { tag: 'pair-fresh', conf: 0.7, words: ['свеж', 'актуальн', 'слив($|ы$)'] },
    { tag: 'pair-anyone', conf: 0.7, words: ['любого$', 'любую$'] },
    { tag: 'pair-whom', conf: 0.7, words: ['человек(а$)', 'по$'] },
    { tag: 'pair-seek', conf: 0.7, words: ['найду$', 'найдем$', 'пробью$', 'пробьем$', 'вычислю$'] },
    { tag: 'pair-death', conf: 0.7, words: ['смерть$', 'вон$', 'долой$'] },
    { tag: 'pair-pogrom', conf: 0.7, words: ['погром'] },
    { tag: 'pair-call', conf: 0.7, words: ['пора$', 'устроить$', 'устроим$', 'давайте$', 'айда$', 'пойдем$'] },
    { tag: 'pair-win', conf: 0.7, words: ['выигрыш', 'выигрыв', 'выиграл', 'ставк(и$)', 'слот'] },
    { tag: 'pair-dodge', conf: 0.7, words: ['откос', 'отмаз', 'белый$', 'белого$'] },
    // Harassment of a woman at work: the night, the bed, intimacy offered for a service.
    { tag: 'pair-sex', conf: 0.7, words: ['интим', 'приласка', 'постел', 'ночь$', 'ночку$', 'переспа', 'раздел(ась$)'] },
    { tag: 'pair-her', conf: 0.7, words: ['ее$', 'малышк', 'сотрудниц', 'модераторш', 'секретарш', 'девочк', 'красотк', 'штучк', 'ответ$', 'обращени'] },
    { tag: 'pair-date', conf: 0.7, words: ['встретимся$', 'познакомимся$', 'уединимся$', 'покатаемся$'] },
    { tag: 'pair-lets', conf: 0.7, words: ['давай$'] },
  ],
} satisfies Lexicon;

export const PAIR_RULES: readonly PairRule[] = [
  ['threat', 'pair-fuel', 'pair-wait', 6, 6, 0.75, 'pair-got'],
  ['threat', 'pair-burn', 'target-official', 3, 3, 0.7],
  ['threat', 'pair-burn', 'target-property', 3, 3, 0.7],
  ['threat', 'pair-knife', 'pair-side', 2, 2, 0.75],
  ['threat', 'pair-keep', 'pair-kin', 0, 3, 0.7],
  ['threat', 'pair-bury', 'pair-you', 7, 2, 0.7],
  ['threat', 'pair-track', 'pair-punish', 3, 8, 0.75],
  ['illegal', 'pair-drug', 'pair-drug', 5, 5, 0.75],
  ['illegal', 'pair-drug', 'pair-trade', 4, 4, 0.75],
  ['illegal', 'pair-anon', 'pair-stash', 5, 5, 0.7],
  ['illegal', 'pair-pass', 'ill-money', 5, 5, 0.75],
  ['illegal', 'pair-reg', 'pair-others', 0, 3, 0.75],
  ['illegal', 'pair-fresh', 'pdata', 2, 2, 0.7],
  ['illegal', 'pair-seek', 'pair-anyone', 0, 2, 0.75, 'pair-whom'],
  ['illegal', 'pair-death', 'ill-eth', 0, 1, 0.8],
  ['illegal', 'pair-pogrom', 'pair-call', 2, 0, 0.8],
  ['illegal', 'pair-win', 'casino', 4, 4, 0.75],
  ['illegal', 'pair-dodge', 'vote-pay', 5, 5, 0.75],
  ['insult', 'pair-sex', 'pair-her', 5, 5, 0.7],
  ['insult', 'pair-date', 'pair-her', 6, 6, 0.7, 'pair-lets'],
];
