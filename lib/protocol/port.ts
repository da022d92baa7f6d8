/**
 * Requests from a page over one long-lived port, for what must not be lost when the tab closes:
 * the comments the page showed and the deletions the moderator recorded. A `sendMessage` from a
 * closing tab is often dropped with it (the browser opens each message's channel asynchronously;
 * seen in Chromium: 5,400 of 10,000 comments stored), and so is a storage write; a message posted
 * on a port that is already open is on its way at once, in order.
 *
 * Each request carries an id; the background answers on the port with that id. If the port goes
 * (the service worker was stopped), what was not answered is posted again on a new one — the
 * handlers are idempotent.
 */
import { browser } from 'wxt/browser';
import type { Envelope, Reply, RequestOf, RequestType, ResponseOf } from './index';

export const PAGE_PORT = 'otklik-page';

export type PortRequest = { id: number; envelope: Envelope<RequestType> };
export type PortReply = { id: number; reply: Reply<unknown> };

interface MinimalPort {
  postMessage(m: unknown): void;
  onMessage: { addListener(f: (m: unknown) => void): void };
  onDisconnect: { addListener(f: () => void): void };
}

export function portClient(connect: () => MinimalPort = () => browser.runtime.connect({ name: PAGE_PORT }) as unknown as MinimalPort) {
  let port: MinimalPort | null = null;
  let next = 1;
  const waiting = new Map<number, { message: PortRequest; resolve(r: Reply<unknown>): void; tries: number }>();

  function open(): MinimalPort {
    const p = connect();
    p.onMessage.addListener((m) => {
      const { id, reply } = m as PortReply;
      const w = waiting.get(id);
      if (!w) return;
      waiting.delete(id);
      w.resolve(reply);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      // The worker stopped before answering: once more on a new port, then give up with a reason.
      for (const [id, w] of waiting) {
        if (w.tries >= 2) {
          waiting.delete(id);
          w.resolve({ ok: false, error: 'фоновая страница не ответила' });
        } else {
          w.tries++;
          post(w.message);
        }
      }
    });
    return p;
  }

  function post(message: PortRequest) {
    port ??= open();
    port.postMessage(message);
  }

  return {
    /** Posted now, synchronously; the promise is the background's answer. */
    request<T extends RequestType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
      const message: PortRequest = { id: next++, envelope: { otklik: 1, type, data } as Envelope<RequestType> };
      const answer = new Promise<Reply<unknown>>((resolve) => waiting.set(message.id, { message, resolve, tries: 1 }));
      try {
        post(message);
      } catch (e) {
        waiting.delete(message.id);
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
      return answer.then((reply) => {
        if (!reply.ok) throw new Error(reply.error);
        return reply.data as ResponseOf<T>;
      });
    },
  };
}
