import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { expect } from 'vitest';

export interface Read {
  seq: number;
  subject: string;
  text: string;
}

/**
 * Reads stream `stream` from sequence `from` to its end the way the browser's client does: an
 * ordered consumer from a cursor (`consumers.get(S, { opt_start_seq })`, then `fetch`).
 */
export async function readStream(nc: NatsConnection, stream: string, from = 1): Promise<Read[]> {
  const jsm = await jetstreamManager(nc);
  const last = (await jsm.streams.info(stream)).state.last_seq;
  if (last < from) return [];
  const consumer = await jetstream(nc).consumers.get(stream, { opt_start_seq: from });
  const out: Read[] = [];
  for await (const m of await consumer.fetch({ max_messages: last - from + 1, expires: 5_000 })) out.push({ seq: m.seq, subject: m.subject, text: m.string() });
  return out;
}

/** How many messages a stream holds (asked as someone who may read it). */
export async function count(nc: NatsConnection, stream: string): Promise<number> {
  return (await (await jetstreamManager(nc)).streams.info(stream)).state.messages;
}

/** The server refused the request or publish for lack of permission. */
export async function refused(what: Promise<unknown>, subject?: string) {
  await expect(what).rejects.toThrow(subject ? `Permissions Violation for Publish to "${subject}"` : /Permissions Violation/);
}

/** A JetStream publish: the acknowledgement when the server stored it. */
export function publish(nc: NatsConnection, subject: string, text: string, msgID?: string) {
  return jetstream(nc).publish(subject, text, msgID ? { msgID } : undefined);
}
