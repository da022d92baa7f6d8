/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields, doubled quotes, line breaks inside quotes,
 * CRLF or LF, a UTF-8 BOM from Excel, and `;` as the separator in Russian Excel. Every CSV Otklik
 * writes goes through `toCsv`, and every cell through `csvCell`: a comment's `=HYPERLINK(…)` leaves
 * as text, never as a formula (OWASP «CSV injection»).
 */

import { runSteps } from './steps';

export type Separator = ',' | ';' | '\t';

/** How the import reports the separator it used. */
export const SEPARATOR_NAMES: Record<Separator, string> = { ',': 'запятая', ';': 'точка с запятой', '\t': 'табуляция' };

export interface CsvParseResult {
  rows: string[][];
  separator: Separator;
}

/** Guesses the separator from the first line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectSeparator(text: string): Separator {
  const counts = { ',': 0, ';': 0, '\t': 0 } as Record<Separator, number>;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Separator]++;
  }
  const [best, count] = (Object.entries(counts) as [Separator, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}

/** What starts a formula in Excel, LibreOffice and Google Sheets; apostrophes before it are ours. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A number as written («-1», «+7», «2,5») is a value in every spreadsheet, never a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * One cell's text as every CSV export writes it. Text starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading apostrophe, so a spreadsheet shows it instead of running it; a
 * plain number stays as it is. Text already starting with apostrophes and one of these gets one
 * more, so `parseCsv`, which takes one off, always reads back what was written.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  if (typeof value === 'number' || typeof value === 'bigint') return s;
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** The inverse of csvCell: the apostrophe it added before a formula character comes off. */
function readCell(field: string): string {
  return field.charCodeAt(0) === 0x27 && FORMULA_START.test(field) ? field.slice(1) : field;
}

/**
 * Parses CSV text. Throws an Error with a Russian message on an unclosed quote. A cell `'=…` (as
 * csvCell writes it, or as a spreadsheet saves a cell typed so) reads as `=…`.
 */
export function parseCsv(input: string, separator?: Separator): CsvParseResult {
  return runSteps(parseCsvSteps(input, separator));
}

/** parseCsv, pausable every thousand rows (lib/steps). */
export function* parseCsvSteps(input: string, separator?: Separator): Generator<undefined, CsvParseResult> {
  const { rows, separator: sep } = yield* parseRawSteps(input, separator);
  const out: string[][] = [];
  for (let i = 0; i < rows.length; i++) {
    out.push(rows[i]!.map(readCell));
    if (i % 1000 === 999) yield undefined;
  }
  return { rows: out, separator: sep };
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * One pass over the text, taking runs of plain characters as slices: a 50,000-row export is read in
 * well under a second, where adding a character at a time took seconds.
 */
function parseRaw(input: string, separator?: Separator): CsvParseResult {
  return runSteps(parseRawSteps(input, separator));
}

function* parseRawSteps(input: string, separator?: Separator): Generator<undefined, CsvParseResult> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const sepCode = sep.charCodeAt(0);
  const n = text.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  let i = 0;
  while (i < n) {
    if (quoted) {
      const q = text.indexOf('"', i);
      const chunk = text.slice(i, q < 0 ? n : q);
      for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
      field += chunk;
      if (q < 0) break;
      if (text.charCodeAt(q + 1) === QUOTE) {
        field += '"';
        i = q + 2;
      } else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === QUOTE || c === sepCode || c === LF || c === CR) break;
      j++;
    }
    if (j > i) {
      field += text.slice(i, j);
      i = j;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // A quote opens a quoted field only at the field's start; elsewhere it is text.
      if (field === '') {
        quoted = true;
        quoteLine = line;
      } else field += '"';
      i++;
    } else if (c === sepCode) {
      row.push(field);
      field = '';
      i++;
    } else {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
      if (rows.length % 1000 === 0) yield undefined;
    }
  }
  if (quoted) throw new Error(`Незакрытая кавычка в строке ${quoteLine}`);
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return { rows, separator: sep };
}

function quote(value: unknown, sep: Separator): string {
  const s = csvCell(value);
  return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes CSV. With `excel: true` (the default) it starts with a BOM and uses `;`, which is what
 * Russian Excel opens correctly.
 */
export function toCsv(header: readonly unknown[], rows: readonly (readonly unknown[])[], options: { excel?: boolean; separator?: Separator } = {}): string {
  const excel = options.excel ?? true;
  const sep = options.separator ?? (excel ? ';' : ',');
  const lines = [header, ...rows].map((r) => r.map((v) => quote(v, sep)).join(sep));
  return (excel ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}

/**
 * CSV text made safe at the last door (the download): a cell that starts a formula, from a writer
 * that did not use toCsv, is rewritten through it. Text toCsv wrote comes back unchanged.
 */
export function neutraliseCsv(text: string): string {
  let parsed: CsvParseResult;
  try {
    parsed = parseRaw(text);
  } catch {
    return text;
  }
  const unsafe = parsed.rows.some((r) => r.some((f) => f.charCodeAt(0) !== 0x27 && csvCell(f) !== f));
  if (!unsafe) return text;
  const [header = [], ...rows] = parsed.rows.map((r) => r.map(readCell));
  return toCsv(header, rows, { excel: text.charCodeAt(0) === 0xfeff, separator: parsed.separator });
}
