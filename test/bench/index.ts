/** `npm run bench`: every benchmark of the extension, printed as a table and one JSON line. */
import { benchDeadlines } from './deadlines.bench';
import { benchPage } from './page.bench';

const page = await benchPage();
console.log(`Страница ВКонтакте, ${page.comments} комментариев, ${page.violations} нарушений (медиана ${page.runs} прогонов, Chromium):`);
console.log(`  все отмечены через          ${page.afterLoadMs} мс после DOMContentLoaded (${page.allMarkedMs} мс от начала навигации)`);
console.log(`  все нарушения с плашками    ${page.badgedAfterLoadMs} мс после DOMContentLoaded`);
console.log(`  работа расширения           ${page.markingMs} мс (от первой отметки до последней)`);
console.log(`  самая длинная задача        ${page.longestTaskMs} мс (long tasks после DOMContentLoaded: ${page.longTasks})`);
console.log(`  контент-скрипт              ${(page.contentScriptBytes / 1024).toFixed(1)} КБ, gzip ${(page.contentScriptGzip / 1024).toFixed(1)} КБ`);

const deadlines = await benchDeadlines();
console.log(`Сроки: ${deadlines.messages.toLocaleString('ru-RU')} сообщений (2020–2027) за ${deadlines.ms.toFixed(0)} мс`);

console.log(JSON.stringify({ page, deadlines }));
