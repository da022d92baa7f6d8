/** The overview as CSV for a spreadsheet: one row a page, one column a week. */
import { toCsv } from '../csv';
import { weekStatus, type WeekResult } from './summary';
import { weekCountText, weekLabel, weekStatusText } from './text';
import { DEFAULT_ZONE } from './week';

export interface QuotaRow {
  name: string;
  url: string;
  department: string;
  target: number;
  weeks: readonly WeekResult[];
}

export function quotaToCsv(rows: readonly QuotaRow[], zone: string = DEFAULT_ZONE): string {
  const weekStarts = rows[0]?.weeks.map((w) => w.weekStart) ?? [];
  const header = ['Страница', 'Адрес', 'Подразделение', 'Цель в неделю', ...weekStarts.map((w) => weekLabel(w, zone))];
  const body = rows.map((r) => [
    r.name,
    r.url,
    r.department,
    r.target,
    ...r.weeks.map(weekCell),
  ]);
  return toCsv(header, body);
}

/** «6 (выполнено)», «≥2 (счёт неполный)»; a week nobody saw has no number to give. */
function weekCell(week: WeekResult): string {
  const status = weekStatus(week);
  return status === 'nodata' ? 'нет данных' : `${weekCountText(week)} (${weekStatusText(status)})`;
}
