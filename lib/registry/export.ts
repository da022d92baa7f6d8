/** Publishing the registry (App. 2 §7): CSV for a spreadsheet, and a standalone HTML table for the website. */
import { toCsv } from '../csv';
import { formatDate } from '../reports/format';
import { pageChecks, looksFor, type PageCheckState, type PageChecks } from '../publications/page-checks';
import type { DocumentRef, PageFounding, PageLooks } from '../publications/store-types';
import { CHECK_HEADERS, COLUMNS } from './columns';
import { KIND_LABELS, SITE_LABELS, urlProblem, type RegistryEntry } from './entry';
import { escapeHtml } from '../html';
import { entryPageKeys } from './match';

/** The page checks an export adds (App. 2 §4, §12): the decisions as recorded, the looks as last seen. */
export interface RegistryChecks {
  founding: readonly PageFounding[];
  looks: readonly PageLooks[];
  /** Zone of the «checked» date; Omsk when none is given. */
  zone?: string;
}

interface EntryChecks {
  founding: PageFounding | undefined;
  checks: PageChecks;
}

function checksOf(e: RegistryEntry, data: RegistryChecks): EntryChecks {
  const founding = data.founding.find((f) => f.entryId === e.id);
  return { founding, checks: pageChecks(e.kind, founding, looksFor(entryPageKeys(e), data.looks)) };
}

/** yyyy-mm-dd as the reader writes it: dd.mm.yyyy. */
const ruDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('.') : iso);

const STATE_WORDS: Record<PageCheckState, string> = { ok: 'есть', missing: 'нет', unknown: 'не проверено', na: 'не требуется' };

/** A document's cells: its date and number, «не требуется» for the administration's own pages, empty when not recorded. */
function documentCells(doc: DocumentRef | null | undefined, state: PageCheckState): [string, string] {
  if (state === 'na') return [STATE_WORDS.na, ''];
  return doc ? [ruDate(doc.date), doc.number] : ['', ''];
}

function checkCells({ founding, checks }: EntryChecks, zone: string): string[] {
  return [
    ...documentCells(founding?.decision, checks.decision),
    ...documentCells(founding?.approval, checks.approval),
    STATE_WORDS[checks.description],
    STATE_WORDS[checks.design],
    checks.seenAt === null ? '' : formatDate(checks.seenAt, zone),
  ];
}

/** «№ 15-р от 01.04.2025», for the HTML table. */
function documentText(doc: DocumentRef | null | undefined, state: PageCheckState): string {
  if (state === 'na') return STATE_WORDS.na;
  return doc && doc.number.trim() ? `№ ${doc.number} от ${ruDate(doc.date)}` : 'не указано';
}

/** Administration pages first, then by department, then by name — the order of the published table. */
export function sortRegistry<E extends Pick<RegistryEntry, 'kind' | 'department' | 'name'>>(entries: readonly E[]): E[] {
  const kindOrder = { administration: 0, department: 1 } as const;
  return [...entries].sort(
    (a, b) =>
      kindOrder[a.kind] - kindOrder[b.kind] ||
      a.department.localeCompare(b.department, 'ru') ||
      a.name.localeCompare(b.name, 'ru'),
  );
}

/**
 * Every column, for the team's own records and for import back; with `checks`, the page checks after
 * them (an import passes over those). Every cell goes through csvCell (toCsv).
 */
export function registryToCsv(entries: readonly RegistryEntry[], checks?: RegistryChecks): string {
  const zone = checks?.zone ?? 'Asia/Omsk';
  return toCsv(
    [...COLUMNS.map((c) => c.header), ...(checks ? CHECK_HEADERS : [])],
    sortRegistry(entries).map((e) => [...COLUMNS.map((c) => c.write(e)), ...(checks ? checkCells(checksOf(e, checks), zone) : [])]),
  );
}

/** JSON backup of the registry, importable with parseRegistryImport(text, 'json'). */
export function registryToJson(entries: readonly RegistryEntry[]): string {
  return JSON.stringify({ format: 'otklik-registry', version: 1, entries: sortRegistry(entries) }, null, 2);
}


const STYLE = `body{font-family:Arial,Helvetica,sans-serif;margin:2rem;color:#1a1a1a}
h1{font-size:1.4rem;margin:0 0 .25rem}
p.made{color:#555;margin:0 0 1rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #c8c8c8;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.num{text-align:right;width:2.5rem}
a{color:#0b57d0;word-break:break-all}`;

/**
 * A standalone HTML5 document for the administration's website. It lists what the public needs —
 * which pages are official — and leaves out the protection dates, the responsible people and the
 * notes: those are internal, and the dates of security checks are of use to an attacker.
 */
export interface HtmlOptions {
  /** Zone of the «Дата формирования» date. */
  zone?: string;
  title?: string;
  /**
   * The page checks, as columns: the head's decision and the department of information policy's
   * approval (§4), the description and the design (§12). Absent: the table as before.
   */
  checks?: Omit<RegistryChecks, 'zone'>;
}

const HTML_CHECK_HEADERS = ['Решение руководителя', 'Согласование ДИП', 'Текстовое описание', 'Оформление'].map((h) => `<th>${h}</th>`).join('');

export const DEFAULT_HTML_TITLE =
  'Реестр официальных страниц Администрации города Омска и её структурных подразделений в социальных сетях';

export function registryToHtml(entries: readonly RegistryEntry[], generatedAt: number | Date, options: HtmlOptions = {}): string {
  const zone = options.zone ?? 'Asia/Omsk';
  const title = options.title ?? DEFAULT_HTML_TITLE;
  const at = new Date(generatedAt);
  const made = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: zone }).format(at);
  const [d, m, y] = made.split('.');
  const rows = sortRegistry(entries)
    .map((e, i) => {
      // Only a checked https address on the sites becomes a link: a javascript: address stays text.
      const address = urlProblem(e.url, e.site) === null ? `<a href="${escapeHtml(e.url)}" rel="noopener">${escapeHtml(e.url)}</a>` : escapeHtml(e.url);
      const cells = [escapeHtml(e.name), escapeHtml(SITE_LABELS[e.site] ?? e.site), address, escapeHtml(KIND_LABELS[e.kind] ?? e.kind), escapeHtml(e.department)];
      if (options.checks) {
        const { founding, checks } = checksOf(e, { ...options.checks, zone });
        cells.push(
          escapeHtml(documentText(founding?.decision, checks.decision)),
          escapeHtml(documentText(founding?.approval, checks.approval)),
          escapeHtml(STATE_WORDS[checks.description]),
          escapeHtml(STATE_WORDS[checks.design]),
        );
      }
      return `<tr><td class="num">${i + 1}</td>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="made">Дата формирования: <time datetime="${y}-${m}-${d}">${escapeHtml(made)}</time></p>
<table>
<thead><tr><th>№</th><th>Название</th><th>Социальная сеть</th><th>Адрес</th><th>Тип</th><th>Подразделение</th>${options.checks ? HTML_CHECK_HEADERS : ''}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
