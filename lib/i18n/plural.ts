/**
 * Russian plural forms: [one, few, many] as in «1 публикация», «2 публикации», «5 публикаций».
 * 11–14 take the "many" form although they end in 1–4.
 */
export type PluralForms = readonly [one: string, few: string, many: string];

export function pluralForm(n: number, forms: PluralForms): string {
  const abs = Math.abs(Math.trunc(n));
  const lastTwo = abs % 100;
  const last = abs % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** The number with its word: plural(5, PUBLICATIONS) → «5 публикаций». */
export function plural(n: number, forms: PluralForms): string {
  return `${n} ${pluralForm(n, forms)}`;
}

export const PUBLICATIONS: PluralForms = ['публикация', 'публикации', 'публикаций'];
export const DAYS: PluralForms = ['день', 'дня', 'дней'];
export const WEEKS: PluralForms = ['неделя', 'недели', 'недель'];
export const PAGES: PluralForms = ['страница', 'страницы', 'страниц'];
export const ITEMS: PluralForms = ['пункт', 'пункта', 'пунктов'];
