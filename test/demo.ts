/**
 * `npm run demo`: builds the extension and opens Chromium with it on the bundled pages.
 * `npm run demo -- --screenshot out.png`: the same headless, writing a picture of the VK post page.
 * `npm run demo -- --team`: two people at once — a curator's and an executor's Chromium against one
 * local team server (nats-server on 127.0.0.1); with `--screenshot out.png`, a picture of each
 * person's panel, connected.
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

if (args.includes('--team')) {
  await teamDemo();
  process.exit(0);
}

async function teamDemo() {
  const { startNats, DEPT_A, DEPT_CURATOR } = await import('./nats');
  const { teamExtension, teamMember } = await import('./team');
  const nats = await startNats();
  const extension = teamExtension();
  const headless = Boolean(screenshot);
  const [curator, executor] = await Promise.all([
    teamMember(extension, { role: 'curator', userName: 'Анна Куратор', department: DEPT_CURATOR }, { wsUrl: nats.wsUrl, login: 'cur', password: nats.password('cur') }, { headless }),
    teamMember(extension, { role: 'executor', userName: 'Пётр Исполнитель', department: DEPT_A }, { wsUrl: nats.wsUrl, login: 'exa', password: nats.password('exa') }, { headless }),
  ]);
  console.log(`Сервер команды: ${nats.wsUrl}. Куратор — окно 1 (cur), исполнитель (${DEPT_A}) — окно 2 (exa).`);
  if (screenshot) {
    for (const [who, s] of [['curator', curator], ['executor', executor]] as const) {
      await s.side.waitForTimeout(1500);
      const file = resolve(process.cwd(), screenshot.replace(/(\.png)?$/, `-${who}.png`));
      await s.side.screenshot({ path: file });
      console.log(`Снимок: ${file}`);
    }
    await Promise.all([curator.close(), executor.close()]);
    await nats.stop();
    return;
  }
  console.log('Закройте оба окна, чтобы завершить.');
  await Promise.all([curator, executor].map((s) => new Promise<void>((done) => s.context.on('close', () => done()))));
  await nats.stop();
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
