/** Russian labels and decree clauses per category: what the moderator sees next to a flag. */
import type { Category, Finding, Verdict } from './types';

export const CATEGORY_LABELS_RU: Readonly<Record<Category, string>> = {
  obscenity: 'нецензурная брань',
  insult: 'оскорбление',
  spam: 'спам',
  advertising: 'реклама',
  illegal: 'нарушение закона',
  threat: 'угроза',
};

/** App. 2 §15 says what a moderator deletes; App. 1 §16 what is left without processing and reply. */
export const CATEGORY_CLAUSES: Readonly<Record<Category, string>> = {
  obscenity: 'п. 15 прил. 2: нецензурные выражения, в том числе скрытые и через символы; п. 16 прил. 1',
  insult: 'п. 15 прил. 2: оскорбления; п. 16 прил. 1',
  spam: 'п. 15 прил. 2: спам-рассылки',
  advertising: 'п. 15 прил. 2: реклама товаров и услуг',
  illegal: 'п. 15 прил. 2: нарушение законодательства Российской Федерации',
  threat: 'п. 16 прил. 1: угрозы жизни, здоровью и имуществу, намерение причинить вред',
};

/** Categories App. 2 §15 orders deleted; a threat alone is App. 1 §16, left without processing. */
export const DELETION_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'obscenity',
  'insult',
  'spam',
  'advertising',
  'illegal',
]);

/** Findings below this confidence are shown as hints only. */
export const VERDICT_THRESHOLD = 0.5;

export function verdictOf(findings: readonly Finding[]): Verdict {
  let verdict: Verdict = 'ok';
  for (const f of findings) {
    if (f.confidence < VERDICT_THRESHOLD) continue;
    if (DELETION_CATEGORIES.has(f.category)) return 'delete';
    verdict = 'no-process';
  }
  return verdict;
}

/** One Russian sentence for the moderator: what was found, read as what, and which clause applies. */
export function explainFinding(f: Finding): string {
  const label = CATEGORY_LABELS_RU[f.category];
  const read = f.normalized && f.normalized !== f.match.toLowerCase() ? ` (прочитано как «${f.normalized}»)` : '';
  const team = f.team ? ' Слово из словаря команды.' : '';
  return `${label[0]?.toUpperCase()}${label.slice(1)}: «${f.match}»${read} — ${f.clause}.${team}`;
}

export function explainVerdict(verdict: Verdict): string {
  switch (verdict) {
    case 'delete':
      return 'Удалить: комментарий подпадает под п. 15 прил. 2.';
    case 'no-process':
      return 'Не обрабатывать и не отвечать: п. 16 прил. 1.';
    default:
      return 'Нарушений не найдено.';
  }
}
