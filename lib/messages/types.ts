/**
 * A citizen's message as Otklik stores it (App. 1): the workflow's Message (events inside) plus where
 * it came from on the page, and a small summary row the queue reads without loading whole messages.
 */
import type { MessageConflict } from '../exchange/types';
import type { CommentOrigin, Site } from '../sites/types';
import type { Message, MessageEvent } from '../workflow/schema';
import type { MessageStatus } from '../workflow/transitions';
import type { DeadlineName, Importance } from '../workflow/table';

/** What a message keeps of the comment it came from; an import may know only part of it (null). */
type KeptOfOrigin = 'pageKey' | 'pageName' | 'pageUrl' | 'postId' | 'commentId' | 'permalink' | 'authorId' | 'authorUrl';

/**
 * Where the message was found: the comment it is tied to on VK or OK (lib/sites/shapes.ts originSchema,
 * the fields a message keeps). `writtenAt` is the comment's publishedAt, under the name stored records,
 * backups and exchange files have always used.
 */
export type MessageSource = { [K in KeptOfOrigin]: CommentOrigin[K] | null } & {
  /** When the citizen wrote it (unix ms), if known. */
  writtenAt: number | null;
};

/** The source a message registered on a comment keeps. */
export function sourceOf(o: CommentOrigin): MessageSource {
  return {
    pageKey: o.pageKey,
    pageName: o.pageName,
    pageUrl: o.pageUrl,
    postId: o.postId,
    commentId: o.commentId,
    permalink: o.permalink,
    authorId: o.authorId,
    authorUrl: o.authorUrl,
    writtenAt: o.publishedAt,
  };
}

export interface MessageRecord extends Message {
  source: MessageSource;
  /**
   * Identity of an imported row (the monitoring system's id, or a hash of site + link + text): the
   * same file imported twice creates no duplicates.
   */
  importKey: string | null;
  /** The executor's reply being written, not yet submitted (kept so nothing typed is lost). */
  workingDraft: string;
  /** The page's own reply as seen under the comment (proof for §10), and whether it differs from the approved text. */
  publication?: { url: string | null; at: number; text: string; differs: boolean };
  /** Both sides changed it in an exchange or a merge: the curator decides (lib/exchange). */
  conflict?: MessageConflict;
  /**
   * Team sync: where each event stands in the team's log (the server's time of the earliest copy
   * read, ms), by event id; events not yet read back from the server come after all of these.
   */
  order?: Record<string, number>;
  /**
   * Team sync: acts the shared log put after another that made them impossible (two people at
   * once: «the log's order decides»). Kept, shown on the card, never applied.
   */
  refused?: { event: MessageEvent; error: string }[];
  createdAt: number;
  updatedAt: number;
}

/** One row of the queue: everything the list shows and filters on, and nothing more. */
export interface MessageSummary {
  id: string;
  site: Site;
  commentRef: string | null;
  status: MessageStatus;
  importance: Importance;
  topic: string;
  location: string;
  /** The responsible executor's unit, '' before routing. */
  department: string;
  coDepartments: string[];
  author: string;
  /** The first 140 characters of the text, for the list and for search. */
  snippet: string;
  receivedAt: number;
  /** The soonest deadline still open (overdue ones included); null when nothing is due. */
  nextName: DeadlineName | null;
  nextDue: number | null;
  /** Who answers for the next deadline: 'curator' or the unit's name. */
  nextOwner: string | null;
  violations: number;
  sociallySignificant: boolean;
  /** Changed on two computers: waits for the curator's decision. */
  conflict: boolean;
  updatedAt: number;
}
