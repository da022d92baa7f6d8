/**
 * Exchange files between the curator and executors on different computers, and the mark a message
 * gets when both sides changed it. MessageRecord has no field for that mark yet: it is stored on the
 * record as `conflict` (a sidecar field Dexie keeps as is) until the lead adds it to the type.
 */
import { z } from 'zod';
import type { MessageRecord } from '../messages/types';
import type { PublicationRecord } from '../publications/schema';
import { MessageEventSchema, type MessageEvent } from '../workflow/schema';

export const EXCHANGE_KIND = 'otklik-exchange';
export const EXCHANGE_VERSION = 1;

/** Who made a file: the curator, or an executor of a unit. */
export interface ExchangeOrigin {
  name: string;
  role: 'curator' | 'executor';
  department?: string;
}

export interface ExchangeItem {
  record: MessageRecord;
  /** The number of events the sender had: re-sent files are recognised without comparing events. */
  version: number;
  /** A hash of those events (see hashEvents): a truncated or edited record fails it. */
  baseHash: string;
}

export interface ExchangeFile {
  kind: typeof EXCHANGE_KIND;
  version: typeof EXCHANGE_VERSION;
  origin: ExchangeOrigin;
  /** The unit the curator's file is for; an executor of another unit is refused it. */
  to?: { department: string };
  exportedAt: string;
  messages: ExchangeItem[];
  /** Publication requests (App. 2 §9), whole with their events; absent in files of older versions. */
  publications?: PublicationRecord[];
}

/** Whoever's changes met ours: an exchange file's sender, or a backup. */
export interface ConflictSource {
  name: string;
  role: string;
  department?: string;
}

/**
 * Both sides changed the message: the curator decides. `pending` holds the other side's events that
 * could not join the history (the merged sequence did not replay); empty when they all joined.
 */
export interface MessageConflict {
  at: number;
  from: ConflictSource;
  pending: MessageEvent[];
}

/** A stored message with the sidecar mark. */
export type ConflictedRecord = MessageRecord & { conflict?: MessageConflict };

export const ConflictSchema = z.object({
  at: z.number().int(),
  from: z.object({ name: z.string(), role: z.string(), department: z.string().optional() }),
  pending: z.array(MessageEventSchema),
});

export function conflictOf(record: MessageRecord): MessageConflict | undefined {
  return (record as ConflictedRecord).conflict;
}

export interface ConflictReport {
  id: string;
  /** Events only we had. */
  ours: MessageEvent[];
  /** Events only they had. */
  theirs: MessageEvent[];
  /** Whether their events joined the history (otherwise they wait in the mark's `pending`). */
  merged: boolean;
}

export type ImportResult =
  | {
      ok: true;
      added: number;
      updated: number;
      unchanged: number;
      conflicts: ConflictReport[];
      /** The file's publication requests, when it had any. */
      publications?: { added: number; updated: number; unchanged: number };
    }
  | { ok: false; errors: string[] };
