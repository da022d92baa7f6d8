/**
 * Publication requests on the team stream (`otk.team.posts.<role>.<login>`): each local event in the
 * publication outbox goes up as a team op; ops read back are merged by the publication store in
 * the log's order. Wraps the team store the sync engine already drives (lib/sync/team), so the
 * engine needs no publication code of its own.
 */
import { mergePublications, publicationOutbox, settlePublicationOutbox, type IncomingPublication } from '../db/publications';
import type { OtklikDB } from '../db/schema';
import type { LocalTeamOp, TeamOp, TeamStore } from '../sync/team';

export function withPublications(inner: TeamStore, db: OtklikDB, now: () => number = Date.now): TeamStore {
  let sequence = 0;
  return {
    async pending() {
      const mine = (await publicationOutbox(db)).map(
        ({ requestId, event }): LocalTeamOp => ({ v: 1, id: event.id, kind: 'publication', requestId, event, at: event.at }),
      );
      return [...(await inner.pending()), ...mine];
    },
    async settle(ids) {
      await inner.settle(ids);
      await settlePublicationOutbox(db, ids);
    },
    async apply(ops: readonly TeamOp[]) {
      const items: IncomingPublication[] = [];
      const rest: TeamOp[] = [];
      // The ops come in the log's order: a rising number keeps that order among the events of a request.
      const base = now() * 1000;
      for (const op of ops) {
        if (op.kind === 'publication') items.push({ requestId: op.requestId, event: { ...op.event, id: op.id }, ts: base + sequence++ });
        else rest.push(op);
      }
      if (rest.length) await inner.apply(rest);
      if (items.length) await mergePublications(db, items, now());
    },
  };
}
