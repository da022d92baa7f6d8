import { weekStatus, type WeekResult } from '@/lib/quota/summary';
import { weekLabel, weekStatusText } from '@/lib/quota/text';

const BAR = 10;
const GAP = 3;
const HEIGHT = 36;

/** A page's weeks as bars, with the target as a dashed line; the scale leaves room above the target. */
export function WeekBars({ weeks, target, zone }: { weeks: readonly WeekResult[]; target: number; zone?: string }) {
  const max = Math.max(target * 1.25, ...weeks.map((w) => w.count), 1);
  const width = weeks.length * (BAR + GAP) + GAP;
  const y = (v: number) => HEIGHT - (v / max) * HEIGHT;
  const label = weeks.map((w) => `${weekLabel(w.weekStart, zone)}: ${w.count}`).join('; ');
  return (
    <svg
      class="week-bars"
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-label={`Публикации по неделям, цель ${target}: ${label}`}
    >
      {weeks.map((w, i) => {
        const status = weekStatus(w);
        return (
          <rect class={`bar ${status}`} x={GAP + i * (BAR + GAP)} y={y(w.count)} width={BAR} height={HEIGHT - y(w.count)} key={w.weekStart}>
            <title>
              {weekLabel(w.weekStart, zone)}: {w.count} из {w.target} — {weekStatusText(status)}
            </title>
          </rect>
        );
      })}
      <line class="target" x1={0} x2={width} y1={y(target)} y2={y(target)} stroke-dasharray="3 2" />
    </svg>
  );
}
