/**
 * Text as Otklik compares it: lower case, «ё» as «е» (people and sites write either). The one
 * folding every comparison uses — search, headers, names, allow-list words, dates, subjects.
 */
export function fold(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}
