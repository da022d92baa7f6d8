/** The background's end of the page port (lib/protocol/port): each request dispatched in order, answered with its id. */
import { browser } from 'wxt/browser';
import { PAGE_PORT, type PortReply, type PortRequest } from '../protocol/port';
import type { Reply } from '../protocol';

type Dispatch = (raw: unknown, sender: { url?: string; tabId?: number }) => Promise<Reply<unknown>>;

export function servePagePort(dispatch: Dispatch): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PAGE_PORT) return;
    const sender = { url: port.sender?.url, tabId: port.sender?.tab?.id };
    let chain: Promise<unknown> = Promise.resolve();
    // In order: a deletion posted before the page's next comments is stored before them. The tab may
    // be gone by the time the answer is ready: what it posted is stored all the same.
    port.onMessage.addListener((m) => {
      const { id, envelope } = (m ?? {}) as Partial<PortRequest>;
      chain = chain.then(async () => {
        const reply = await dispatch(envelope, sender);
        try {
          port.postMessage({ id, reply } satisfies Partial<PortReply>);
        } catch {
          // The page has gone.
        }
      });
    });
  });
}
