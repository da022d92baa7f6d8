/**
 * What every area of the side panel shares: the database, the user's settings (live: a change made
 * in the options applies at once), the time zone, the working clock, a coarse «now» for countdowns,
 * who is signing, the team's saved replies and team sync's state in words. The areas' models
 * (card, queue, registry, publications, reports, log) take this and nothing global.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { OtklikDB } from '../db/schema';
import { downloadText, fileDate } from '../download';
import { loadReplyTemplates, watchReplyTemplates } from '../replies/store';
import type { ReplyTemplate } from '../replies/schema';
import type { Settings } from '../settings/defaults';
import { loadSettings, watchSettings } from '../settings/item';
import { cachedClock, watchClock } from '../settings/worktime';
import { loadSyncStatus, syncStatusText, watchSyncStatus } from '../sync/config';
import { signer } from '../workflow/actor';
import type { WorkClock } from '../worktime/clock';

/** A file the user downloads: the models make it, the session saves it. */
export interface SavedFile {
  name: string;
  text: string;
  type?: string;
}

export interface Session {
  db: OtklikDB;
  settings: ReadonlySignal<Settings>;
  zone: ReadonlySignal<string>;
  clock: ReadonlySignal<WorkClock>;
  /** Refreshed every 30 s: what countdowns read. */
  now: ReadonlySignal<number>;
  /** The moment of an act. */
  at: () => number;
  /** The user as they sign a log entry or a request (lib/workflow/actor). */
  me: ReadonlySignal<ReturnType<typeof signer>>;
  /** «YYYY-MM-DD» for a file's name, in the zone. */
  stamp: () => string;
  save: (file: SavedFile) => void;
}

/** A session over fixed values: for tests, and for the models' own use of one another. */
export function fixedSession(db: OtklikDB, settings: Settings, clock: WorkClock, at: () => number, save: (f: SavedFile) => void = () => {}): Session {
  const s = signal(settings);
  const zone = computed(() => s.value.timeZone);
  return { db, settings: s, zone, clock: signal(clock), now: signal(at()), at, me: computed(() => signer(s.value)), stamp: () => fileDate(at(), zone.value), save };
}

/** The live session of the side panel: read once, then kept up to date by storage's watchers. */
export async function openSession(db: OtklikDB) {
  const settings = signal(await loadSettings());
  watchSettings((s) => (settings.value = s));
  const zone = computed(() => settings.value.timeZone);
  const clock = signal(await cachedClock());
  watchClock((c) => (clock.value = c));
  const now = signal(Date.now());
  setInterval(() => (now.value = Date.now()), 30_000);
  const syncStatus = signal(await loadSyncStatus());
  watchSyncStatus((s) => (syncStatus.value = s));
  const replyTemplates = signal<ReplyTemplate[]>(await loadReplyTemplates());
  watchReplyTemplates((t) => (replyTemplates.value = t));
  const session: Session = {
    db,
    settings,
    zone,
    clock,
    now,
    at: Date.now,
    me: computed(() => signer(settings.value)),
    stamp: () => fileDate(Date.now(), zone.value),
    save: (f) => downloadText(f.name, f.text, f.type),
  };
  return {
    session,
    replyTemplates,
    /** Team sync's state in words, when a server is configured. */
    syncText: computed(() => (syncStatus.value ? syncStatusText(syncStatus.value, zone.value) : null)),
  };
}
