/** Deleted comments for a period (App. 2 §14–15), from the moderation log: by page, category and clause. */
import { toCsv } from '../csv';
import { CATEGORY_NAMES, shortClause } from '../moderation/labels';
import type { ModerationEntry } from '../moderation/log';
import { inPeriod, type Period } from './format';

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface ModerationReport {
  period: Period;
  /** Deleted comments in the period (a comment is logged as deleted once). */
  total: number;
  byPage: (CountRow & { url: string })[];
  /** A comment may fall under several categories: each counts it once. */
  byCategory: CountRow[];
  byClause: CountRow[];
}

const NO_CATEGORY = 'без категории';
const NO_CLAUSE = 'пункт не указан';

function sorted<T extends CountRow>(rows: Iterable<T>): T[] {
  return [...rows].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ru'));
}

export function moderationReport(entries: readonly ModerationEntry[], period: Period): ModerationReport {
  const pages = new Map<string, CountRow & { url: string }>();
  const categories = new Map<string, CountRow>();
  const clauses = new Map<string, CountRow>();
  const bump = (map: Map<string, CountRow>, key: string, label: string) => {
    const row = map.get(key) ?? { key, label, count: 0 };
    row.count++;
    map.set(key, row);
  };
  let total = 0;
  for (const e of entries) {
    if (e.action !== 'deleted' || !inPeriod(e.at, period)) continue;
    total++;
    const page = pages.get(e.pageKey) ?? { key: e.pageKey, label: e.pageName ?? e.pageUrl, url: e.pageUrl, count: 0 };
    page.count++;
    pages.set(e.pageKey, page);
    if (e.categories.length) for (const c of new Set(e.categories)) bump(categories, c, CATEGORY_NAMES[c]);
    else bump(categories, '', NO_CATEGORY);
    // Several detectors may cite the same clause in different words: count the comment once per clause.
    const refs = new Set(e.clauses.map(shortClause));
    if (refs.size) for (const c of refs) bump(clauses, c, c);
    else bump(clauses, '', NO_CLAUSE);
  }
  return { period, total, byPage: sorted(pages.values()), byCategory: sorted(categories.values()), byClause: sorted(clauses.values()) };
}

export function moderationToCsv(report: ModerationReport): string {
  return toCsv(
    ['Разрез', 'Значение', 'Адрес', 'Удалено комментариев'],
    [
      ...report.byPage.map((r) => ['Страница', r.label, r.url, r.count]),
      ...report.byCategory.map((r) => ['Категория', r.label, '', r.count]),
      ...report.byClause.map((r) => ['Пункт', r.label, '', r.count]),
      ['Всего', '', '', report.total],
    ],
  );
}
