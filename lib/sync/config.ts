/**
 * Where this browser's team server is, and who signs in: the address and login in `teamServer`, the
 * password apart in `teamSecret`. Neither is in a backup or an exchange file (they list their own
 * keys), and nothing here is ever logged. No address, no sync: the extension then makes no request.
 */
import { browser } from 'wxt/browser';
import { plural, type PluralForms } from '../i18n/plural';
import { LOGIN_PATTERN } from './subjects';
import { loadManaged } from '../settings/managed';
import type { SyncStatus } from './engine';
import type { Checked } from '../result';

export const TEAM_SERVER_KEY = 'teamServer';
export const TEAM_SECRET_KEY = 'teamSecret';
export const SYNC_STATUS_KEY = 'syncStatus';

export interface TeamServer {
  url: string;
  login: string;
}

export type { Checked };

/** The address and login as typed, checked: a WebSocket address (wss:// for the city's server), a login of the staff list. */
export function checkTeamServer(input: { url: string; login: string; password: string }): Checked<TeamServer & { password: string }> {
  const errors: string[] = [];
  const url = input.url.trim();
  const login = input.login.trim().toLowerCase();
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    errors.push('Адрес сервера: ожидается адрес вида wss://sync.admin.example.ru:8443');
  }
  if (parsed && parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:') errors.push('Адрес сервера должен начинаться с wss:// (или ws:// для проверки на своём компьютере)');
  if (parsed && parsed.protocol === 'ws:' && !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname))
    errors.push('Без шифрования (ws://) можно подключаться только к серверу на этом компьютере; для сервера администрации укажите wss://');
  if (!LOGIN_PATTERN.test(login)) errors.push('Логин: латинские буквы, цифры, «_» и «-», как в списке сотрудников у администратора сервера');
  if (!input.password) errors.push('Укажите пароль, выданный администратором сервера');
  return errors.length ? { ok: false, errors } : { ok: true, value: { url: url.replace(/\/+$/, ''), login, password: input.password } };
}

/** The host permission to ask for: Chrome's patterns know http and https only, and a WebSocket's host is the same. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol === 'wss:' ? 'https' : 'http'}://${u.hostname}/*`;
}

/** The address and login stored, or set by the organisation's policy (which wins); the password is always the user's. */
export async function loadTeamServer(): Promise<(TeamServer & { password: string }) | null> {
  const [stored, managed] = await Promise.all([browser.storage.local.get([TEAM_SERVER_KEY, TEAM_SECRET_KEY]), loadManaged()]);
  const own = stored[TEAM_SERVER_KEY] as TeamServer | undefined;
  const server = { url: managed.teamServerUrl ?? own?.url ?? '', login: managed.teamServerLogin?.toLowerCase() ?? own?.login ?? '' };
  const password = stored[TEAM_SECRET_KEY] as string | undefined;
  if (!server?.url || !server.login || !password) return null;
  return { url: server.url, login: server.login, password };
}

export async function saveTeamServer(value: TeamServer & { password: string }): Promise<void> {
  await browser.storage.local.set({ [TEAM_SERVER_KEY]: { url: value.url, login: value.login }, [TEAM_SECRET_KEY]: value.password });
}

export async function forgetTeamServer(): Promise<void> {
  await browser.storage.local.remove([TEAM_SERVER_KEY, TEAM_SECRET_KEY, SYNC_STATUS_KEY]);
}

export async function loadSyncStatus(): Promise<SyncStatus | null> {
  return ((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as SyncStatus | undefined) ?? null;
}

export function watchSyncStatus(callback: (s: SyncStatus | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SYNC_STATUS_KEY in changes) callback((changes[SYNC_STATUS_KEY]!.newValue as SyncStatus | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

const ACTS_WAIT: PluralForms = ['действие ждёт', 'действия ждут', 'действий ждут'];

/** The state in words, for the side panel and the options page. */
export function syncStatusText(s: SyncStatus | null, zone: string): string {
  if (!s || s.state === 'off') return 'Командная работа выключена: данные только на этом компьютере';
  const waiting = s.pending ? ` — ${plural(s.pending, ACTS_WAIT)} отправки` : '';
  const aside = s.setAside ? `. Отложено неверных событий с сервера: ${s.setAside}` : '';
  const time = (ms: number) => new Intl.DateTimeFormat('ru-RU', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(ms);
  switch (s.state) {
    case 'synced':
      return `Синхронизировано${aside}`;
    case 'connecting':
      return `Подключение к серверу…${waiting}`;
    case 'offline':
      return `Нет связи с сервером${s.since ? ` с ${time(s.since)}` : ''}${waiting}${aside}`;
    case 'auth':
      return `Вход не выполнен: ${s.error ?? 'неверный логин или пароль'}${waiting}`;
    case 'error':
      return `Ошибка синхронизации: ${s.error ?? 'неизвестная'}${waiting}${aside}`;
  }
}
