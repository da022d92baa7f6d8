/** A stored message for tests: a comment under post -123456_1001, the rest given or derived from the events. */
import type { MessageRecord, MessageSource } from '../lib/messages/types';
import type { MessageEvent } from '../lib/workflow/schema';

export type RecordOverrides = Partial<Omit<MessageRecord, 'source'>> & { source?: Partial<MessageSource> };

export function messageRecord(n: string, events: MessageEvent[], over: RecordOverrides = {}): MessageRecord {
  const first = events[0]?.at ?? 0;
  const last = events[events.length - 1]?.at ?? first;
  const permalink = `https://vk.com/wall-123456_1001?reply=${n}`;
  const { source, ...rest } = over;
  return {
    id: n,
    site: 'vk',
    commentRef: `vk:-123456_${n}`,
    url: permalink,
    author: `Житель ${n}`,
    text: `Сообщение ${n}`,
    events,
    importKey: null,
    workingDraft: '',
    createdAt: first,
    updatedAt: last,
    ...rest,
    source: {
      pageKey: 'vk:-123456',
      pageName: 'Администрация города',
      pageUrl: 'https://vk.com/club123456',
      postId: '-123456_1001',
      commentId: `-123456_${n}`,
      permalink,
      authorId: null,
      authorUrl: null,
      writtenAt: first - 5 * 60_000,
      ...source,
    },
  };
}
