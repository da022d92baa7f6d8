import { neutraliseCsv } from './csv';

/**
 * Saves text as a file from an extension page (a blob link; no network). A CSV is checked once more
 * on its way out: no cell leaves as a spreadsheet formula, whoever wrote the text.
 */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8') {
  const body = /^text\/csv\b/i.test(type) || /\.csv$/i.test(name) ? neutraliseCsv(text) : text;
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The date in an exported file's name, 'YYYY-MM-DD', as the user's calendar reads it: in the
 * administration's zone (a backup made at 05:30 in Omsk is that day's, though it is still the day
 * before in UTC); without a zone, the browser's own.
 */
export function fileDate(now: number, zone?: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
