import { describe, expect, it } from 'vitest';
import { portClient } from '@/lib/protocol/port';

/** A port whose far end the test plays: it sees every posted message and answers or drops the port. */
function fakePorts() {
  const ports: { posted: { id: number; envelope: { type: string } }[]; answer(id: number, reply: unknown): void; drop(): void }[] = [];
  const connect = () => {
    const onMessage: ((m: unknown) => void)[] = [];
    const onDisconnect: (() => void)[] = [];
    const p = {
      posted: [] as { id: number; envelope: { type: string } }[],
      answer: (id: number, reply: unknown) => onMessage.forEach((f) => f({ id, reply })),
      drop: () => onDisconnect.forEach((f) => f()),
    };
    ports.push(p);
    return {
      postMessage: (m: unknown) => p.posted.push(m as never),
      onMessage: { addListener: (f: (m: unknown) => void) => onMessage.push(f) },
      onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
    };
  };
  return { ports, connect };
}

describe('requests over the page port', () => {
  it('posts at once on one port, in order, and resolves each with its own answer', async () => {
    const { ports, connect } = fakePorts();
    const client = portClient(connect);
    const a = client.request('options/open', {} as never);
    const b = client.request('options/open', {} as never);
    expect(ports).toHaveLength(1);
    expect(ports[0]!.posted.map((m) => m.id)).toEqual([1, 2]);
    ports[0]!.answer(2, { ok: false, error: 'нельзя' });
    ports[0]!.answer(1, { ok: true, data: { opened: true } });
    await expect(a).resolves.toEqual({ opened: true });
    await expect(b).rejects.toThrow('нельзя');
  });

  it('posts what was not answered again on a new port when the worker stops, then gives up with a reason', async () => {
    const { ports, connect } = fakePorts();
    const client = portClient(connect);
    const a = client.request('options/open', {} as never);
    ports[0]!.drop();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted.map((m) => m.id)).toEqual([1]);
    ports[1]!.drop();
    await expect(a).rejects.toThrow('фоновая страница не ответила');
  });
});
