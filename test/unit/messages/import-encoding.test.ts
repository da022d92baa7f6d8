import { describe, expect, it } from 'vitest';
import { buildImport, inspectImport } from '@/lib/messages/import';
import { decodeTextFile } from '@/lib/text-file';
import { cp1251 } from '../cp1251';

const ZONE = 'Asia/Omsk';
const NOW = Date.parse('2025-09-16T12:00:00+06:00');

/** What Russian Excel writes for «CSV (разделители — точки с запятой)»: Windows-1251, `;`, CRLF. */
const excelFile = cp1251(
  [
    'Ссылка;Автор;Текст;Получено;Важность;Тема',
    'https://vk.com/wall-123456_1001?reply=1002;Пётр Сидоров;Яма во дворе, когда заделают?;16.09.2025 10:00;высокая;Дороги',
  ].join('\r\n') + '\r\n',
);

describe('messages import of a Windows-1251 CSV', () => {
  it('finds the Russian column names, the separator and the mapping', () => {
    const { text, encoding } = decodeTextFile(excelFile);
    expect(encoding).toBe('Windows-1251');
    const r = inspectImport(text, 'csv');
    expect(r).toMatchObject({
      ok: true,
      columns: ['Ссылка', 'Автор', 'Текст', 'Получено', 'Важность', 'Тема'],
      separator: ';',
      suggested: { url: 'Ссылка', author: 'Автор', text: 'Текст', receivedAt: 'Получено', importance: 'Важность', topic: 'Тема' },
      rowCount: 1,
    });
  });

  it('imports the row with its Cyrillic text intact', () => {
    const { text } = decodeTextFile(excelFile);
    const inspected = inspectImport(text, 'csv');
    if (!inspected.ok) throw new Error(inspected.errors.join('\n'));
    const r = buildImport(text, 'csv', inspected.suggested, { now: NOW, actor: { role: 'curator', name: 'Иванова А. С.' }, zone: ZONE });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.separator).toBe(';');
    expect(r.records[0]).toMatchObject({ author: 'Пётр Сидоров', text: 'Яма во дворе, когда заделают?' });
    expect(r.records[0]!.events[0]).toMatchObject({ payload: { importance: 'high', topic: 'Дороги' } });
  });

  it('read as UTF-8 the same bytes name no column — what the decoder is for', () => {
    const wrong = new TextDecoder('utf-8').decode(excelFile);
    const r = inspectImport(wrong, 'csv');
    expect(r.ok && r.suggested.text).toBeFalsy();
  });

  it('a workbook chosen by mistake is refused in words', () => {
    const { text } = decodeTextFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    const r = inspectImport(text, 'csv');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/книга Excel/);
  });

  it('JSON has no separator', () => {
    expect(inspectImport(JSON.stringify([{ text: 'a', url: 'https://vk.com/wall1_2' }]), 'json')).toMatchObject({ ok: true, separator: null });
  });
});
