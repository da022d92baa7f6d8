/**
 * Verb prefixes that derive new obscene words from a root (въебать, распиздяй, похуизм, нахуй).
 * Up to two may stack (недовъебанный), the second at least two letters long: «с-у-хую» is not a word.
 */
export const VERB_PREFIXES: readonly string[] = [
  'в', 'вь', 'во', 'вы', 'до', 'за', 'из', 'изь', 'ис', 'на', 'над', 'надь', 'недо', 'не', 'ни', 'о', 'об',
  'обь', 'от', 'оть', 'пере', 'по', 'под', 'подь', 'при', 'про', 'раз', 'разь', 'рас', 'с', 'сь', 'у', 'а',
  'пиздо', 'долбо', 'мудо',
];
