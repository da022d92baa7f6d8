import type { Reply, RequestOf, RequestType, ResponseOf } from './index';
import { validateEnvelope } from './index';

export type Handlers = {
  [T in RequestType]: (data: RequestOf<T>, sender: { url?: string; tabId?: number }) => Promise<ResponseOf<T>>;
};

export interface Rejection {
  at: number;
  reason: string;
  from?: string;
}

/**
 * Validates, dispatches, and answers. A malformed message is answered with the reason, logged, and
 * never reaches a handler (so never the database).
 */
export function createDispatcher(handlers: Partial<Handlers>, log: (r: Rejection) => void = defaultLog) {
  return async (raw: unknown, sender: { url?: string; tabId?: number } = {}): Promise<Reply<unknown>> => {
    const checked = validateEnvelope(raw);
    if (!checked.ok) {
      log({ at: Date.now(), reason: checked.error, from: sender.url });
      return { ok: false, error: checked.error };
    }
    try {
      const handler = handlers[checked.type] as ((d: unknown, s: typeof sender) => Promise<unknown>) | undefined;
      if (!handler) throw new Error('нет обработчика');
      return { ok: true, data: await handler(checked.data, sender) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log({ at: Date.now(), reason: `${checked.type}: ${reason}`, from: sender.url });
      return { ok: false, error: reason };
    }
  };
}

function defaultLog(r: Rejection) {
  console.warn('[Отклик] сообщение отклонено:', r.reason, r.from ?? '');
}
