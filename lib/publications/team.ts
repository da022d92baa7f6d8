/**
 * Publication requests on the team stream (`otk.team.posts.<role>.<login>`): each local event in the
 * publication outbox goes up as a team op; ops read back are merged by the publication store in
 * the log's order. A part of the team store the sync engine already drives (lib/sync/team), so the
 * engine needs no publication code of its own.
 */
import { mergePublications, publicationOutbox, settlePublicationOutbox, type IncomingPublication } from '../db/publications';
import type { OtklikDB } from '../db/schema';
import { teamStoreOf, type LocalTeamOp, type TeamPart, type TeamStore } from '../sync/team';

export function publicationsPart(db: OtklikDB, now: () => number = Date.now): TeamPart {
  let sequence = 0;
  return {
    kinds: ['publication'],
    async pending() {
      return (await publicationOutbox(db)).map(({ requestId, event }): LocalTeamOp => ({ v: 1, id: event.id, kind: 'publication', requestId, event, at: event.at }));
    },
    settle: (ids) => settlePublicationOutbox(db, ids),
    async apply(ops) {
      // The ops come in the log's order: a rising number keeps that order among the events of a request.
      const base = now() * 1000;
      const items: IncomingPublication[] = ops.flatMap((op) =>
        op.kind === 'publication' ? [{ requestId: op.requestId, event: { ...op.event, id: op.id }, ts: base + sequence++ }] : [],
      );
      if (items.length) await mergePublications(db, items, now());
    },
  };
}

/** The team store with publication requests (the tests' and older callers' form). */
export const withPublications = (inner: TeamStore, db: OtklikDB, now: () => number = Date.now): TeamStore => teamStoreOf(inner, [publicationsPart(db, now)]);
