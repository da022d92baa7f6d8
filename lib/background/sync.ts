/**
 * The background's side of team sync: one engine for the configured server and the user's role,
 * replaced when either changes, stopped when the server is forgotten. The status goes to storage,
 * where the side panel and the options page read it. Without a configured server and the host
 * permission granted for it, nothing connects anywhere.
 */
import { browser } from 'wxt/browser';
import type { NatsConnection } from '@nats-io/nats-core';
import type { OtklikDB } from '../db/schema';
import type { Settings } from '../settings/defaults';
import { loadTeamServer, originPattern, SYNC_STATUS_KEY } from '../sync/config';
import { SyncEngine, type ConnectOptions, type SyncStatus } from '../sync/engine';
import { storageTeamStore } from '../sync/team-storage';
import { publicationsPart } from '../publications/team';
import { listRegistry, registryPart } from '../db/registry';
import { moderationPart } from '../moderation/team';
import { seedRegistryOps } from '../registry/team';
import { teamStoreOf } from '../sync/team';
import type { WorkClock } from '../worktime/clock';

export interface SyncDeps {
  db: OtklikDB;
  settings: () => Promise<Settings>;
  clock: () => Promise<WorkClock>;
  connect: (o: ConnectOptions) => Promise<NatsConnection>;
}

export function syncController({ db, settings, clock, connect }: SyncDeps) {
  let engine: SyncEngine | null = null;
  let key = '';
  let last = '';
  const write = (s: SyncStatus | null) => {
    const text = JSON.stringify(s);
    if (text === last) return;
    last = text;
    void (s ? browser.storage.local.set({ [SYNC_STATUS_KEY]: s }) : browser.storage.local.remove(SYNC_STATUS_KEY));
  };
  let applying = Promise.resolve();

  async function applyNow(): Promise<void> {
    const [server, s] = await Promise.all([loadTeamServer(), settings()]);
    const nextKey = server ? JSON.stringify([server.url, server.login, server.password, s.role, s.department.trim()]) : '';
    if (nextKey === key && (engine || !server)) return;
    key = nextKey;
    const old = engine;
    engine = null;
    await old?.stop();
    if (!server) return write(null);
    const granted = await browser.permissions.contains({ origins: [originPattern(server.url)] }).catch(() => false);
    if (!granted) {
      key = '';
      return write({ state: 'error', since: null, pending: await db.outbox.count(), setAside: 0, error: 'нет разрешения на связь с сервером: нажмите «Подключиться» в настройках Отклика' });
    }
    // The registry kept here before team work began goes up once (it is the curator's and the owners' to share).
    if (s.role === 'curator' || s.role === 'owner') await seedRegistryOps(() => listRegistry(db)).catch(() => 0);
    engine = new SyncEngine({
      db,
      identity: { url: server.url, login: server.login, password: server.password, role: s.role, department: s.department.trim() },
      clock,
      connect,
      onStatus: write,
      onSetAside: (subject, error) => console.warn('Отклик: событие с сервера отложено', subject, error),
      team: teamStoreOf(storageTeamStore((why) => console.warn('Отклик:', why)), [publicationsPart(db), registryPart(db), moderationPart(db)]),
    });
    void engine.start();
  }

  return {
    /** Brings the engine in line with the stored server and settings (one change at a time). */
    apply(): Promise<void> {
      applying = applying.then(applyNow, applyNow);
      return applying;
    },
    /** A local event waits: send it. */
    kick(): void {
      void engine?.kick();
    },
  };
}
