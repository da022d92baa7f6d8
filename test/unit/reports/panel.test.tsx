import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { MissedBars, missedBars, withMissedBars } from '@/components/workspace/reports/MissedBars';
import { ReportsPanel } from '@/components/workspace/reports/ReportsPanel';
import { createWorkClock } from '@/lib/worktime/clock';
import { CITY, DISTRICT, NOW, TRANSPORT, curator, dataset, record } from './dataset';

const clock = createWorkClock();

function setup() {
  const onCsv = vi.fn();
  const onPrint = vi.fn();
  const onCopy = vi.fn();
  render(<ReportsPanel records={dataset()} moderation={[]} clock={clock} now={NOW} onCsv={onCsv} onPrint={onPrint} onCopy={onCopy} />);
  return { onCsv, onPrint, onCopy };
}

describe('ReportsPanel', () => {
  it('opens on this week and shows the known totals by who answers for them', () => {
    setup();
    expect((screen.getByLabelText('С') as HTMLInputElement).value).toBe('2025-05-12');
    expect((screen.getByLabelText('по') as HTMLInputElement).value).toBe('2025-05-18');
    const rows = within(screen.getByTestId('missed-totals')).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual([
      'ОтветственныйПо пунктамНарушенийПросрочка',
      // 4 × 30 + 325 + 3 × 760 + 15 + 3 × 450 = 4090 working minutes: 8 working days of 8 h and 4 h 10 min.
      'Кураторп. 4.4 — 4; п. 6 — 4; п. 10 — 4128 раб. дн. 4 ч',
      'Администрация Центрального округап. 7 — 221 ч',
      `${CITY}п. 7 — 221 ч`,
      // 690 + 450 = 1140 = 2 × 480 + 180.
      `${TRANSPORT}п. 6 — 1; п. 7 — 122 раб. дн. 3 ч`,
      'Итогоп. 4.4 — 4; п. 6 — 5; п. 7 — 5; п. 10 — 418',
    ]);
  });

  it('the buttons hand over the CSV, the A4 page and the summary text', () => {
    const { onCsv, onPrint, onCopy } = setup();
    fireEvent.click(screen.getAllByRole('button', { name: 'CSV' })[0]!);
    expect(onCsv.mock.calls[0]![0]).toBe('narusheniya-srokov-2025-05-12_2025-05-18.csv');
    expect(onCsv.mock.calls[0]![1]).toContain('Просрочка, рабочих минут');
    fireEvent.click(screen.getByRole('button', { name: 'Печать (A4)' }));
    expect(onPrint.mock.calls[0]![0]).toContain('Период: 12.05.2025 — 18.05.2025');
    fireEvent.click(screen.getByRole('button', { name: 'Скопировать сводку' }));
    expect(onCopy.mock.calls[0]![0]).toContain('Социально значимые сообщения: 2');
  });

  it('violations by who answers for them as bars: most first, the curator included, the number at each bar', () => {
    setup();
    const figure = screen.getByTestId('missed-bars');
    const bars = within(figure).getAllByRole('listitem');
    // Twelve for the curator, then three units with two each, in the report's (alphabetical) order.
    expect(bars.map((li) => [li.dataset.department, li.querySelector('.missed-bar-count')!.textContent])).toEqual([
      ['Куратор', '12'],
      [DISTRICT, '2'],
      [CITY, '2'],
      [TRANSPORT, '2'],
    ]);
    const width = (li: HTMLElement) => parseFloat(li.querySelector('svg')!.getAttribute('width')!);
    expect(width(bars[0]!)).toBe(85);
    expect(width(bars[1]!)).toBeCloseTo((2 / 12) * 85, 1);
    // The name is text on its own line, above the bar: read, not only seen.
    expect(bars[1]!.querySelector('.missed-bar-name')!.textContent).toBe(DISTRICT);
    expect(bars[1]!.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    // The exact figures stay in the table below the bars.
    expect(figure.compareDocumentPosition(screen.getByTestId('missed-totals')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('the A4 page carries the bars above its totals by unit, names escaped', () => {
    const { onPrint } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Печать (A4)' }));
    const html = onPrint.mock.calls[0]![0] as string;
    const page = new DOMParser().parseFromString(html, 'text/html');
    const figure = page.querySelector('figure.missed-bars')!;
    expect(figure).toBeTruthy();
    expect([...figure.querySelectorAll('li')].map((li) => li.getAttribute('data-department'))).toEqual(['Куратор', DISTRICT, CITY, TRANSPORT]);
    expect(figure.previousElementSibling!.textContent).toBe('Итого по ответственным');
    expect(figure.nextElementSibling!.tagName).toBe('TABLE');
    expect(page.querySelector('style')!.textContent).toContain('.missed-bar-rect');
  });

  it('bars sort by count, ties keep their order, and a name is text even when it looks like markup', () => {
    const groups = [
      { department: 'Куратор', total: 1 },
      { department: 'Б $& <b>отдел</b>', total: 5 },
      { department: 'А', total: 1 },
      { department: 'В', total: 0 },
    ];
    expect(missedBars(groups)).toEqual([
      { department: 'Б $& <b>отдел</b>', count: 5 },
      { department: 'Куратор', count: 1 },
      { department: 'А', count: 1 },
    ]);
    const { container } = render(<MissedBars groups={groups} />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.missed-bar-name')!.textContent).toBe('Б $& <b>отдел</b>');
    expect(render(<MissedBars groups={[]} />).container.innerHTML).toBe('');

    const page = '<html><head><style>h1 {}</style></head><body><h2>Итого по ответственным</h2><table></table></body></html>';
    const printed = withMissedBars(page, groups);
    expect(printed).toContain('Б $&amp; &lt;b&gt;отдел&lt;/b&gt;');
    expect(new DOMParser().parseFromString(printed, 'text/html').querySelector('b')).toBeNull();
    expect(printed.indexOf('<h2>Итого по ответственным</h2><figure')).toBeGreaterThan(0);
    // No violations, no heading: the page is left as it was.
    expect(withMissedBars('<p>Нарушений сроков за период нет.</p>', groups)).toBe('<p>Нарушений сроков за период нет.</p>');
  });

  it('a preset changes the period; a wrong range is said, not computed', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'сегодня' }));
    expect((screen.getByLabelText('С') as HTMLInputElement).value).toBe('2025-05-15');
    expect(screen.getByText('Нарушений сроков за период нет.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('С'), { target: { value: '2025-05-20' } });
    expect(screen.getByRole('alert').textContent).toContain('начало не позже конца');
  });

  it('response times: a row per unit and a chart with median and p90 bars', () => {
    setup();
    const table = screen.getByTestId('response-times');
    expect(within(table).getByText(CITY).closest('tr')!.textContent).toBe(`${CITY}103 ч 40 мин5 ч 50 мин90 %3`);
    const chart = document.querySelector('svg.response-chart')!;
    expect(chart.querySelectorAll('g[data-department]')).toHaveLength(2);
    expect(chart.getAttribute('aria-label')).toContain(`${CITY}: медиана 3 ч 40 мин, 90-й процентиль 5 ч 50 мин, в срок 90 %`);
  });

  it('a long delay reads in working days; a deadline from before the decree is not counted as years late', () => {
    // Received before the decree was signed (a test record, a wrong year in an import) and never routed.
    const early = record('EARLY', [
      { type: 'received', actor: curator, at: Date.parse('2020-03-02T09:00:00+06:00'), payload: { importance: 'normal', topic: 'Дороги' } },
    ]);
    // A year the production calendar does not have: listed as left out, the report still stands.
    const ancient = record('ANCIENT', [
      { type: 'received', actor: curator, at: Date.parse('1999-03-02T09:00:00+06:00'), payload: { importance: 'normal', topic: 'Дороги' } },
    ]);
    render(<ReportsPanel records={[...dataset(), early, ancient]} moderation={[]} clock={clock} now={NOW} onCsv={vi.fn()} onPrint={vi.fn()} onCopy={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('С'), { target: { value: '2020-01-01' } });
    const text = screen.getByTestId('reports').textContent!;
    expect(text).not.toMatch(/просрочка \d{3,} ч/);
    expect(text).toContain('не посчитана: срок 02.03.2020 — раньше Порядка 280-п, проверьте дату сообщения');
    expect(text).toContain('рабочий день (раб. дн.) — 8 ч');
    const curatorRow = within(screen.getByTestId('missed-totals')).getByText('Куратор').closest('tr')!;
    // The early message adds violations but no lateness: the total is the known week's.
    expect(curatorRow.textContent).toMatch(/8 раб\. дн\. 4 ч$/);
    expect(screen.getByTestId('missed-skipped').textContent).toContain('№ ANCIENT (Житель ANCIENT): нет производственного календаря на 1999 год');
  });
});
