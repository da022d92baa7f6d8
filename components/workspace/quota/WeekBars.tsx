import { weekStatus, type WeekResult } from '@/lib/quota/summary';
import { weekLabel, weekResultText, weekShortLabel } from '@/lib/quota/text';

/** The drawing's own units; the SVG scales to the panel's width (quota.css), the text with it. */
export const CHART = { width: 300, height: 100, left: 24, right: 6, top: 8, bottom: 18 } as const;

/** The scale's top: room above the target, and above the best week. */
export function chartTop(target: number, counts: readonly number[]): number {
  return Math.max(Math.ceil(target * 1.25), ...counts, 1);
}

/**
 * A page's weeks as bars over a y axis (0, the target, the top of the scale), the target as a red
 * dashed line, each week's Monday under its bar. A week nobody saw gets a pale empty column, not a
 * zero bar.
 */
export function WeekBars({ weeks, target, zone }: { weeks: readonly WeekResult[]; target: number; zone?: string }) {
  const { width, height, left, right, top, bottom } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const base = top + plotH;
  const max = chartTop(target, weeks.map((w) => w.count));
  const y = (v: number) => base - (v / max) * plotH;
  // Labels closer than a line of text would overlap: the top one gives way to the target.
  const ticks = [0, target, ...(y(target) - y(max) >= 11 ? [max] : [])];
  const slot = plotW / Math.max(weeks.length, 1);
  const barW = Math.min(slot * 0.6, 24);
  const labelEvery = slot < 28 ? 2 : 1;
  const label = weeks.map((w) => `${weekLabel(w.weekStart, zone)}: ${weekResultText(w, weekStatus(w))}`).join('; ');
  return (
    <svg class="week-bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Публикации по неделям, цель ${target} в неделю: ${label}`}>
      {weeks.map((w, i) => {
        const status = weekStatus(w);
        const x = left + i * slot + (slot - barW) / 2;
        const title = (
          <title>
            {weekLabel(w.weekStart, zone)}: {weekResultText(w, status)}
          </title>
        );
        return status === 'nodata' ? (
          <rect class="nodata-slot" x={x} y={top} width={barW} height={plotH} key={w.weekStart}>
            {title}
          </rect>
        ) : (
          <rect class={`bar ${status}${w.current ? ' current' : ''}`} x={x} y={y(w.count)} width={barW} height={base - y(w.count)} key={w.weekStart}>
            {title}
          </rect>
        );
      })}
      <line class="axis" x1={left} x2={left} y1={top} y2={base} />
      <line class="axis" x1={left} x2={width - right} y1={base} y2={base} />
      {ticks.map((v) => (
        <text class={`tick${v === target ? ' tick-target' : ''}`} x={left - 4} y={y(v)} dy="0.35em" text-anchor="end" key={v}>
          {v}
        </text>
      ))}
      <line class="target" x1={left} x2={width - right} y1={y(target)} y2={y(target)} stroke-dasharray="4 3" />
      {weeks.map((w, i) =>
        i % labelEvery === (weeks.length - 1) % labelEvery ? (
          <text class={`x-label${w.current ? ' current' : ''}`} x={left + (i + 0.5) * slot} y={height - 5} text-anchor="middle" key={w.weekStart}>
            {weekShortLabel(w.weekStart, zone)}
          </text>
        ) : null,
      )}
    </svg>
  );
}
