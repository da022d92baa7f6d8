import { describe, expect, it } from 'vitest';
import { buildImport, buildImportInSlices } from '@/lib/messages/import';

const options = { now: Date.UTC(2025, 8, 16, 8, 0), actor: { role: 'curator' as const, name: 'Анна' }, zone: 'Asia/Omsk' };
const mapping = { text: 'Текст', url: 'Ссылка', receivedAt: 'Получено' };
const rows = (n: number, bad = -1) =>
  'Текст;Ссылка;Получено\n' +
  Array.from({ length: n }, (_, i) => `Вопрос ${i};https://vk.com/wall-123456_1001?reply=${5000 + i};${i === bad ? 'вчера' : '2025-09-16 11:00'}`).join('\n');

describe('checking an import in slices', () => {
  it('gives what buildImport gives, for a good file and a refused one, and counts the rows checked', async () => {
    const seen: number[] = [];
    for (const text of [rows(300), rows(300, 120)]) {
      const sliced = await buildImportInSlices(text, 'csv', mapping, options, { sliceMs: 0, onProgress: (checked, total) => seen.push(checked / total) });
      expect(sliced).toEqual(buildImport(text, 'csv', mapping, options));
    }
    expect(seen.length).toBeGreaterThan(50);
    expect(Math.max(...seen)).toBeLessThan(1);
  });
});
