/**
 * Forced install from the organisation's own server, as IT does it: `npm run package`'s CRX and
 * updates.xml (signed here with a throwaway key) served on 127.0.0.1, and Chromium given the
 * ExtensionInstallForcelist policy naming them (seen by this Chromium only, test/policy.ts). Chromium
 * fetches the update manifest, downloads the CRX, checks its signature against the id and installs
 * it: enabled, its worker running, with the server as its update address.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfHosted } from '@/lib/package/self-hosted';
import { EXTENSION_DIR } from '../browser';
import { canIsolatePolicy, chromiumWithPolicy } from '../policy';

describe.skipIf(!canIsolatePolicy())('forced install of the signed CRX from the organisation\'s server', () => {
  let server: Server;
  let context: BrowserContext;
  let removePolicy = () => {};
  const asked: string[] = [];
  const profile = mkdtempSync(join(tmpdir(), 'otklik-forced-'));
  let built: ReturnType<typeof selfHosted>;
  let id: string;
  let updateUrl: string;

  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/otklik`;
    built = selfHosted(EXTENSION_DIR, privateKey, base);
    ({ id, updateUrl } = built);
    server.on('request', (req, res) => {
      // Only this test's browser asks here: the server listens on 127.0.0.1 and a random port.
      asked.push(req.url!.split('?')[0]!);
      if (req.url!.startsWith('/otklik/updates.xml')) return res.writeHead(200, { 'content-type': 'application/xml' }).end(built.updatesXml);
      if (req.url === `/otklik/${built.crxName}`) return res.writeHead(200, { 'content-type': 'application/x-chrome-extension' }).end(built.crx);
      res.writeHead(404).end();
    });
    const browser = chromiumWithPolicy({ ExtensionInstallForcelist: [`${id};${updateUrl}`] });
    removePolicy = browser.remove;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.executable,
      headless: true,
      // Playwright's defaults switch off extensions and the background downloads a forced install is made of.
      ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-extensions-with-background-pages'],
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
    removePolicy();
    rmSync(profile, { recursive: true, force: true });
  });

  it('is fetched, checked and installed by Chromium by policy, and updates from that server', async () => {
    // Chromium's own account of its extensions (chrome://extensions-internals), asked until ours is
    // there. Opening the extension's pages from automation is not used: Chromium closes tabs on
    // an extension's address when it installs it, and the worker may start and go idle unseen.
    const internals = await context.newPage();
    type Entry = { id: string; location: string; disable_reasons: unknown[]; version: string; event_listeners: { listeners: { event_name: string }[] } };
    const ours = async (): Promise<Entry | null> => {
      await internals.goto('chrome://extensions-internals');
      const text = await internals.locator('body').innerText();
      return (JSON.parse(text.trim() || '[]') as Entry[]).find((e) => e.id === id) ?? null;
    };
    await expect.poll(async () => (await ours())?.event_listeners.listeners.length ?? 0, { timeout: 50_000, interval: 500 }).toBeGreaterThan(0);
    const entry = (await ours())!;
    expect(asked).toEqual(expect.arrayContaining(['/otklik/updates.xml', `/otklik/${built.crxName}`]));
    // Installed by policy from the server, enabled, and its worker ran (it registered its listeners).
    expect(entry).toMatchObject({ location: 'EXTERNAL_POLICY_DOWNLOAD', disable_reasons: [], version: built.version });
    expect(entry.event_listeners.listeners.map((l) => l.event_name)).toEqual(expect.arrayContaining(['runtime.onInstalled', 'alarms.onAlarm']));
    const manifest = JSON.parse(readFileSync(join(profile, 'Default/Extensions', id, `${built.version}_0`, 'manifest.json'), 'utf8'));
    expect(manifest.update_url).toBe(updateUrl);
  });
});
