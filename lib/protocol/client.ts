import { browser } from 'wxt/browser';
import type { Envelope, Reply, RequestOf, RequestType, ResponseOf } from './index';

/** Sends a typed request to the background; rejects with the background's reason. */
export async function request<T extends RequestType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  const envelope: Envelope<T> = { otklik: 1, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<T>> | undefined;
  if (!reply) throw new Error('фоновая страница не ответила');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
