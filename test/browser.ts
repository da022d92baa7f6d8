/**
 * Debian Chromium with the built extension, and the bundled fixture pages served at their real
 * addresses (no network: every request to vk.com / ok.ru is answered from test/fixtures).
 * Shared by the real-browser tests, the demo and the benchmark.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'test/fixtures');

/** Fixture pages at the addresses they reproduce (test/fixtures/README.md). */
export const FIXTURE_PAGES: Record<string, string> = {
  'https://vk.com/wall-123456_1001': 'vk/new-ui-post.html',
  'https://vk.com/club123456': 'vk/new-ui-wall.html',
  'https://vk.com/public123456': 'vk/classic-wall.html',
  'https://ok.ru/group/70000001234567/topic/155000000001': 'ok/topic.html',
  'https://ok.ru/group/70000001234567': 'ok/group-feed.html',
};

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium не найден (${path}). Установите его: sudo apt-get install -y chromium ` +
        '(или укажите путь в переменной CHROMIUM_PATH).',
    );
  }
  return path;
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  /** Every URL the browser requested, in order. */
  requests: string[];
  /** What the options page that opened by itself on install said (null if none opened). */
  firstRunText: string | null;
  /** Extra pages served at an address: tests add generated pages here. */
  pages: Map<string, string>;
  close(): Promise<void>;
}

/** `userDir`: a profile kept between runs (a benchmark's generated data); a fresh one by default, removed on close. */
export async function launch(options: { headless?: boolean; extension?: string; args?: string[]; executable?: string; userDir?: string } = {}): Promise<Session> {
  const extension = options.extension ?? EXTENSION_DIR;
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`Расширение не собрано (${extension}): выполните npm run build`);
  }
  const userDir = options.userDir ?? mkdtempSync(join(tmpdir(), 'otklik-chromium-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: options.executable ?? chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 900 },
    locale: 'ru-RU',
    timezoneId: 'Asia/Omsk',
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  // Without a test runner's own limit, a missing element would wait forever.
  context.setDefaultTimeout(10_000);
  const requests: string[] = [];
  const pages = new Map<string, string>();
  context.on('request', (r) => requests.push(r.url()));
  await context.route(/^https?:\/\/([a-z0-9-]+\.)*(vk\.com|vk\.ru|ok\.ru)\//, (route) => {
    const url = route.request().url().split('#')[0]!;
    const file = FIXTURE_PAGES[url.split('?')[0]!];
    const body = pages.get(url) ?? (file ? readFileSync(join(FIXTURES_DIR, file), 'utf8') : undefined);
    if (body === undefined) return route.fulfill({ status: 404, body: 'not a fixture', contentType: 'text/plain' });
    return route.fulfill({ body, contentType: 'text/html; charset=utf-8' });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // On install the extension opens its options page on the «Кто вы?» step. It is noted and closed
  // here: left open, it is the tab the browser reuses when a test opens the options page itself.
  const firstRunText = options.userDir ? null : await closeFirstRun(context, extensionId);
  return {
    context,
    extensionId,
    firstRunText,
    requests,
    pages,
    async close() {
      await context.close();
      if (!options.userDir) rmSync(userDir, { recursive: true, force: true });
    },
  };
}

async function closeFirstRun(context: BrowserContext, extensionId: string): Promise<string | null> {
  const isOptions = (p: Page) => p.url().startsWith(`chrome-extension://${extensionId}/options.html`);
  const deadline = Date.now() + 10_000;
  let page = context.pages().find(isOptions);
  while (!page && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    page = context.pages().find(isOptions);
  }
  if (!page) return null;
  const text = await page
    .locator('h1, h2')
    .first()
    .textContent({ timeout: 10_000 })
    .catch(() => null);
  await page.close();
  return text;
}

/** Opens an address and waits until the content script has mounted its panel. */
export async function openPage(session: Session, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.locator('otklik-panel').waitFor({ state: 'attached' });
  return page;
}

/** Requests that are neither fixture pages nor the extension's own files. */
export function foreignRequests(session: Session): string[] {
  return session.requests.filter((u) => {
    if (u.startsWith('chrome-extension://') || u.startsWith('data:')) return false;
    const bare = u.split('#')[0]!;
    return !(bare.split('?')[0]! in FIXTURE_PAGES) && !session.pages.has(bare);
  });
}
