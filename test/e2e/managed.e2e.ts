/**
 * Settings set by the organisation, through real Chromium policy: the documented example
 * (docs/policy/chrome-otklik.json) as machine policy (seen by this test's Chromium only, test/policy.ts)
 * for a test copy of the build with a fixed key, so its id is known. Chromium itself reads the policy, checks it against the build's
 * storage.managed_schema and serves it as chrome.storage.managed; the options page, the side panel and the content script follow it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionId, publicKeyDer } from '@/lib/package/extension-id';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { FIXTURES_DIR, launch, openPage, ROOT, type Session } from '../browser';
import { canIsolatePolicy, chromiumWithPolicy } from '../policy';
import { extensionCopy, type ExtensionCopy } from '../variants';

const example = Object.values(JSON.parse(readFileSync(join(ROOT, 'docs/policy/chrome-otklik.json'), 'utf8'))['3rdparty'].extensions)[0] as Record<string, any>;
const POST = 'https://vk.com/wall-123456_1001';

/** The post's fixture with two comments inviting to vote: on the department's official site and elsewhere. */
function postWithLinks(): string {
  return readFileSync(join(FIXTURES_DIR, 'vk/new-ui-post.html'), 'utf8')
    .replace(/Натяжные потолки за один день![^<]*/, 'Голосуйте здесь https://omsktransport.ru/vote')
    .replace(/Оскорблять никого не хочу[^<]*/, 'Голосуйте здесь https://omsk-info.ru/vote');
}

describe.skipIf(!canIsolatePolicy())('settings set by policy (real Chromium policy, the documented example)', () => {
  let copy: ExtensionCopy;
  let session: Session;
  let removePolicy = () => {};
  let id: string;

  beforeAll(async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    id = extensionId(publicKey);
    copy = extensionCopy((m) => (m.key = publicKeyDer(publicKey).toString('base64')));
    const chromium = chromiumWithPolicy({ '3rdparty': { extensions: { [id]: example } } });
    removePolicy = chromium.remove;
    session = await launch({ extension: copy.dir, executable: chromium.executable });
    session.pages.set(POST, postWithLinks());
  });
  afterAll(async () => {
    await session?.close();
    removePolicy();
    copy?.remove();
  });

  it('is read by Chromium, checked against the schema, and served as managed storage', async () => {
    expect(session.extensionId).toBe(id);
    const worker = session.context.serviceWorkers()[0]!;
    const managed = await worker.evaluate(() => (globalThis as any).chrome.storage.managed.get(null));
    // Chromium serves an extension's 3rdparty policy only through a schema it loaded: the values
    // arriving whole prove both. (A wrong value inside `schedule` drops the whole schedule, with
    // the error on chrome://policy: seen with this test's policy and `shortenedByMinutes: "шестьдесят"`.)
    expect(managed).toEqual(example);
  });

  it('shows the values as set by the organisation on the options page, not editable', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    // The first run: the role is answered by the policy already, the name is the user's.
    await options.getByLabel('Имя').fill('Иванова Анна');
    expect(await options.locator('input[name="role"]:checked').getAttribute('value')).toBe('executor');
    expect(await options.locator('input[name="department"]').isDisabled()).toBe(true);
    await options.getByRole('button', { name: 'Сохранить и начать' }).click();
    await options.getByTestId('welcome-done').waitFor();

    const general = options.getByRole('form', { name: 'Общие настройки' });
    expect(await general.locator('select[name="role"]').inputValue()).toBe('executor');
    for (const field of ['role', 'department', 'timeZone']) expect(await general.locator(`[name="${field}"]`).isDisabled(), field).toBe(true);
    expect(await general.locator('input[name="department"]').inputValue()).toBe('Департамент транспорта');
    expect(await general.locator('input[name="userName"]').isDisabled()).toBe(false);
    expect(await general.getByTestId('managed-note').count()).toBe(3);

    const hours = options.getByRole('form', { name: 'Рабочее время' });
    expect(await hours.getByTestId('managed-note').textContent()).toBe('Задано организацией');
    expect(await hours.getByLabel('Пятница: конец').inputValue()).toBe('16:15');
    expect(await hours.getByLabel('Пятница: конец').isDisabled()).toBe(true);
    expect(await hours.getByLabel('Обед: начало').inputValue()).toBe('12:30');
    expect(await hours.getByRole('button', { name: 'Сохранить рабочее время' }).count()).toBe(0);

    expect(await options.getByTestId('official-domains').textContent()).toContain('admomsk.ru, omsktransport.ru');

    const team = options.getByRole('form', { name: 'Командная работа' });
    expect(await team.locator('input[name="teamUrl"]').inputValue()).toBe('wss://sync.admomsk.ru:8443');
    expect(await team.locator('input[name="teamLogin"]').inputValue()).toBe('ivanova');
    expect(await team.locator('input[name="teamUrl"]').isDisabled()).toBe(true);
    expect(await team.locator('input[name="teamPassword"]').isDisabled()).toBe(false);
    await options.close();
  });

  it('keeps the policy over what the user stored, in the side panel too', async () => {
    const side: Page = await session.context.newPage();
    await side.goto(`chrome-extension://${id}/sidepanel.html`);
    await side.evaluate((s) => (globalThis as any).chrome.storage.local.set({ settings: s }), { ...DEFAULT_SETTINGS, role: 'curator', department: 'Своё', onboarded: true });
    await side.reload();
    // An executor's workspace: no import of messages, which is the curator's.
    await side.getByRole('tab', { name: 'Сообщения' }).waitFor();
    await side.getByText('Сообщения регистрирует и направляет куратор').waitFor();
    expect(await side.getByRole('button', { name: /Импорт сообщений/ }).count()).toBe(0);
    await side.close();
  });

  it('takes the official domains into moderation on the page: a link to one is no spam', async () => {
    const page = await openPage(session, POST);
    await page.locator('[data-otklik-comment="vk:-123456_1007"][data-otklik-flags]').waitFor();
    expect(await page.locator('[data-otklik-comment="vk:-123456_1007"]').getAttribute('data-otklik-flags')).toBe('spam');
    expect(await page.locator('[data-otklik-comment="vk:-123456_1005"]').getAttribute('data-otklik-flags')).toBeNull();
  });
});
