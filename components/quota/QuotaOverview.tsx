import { departmentSummary, weekStatus, type WeekResult } from '@/lib/quota/summary';
import { weekLabel, weekStatusText } from '@/lib/quota/text';
import { plural, PAGES, WEEKS } from '@/lib/i18n/plural';
import { WeekBars } from './WeekBars';

export interface QuotaOverviewRow {
  id: string;
  name: string;
  url: string;
  kind: 'administration' | 'department';
  department: string;
  target: number;
  /** Oldest first, the running week last (lastWeeks). */
  weeks: readonly WeekResult[];
}

/** Administration pages often have no department of their own: they are grouped under the administration. */
export function groupName(row: Pick<QuotaOverviewRow, 'kind' | 'department'>): string {
  return row.department.trim() || (row.kind === 'administration' ? 'Администрация' : 'Без подразделения');
}

/** Every registered page × the last weeks, grouped by department with a summary row for each. */
export function QuotaOverview({ rows, zone, onExportCsv }: { rows: readonly QuotaOverviewRow[]; zone?: string; onExportCsv?: () => void }) {
  if (rows.length === 0) return <p class="muted">В реестре пока нет страниц — публикации считаются только для страниц из реестра.</p>;
  const weekStarts = rows[0].weeks.map((w) => w.weekStart);
  const groups = new Map<string, QuotaOverviewRow[]>();
  const kindOrder = { administration: 0, department: 1 } as const;
  const sorted = [...rows].sort(
    (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || groupName(a).localeCompare(groupName(b), 'ru') || a.name.localeCompare(b.name, 'ru'),
  );
  for (const r of sorted) groups.set(groupName(r), [...(groups.get(groupName(r)) ?? []), r]);
  return (
    <section class="quota-overview" aria-label="Публикации по неделям">
      {onExportCsv && (
        <button type="button" class="export" onClick={onExportCsv}>
          Скачать CSV
        </button>
      )}
      <table class="quota-table" data-testid="quota-overview">
        <thead>
          <tr>
            <th>Страница</th>
            {weekStarts.map((w) => (
              <th key={w} class="week">
                {weekLabel(w, zone)}
              </th>
            ))}
            <th>График</th>
          </tr>
        </thead>
        {[...groups.entries()].map(([name, list]) => {
          const [summary] = departmentSummary(list.map((r) => ({ department: name, weeks: r.weeks })));
          return (
            <tbody key={name} data-department={name}>
              {list.map((r) => (
                <tr key={r.id} data-entry-id={r.id}>
                  <th scope="row" class="page">
                    <a href={r.url} target="_blank" rel="noreferrer">
                      {r.name}
                    </a>
                    <div class="muted">цель: {r.target} в неделю</div>
                  </th>
                  {r.weeks.map((w) => {
                    const status = weekStatus(w);
                    return (
                      <td key={w.weekStart} class={`week ${status}`} title={`${weekLabel(w.weekStart, zone)}: ${w.count} из ${w.target} — ${weekStatusText(status)}`}>
                        {w.known || w.met ? w.count : `≥${w.count}`}
                      </td>
                    );
                  })}
                  <td class="chart">
                    <WeekBars weeks={r.weeks} target={r.target} zone={zone} />
                  </td>
                </tr>
              ))}
              <tr class="department-summary">
                <th scope="row">{name}</th>
                <td colSpan={weekStarts.length + 1}>
                  {plural(summary.pages, PAGES)} · выполнено: {plural(summary.weeksMet, WEEKS)} · не выполнено:{' '}
                  {plural(summary.weeksMissed, WEEKS)}
                  {summary.weeksUnknown > 0 && ` · нет данных: ${plural(summary.weeksUnknown, WEEKS)}`}
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
      <p class="muted legend">
        «≥» — стену не просматривали за всю неделю, публикаций может быть больше. Считаются записи страницы и её репосты; реклама и
        чужие записи не считаются, закреплённая запись — только в своей неделе.
      </p>
    </section>
  );
}
