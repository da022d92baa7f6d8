/**
 * Team sync: this browser's messages and the team's log on the city's NATS JetStream server.
 *
 * - Out: every local event waits in the outbox (written by the message store with the event). Once
 *   this browser has caught up with its streams, every row goes out (ids make a re-send harmless:
 *   `Nats-Msg-Id` on the server, the event id here); afterwards each new row goes at once. A row
 *   leaves the outbox when the event is read back from the log, or — in a stream this user may
 *   write but not read — when the server acknowledged it.
 * - In: one ordered consumer per stream this user may read, from the stored cursor; each batch is
 *   applied by the store (applyRemote) with the cursor in one transaction. An event that fails the
 *   checks (lib/sync/envelope) is set aside and counted, never applied; the others go on.
 * - Off: with no server configured nothing here runs, and no request leaves the browser.
 */
import { jetstream, JetStreamApiError, type JetStreamClient, DeliverPolicy } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { applyRemote, outboxExpand, outboxPending, outboxResendAll, outboxSettle, outboxToSend } from '../db/messages';
import type { OtklikDB, OutboxRow } from '../db/schema';
import type { MessageRecord } from '../messages/types';
import { replay } from '../workflow/reducer';
import type { MessageEvent } from '../workflow/schema';
import type { WorkClock } from '../worktime/clock';
import { checkEnvelope, envelopeOf, type Envelope } from './envelope';
import { departmentCode, departmentStream, inboxPrefix, INTAKE_STREAM, messageSubject, TEAM_STREAM, teamSubject, type StaffRole, type SubjectRole } from './subjects';
import { checkTeamOp, teamKindFor, type TeamOp, type TeamStore } from './team';

export interface SyncIdentity {
  url: string;
  login: string;
  password: string;
  role: StaffRole;
  /** The user's department (an executor's streams are their department's). */
  department: string;
}

export type SyncState = 'off' | 'connecting' | 'synced' | 'offline' | 'auth' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Since when the server has been out of reach (offline), or when last in step (synced). */
  since: number | null;
  /** Local acts not yet on the server. */
  pending: number;
  /** Events from the server set aside as invalid, since this browser started. */
  setAside: number;
  /** What went wrong, in Russian (auth, error). */
  error?: string;
}

export interface ConnectOptions {
  servers: string;
  user: string;
  pass: string;
  inboxPrefix: string;
  name: string;
}

export interface EngineDeps {
  db: OtklikDB;
  identity: SyncIdentity;
  clock: () => Promise<WorkClock> | WorkClock;
  now?: () => number;
  /** wsconnect in the browser; the TCP transport in Node tests. */
  connect: (o: ConnectOptions) => Promise<NatsConnection>;
  onStatus?: (s: SyncStatus) => void;
  /** Told once per event set aside (for the log). */
  onSetAside?: (subject: string, error: string) => void;
  /** Team data (allow-list, lexicon): read from the team stream and sent there; none, none of it. */
  team?: TeamStore;
}

/** Server error text to a Russian reason a user can act on. */
export function reasonOf(e: unknown): { state: SyncState; error: string } {
  const text = e instanceof Error ? `${e.name} ${e.message} ${String((e as { code?: unknown }).code ?? '')}` : String(e);
  if (/authorization|authentication|auth/i.test(text)) return { state: 'auth', error: 'неверный логин или пароль, или учётная запись удалена' };
  if (/permission/i.test(text)) return { state: 'error', error: 'сервер не дал доступа: проверьте роль и подразделение в настройках и на сервере' };
  return { state: 'offline', error: 'сервер недоступен' };
}

/** The subjects' common start in a stream of ours. */
function streamPrefix(stream: string): string {
  if (stream === INTAKE_STREAM) return 'otk.in.';
  if (stream.startsWith('OTK_D_')) return `otk.d.${stream.slice(6)}.`;
  return 'otk.team.';
}

/** `globalThis.OTK_PROFILE = true` in the service worker's console: each applied batch is logged with its time. */
const profiling = () => Boolean((globalThis as { OTK_PROFILE?: boolean }).OTK_PROFILE);

/** Events read from the server applied together (one transaction): catching up 270 000 goes in big steps. */
const APPLY_BATCH = 5000;

/** Outbox rows sent together. */
const FLUSH_CHUNK = 200;
/** Rounds of team ops in one flush (a part hands a batch a round). */
const TEAM_ROUNDS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SyncEngine {
  private nc: NatsConnection | null = null;
  private js: JetStreamClient | null = null;
  private status: SyncStatus = { state: 'off', since: null, pending: 0, setAside: 0 };
  private caughtUp = new Map<string, boolean>();
  private flushing: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private online = false;
  private onlineWaiters: (() => void)[] = [];
  /** The readers' open iterators: stopped on a reconnect, so each starts again from its cursor. */
  private readers = new Set<{ stop(): void }>();
  private readonly now: () => number;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? Date.now;
  }

  get current(): SyncStatus {
    return { ...this.status };
  }

  /** The streams this user reads: an executor their department's; a curator the intake and every department's. */
  async streams(): Promise<string[]> {
    const { role, department } = this.deps.identity;
    const team = this.deps.team ? [TEAM_STREAM] : [];
    if (role === 'executor') return [departmentStream(department), ...team];
    if (role !== 'curator' || !this.nc) return team;
    const names: string[] = [INTAKE_STREAM, ...team];
    const jsm = await this.js!.jetstreamManager();
    for await (const name of jsm.streams.names()) if (name.startsWith('OTK_D_')) names.push(name);
    return names;
  }

  /** Connects and keeps going until stop(); a first connection that fails is retried with a pause. */
  async start(): Promise<void> {
    this.stopped = false;
    let pause = 1000;
    while (!this.stopped) {
      this.set({ state: this.status.state === 'offline' ? 'offline' : 'connecting' });
      try {
        await this.connectOnce();
        return;
      } catch (e) {
        const r = reasonOf(e);
        this.set({ state: r.state, error: r.error, since: r.state === 'offline' ? (this.status.since ?? this.now()) : null });
        await this.updatePending();
        if (r.state !== 'offline') return;
        await sleep(pause);
        pause = Math.min(pause * 2, 30_000);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const nc = this.nc;
    this.nc = null;
    this.js = null;
    if (nc && !nc.isClosed()) await nc.close().catch(() => undefined);
  }

  /** A local event waits: send it now if we can (a no-op offline; it goes on reconnect). */
  kick(): Promise<void> {
    if (!this.js || !this.online || [...this.caughtUp.values()].some((c) => !c)) return this.updatePending();
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        await this.flush();
      } while (this.again && this.js);
    })().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async connectOnce(): Promise<void> {
    const { identity } = this.deps;
    const nc = await this.deps.connect({
      servers: identity.url,
      user: identity.login,
      pass: identity.password,
      inboxPrefix: inboxPrefix(identity.login),
      name: `otklik ${identity.login}`,
    });
    // A restore's or an import's events, queued as one batch row, become a row each before the log is
    // read: an event read back then leaves the outbox as any other.
    await outboxExpand(this.deps.db);
    this.nc = nc;
    this.js = jetstream(nc);
    this.setOnline(true);
    void this.watch(nc);
    const streams = await this.streams();
    this.caughtUp = new Map(streams.map((s) => [s, false]));
    for (const s of streams) void this.read(s, nc);
    if (!streams.length) await this.sendAll();
  }

  /** The connection's own events: a drop and a return change the status; a return sends what waits. */
  private async watch(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (this.nc !== nc) return;
      if (s.type === 'disconnect') {
        this.setOnline(false);
        this.set({ state: 'offline', since: this.now() });
        await this.updatePending();
      } else if (s.type === 'reconnect') {
        // A consumer does not outlive a restarted server for long: each reader starts again from its
        // cursor. What was sent while away may be lost: send it all again.
        for (const r of [...this.readers]) r.stop();
        this.setOnline(true);
        this.set({ state: 'connecting' });
        await this.sendAll();
      } else if (s.type === 'error' && /auth/i.test(String((s as { error?: unknown }).error ?? ''))) {
        this.set({ state: 'auth', error: 'неверный логин или пароль, или учётная запись удалена' });
      }
    }
    if (this.nc === nc && !this.stopped) {
      // Closed for good (the server refused us again and again): start over.
      this.nc = null;
      this.js = null;
      void this.start();
    }
  }

  private setOnline(online: boolean): void {
    this.online = online;
    if (online) for (const w of this.onlineWaiters.splice(0)) w();
  }

  private waitOnline(): Promise<void> {
    return this.online ? Promise.resolve() : new Promise((r) => this.onlineWaiters.push(r));
  }

  /** Reads one stream for as long as the connection lives, resuming from the cursor after a drop. */
  private async read(stream: string, nc: NatsConnection): Promise<void> {
    while (this.nc === nc && !this.stopped) {
      const failed = await this.readOnce(stream, nc);
      if (failed && this.online) {
        this.set({ state: 'error', error: `поток ${stream}: ${failed}` });
        return;
      }
      await this.waitOnline();
      await sleep(100);
    }
  }

  /** Null when the stream ended with the connection; else why the server refused it. */
  private async readOnce(stream: string, nc: NatsConnection): Promise<string | null> {
    const { db } = this.deps;
    try {
      const js = this.js!;
      const cursor = (await db.cursors.get(stream))?.seq ?? 0;
      const jsm = await js.jetstreamManager();
      const last = (await jsm.streams.info(stream)).state.last_seq;
      if (last <= cursor) await this.markCaughtUp(stream);
      const consumer = await js.consumers.get(stream, {
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: cursor + 1,
      });
      const messages = await consumer.consume({ max_messages: 2000 });
      this.readers.add(messages);
      let batch: { envelope: Envelope; ts: number }[] = [];
      let writing: Promise<void> = Promise.resolve();
      let teamOps: TeamOp[] = [];
      let seq = cursor;
      for await (const m of messages) {
        if (this.nc !== nc) break;
        seq = m.seq;
        let data: unknown;
        try {
          data = m.json();
        } catch {
          data = undefined;
        }
        // A stream holds only its own subjects; anything else was captured from elsewhere (see lib/server/permissions).
        const ours = m.subject.startsWith(streamPrefix(stream));
        const checked = !ours
          ? ({ ok: false, error: 'тема не из этого потока' } as const)
          : stream === TEAM_STREAM
            ? checkTeamOp(m.subject, data)
            : checkEnvelope(m.subject, data);
        if (checked.ok && stream === TEAM_STREAM) teamOps.push(checked.value as TeamOp);
        else if (checked.ok) batch.push({ envelope: checked.value as Envelope, ts: Number(m.timestampNanos / 1000n) / 1000 });
        else {
          this.status.setAside++;
          this.deps.onSetAside?.(m.subject, checked.error);
        }
        if (m.info.pending === 0 || batch.length >= APPLY_BATCH) {
          // One write at a time, in order (each carries its cursor), while the next batch is read.
          const items = batch;
          const ops = teamOps;
          const at = seq;
          batch = [];
          teamOps = [];
          const previous = writing;
          writing = (async () => {
            await previous;
            const t0 = performance.now();
            if (stream === TEAM_STREAM) {
              await this.deps.team?.apply(ops);
              await db.cursors.put({ stream, seq: at });
            } else await applyRemote(db, items, await this.deps.clock(), this.now(), { stream, seq: at });
            if (profiling()) console.log(`otklik-apply ${items.length} ${Math.round(performance.now() - t0)} ${at}`);
            if (at >= last) await this.markCaughtUp(stream);
            else await this.updatePending();
          })();
          // Live (nothing more waiting): wait for it, so what was read is applied before the next.
          if (m.info.pending === 0) await writing;
        }
      }
      await writing;
      this.readers.delete(messages);
    } catch (e) {
      if (this.nc !== nc || !this.online) return null;
      const r = reasonOf(e);
      return r.state === 'offline' ? null : r.error;
    }
    return null;
  }

  private async markCaughtUp(stream: string): Promise<void> {
    if (this.caughtUp.get(stream)) return;
    this.caughtUp.set(stream, true);
    if ([...this.caughtUp.values()].every(Boolean)) await this.sendAll();
  }


  /** Everything in the outbox goes (again): after catching up, a row still here was never stored. */
  private async sendAll(): Promise<void> {
    await outboxResendAll(this.deps.db);
    await this.kick();
  }

  /**
   * Sends what waits, a chunk at a time: the chunk's publishes go out together (one connection
   * keeps their order) and its outbox rows are settled in one transaction.
   */
  private async flush(): Promise<void> {
    const { db } = this.deps;
    await this.flushTeam();
    const rows = await outboxToSend(db);
    for (let i = 0; i < rows.length && this.js; i += FLUSH_CHUNK) {
      const chunk = rows.slice(i, i + FLUSH_CHUNK);
      const ids = [...new Set(chunk.map((r) => r.messageId))];
      const found = await db.messages.bulkGet(ids);
      const records = new Map(ids.map((id, k) => [id, found[k]]));
      const settled = await Promise.allSettled(chunk.map((row) => this.send(row, records.get(row.messageId))));
      const done = { drop: [] as string[], acked: [] as string[] };
      let offline = false;
      settled.forEach((r, k) => {
        if (r.status === 'fulfilled') return void (r.value === 'acked' ? done.acked : done.drop).push(chunk[k]!.eventId);
        const why = reasonOf(r.reason);
        if (r.reason instanceof JetStreamApiError || why.state !== 'offline') this.set({ state: 'error', error: why.error });
        else offline = true;
      });
      await outboxSettle(db, done, this.now());
      if (offline) {
        this.set({ state: 'offline', since: this.status.since ?? this.now() });
        break;
      }
    }
    await this.updatePending();
  }

  /**
   * One outbox row: its event to the stream of the message's department (the intake before
   * routing). Routing also carries the history so far to every unit it is routed to, so their
   * executors see the whole message. 'acked': sent, to be read back; 'drop': nothing more to do.
   */
  private async send(row: OutboxRow, record: MessageRecord | undefined): Promise<'acked' | 'drop'> {
    const { identity } = this.deps;
    const index = record ? record.events.findIndex((e) => e.id === row.eventId) : -1;
    // Gone, or set aside by the log's order (shown on the card): nothing to send.
    if (!record || index < 0) return 'drop';
    const event = record.events[index]!;
    const role = this.subjectRole(event);
    // Someone else's act (an exchange file brought it): its author sends it.
    if (!role) return 'drop';
    const before = index > 0 ? replay(record.events.slice(0, index)) : null;
    const targets: (string | null)[] = [];
    const copies: MessageEvent[] = [];
    if (event.type === 'routed') {
      for (const a of event.payload.executors) targets.push(a.department);
      copies.push(...record.events.slice(0, index));
    } else {
      targets.push(before?.responsible?.department ?? null);
      // The curator's later acts reach the co-executors' units too (§12: they follow the message).
      if (role === 'curator') for (const c of before?.coExecutors ?? []) targets.push(c.department);
    }
    const js = this.js!;
    await Promise.all(
      targets.flatMap((department) =>
        [...copies, event].map((e) =>
          js.publish(messageSubject({ department }, record.id, role, identity.login, e.type), JSON.stringify(envelopeOf(record, e, identity.login)), { msgID: e.id! }),
        ),
      ),
    );
    // Read back where this user reads it; else (a co-executor writing to the responsible unit) done now.
    const readable = identity.role === 'curator' || targets.every((d) => d !== null && departmentCode(d) === departmentCode(identity.department));
    return readable ? 'acked' : 'drop';
  }

  /** Team ops that wait: each to its kind's subject; one this role may not share stays local. */
  private async flushTeam(): Promise<void> {
    const { team, identity } = this.deps;
    // A part may hand its ops a batch at a time (a year's moderation log): ask again while they go.
    for (let round = 0; round < TEAM_ROUNDS && team && this.js; round++) {
      const ops = await team.pending();
      if (!ops.length) return;
      const js = this.js;
      const results = await Promise.allSettled(
        ops.map(async (op) => {
          const kind = teamKindFor(op, identity.role);
          if (kind) await js.publish(teamSubject(kind, identity.role, identity.login), JSON.stringify({ ...op, by: identity.login }), { msgID: op.id });
          return op.id;
        }),
      );
      const sent = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      await team.settle(sent);
      if (sent.length < ops.length) return;
    }
  }

  /** Under which role of the subject this user sends an event, or null when it is not theirs to send. */
  private subjectRole(event: MessageEvent): SubjectRole | null {
    const { role, department } = this.deps.identity;
    if (role === 'curator') return 'curator';
    if (role !== 'executor' || event.actor.role === 'curator') return null;
    if (!event.actor.department || departmentCode(event.actor.department) !== departmentCode(department)) return null;
    return event.actor.role;
  }

  private async updatePending(): Promise<void> {
    const pending = await outboxPending(this.deps.db);
    const caught = this.js !== null && this.online && [...this.caughtUp.values()].every(Boolean);
    if (caught && pending === 0 && this.status.state !== 'error' && this.status.state !== 'auth') this.set({ state: 'synced', since: this.now(), pending, error: undefined });
    else this.set({ pending });
  }

  private set(patch: Partial<SyncStatus>): void {
    const next = { ...this.status, ...patch };
    if (next.state === 'synced' || next.state === 'connecting') delete next.error;
    this.status = next;
    this.deps.onStatus?.({ ...next });
  }
}
