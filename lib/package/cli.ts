/**
 * `npm run package`: after the store zips (wxt zip), what self-hosting needs — the Chrome/Yandex
 * Browser build (.output/chrome-mv3, with update_url) as a CRX3 signed with the organisation's key and its update manifest (updates.xml),
 * and the Firefox zip ready for signing at addons.mozilla.org (unlisted). The key stays with the
 * organisation: its path comes from OTKLIK_CRX_KEY or --key, and it is never written anywhere.
 *
 *   OTKLIK_CRX_KEY=/secure/otklik.pem OTKLIK_UPDATE_BASE=https://ext.admomsk.ru/otklik npm run package
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPrivateKey } from 'node:crypto';
import { selfHosted } from './self-hosted';

const { values } = parseArgs({
  options: {
    key: { type: 'string', default: process.env.OTKLIK_CRX_KEY },
    'base-url': { type: 'string', default: process.env.OTKLIK_UPDATE_BASE },
    out: { type: 'string', default: '.output' },
  },
});

const out = values.out!;
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const chromeZip = join(out, `otklik-${version}-chrome.zip`);
const firefoxZip = join(out, `otklik-${version}-firefox.zip`);
for (const zip of [chromeZip, firefoxZip]) if (!existsSync(zip)) fail(`Нет архива ${zip}: сначала npm run zip`);

function fail(message: string): never {
  console.error(`Отклик: ${message}`);
  process.exit(1);
}

const made: Record<string, string> = { chrome: chromeZip, firefox: firefoxZip };
if (!values.key) {
  console.log(
    'Отклик: CRX не подписан — не указан ключ организации (OTKLIK_CRX_KEY=путь или --key путь). ' +
      'Создать ключ один раз и хранить вне репозитория: openssl genrsa -out otklik.pem 2048',
  );
} else {
  if (!values['base-url']) fail('укажите адрес, где будет лежать CRX (OTKLIK_UPDATE_BASE или --base-url), например https://ext.admomsk.ru/otklik');
  let key;
  try {
    key = createPrivateKey(readFileSync(values.key));
  } catch {
    fail(`не удалось прочитать закрытый ключ ${values.key} (нужен PEM, например из openssl genrsa)`);
  }
  const built = selfHosted('.output/chrome-mv3', key, values['base-url']);
  writeFileSync(join(out, built.crxName), built.crx);
  writeFileSync(join(out, 'updates.xml'), built.updatesXml);
  Object.assign(made, { crx: join(out, built.crxName), updates: join(out, 'updates.xml'), id: built.id, updateUrl: built.updateUrl });
}
console.log(JSON.stringify(made, null, 2));
