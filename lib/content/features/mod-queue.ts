/**
 * Hands the page's flagged comments to the moderators' queue in the side panel: what is new or
 * changed since the last report, and what the page still shows but no longer flags. A comment that
 * merely left the page (a thread collapsed) stays in the queue: only a decision takes it out.
 */
import { effect, type ReadonlySignal } from '@preact/signals-core';
import type { Evidence } from '../../moderation/log';
import type { Flagged } from './moderation';

const CHUNK = 500;

export interface ModQueueDeps {
  flagged: ReadonlySignal<Flagged[]>;
  evidence(items: readonly Flagged[]): Evidence[];
  send(report: { items: Evidence[]; cleared: string[] }): Promise<unknown>;
  /** Runs the report later, off the page's busy moments (ctx.setTimeout in the content script). */
  later(fn: () => void): void;
  signal: AbortSignal;
}

export function reportFlagged(deps: ModQueueDeps): void {
  const sent = new Map<string, { sig: string; el: Element }>();
  let scheduled = false;
  let chain: Promise<unknown> = Promise.resolve();

  function flush() {
    scheduled = false;
    if (deps.signal.aborted) return;
    const now = deps.flagged.peek();
    const current = new Set(now.map((f) => f.key));
    const fresh: Flagged[] = [];
    for (const f of now) {
      const sig = `${f.categories.join(' ')}|${f.findings.map((x) => x.match).join(' ')}`;
      if (sent.get(f.key)?.sig === sig) continue;
      sent.set(f.key, { sig, el: f.el });
      fresh.push(f);
    }
    const cleared: string[] = [];
    for (const [key, { el }] of sent) {
      if (current.has(key)) continue;
      sent.delete(key);
      if (el.isConnected) cleared.push(key);
    }
    if (!fresh.length && !cleared.length) return;
    const items = deps.evidence(fresh);
    chain = chain.then(async () => {
      try {
        for (let i = 0; i < Math.max(1, Math.ceil(items.length / CHUNK)); i++) {
          await deps.send({ items: items.slice(i * CHUNK, (i + 1) * CHUNK), cleared: i === 0 ? cleared : [] });
        }
      } catch {
        // Sent again at the next change: forget what did not arrive.
        for (const f of fresh) sent.delete(f.key);
      }
    });
  }

  const stop = effect(() => {
    deps.flagged.value;
    if (scheduled) return;
    scheduled = true;
    deps.later(flush);
  });
  deps.signal.addEventListener('abort', stop, { once: true });
}
