/**
 * Debian's Firefox ESR with the Firefox build, driven over WebDriver BiDi (puppeteer-core), and the
 * fixture pages served at their real addresses by request interception (nothing reaches a network:
 * every other request is refused, and the profile's proxy points at a closed port on 127.0.0.1, so
 * even the browser's own requests go nowhere else).
 *
 * Two things of Firefox's automation shape the set-up:
 * - BiDi refuses to navigate a tab to moz-extension:// and does not report tabs the extension opens
 *   itself. The test copy of the build makes its pages web-accessible to the fixture origin, so a tab
 *   on a fixture page can be sent there (test-only; the build itself is untouched).
 * - The extension's internal address is random per profile; `extensions.webextensions.uuids` fixes it.
 * Host permissions: Firefox (127+) grants an MV3 extension's host_permissions when it is installed,
 * and the tests check that it did (browser.permissions.contains), rather than granting them by hand.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { FIXTURE_PAGES, FIXTURES_DIR, ROOT } from '../browser';

export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3');
export const GECKO_ID = 'otklik@omsk.example';
/** The extension's address in the test profile (moz-extension://<uuid>/…). */
export const UUID = '6f1f4f0e-0b1d-4d7e-9a51-0c7e2d0d1a28';
const FIXTURE_HOSTS = /^https?:\/\/([a-z0-9-]+\.)*(vk\.com|vk\.ru|ok\.ru)\//;

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) throw new Error(`Firefox не найден (${path}). Установите его: sudo apt-get install -y firefox-esr (или укажите путь в FIREFOX_PATH).`);
  return path;
}

export interface FirefoxSession {
  browser: Browser;
  /** Every URL a page asked for, in order. */
  requests: string[];
  /** Extra pages served at an address. */
  pages: Map<string, string>;
  /** A new tab on a fixture address, with the content script's panel mounted. */
  openPage(url: string): Promise<Page>;
  /** A new tab on one of the extension's pages ('/sidepanel.html', '/options.html?…'). */
  openExtensionPage(path: string): Promise<Page>;
  /** Requests that were neither fixtures nor the extension's own files. */
  foreignRequests(): string[];
  close(): Promise<void>;
}

/**
 * Waits for an extension page to show: puppeteer gets no navigation events for moz-extension:// (its
 * page.url() stays the previous address), so the page is asked until it answers.
 */
export async function extensionPageReady(page: Page): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ready = await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete' && Boolean(document.querySelector('#app > *'))).catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error('страница расширения не открылась');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reloads an extension page (BiDi's own reload is refused there, as its navigation is). */
export async function reloadExtensionPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.getElementById('app') as HTMLElement).replaceChildren();
    location.reload();
  });
  await extensionPageReady(page);
}

/** A blank page at a fixture origin, from which a tab is sent to the extension's pages. */
const LAUNCHPAD = 'https://vk.com/otklik-test-launchpad';

/**
 * A Firefox that reads `policies` as its policies.json, seen by this browser only: it starts in a
 * mount namespace of its own (`unshare -m`, root) where the application's distribution folder is a
 * temporary copy holding the file (test/policy.ts does the same for Chromium).
 */
function firefoxWithPolicies(policies: object, dir: string): string {
  // Debian links the application's distribution folder to /usr/share: the real folder is replaced.
  const app = realpathSync('/usr/lib/firefox-esr/distribution');
  const copy = join(dir, 'distribution');
  mkdirSync(copy, { recursive: true });
  if (existsSync(app)) cpSync(app, copy, { recursive: true });
  writeFileSync(join(copy, 'policies.json'), JSON.stringify(policies));
  const executable = join(dir, 'firefox');
  writeFileSync(executable, `#!/bin/sh\nexec unshare -m sh -c 'mount --bind "$0" ${app} && exec "${firefoxPath()}" "$@"' '${copy}' "$@"\n`);
  chmodSync(executable, 0o755);
  return executable;
}

export async function launchFirefox(options: { policies?: object } = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`Расширение для Firefox не собрано (${FIREFOX_BUILD}): выполните npm run build:firefox`);
  const extension = mkdtempSync(join(tmpdir(), 'otklik-ff-ext-'));
  cpSync(FIREFOX_BUILD, extension, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
  manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), { resources: ['sidepanel.html', 'options.html'], matches: ['https://vk.com/*'] }];
  writeFileSync(join(extension, 'manifest.json'), JSON.stringify(manifest));
  const profile = mkdtempSync(join(tmpdir(), 'otklik-firefox-'));
  const policyDir = options.policies ? mkdtempSync(join(tmpdir(), 'otklik-ff-policy-')) : null;
  const cleanUp = () => [profile, extension, policyDir].forEach((d) => d && rmSync(d, { recursive: true, force: true }));
  let executablePath: string;
  try {
    executablePath = policyDir ? firefoxWithPolicies(options.policies!, policyDir) : firefoxPath();
  } catch (e) {
    cleanUp();
    throw e;
  }
  const browser = await puppeteer
    .launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profile,
    env: { ...process.env, TZ: 'Asia/Omsk' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'intl.locale.requested': 'ru-RU',
      'intl.accept_languages': 'ru-RU, ru',
      // Whatever escapes interception goes to a closed port on this machine, never to a network.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  })
    .catch((e) => {
      cleanUp();
      throw e;
    });
  const requests: string[] = [];
  const pages = new Map<string, string>();
  const answer = (r: HTTPRequest) => {
    const url = r.url();
    requests.push(url);
    if (!FIXTURE_HOSTS.test(url)) return url.startsWith('moz-extension:') || url.startsWith('data:') || url.startsWith('about:') ? r.continue() : r.abort();
    const bare = url.split('#')[0]!;
    const file = FIXTURE_PAGES[bare.split('?')[0]!];
    const body = bare === LAUNCHPAD ? '<!doctype html><title>launchpad</title>' : (pages.get(bare) ?? (file ? readFileSync(join(FIXTURES_DIR, file), 'utf8') : undefined));
    if (body === undefined) return r.respond({ status: 404, contentType: 'text/plain', body: 'not a fixture' });
    return r.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
  };
  async function newTab(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.setRequestInterception(true);
    page.on('request', answer);
    return page;
  }
  const id = await browser.installExtension(extension);
  if (id !== GECKO_ID) throw new Error(`установлено не то расширение: ${id}`);
  return {
    browser,
    requests,
    pages,
    async openPage(url) {
      const page = await newTab();
      await page.goto(url);
      await page.waitForSelector('otklik-panel');
      return page;
    },
    async openExtensionPage(path) {
      const page = await newTab();
      await page.goto(LAUNCHPAD);
      const target = `moz-extension://${UUID}${path}`;
      await page.evaluate((u) => void (location.href = u), target);
      await extensionPageReady(page);
      return page;
    },
    foreignRequests() {
      return requests.filter((u) => {
        if (u.startsWith('moz-extension://') || u.startsWith('data:') || u.startsWith('about:')) return false;
        const bare = u.split('#')[0]!;
        // The tab's icon is the browser's own request, answered here like every fixture address.
        if (/^https:\/\/(vk\.com|ok\.ru)\/favicon\.ico$/.test(bare)) return false;
        return !(bare.split('?')[0]! in FIXTURE_PAGES) && !pages.has(bare) && bare !== LAUNCHPAD;
      });
    },
    async close() {
      await browser.close();
      cleanUp();
    },
  };
}
