/**
 * The content runtime: observe → parse → hand to features. One MutationObserver per page; its
 * callback only queues added nodes, and the work runs later in slices short enough never to make a
 * long task. Each comment element is parsed once per page (navigation starts a new generation).
 */
import { commentKeyOf, type PageInfo, type ParseContext, type ParsedComment, type ParsedPost, type SiteAdapter } from '../sites/types';
import { LOCAL_ZONE } from '../sites/zone';
import { CommentIndex } from './comments';
import { createYield, FIRST_MS_PER_ELEMENT, GROUP, MIN_MS_PER_ELEMENT, SLICE_MS } from './schedule';
import type { PageState } from './state';

export const COMMENT_ATTR = 'data-otklik-comment';
/** On every element Otklik adds to a page (badges, styles, the panel): never read as the page's content. */
export const UI_ATTR = 'data-otklik-ui';

export interface CommentSeen {
  el: Element;
  comment: ParsedComment;
  /** `${site}:${id}`, the value of data-otklik-comment. */
  key: string;
}

export interface PostSeen {
  el: Element;
  post: ParsedPost;
}

export interface Batch {
  page: PageInfo;
  comments: CommentSeen[];
  posts: PostSeen[];
}

/**
 * One capability of the content script, in a file of its own (lib/content/features/). A feature's
 * failure is caught and never stops the others. Features run in the order their `after` lists ask
 * for (orderFeatures), whatever order they are given in.
 */
export interface Feature {
  name: string;
  /** Features whose hooks must run before this one's, for the same batch or page. */
  after?: readonly string[];
  /** A new page (first load or SPA navigation), with the page's comments as the runtime indexes them. */
  onPage?(page: PageInfo, comments: CommentIndex): void;
  /** Comments and posts parsed in one slice. Runs inside the slice: keep it light. */
  onBatch?(batch: Batch): void;
  /** Marked comment elements that left the document (deleted, or the thread collapsed). */
  onRemoved?(elements: Element[]): void;
  /** The site replaced comments with its «Комментарий удалён» placeholder. */
  onDeleted?(items: { key: string; el: Element }[]): void;
  /** The queue drained: a good moment for messages to the background. */
  onIdle?(page: PageInfo): void;
}

export interface RuntimeOptions {
  adapter: SiteAdapter;
  doc: Document;
  state: PageState;
  features: Feature[];
  signal: AbortSignal;
  url?: () => string;
  now?: () => number;
  timeZone?: string;
  /** How a long scan gives the page a turn (tests count the turns). */
  yieldToPage?: () => Promise<void>;
  onError?: (feature: string, error: unknown) => void;
}

export interface Runtime {
  /** The page's comments as parsed (read only: the runtime is their one writer). */
  readonly comments: CommentIndex;
  /** Re-reads the page after an SPA navigation. */
  navigate(): void;
  /** Resolves when everything queued so far has been processed (tests, benchmarks). */
  idle(): Promise<void>;
}

/**
 * The features in an order that keeps every `after`: stable otherwise (the given order). A named
 * feature that is not in the list asks nothing; a cycle is a programming error, said at once.
 */
export function orderFeatures(features: readonly Feature[]): Feature[] {
  const byName = new Map(features.map((f) => [f.name, f]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: Feature[] = [];
  const visit = (f: Feature) => {
    if (done.has(f.name)) return;
    if (visiting.has(f.name)) throw new Error(`feature cycle: ${f.name}`);
    visiting.add(f.name);
    for (const name of f.after ?? []) {
      const before = byName.get(name);
      // Not on this page (a test, a site without it): nothing to wait for.
      if (before) visit(before);
    }
    visiting.delete(f.name);
    done.add(f.name);
    out.push(f);
  };
  for (const f of features) visit(f);
  return out;
}

export function startRuntime(options: RuntimeOptions): Runtime {
  const { adapter, doc, state, signal } = options;
  const features = orderFeatures(options.features);
  const index = new CommentIndex(adapter);
  const url = options.url ?? (() => doc.location?.href ?? '');
  const now = options.now ?? Date.now;
  // The browser's zone, the one the sites print dates in, read without Intl (see LOCAL_ZONE).
  const timeZone = options.timeZone ?? LOCAL_ZONE;
  const onError = options.onError ?? ((name, error) => console.error(`[Отклик] ${name}:`, error));
  const wantsRemovals = features.some((f) => f.onRemoved);
  const yieldToPage = options.yieldToPage ?? createYield();

  let generation = 0;
  const parsedIn = new WeakMap<Element, number>();
  let commentIds = new Set<string>();
  let postIds = new Set<string>();
  let page: PageInfo = readPage();

  const addedNodes: Node[] = [];
  const removedNodes: Node[] = [];
  let running: Promise<void> | null = null;
  let countsShownAt = 0;

  function showCounts() {
    countsShownAt = performance.now();
    state.posts.value = postIds.size;
    state.comments.value = commentIds.size;
  }

  function readPage(): PageInfo {
    return adapter.pageInfo(doc, { url: url(), now: now(), timeZone });
  }

  function each(hook: keyof Feature, call: (f: Feature) => void) {
    for (const feature of features) {
      if (!feature[hook]) continue;
      try {
        call(feature);
      } catch (error) {
        onError(feature.name, error);
      }
    }
  }

  /** `immediately`: start in this task (a new page's first scan), not after the page's current burst. */
  function schedule(immediately = false) {
    if (!running && !signal.aborted) {
      running = run(immediately).finally(() => {
        running = null;
        if (addedNodes.length || removedNodes.length) schedule();
      });
    }
  }

  /** The pace of the last group (parsing and features, ms an element); the first guess is cautious. */
  let msPerElement = FIRST_MS_PER_ELEMENT;

  /** When the current task of ours began: every part of a run counts against one budget. */
  let taskStarted = 0;
  const spent = () => performance.now() - taskStarted;
  async function nextTask() {
    await yieldToPage();
    taskStarted = performance.now();
  }

  async function run(immediately: boolean) {
    // Let the page finish the mutation burst it is in before we read anything.
    if (immediately) taskStarted = performance.now();
    else await nextTask();
    while ((addedNodes.length || removedNodes.length) && !signal.aborted) {
      if (removedNodes.length) handleRemovals(removedNodes.splice(0));
      const roots = addedNodes.splice(0);
      const ctx: ParseContext = { url: url(), now: now(), timeZone, page };
      const commentEls: Element[] = [];
      const postEls: Element[] = [];
      const deleted: { key: string; el: Element }[] = [];
      for (const root of roots) {
        if (!(root instanceof Element) || !root.isConnected) continue;
        // New content inside a comment we know: the site may have turned it into a placeholder.
        const host = root.parentElement?.closest(`[${COMMENT_ATTR}]`);
        if (host && adapter.isDeletedPlaceholder?.(host) && !deleted.some((d) => d.el === host)) {
          deleted.push({ key: host.getAttribute(COMMENT_ATTR)!, el: host });
        }
        for (const el of adapter.commentElements(root)) if (parsedIn.get(el) !== generation) commentEls.push(el);
        for (const el of adapter.postElements(root)) if (parsedIn.get(el) !== generation) postEls.push(el);
      }
      if (deleted.length) each('onDeleted', (f) => f.onDeleted!(deleted));
      await processInSlices(commentEls, postEls, ctx);
    }
    if (signal.aborted) return;
    // The features' idle work (badges, messages to the background) gets a task of its own when this
    // one is already half spent: on a slow computer the two together would make a long task.
    if (spent() > SLICE_MS / 2) await nextTask();
    if (signal.aborted) return;
    const fresh = readPage();
    if (fresh.name !== page.name || fresh.ownerId !== page.ownerId) page = fresh;
    state.page.value = page;
    showCounts();
    state.status.value = statusOf();
    each('onIdle', (f) => f.onIdle!(page));
  }

  async function processInSlices(commentEls: Element[], postEls: Element[], ctx: ParseContext) {
    let ci = 0;
    let pi = 0;
    const more = () => ci < commentEls.length || pi < postEls.length;
    while (more() && !signal.aborted) {
      // Groups of elements, each handed to the features at once, until the budget is spent. A group
      // is as large as the rest of the budget allows at the pace the last one went (at most GROUP):
      // the first groups run code the browser has not compiled yet and go several times slower.
      do {
        const batch: Batch & { deleted: { key: string; el: Element }[] } = { page, comments: [], posts: [], deleted: [] };
        const size = Math.max(1, Math.min(GROUP, Math.floor((SLICE_MS - spent()) / msPerElement)));
        const groupStarted = performance.now();
        let taken = 0;
        for (; pi < postEls.length && taken < size; taken++) {
          const el = postEls[pi++]!;
          if (parsedIn.get(el) === generation) continue;
          parsedIn.set(el, generation);
          const post = adapter.parsePost(el, ctx);
          if (post) batch.posts.push({ el, post });
        }
        for (; ci < commentEls.length && taken < size; taken++) {
          const el = commentEls[ci++]!;
          if (parsedIn.get(el) === generation) continue;
          parsedIn.set(el, generation);
          const comment = adapter.parseComment(el, ctx);
          if (!comment) {
            const id = adapter.isDeletedPlaceholder?.(el) ? adapter.deletedCommentId?.(el, ctx) : null;
            if (id) batch.deleted.push({ key: commentKeyOf({ site: adapter.site, id }), el });
            continue;
          }
          const key = commentKeyOf(comment);
          el.setAttribute(COMMENT_ATTR, key);
          index.set(key, el, comment);
          batch.comments.push({ el, comment, key });
        }
        for (const { post } of batch.posts) postIds.add(post.id);
        for (const { comment } of batch.comments) commentIds.add(comment.id);
        if (batch.deleted.length) each('onDeleted', (f) => f.onDeleted!(batch.deleted));
        if (batch.comments.length || batch.posts.length) each('onBatch', (f) => f.onBatch!(batch));
        if (taken) msPerElement = Math.max(MIN_MS_PER_ELEMENT, (performance.now() - groupStarted) / taken);
      } while (more() && !signal.aborted && spent() < SLICE_MS);
      // The panel's counts change at most every 200 ms: each change costs the page a repaint.
      if (performance.now() - countsShownAt > 200) showCounts();
      if (more()) await nextTask();
    }
  }

  function handleRemovals(nodes: Node[]) {
    const gone: Element[] = [];
    for (const node of nodes) {
      if (!(node instanceof Element) || node.isConnected) continue;
      if (node.hasAttribute(COMMENT_ATTR)) gone.push(node);
      for (const el of node.querySelectorAll(`[${COMMENT_ATTR}]`)) gone.push(el);
    }
    if (gone.length) each('onRemoved', (f) => f.onRemoved!(gone));
  }

  function statusOf(): PageState['status']['value'] {
    if (commentIds.size > 0) return 'ok';
    if (adapter.expectsComments(doc)) return 'no-comments';
    if (page.kind !== 'other' && postIds.size === 0) return 'unknown-markup';
    return 'ok';
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      // Our own badges and panel are not the page's content: reading them again would be wasted work.
      for (const node of record.addedNodes) if (node.nodeType === 1 && !(node as Element).hasAttribute(UI_ATTR)) addedNodes.push(node);
      if (wantsRemovals) for (const node of record.removedNodes) if (node.nodeType === 1) removedNodes.push(node);
    }
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  function start() {
    state.page.value = page;
    state.status.value = 'scanning';
    index.clear();
    each('onPage', (f) => f.onPage!(page, index));
    addedNodes.push(doc.documentElement);
    schedule(true);
  }
  start();

  return {
    comments: index,
    navigate() {
      generation++;
      commentIds = new Set();
      postIds = new Set();
      state.posts.value = 0;
      state.comments.value = 0;
      page = readPage();
      start();
    },
    async idle() {
      while (running) await running;
    },
  };
}
