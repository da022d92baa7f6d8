/**
 * A chosen file's bytes as text. Russian Excel saves «CSV (разделители — точки с запятой)» in
 * Windows-1251, not UTF-8; read as UTF-8 its Cyrillic headers turn into replacement characters and
 * no column is recognised. A BOM says what the file is; without one, bytes that are valid UTF-8 are
 * UTF-8 (Windows-1251 Cyrillic almost never is), and anything else is Windows-1251.
 */
import { SEPARATOR_NAMES, type Separator } from './csv';

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1251';

export interface DecodedText {
  /** Without the BOM. */
  text: string;
  encoding: TextEncodingName;
}

const LABELS: Record<TextEncodingName, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'Windows-1251': 'windows-1251',
};

function decode(bytes: Uint8Array, encoding: TextEncodingName, bomLength: number): DecodedText {
  // ignoreBOM keeps the decoder from treating the bytes after our own cut as one.
  return { text: new TextDecoder(LABELS[encoding], { ignoreBOM: true }).decode(bytes.subarray(bomLength)), encoding };
}

export function decodeTextFile(input: Uint8Array | ArrayBuffer): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes, 'UTF-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes, 'UTF-16LE', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes, 'UTF-16BE', 2);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return decode(bytes, 'Windows-1251', 0);
  }
}

/**
 * «Кодировка: Windows-1251, разделитель: точка с запятой» — what the import took the file for, so a
 * user who sees odd column names knows why. JSON has no separator. `sentence: false` starts in lower
 * case, for use inside another sentence.
 */
export function describeReading(
  encoding: TextEncodingName | null | undefined,
  separator: Separator | null | undefined,
  options: { sentence?: boolean } = {},
): string {
  const parts: string[] = [];
  if (encoding) parts.push(`кодировка: ${encoding}`);
  if (separator) parts.push(`разделитель: ${SEPARATOR_NAMES[separator]}`);
  const s = parts.join(', ');
  return s && (options.sentence ?? true) ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/**
 * A reason when the "text" is not text: NUL characters do not occur in CSV, but do in an Excel
 * workbook (.xlsx, .xls) renamed or chosen by mistake, and in UTF-16 saved without its BOM.
 */
export function binaryProblem(text: string): string | null {
  return text.includes('\u0000')
    ? 'файл не похож на текстовый CSV: возможно, это книга Excel (.xlsx или .xls) — сохраните её в Excel как «CSV (разделители — точки с запятой)»'
    : null;
}
