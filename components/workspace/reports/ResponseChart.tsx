import { formatWorkingTime } from '@/lib/reports/format';
import type { ResponseRow } from '@/lib/reports/response';

const WIDTH = 300;
const LABEL = 14;
const BAR = 8;
const ROW = LABEL + 2 * BAR + 10;

export function shareText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

/**
 * Median and 90th percentile per unit as two horizontal bars on one scale (the longest p90 fills
 * the width); the share on time closes the unit's label. `workdayMinutes` is the schedule's working
 * day, so a long median reads «2 раб. дн. 3 ч».
 */
export function ResponseChart({ rows, workdayMinutes = 480 }: { rows: readonly ResponseRow[]; workdayMinutes?: number }) {
  const span = (m: number) => formatWorkingTime(m, workdayMinutes);
  const shown = rows.filter((r) => r.median !== null);
  if (!shown.length) return null;
  const max = Math.max(...shown.map((r) => r.p90 ?? 0), 1);
  const w = (v: number | null) => Math.max(1, ((v ?? 0) / max) * (WIDTH - 60));
  const height = shown.length * ROW;
  const label = shown
    .map((r) => `${r.department}: медиана ${span(r.median!)}, 90-й процентиль ${span(r.p90!)}, в срок ${shareText(r.onTimeShare)}`)
    .join('; ');
  return (
    <svg class="response-chart" width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Время ответа в рабочем времени: ${label}`}>
      {shown.map((r, i) => {
        const y = i * ROW;
        return (
          <g key={r.department} data-department={r.department}>
            <text x={0} y={y + LABEL - 3} font-size="11">
              {r.department} · в срок {shareText(r.onTimeShare)}
            </text>
            <rect class="bar median" x={0} y={y + LABEL} width={w(r.median)} height={BAR} fill="#5181b8">
              <title>медиана: {span(r.median!)}</title>
            </rect>
            <text x={w(r.median) + 4} y={y + LABEL + BAR - 1} font-size="9">
              {span(r.median!)}
            </text>
            <rect class="bar p90" x={0} y={y + LABEL + BAR + 1} width={w(r.p90)} height={BAR} fill="#a8c1df">
              <title>90-й процентиль: {span(r.p90!)}</title>
            </rect>
            <text x={w(r.p90) + 4} y={y + LABEL + 2 * BAR} font-size="9">
              {span(r.p90!)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
