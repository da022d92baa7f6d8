/**
 * Team work in real browsers: a copy of the build that may reach the local team server (as if the
 * user had allowed it in the browser's dialog, which automation cannot click), and a person's
 * Chromium connected to it. Shared by the two-browser test and `npm run demo -- --team`.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings/defaults';
import { EXTENSION_DIR, launch, type Session } from './browser';

/** The built extension copied, with http://127.0.0.1/* among its host permissions. */
export function teamExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-team-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions.push('http://127.0.0.1/*');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

type Chrome = { chrome: { storage: { local: { set(o: object): Promise<void> } } } };

/** A person's browser: their settings, and (given a server) connected to it as `login`. */
export async function teamMember(
  extension: string,
  settings: Partial<Settings>,
  server?: { wsUrl: string; login: string; password: string },
  options: { headless?: boolean } = {},
): Promise<Session & { side: import('playwright-core').Page }> {
  const session = await launch({ extension, headless: options.headless });
  const side = await session.context.newPage();
  await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  await side.evaluate(
    ([s, t]) => (globalThis as unknown as Chrome).chrome.storage.local.set({ settings: s, ...(t ? { teamServer: { url: t.wsUrl, login: t.login }, teamSecret: t.password } : {}) }),
    [{ ...DEFAULT_SETTINGS, onboarded: true, ...settings }, server ?? null] as const,
  );
  await side.reload();
  return Object.assign(session, { side });
}
