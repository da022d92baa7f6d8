/** Publishing the registry (App. 2 §7): CSV for a spreadsheet, and a standalone HTML table for the website. */
import { toCsv } from '../csv';
import { COLUMNS } from './columns';
import { KIND_LABELS, SITE_LABELS, urlProblem, type RegistryEntry } from './entry';
import { escapeHtml } from '../html';

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

/** Every column, for the team's own records and for import back. */
export function registryToCsv(entries: readonly RegistryEntry[]): string {
  return toCsv(
    COLUMNS.map((c) => c.header),
    sortRegistry(entries).map((e) => COLUMNS.map((c) => c.write(e))),
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
}

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
      return `<tr><td class="num">${i + 1}</td><td>${escapeHtml(e.name)}</td><td>${escapeHtml(SITE_LABELS[e.site] ?? e.site)}</td><td>${address}</td><td>${escapeHtml(KIND_LABELS[e.kind] ?? e.kind)}</td><td>${escapeHtml(e.department)}</td></tr>`;
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
<thead><tr><th>№</th><th>Название</th><th>Социальная сеть</th><th>Адрес</th><th>Тип</th><th>Подразделение</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
