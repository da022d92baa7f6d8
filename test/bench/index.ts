/** `npm run bench`: every benchmark of the extension, printed as a table and one JSON line. */
import { benchBackup } from './backup.bench';
import { benchDeadlines } from './deadlines.bench';
import { benchOkPage, benchPage } from './page.bench';
import { benchQueue } from './queue.bench';
import { benchThread, printThread } from './thread.bench';
import { benchWorkspace, printWorkspace } from './workspace.bench';

const page = await benchPage();
const kb = (n: number) => `${(n / 1024).toFixed(1)} КБ`;
const slower = page.cpuSlowdown > 1 ? `, процессор замедлен в ${page.cpuSlowdown} раза` : '';
console.log(`Страница ВКонтакте: ${page.comments} комментариев, ${page.violations} нарушений (медиана ${page.runs} прогонов, Debian Chromium${slower}):`);
const afterDcl = (ms: number) => (ms <= 0 ? `до DOMContentLoaded (за ${-ms} мс)` : `через ${ms} мс после DOMContentLoaded`);
console.log(`  все комментарии отмечены       ${page.markedFromStartMs} мс от начала загрузки, ${afterDcl(page.markedAfterLoadMs)}`);
console.log(`  все нарушения с плашками       ${afterDcl(page.badgedAfterLoadMs)}`);
console.log(`  DOMContentLoaded               ${page.dclMs} мс (без расширения: ${page.dclWithoutExtensionMs} мс)`);
console.log(`  работа от первой отметки       ${page.markingMs} мс`);
console.log(`  самая длинная задача скрипта   ${page.longestScriptTaskMs} мс (задач дольше 50 мс: ${page.longScriptTasks})`);
console.log(`  самая длинная отрисовка        ${page.longestRenderTaskMs} мс (без расширения: ${page.longestRenderTaskWithoutExtensionMs} мс)`);
console.log(`  контент-скрипт                 ${kb(page.contentScriptBytes)}, gzip ${kb(page.contentScriptGzip)}`);

// An old office computer: the processor four times slower (`BENCH_CPU4_RUNS`, 3 by default).
const cpu4 = await benchPage({ cpu: 4, runs: Number(process.env.BENCH_CPU4_RUNS) || 3 });
const pageCpu4 = {
  badgedAfterLoadMs: cpu4.badgedAfterLoadMs,
  longestScriptTaskMs: cpu4.longestScriptTaskMs,
  longScriptTasks: cpu4.longScriptTasks,
  markedAfterLoadMs: cpu4.markedAfterLoadMs,
  dclMs: cpu4.dclMs,
  dclWithoutExtensionMs: cpu4.dclWithoutExtensionMs,
  longestRenderTaskMs: cpu4.longestRenderTaskMs,
  longestRenderTaskWithoutExtensionMs: cpu4.longestRenderTaskWithoutExtensionMs,
  runs: cpu4.runs,
};
console.log(`То же на процессоре вчетверо медленнее (медиана ${cpu4.runs} прогонов):`);
console.log(`  все нарушения с плашками       ${afterDcl(cpu4.badgedAfterLoadMs)}`);
console.log(`  DOMContentLoaded               ${cpu4.dclMs} мс (без расширения: ${cpu4.dclWithoutExtensionMs} мс)`);
console.log(`  самая длинная задача скрипта   ${cpu4.longestScriptTaskMs} мс (задач дольше 50 мс: ${cpu4.longScriptTasks})`);
console.log(`  самая длинная отрисовка        ${cpu4.longestRenderTaskMs} мс (без расширения: ${cpu4.longestRenderTaskWithoutExtensionMs} мс)`);

const thread = await benchThread();
printThread(thread);
const longThread = {
  comments: thread.comments,
  firstBatchMs: thread.firstBatchMs,
  lastBatchMs: thread.lastBatchMs,
  heapAfterNavigationsMb: thread.heapAfterNavigationsMb,
  heapBeforeMb: thread.heapBeforeMb,
  batch: thread.batch,
  batchMs: thread.batchMs,
  withoutExtension: thread.withoutExtension,
};

const ok = await benchOkPage();
console.log(`Обсуждение в Одноклассниках: ${ok.comments} комментариев, ${ok.violations} нарушений (медиана ${ok.runs} прогонов):`);
console.log(`  все комментарии отмечены       ${afterDcl(ok.markedAfterLoadMs)}`);
console.log(`  все нарушения с плашками       ${afterDcl(ok.badgedAfterLoadMs)}`);

const deadlines = await benchDeadlines();
console.log(`Сроки: ${deadlines.messages.toLocaleString('ru-RU')} сообщений (2020–2027) за ${deadlines.ms.toFixed(0)} мс`);

const queue = benchQueue();
console.log(
  `Очередь: ${queue.messages.toLocaleString('ru-RU')} сообщений — в работе по сроку ${queue.openSortedMs} мс, поиск ${queue.searchMs} мс, подразделение и важность ${queue.departmentMs} мс (медиана 5)`,
);

const backup = await benchBackup();
console.log(
  `Резервная копия: ${backup.messages.toLocaleString('ru-RU')} сообщений, ${backup.events.toLocaleString('ru-RU')} событий, ${(backup.bytes / 1048576).toFixed(1)} МБ — ` +
    `выгрузка ${backup.exportMs} мс, чтение и проверка ${backup.parseMs} мс, восстановление ${backup.restoreMs} мс, объединение ${backup.mergeMs} мс (Node, fake-indexeddb)`,
);

const workspace = await benchWorkspace();
printWorkspace(workspace);

console.log(JSON.stringify({ page, pageCpu4, longThread, ok, deadlines, queue, backup, workspace }));
