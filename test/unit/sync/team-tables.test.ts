/**
 * The registry and the moderation log as team data (issue 13): a change queues its op with the
 * change; ops from the log go into the tables in the log's order, once; the log kept before team
 * work began goes up once, a batch at a time, and the cursor moves only past what the server took.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordDeleted, recordNotViolation, listModeration } from '@/lib/db/moderation';
import { applyRegistryOps, importRegistry, listRegistry, registryPart, removeEntry, saveEntry } from '@/lib/db/registry';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { TEAM_OUTBOX_KEY } from '@/lib/moderation/allowlist';
import type { Evidence } from '@/lib/moderation/log';
import { MOD_BATCH, MOD_CURSOR_KEY, moderationPart, modOpId } from '@/lib/moderation/team';
import { registryPut, registryRemove, seedRegistryOps } from '@/lib/registry/team';
import { storageTeamStore } from '@/lib/sync/team-storage';
import { teamStoreOf, type TeamOp } from '@/lib/sync/team';
import { entry } from '../registry/helpers';

const outbox = async () => ((await fakeBrowser.storage.local.get(TEAM_OUTBOX_KEY))[TEAM_OUTBOX_KEY] as TeamOp[] | undefined) ?? [];
const fromLog = <T extends object>(op: T) => ({ ...op, by: 'cur' }) as unknown as TeamOp;

const evidence = (n: number): Evidence => ({
  site: 'vk', pageKey: 'vk:-1', pageUrl: 'https://vk.com/wall-1_1', pageName: 'Администрация', postId: '-1_1', commentKey: `vk:-1_${n}`, commentId: `-1_${n}`,
  permalink: null, authorId: '5', authorName: 'Иван', authorUrl: null, text: `Спам ${n}`, publishedAt: null, categories: ['spam'], clauses: [], matches: [],
});

let db: OtklikDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = openDatabase(`team-tables-${Math.random()}`);
});
afterEach(() => db.delete());

describe('the registry on the team stream', () => {
  it('a saved, removed or imported entry queues its op after the registry’s own write', async () => {
    const a = entry({ id: 'a', url: 'https://vk.com/club100', ownerId: '-100' });
    expect(await saveEntry(db, a)).toMatchObject({ ok: true });
    expect(await saveEntry(db, { ...a, id: 'twin' })).toMatchObject({ ok: false });
    const b = entry({ id: 'b', name: 'Спорт', url: 'https://vk.com/club3', ownerId: '-3' });
    expect(await importRegistry(db, [b], { mode: 'merge' })).toMatchObject({ status: 'written' });
    await removeEntry(db, 'a');
    expect((await outbox()).map((o) => (o.kind === 'registry' ? `${o.op}:${o.op === 'put' ? o.entry.id : o.entryId}` : o.kind))).toEqual(['put:a', 'put:b', 'remove:a']);
  });

  it('ops from the log apply in order: a later put for the same page replaces the other entry; a removal removes', async () => {
    await db.registry.put(entry({ id: 'mine', url: 'https://vk.com/club100', ownerId: '-100', name: 'Моя запись' }));
    await applyRegistryOps(db, [
      fromLog(registryPut(entry({ id: 'theirs', url: 'https://vk.com/club100', ownerId: '-100', name: 'Общая запись' }))),
      fromLog(registryPut(entry({ id: 'sport', url: 'https://vk.com/club3', ownerId: '-3', name: 'Спорт' }))),
      fromLog(registryRemove('sport')),
    ] as never);
    expect((await listRegistry(db)).map((e) => e.name)).toEqual(['Общая запись']);
    expect(await outbox()).toEqual([]);
  });

  it('through the team store: registry ops go to the table, the rest to storage', async () => {
    const store = teamStoreOf(storageTeamStore(), [registryPart(db)]);
    await store.apply([
      fromLog(registryPut(entry({ id: 'x' }))),
      fromLog({ v: 1, id: 'w', kind: 'allow', op: 'add', list: 'words', value: 'выдра', at: 1 }),
    ]);
    expect((await listRegistry(db)).map((e) => e.id)).toEqual(['x']);
    expect(JSON.stringify(await fakeBrowser.storage.local.get('allowlist'))).toContain('выдра');
  });

  it('the registry kept before team work goes up once', async () => {
    await db.registry.bulkPut([entry({ id: 'a' }), entry({ id: 'b', url: 'https://vk.com/club3', ownerId: '-3' })]);
    expect(await seedRegistryOps(() => listRegistry(db))).toBe(2);
    expect(await seedRegistryOps(() => listRegistry(db))).toBe(0);
    expect((await outbox()).length).toBe(2);
  });
});

describe('the moderation log on the team stream', () => {
  it('own entries go up a batch at a time; the cursor moves past what the server took, up to the first it did not', async () => {
    for (let n = 0; n < MOD_BATCH + 5; n++) await db.moderation.add({ ...evidence(n), action: 'deleted', how: 'detected', scope: null, at: 1000 + n, recordedBy: 'Модератор' });
    const part = moderationPart(db);
    const first = await part.pending!();
    expect(first).toHaveLength(MOD_BATCH);
    // The server took all but the 11th: the cursor stops before it, and it comes again.
    await part.settle!(first.filter((_, i) => i !== 10).map((o) => o.id));
    const again = await part.pending!();
    expect(again[0]!.id).toBe(first[10]!.id);
    expect(again).toHaveLength(MOD_BATCH + 5 - 10);
    await part.settle!(again.map((o) => o.id));
    expect(await part.pending!()).toEqual([]);
    expect(Number((await fakeBrowser.storage.local.get(MOD_CURSOR_KEY))[MOD_CURSOR_KEY])).toBeGreaterThan(0);
  });

  it('another moderator’s entry is added once, leaves this queue, and is not sent back', async () => {
    await db.flagged.put({ commentKey: 'vk:-1_7', pageKey: 'vk:-1', firstSeen: 1 } as never);
    const part = moderationPart(db);
    const shared = { ...evidence(7), action: 'deleted' as const, how: 'manual' as const, scope: null, at: 5000, recordedBy: 'Петрова' };
    const op = fromLog({ v: 1, id: modOpId(shared), kind: 'mod', entry: shared, at: shared.at });
    await part.apply([op]);
    await part.apply([op]);
    const log = await listModeration(db);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ recordedBy: 'Петрова', team: true });
    expect(await db.flagged.get('vk:-1_7')).toBeUndefined();
    expect(await part.pending!()).toEqual([]);
  });

  it('the same entry has the same op id on every computer; entries recorded here carry their evidence', async () => {
    await recordDeleted(db, evidence(1), 'detected', 'Модератор', 7000);
    await recordNotViolation(db, evidence(2), 'word', 'Модератор', 7001);
    const ops = await moderationPart(db).pending!();
    expect(ops.map((o) => o.id)).toEqual([modOpId({ ...evidence(1), action: 'deleted', at: 7000 }), modOpId({ ...evidence(2), action: 'not-violation', at: 7001 })]);
    expect(ops[1]).toMatchObject({ kind: 'mod', entry: { action: 'not-violation', scope: 'word', text: 'Спам 2' } });
  });
});
