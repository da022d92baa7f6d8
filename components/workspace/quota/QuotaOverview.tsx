import { useLayoutEffect, useRef } from 'preact/hooks';
import { plural, WEEKS } from '@/lib/i18n/plural';
import { departmentSummary, weekStatus, type WeekResult } from '@/lib/quota/summary';
import { departmentSummaryText, weekCountText, weekLabel, weekResultText, weekShortLabel } from '@/lib/quota/text';
import { WeekBars } from './WeekBars';
// The side panel's publications tab only: the in-page panel (WeeklyQuotaPanel) is styled by panel.css.
import './quota.css';
import { SiteLink } from '../SiteLink';

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

/**
 * Every registered page × the last weeks, grouped by department with a summary for each. A page is a
 * card, not a table row: its weeks are a strip and a chart that fit a side panel 360 px wide.
 */
export function QuotaOverview({ rows, zone, onExportCsv }: { rows: readonly QuotaOverviewRow[]; zone?: string; onExportCsv?: () => void }) {
  if (rows.length === 0) return <p class="muted">В реестре пока нет страниц — публикации считаются только для страниц из реестра.</p>;
  const groups = new Map<string, QuotaOverviewRow[]>();
  const kindOrder = { administration: 0, department: 1 } as const;
  const sorted = [...rows].sort(
    (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || groupName(a).localeCompare(groupName(b), 'ru') || a.name.localeCompare(b.name, 'ru'),
  );
  for (const r of sorted) groups.set(groupName(r), [...(groups.get(groupName(r)) ?? []), r]);
  return (
    <section class="quota-overview" aria-label="Публикации по неделям" data-testid="quota-overview">
      {onExportCsv && (
        <button type="button" class="export" onClick={onExportCsv}>
          Скачать CSV
        </button>
      )}
      {[...groups.entries()].map(([name, list]) => {
        const [summary] = departmentSummary(list.map((r) => ({ department: name, weeks: r.weeks })));
        return (
          <section key={name} class="quota-group" data-department={name} aria-label={name}>
            <h3 class="quota-group-name">{name}</h3>
            <p class="department-summary">{departmentSummaryText(summary)}</p>
            <ul class="quota-pages">
              {list.map((r) => (
                <QuotaPage key={r.id} row={r} zone={zone} />
              ))}
            </ul>
          </section>
        );
      })}
      <p class="muted legend">
        «≥» — стену просмотрели не за всю неделю, публикаций может быть больше; «—» — нет данных: за эту неделю стену не
        открывали. Считаются записи страницы и её репосты; реклама и чужие записи не считаются, закреплённая запись — только в
        своей неделе.
      </p>
    </section>
  );
}

function QuotaPage({ row, zone }: { row: QuotaOverviewRow; zone?: string }) {
  const current = row.weeks.find((w) => w.current);
  const noData = row.weeks.filter((w) => weekStatus(w) === 'nodata').length;
  return (
    <li class="quota-page" data-entry-id={row.id}>
      <div class="quota-page-head">
        <SiteLink class="quota-page-name" href={row.url}>
          {row.name}
        </SiteLink>
        <span class="muted">цель: {row.target} в неделю</span>
      </div>
      {current && (
        <p class={`quota-current ${weekStatus(current)}`}>
          Эта неделя, {weekLabel(current.weekStart, zone)}: <strong>{weekResultText(current, weekStatus(current))}</strong>
        </p>
      )}
      <WeekStrip weeks={row.weeks} zone={zone} />
      {/* A chart of nothing but empty weeks says less than the line below it. */}
      {noData < row.weeks.length && <WeekBars weeks={row.weeks} target={row.target} zone={zone} />}
      {noData > 0 && (
        <p class="quota-nodata">
          {noData === row.weeks.length ? 'Нет данных ни за одну неделю' : `Нет данных: ${plural(noData, WEEKS)}`} —{' '}
          <SiteLink href={row.url}>откройте стену</SiteLink>{' '}
          и прокрутите её до этих недель.
        </p>
      )}
    </li>
  );
}

/**
 * The weeks side by side, oldest first, the running one last and outlined. They share the card's width;
 * should a narrow panel squeeze them past their minimum, the strip scrolls within the card, and starts
 * scrolled to the current week.
 */
function WeekStrip({ weeks, zone }: { weeks: readonly WeekResult[]; zone?: string }) {
  const strip = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    const el = strip.current;
    if (el && el.scrollWidth > el.clientWidth) el.scrollLeft = el.scrollWidth;
  }, [weeks]);
  return (
    <ol class="week-strip" ref={strip} aria-label="Недели">
      {weeks.map((w) => {
        const status = weekStatus(w);
        const text = `${weekLabel(w.weekStart, zone)}: ${weekResultText(w, status)}`;
        return (
          <li key={w.weekStart} class={`week ${status}${w.current ? ' current' : ''}`} aria-current={w.current ? 'date' : undefined} title={text}>
            <span class="week-date" aria-hidden="true">
              {weekShortLabel(w.weekStart, zone)}
            </span>
            <span class="week-count" aria-hidden="true">
              {weekCountText(w)}
            </span>
            <span class="quota-sr">{text}</span>
          </li>
        );
      })}
    </ol>
  );
}
