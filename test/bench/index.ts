/** `npm run bench`: every benchmark of the extension, printed as a table and one JSON line. */
import { benchPage } from './page.bench';

const page = await benchPage();
console.log(`Страница ВКонтакте, ${page.comments} комментариев (медиана ${page.runs} прогонов, Chromium):`);
console.log(`  все отмечены через        ${page.allMarkedMs} мс от начала навигации`);
console.log(`  из них работа расширения  ${page.markingMs} мс (от первой отметки до последней)`);
console.log(`  самая длинная задача      ${page.longestTaskMs} мс (long tasks после DOMContentLoaded: ${page.longTasks})`);
console.log(`  контент-скрипт            ${(page.contentScriptBytes / 1024).toFixed(1)} КБ, gzip ${(page.contentScriptGzip / 1024).toFixed(1)} КБ`);
console.log(JSON.stringify({ page }));
