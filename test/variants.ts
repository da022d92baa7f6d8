/**
 * Test-only copies of the Chromium build, changed the way another browser or an IT department
 * would see it: without the side panel API (Yandex Browser, other forks), with a fixed key (so the
 * extension id is known in advance, as for a policy). The build itself is never touched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './browser';

export interface ExtensionCopy {
  dir: string;
  remove(): void;
}

/** The built extension copied to a temporary folder, its manifest edited by `edit`. */
export function extensionCopy(edit: (manifest: Record<string, any>) => void): ExtensionCopy {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-ext-copy-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * As in a Chromium fork without chrome.sidePanel: the permission and the panel's page are gone
 * from the manifest, so the browser itself leaves the API undefined (nothing is faked in the code).
 */
export function withoutSidePanel(): ExtensionCopy {
  return extensionCopy((m) => {
    m.permissions = (m.permissions as string[]).filter((p) => p !== 'sidePanel');
    delete m.side_panel;
  });
}
