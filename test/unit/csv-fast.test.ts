/** The CSV reader's one-pass scan reads every odd case as the character-by-character reader did. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv';

describe('parseCsv, quotes and line ends', () => {
  it.each([
    ['a"b;c\n', [['a"b', 'c']]],
    ['"ab"cd;e', [['abcd', 'e']]],
    ['"a""b";"x\ny"\r\nz', [['a"b', 'x\ny'], ['z']]],
    ['"";""', [['', '']]],
    ['""x"', [['x"']]],
    ['a;b\r\rc', [['a', 'b'], [''], ['c']]],
    ["'=1;'x\n", [['=1', "'x"]]],
    ['x;\n', [['x', '']]],
  ])('%j', (text, rows) => {
    expect(parseCsv(text, ';').rows).toEqual(rows);
  });

  it('names the line of a quote never closed, counting line breaks inside quotes', () => {
    expect(() => parseCsv('a\n"b\nc', ';')).toThrow('Незакрытая кавычка в строке 2');
    expect(() => parseCsv('"a\nb";c\n"d', ';')).toThrow('Незакрытая кавычка в строке 3');
  });

  it('reads 50,000 rows whole', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `${i};"Текст ${i}; «в кавычках» ""так""";x`).join('\r\n');
    const { rows } = parseCsv(text);
    expect(rows).toHaveLength(50_000);
    expect(rows[49_999]).toEqual(['49999', 'Текст 49999; «в кавычках» "так"', 'x']);
  });
});
