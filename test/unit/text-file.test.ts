import { describe, expect, it } from 'vitest';
import { binaryProblem, decodeTextFile, describeReading } from '@/lib/text-file';
import { cp1251, utf16 } from './cp1251';

const HEADER = 'Сайт;Адрес;Название;Тип;Ответственный;Подразделение';
const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

describe('decodeTextFile', () => {
  it('builds real Windows-1251 bytes (the table agrees with the code page)', () => {
    expect([...cp1251('Сайт;ё№')]).toEqual([0xd1, 0xe0, 0xe9, 0xf2, 0x3b, 0xb8, 0xb9]);
  });

  it.each<[string, Uint8Array, string, string]>([
    ['UTF-8 with the BOM Excel writes for «CSV UTF-8»', withBom(utf8(HEADER)), 'UTF-8', HEADER],
    ['UTF-8 without a BOM', utf8(HEADER), 'UTF-8', HEADER],
    ['plain ASCII', utf8('site,url,name'), 'UTF-8', 'site,url,name'],
    ['Windows-1251, as Russian Excel saves «CSV (разделители — точки с запятой)»', cp1251(HEADER), 'Windows-1251', HEADER],
    ['UTF-16LE with its BOM («Текст Юникод»)', utf16(HEADER, 'le'), 'UTF-16LE', HEADER],
    ['UTF-16BE with its BOM', utf16(HEADER, 'be'), 'UTF-16BE', HEADER],
  ])('%s', (_, bytes, encoding, text) => {
    // The BOM is gone too: the first column is «Сайт», not «\ufeffСайт».
    expect(decodeTextFile(bytes)).toEqual({ text, encoding });
  });

  it('takes an ArrayBuffer as File.arrayBuffer() gives it', () => {
    const bytes = cp1251('Ёлки «Омск»');
    expect(decodeTextFile(bytes.buffer as ArrayBuffer)).toEqual({ text: 'Ёлки «Омск»', encoding: 'Windows-1251' });
  });

  it('an empty file is empty UTF-8', () => {
    expect(decodeTextFile(new Uint8Array())).toEqual({ text: '', encoding: 'UTF-8' });
  });
});

describe('describeReading', () => {
  it.each([
    ['Windows-1251', ';', 'Кодировка: Windows-1251, разделитель: точка с запятой'],
    ['UTF-8', ',', 'Кодировка: UTF-8, разделитель: запятая'],
    ['UTF-16LE', '\t', 'Кодировка: UTF-16LE, разделитель: табуляция'],
    ['UTF-8', null, 'Кодировка: UTF-8'],
  ] as const)('%s %j', (encoding, separator, text) => {
    expect(describeReading(encoding, separator)).toBe(text);
  });

  it('inside a sentence it starts in lower case', () => {
    expect(describeReading('Windows-1251', null, { sentence: false })).toBe('кодировка: Windows-1251');
  });
});

describe('binaryProblem', () => {
  it('recognises a workbook chosen instead of a CSV', () => {
    const xlsx = decodeTextFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff])).text;
    expect(binaryProblem(xlsx)).toMatch(/^файл не похож на текстовый CSV: возможно, это книга Excel/);
    expect(binaryProblem(HEADER)).toBeNull();
  });
});
