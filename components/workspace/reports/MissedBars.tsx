/**
 * §18 at a glance: a horizontal bar per unit answering for missed deadlines (the curator
 * included), as long as its number of violations, the number at the bar's end. The name sits on
 * its own line above the bar, so a long one wraps instead of squeezing the bar out of a 360 px
 * panel. The same markup goes into the A4 print page.
 */
import { render } from 'preact';
import type { DepartmentGroup } from '@/lib/reports/missed';

export interface MissedBar {
  department: string;
  count: number;
}

/** The longest bar's share of the row, in %: the rest keeps room for its number. */
const LONGEST = 85;
const RED = '#b00020';

/** Most violations first; a tie keeps the report's order (the curator, then units alphabetically). */
export function missedBars(groups: readonly Pick<DepartmentGroup, 'department' | 'total'>[]): MissedBar[] {
  return groups
    .filter((g) => g.total > 0)
    .map((g) => ({ department: g.department, count: g.total }))
    .sort((a, b) => b.count - a.count);
}

export function MissedBars({ groups }: { groups: readonly Pick<DepartmentGroup, 'department' | 'total'>[] }) {
  const bars = missedBars(groups);
  if (!bars.length) return null;
  const max = Math.max(...bars.map((b) => b.count));
  return (
    <figure class="missed-bars" data-testid="missed-bars">
      <figcaption>Нарушений сроков по ответственным</figcaption>
      <ol class="missed-bars-list">
        {bars.map((b) => {
          // A bar never shrinks to nothing: one violation among hundreds still shows.
          const share = Math.max(1, Math.round((b.count / max) * LONGEST * 10) / 10);
          return (
            <li key={b.department} class="missed-bar" data-department={b.department} data-count={b.count}>
              <span class="missed-bar-name">{b.department}</span>
              <span class="missed-bar-line">
                {/* An SVG rectangle, not a background: it prints even with «background graphics» off. */}
                <svg
                  class="missed-bar-rect"
                  width={`${share}%`}
                  height="12"
                  viewBox="0 0 100 12"
                  preserveAspectRatio="none"
                  aria-hidden="true"
                  focusable="false"
                >
                  <rect width="100" height="12" fill={RED} />
                </svg>
                <span class="missed-bar-count">{b.count}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

/** The print page has none of the panel's stylesheets: the bars bring their own rules. */
const PRINT_CSS = `.missed-bars { margin: 0 0 8pt; }
.missed-bars figcaption { display: none; }
.missed-bars-list { list-style: none; margin: 0; padding: 0; }
.missed-bar { margin: 0 0 4pt; break-inside: avoid; }
.missed-bar-name { display: block; }
.missed-bar-line { display: flex; align-items: center; gap: 4pt; }
.missed-bar-rect { flex: none; display: block; height: 9pt; }
.missed-bar-count { font-weight: bold; }`;

/** Where the print page lists totals by who answers for them: the bars go right under that heading. */
const PRINT_ANCHOR = '<h2>Итого по ответственным</h2>';

/**
 * The A4 page (missedToHtml) with the bars above its table of totals by unit. Text is escaped by
 * rendering, as everywhere in the panel; a page without that heading (no violations) is left as is.
 */
export function withMissedBars(html: string, groups: readonly Pick<DepartmentGroup, 'department' | 'total'>[]): string {
  if (!html.includes(PRINT_ANCHOR) || !missedBars(groups).length) return html;
  const host = document.createElement('div');
  render(<MissedBars groups={groups} />, host);
  const figure = host.innerHTML;
  render(null, host);
  // Replacer functions: a `$&` in a unit's name must stay text, not become a replacement pattern.
  return html.replace('</style>', () => `\n${PRINT_CSS}</style>`).replace(PRINT_ANCHOR, () => `${PRINT_ANCHOR}${figure}`);
}
