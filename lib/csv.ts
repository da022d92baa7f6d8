/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields, doubled quotes, line breaks inside quotes,
 * CRLF or LF, a UTF-8 BOM from Excel, and `;` as the separator in Russian Excel.
 */

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

/** Parses CSV text. Throws an Error with a Russian message on an unclosed quote. */
export function parseCsv(input: string, separator?: Separator): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += ch;
  }
  if (quoted) throw new Error(`Незакрытая кавычка в строке ${quoteLine}`);
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return { rows, separator: sep };
}

function quote(value: unknown, sep: Separator): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes CSV. With `excel: true` (the default) it starts with a BOM and uses `;`, which is what
 * Russian Excel opens correctly.
 */
export function toCsv(header: string[], rows: unknown[][], options: { excel?: boolean; separator?: Separator } = {}): string {
  const excel = options.excel ?? true;
  const sep = options.separator ?? (excel ? ';' : ',');
  const lines = [header, ...rows].map((r) => r.map((v) => quote(v, sep)).join(sep));
  return (excel ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}
