/**
 * `npm run demo`: builds the extension and opens Chromium with it on the bundled pages.
 * `npm run demo -- --screenshot out.png`: the same headless, writing a picture of the VK post page.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { FIXTURE_PAGES, launch, openPage, ROOT } from './browser';

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? (args[shotIndex + 1] ?? 'otklik-demo.png') : null;
const page = args.find((a, i) => a.startsWith('https://') && i !== shotIndex + 1) ?? 'https://vk.com/wall-123456_1001';

if (!args.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (!screenshot && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'Нет графического экрана (DISPLAY). Запустите с экраном, через xvfb-run (xvfb-run npm run demo), ' +
      'или без окна: npm run demo -- --screenshot out.png',
  );
  process.exit(2);
}

const session = await launch({ headless: Boolean(screenshot) });
if (screenshot) {
  const tab = await openPage(session, page);
  await tab.waitForFunction(() => document.querySelectorAll('[data-otklik-comment]').length > 0);
  await tab.waitForTimeout(300);
  await tab.screenshot({ path: resolve(process.cwd(), screenshot), fullPage: true });
  console.log(`Снимок: ${resolve(process.cwd(), screenshot)}`);
  await session.close();
} else {
  for (const url of Object.keys(FIXTURE_PAGES)) await openPage(session, url);
  const panel = await session.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  console.log('Chromium открыт с расширением на демонстрационных страницах:');
  for (const url of Object.keys(FIXTURE_PAGES)) console.log(`  ${url}`);
  console.log('Закройте окно браузера, чтобы завершить.');
  await new Promise<void>((done) => session.context.on('close', () => done()));
}
