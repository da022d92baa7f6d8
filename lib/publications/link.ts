/**
 * Which seen post is which approved request (App. 2 §10 counts what was published; §9 says what was
 * approved): each post of a page goes to the approved request for that page whose text is most like
 * it, if alike enough; every version of the request's text is tried, so a post published from the
 * author's wording before the department's last edit still links.
 */
import type { PublicationState } from './reducer';
import { LINK_THRESHOLD, printOf, similarity } from './similarity';

export interface LinkCandidate {
  id: string;
  state: PublicationState;
}

export interface SeenPost {
  key: string;
  text: string;
  publishedAt: number | null;
  permalink: string | null;
}

export interface PostLink {
  requestId: string;
  post: SeenPost;
  score: number;
}

/** A post is never dated much before its approval: the page may publish a little before the planned time. */
const EARLY = 24 * 3600_000;

/**
 * Links posts of one page to the approved requests meant for it (`pageIds`: the registry entries that
 * are this page). One post, one request: the best pairs are taken first.
 */
export function linkPosts(requests: readonly LinkCandidate[], posts: readonly SeenPost[], pageIds: ReadonlySet<string>, taken: ReadonlySet<string> = new Set()): PostLink[] {
  const open = requests.filter((r) => r.state.status === 'approved' && r.state.pages.some((p) => pageIds.has(p)));
  if (!open.length) return [];
  const prints = open.map((r) => [...new Set(r.state.versions.map((v) => v.text))].map(printOf));
  const pairs: PostLink[] = [];
  for (const post of posts) {
    if (taken.has(post.key) || !post.text.trim()) continue;
    const print = printOf(post.text);
    open.forEach((r, i) => {
      if (post.publishedAt !== null && post.publishedAt < (r.state.approvedAt ?? r.state.submittedAt) - EARLY) return;
      const score = Math.max(...prints[i]!.map((p) => similarity(p, print)));
      if (score >= LINK_THRESHOLD) pairs.push({ requestId: r.id, post, score });
    });
  }
  pairs.sort((a, b) => b.score - a.score);
  const usedPosts = new Set<string>();
  const usedRequests = new Set<string>();
  const out: PostLink[] = [];
  for (const p of pairs) {
    if (usedPosts.has(p.post.key) || usedRequests.has(p.requestId)) continue;
    usedPosts.add(p.post.key);
    usedRequests.add(p.requestId);
    out.push(p);
  }
  return out;
}
