/**
 * Settings set by the organisation in Firefox: the documented policies.json
 * (docs/policy/firefox-policies.json, «3rdparty» → «Extensions» → the add-on's id) read by Firefox
 * itself (seen by this test's Firefox only) and served as browser.storage.managed; the options page
 * marks and locks the values, and the page's moderation takes the official domains.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, ROOT } from '../browser';
import { canIsolatePolicy } from '../policy';
import { GECKO_ID, launchFirefox, type FirefoxSession } from './firefox';

const policies = JSON.parse(readFileSync(join(ROOT, 'docs/policy/firefox-policies.json'), 'utf8'));
const example = policies.policies['3rdparty'].Extensions[GECKO_ID];
const POST = 'https://vk.com/wall-123456_1001';

describe.skipIf(!canIsolatePolicy())('Firefox: settings set by policies.json', () => {
  let ff: FirefoxSession;
  let options: Page;

  beforeAll(async () => {
    ff = await launchFirefox({ policies });
    ff.pages.set(
      POST,
      readFileSync(join(FIXTURES_DIR, 'vk/new-ui-post.html'), 'utf8')
        .replace(/Натяжные потолки за один день![^<]*/, 'Голосуйте здесь https://omsktransport.ru/vote')
        .replace(/Оскорблять никого не хочу[^<]*/, 'Голосуйте здесь https://omsk-info.ru/vote'),
    );
    options = await ff.openExtensionPage('/options.html');
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('serves the example as managed storage', async () => {
    expect(await options.evaluate(() => (globalThis as any).browser.storage.managed.get(null))).toEqual(example);
  });

  it('shows the values as set by the organisation, not editable', async () => {
    await options.waitForSelector('[data-testid="managed-note"]');
    expect(await options.$eval('input[name="role"]:checked', (e) => (e as HTMLInputElement).value)).toBe('executor');
    expect(await options.$eval('input[name="department"]', (e) => [(e as HTMLInputElement).value, (e as HTMLInputElement).disabled])).toEqual(['Департамент транспорта', true]);
    expect(await options.$eval('input[name="timeZone"]', (e) => (e as HTMLInputElement).disabled)).toBe(true);
    expect(await options.$eval('input[name="userName"]', (e) => (e as HTMLInputElement).disabled)).toBe(false);
  });

  it('takes the official domains into moderation on the page', async () => {
    const page = await ff.openPage(POST);
    await page.waitForSelector('[data-otklik-comment="vk:-123456_1007"][data-otklik-flags="spam"]');
    expect(await page.$eval('[data-otklik-comment="vk:-123456_1005"]', (e) => e.getAttribute('data-otklik-flags'))).toBeNull();
  });
});
