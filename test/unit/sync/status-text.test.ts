import { describe, expect, it } from 'vitest';
import { checkTeamServer, originPattern, syncStatusText } from '@/lib/sync/config';

const base = { since: Date.UTC(2026, 11, 2, 8, 5), pending: 0, setAside: 0 };

describe('team sync in words', () => {
  it('says the state, since when, and how many acts wait, in Russian forms', () => {
    expect(syncStatusText(null, 'Asia/Omsk')).toBe('Командная работа выключена: данные только на этом компьютере');
    expect(syncStatusText({ ...base, state: 'synced' }, 'Asia/Omsk')).toBe('Синхронизировано');
    expect(syncStatusText({ ...base, state: 'offline', pending: 1 }, 'Asia/Omsk')).toBe('Нет связи с сервером с 14:05 — 1 действие ждёт отправки');
    expect(syncStatusText({ ...base, state: 'offline', pending: 3 }, 'Asia/Omsk')).toBe('Нет связи с сервером с 14:05 — 3 действия ждут отправки');
    expect(syncStatusText({ ...base, state: 'offline', pending: 11 }, 'Asia/Omsk')).toBe('Нет связи с сервером с 14:05 — 11 действий ждут отправки');
    expect(syncStatusText({ ...base, state: 'auth', error: 'неверный логин или пароль' }, 'Asia/Omsk')).toBe('Вход не выполнен: неверный логин или пароль');
    expect(syncStatusText({ ...base, state: 'synced', setAside: 2 }, 'Asia/Omsk')).toBe('Синхронизировано. Отложено неверных событий с сервера: 2');
  });

  it('accepts wss:// anywhere, ws:// only on this computer, and a staff-list login; asks for that one host', () => {
    expect(checkTeamServer({ url: 'wss://sync.admin.example.ru:8443/', login: 'Ivanova', password: 'p' })).toEqual({ ok: true, value: { url: 'wss://sync.admin.example.ru:8443', login: 'ivanova', password: 'p' } });
    expect(checkTeamServer({ url: 'ws://10.0.0.5:8080', login: 'ivanova', password: 'p' })).toMatchObject({ ok: false, errors: [expect.stringContaining('ws://')] });
    expect(checkTeamServer({ url: 'https://x.ru', login: 'иванова', password: '' })).toMatchObject({ ok: false });
    expect((checkTeamServer({ url: 'https://x.ru', login: 'иванова', password: '' }) as { errors: string[] }).errors).toHaveLength(3);
    expect(originPattern('wss://sync.admin.example.ru:8443')).toBe('https://sync.admin.example.ru/*');
    expect(originPattern('ws://127.0.0.1:4223')).toBe('http://127.0.0.1/*');
  });
});
