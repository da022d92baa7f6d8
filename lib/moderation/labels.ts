import type { Category } from '../rules/types';

export type ModerationAction = 'deleted' | 'not-violation';

export const ACTION_LABELS: Record<ModerationAction, string> = {
  deleted: 'Удалён',
  'not-violation': 'Не нарушение',
};

export const CATEGORY_NAMES: Record<Category, string> = {
  obscenity: 'Нецензурная брань',
  insult: 'Оскорбление',
  spam: 'Спам',
  advertising: 'Реклама',
  illegal: 'Нарушение закона',
  threat: 'Угроза',
};

/** Said beside a flag whose words only the team's own lists name, so the team knows whose list to fix. */
export const TEAM_WORDS_NOTE = 'по словарю команды';

/** «п. 15 прил. 2: нецензурные выражения…; п. 16 прил. 1» → «п. 15 прил. 2; п. 16 прил. 1», for badges. */
export function shortClause(clause: string): string {
  const refs = clause.match(/п\.\s*\d+(?:\.\d+)?\s*прил\.\s*\d+/g);
  return refs ? [...new Set(refs)].join('; ') : clause;
}
