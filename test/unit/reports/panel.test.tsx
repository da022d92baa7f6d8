import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ReportsPanel } from '@/components/reports/ReportsPanel';
import { createWorkClock } from '@/lib/worktime/clock';
import { CITY, NOW, TRANSPORT, curator, dataset, record } from './dataset';

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
