/**
 * The Chrome/Yandex Browser build packaged for the organisation's own server: the built folder
 * zipped with `update_url` in its manifest (so the browser keeps asking that server for updates),
 * signed as a CRX3 with the organisation's key, and the update manifest that points at it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { buildCrx3, updateManifest } from './crx3';
import { extensionId } from './extension-id';
import { zipFolder } from './zip';

export interface SelfHosted {
  id: string;
  version: string;
  crx: Buffer;
  crxName: string;
  updatesXml: string;
  updateUrl: string;
}

/** `baseUrl`: where the CRX and updates.xml will be served from (https://… of the city's server). */
export function selfHosted(buildDir: string, key: KeyObject, baseUrl: string): SelfHosted {
  const base = baseUrl.replace(/\/+$/, '');
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8'));
  const version = String(manifest.version);
  const updateUrl = `${base}/updates.xml`;
  const zip = zipFolder(buildDir, { 'manifest.json': Buffer.from(JSON.stringify({ ...manifest, update_url: updateUrl })) });
  const id = extensionId(key);
  const crxName = `otklik-${version}.crx`;
  return { id, version, crx: buildCrx3(zip, key), crxName, updatesXml: updateManifest({ id, version, crxUrl: `${base}/${crxName}` }), updateUrl };
}
