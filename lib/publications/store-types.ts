/** Rows of the publication tables (lib/db/schema.ts, version 9), kept here so the schema file stays a list. */

/** A publication event waiting to reach the team stream (lib/publications/team.ts). */
export interface PublicationOutboxRow {
  eventId: string;
  requestId: string;
  queuedAt: number;
}

/** What a post's footer said at one visit: one row a visit, so the numbers are a time series. */
export interface PostStatsRow {
  id?: number;
  /** `${site}:${postId}`, the posts table's key. */
  postKey: string;
  pageKey: string;
  at: number;
  views: number | null;
  likes: number | null;
  comments: number | null;
  reposts: number | null;
}

/** §12: what the live page showed of its text description and visual design, when last seen. */
export interface PageLooks {
  pageKey: string;
  at: number;
  description: boolean;
  cover: boolean;
  avatar: boolean;
}

/** A dated, numbered document: the head's decision or the written approval (App. 2 §4). */
export interface DocumentRef {
  /** yyyy-mm-dd. */
  date: string;
  number: string;
}

/** §4: a department's page is created by its head's decision with the department of information policy's written approval. */
export interface PageFounding {
  /** The registry entry's id. */
  entryId: string;
  decision: DocumentRef | null;
  approval: DocumentRef | null;
  updatedAt: number;
}
