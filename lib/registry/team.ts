/**
 * The registry of official pages on the team stream (`otk.team.registry.<role>.<login>`): the
 * curator and the pages' owners keep it (App. 2 §2.1), everyone on the team reads it. A change to
 * an entry goes up as the entry as it now is (`put`) or its removal; the log's order decides, and a
 * `put` for a page another entry already names replaces that entry (the later one wins everywhere).
 *
 * Ops wait in the team outbox in storage (lib/moderation/allowlist `writeWithTeamOps`), queued right
 * after the registry's own transaction by lib/db/registry; what was in the registry before the
 * team server was configured goes up once (`seedRegistryOps`).
 */
import { browser } from 'wxt/browser';
import { writeWithTeamOps } from '../moderation/allowlist';
import type { LocalTeamOp } from '../sync/team';
import type { RegistryEntry } from './entry';

export type RegistryOp = Extract<LocalTeamOp, { kind: 'registry' }>;

const head = () => ({ v: 1 as const, id: crypto.randomUUID(), kind: 'registry' as const, at: Date.now() });

export const registryPut = (entry: RegistryEntry): RegistryOp => ({ ...head(), op: 'put', entry });
export const registryRemove = (entryId: string): RegistryOp => ({ ...head(), op: 'remove', entryId });

/** Queues ops for the team server (a browser with no server configured keeps them, and sends them once one is). */
export function queueRegistryOps(ops: readonly RegistryOp[]): Promise<void> {
  return ops.length ? writeWithTeamOps({}, ops) : Promise.resolve();
}

/** Set once the registry kept before team work began has been queued. */
export const REGISTRY_SEEDED_KEY = 'teamRegistrySeeded';

/** The whole local registry queued once (a curator or an owner who kept it before the team server). */
export async function seedRegistryOps(entries: () => Promise<RegistryEntry[]>): Promise<number> {
  if ((await browser.storage.local.get(REGISTRY_SEEDED_KEY))[REGISTRY_SEEDED_KEY]) return 0;
  const ops = (await entries()).map(registryPut);
  await writeWithTeamOps({ [REGISTRY_SEEDED_KEY]: true }, ops);
  return ops.length;
}

