import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv, toCsv } from '@/lib/csv';

describe('CSV', () => {
  it.each([
    ['a,b\n1,2', ','],
    ['a;b;c\n1;2;3', ';'],
    ['a\tb\n1\t2', '\t'],
    ['"x;y",b,c\n', ','],
    ['single', ','],
  ])('detects the separator of %j', (text, sep) => {
    expect(detectSeparator(text)).toBe(sep);
  });

  it('reads quotes, doubled quotes, line breaks in fields, CRLF and a BOM', () => {
    const text = '\ufeffid;текст\r\n1;"Он сказал ""нет""; ушёл"\r\n2;"две\nстроки"\r\n';
    expect(parseCsv(text).rows).toEqual([
      ['id', 'текст'],
      ['1', 'Он сказал "нет"; ушёл'],
      ['2', 'две\nстроки'],
    ]);
  });

  it('refuses an unclosed quote with the line where it opened', () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3')).toThrow('Незакрытая кавычка в строке 2');
  });

  it('writes what it reads back', () => {
    const rows = [
      ['1', 'Текст; с разделителем', 'с "кавычками"'],
      ['2', 'две\r\nстроки', ''],
    ];
    const csv = toCsv(['id', 'a', 'b'], rows);
    expect(csv.startsWith('\ufeffid;a;b\r\n')).toBe(true);
    expect(parseCsv(csv).rows).toEqual([['id', 'a', 'b'], ...rows]);
    expect(toCsv(['x'], [[null], [5]], { excel: false })).toBe('x\r\n\r\n5\r\n');
  });
});
