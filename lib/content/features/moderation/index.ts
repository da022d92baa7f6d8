/**
 * Moderation on the page (App. 2 §15, App. 1 §16): every comment the rules flag gets
 * data-otklik-flags and a light badge (category, clause, words), «Не нарушение» and «Я удалил(а)»;
 * deletions the site shows are written to the log with the comment's full evidence.
 *
 * The parts: judge.ts (what flags a comment, no DOM), badges.ts (the badge), actions.ts (what the
 * moderator does on it), deletions.ts (the log). This file ties them to the page's comments as the
 * runtime indexes them, and to the settings, allow-list and words that change while a page is open.
 */
import { batch as batchSignals, computed, effect, signal, type ReadonlySignal } from '@preact/signals-core';
import type { Evidence } from '../../../moderation/log';
import type { Allowlist } from '../../../moderation/allowlist';
import type { Settings } from '../../../settings/defaults';
import type { Category } from '../../../rules/types';
import { originOf, type PageInfo, type SiteAdapter } from '../../../sites/types';
import type { CommentIndex } from '../../comments';
import type { Feature } from '../../runtime';
import { highlightWords, listenBadgeActions } from './actions';
import { applyFlags, signature, type Flagged } from './badges';
import { createDeletions } from './deletions';
import { createJudge, type Classify } from './judge';

export { FLAGS_ATTR, type Flagged } from './badges';
export type { Classify } from './judge';

export interface ModerationDeps {
  adapter: SiteAdapter;
  doc: Document;
  /** A new classifier (the team's words changed) judges every comment again. */
  classify: ReadonlySignal<Classify>;
  settings: ReadonlySignal<Settings>;
  allowlist: ReadonlySignal<Allowlist>;
  /** Whether flags are shown on this page (settings: every page, or registered/moderated ones). */
  enabledOn: (page: PageInfo) => boolean;
  report: {
    deleted(evidence: Evidence, how: 'detected' | 'manual'): Promise<unknown>;
    notViolation(evidence: Evidence, scope: 'comment' | 'word', words: string[]): Promise<unknown>;
  };
  signal: AbortSignal;
}

export function moderation(deps: ModerationDeps) {
  const { adapter, doc, classify, settings, allowlist } = deps;
  const page = signal<PageInfo | null>(null);
  const flagged = signal<Flagged[]>([]);
  const active = computed(() => (page.value ? deps.enabledOn(page.value) : false));
  const error = signal<string | null>(null);
  const allowedComments = computed(() => new Set(allowlist.value.comments));
  const allowedWords = computed(() => new Set(allowlist.value.words));
  /** The page's comments, the runtime's index (set on every page). */
  let comments: CommentIndex | null = null;

  const judge = createJudge({
    classify: () => classify.value,
    active: () => active.value,
    categoryOn: (category) => settings.value.moderation.categories[category] !== false,
    allowedComment: (key) => allowedComments.value.has(key),
    allowedWord: (word) => allowedWords.value.has(word),
    comment: (key) => comments?.get(key)?.comment,
  });

  function evaluate(key: string, el: Element, comment: Flagged['comment']): Flagged | null {
    const verdict = judge.judge(key, comment);
    return verdict ? { key, el, comment, ...verdict, logged: false } : null;
  }

  /** The element holding a flagged comment's text, as the index has it (an element the site since replaced: the element). */
  function textOf(item: Pick<Flagged, 'key' | 'el'>): Element {
    const entry = comments?.get(item.key);
    return entry?.el === item.el ? entry.text : item.el;
  }

  const apply = (item: Flagged | null, el: Element) => applyFlags(doc, item, el, item ? textOf(item) : el);

  function evidenceOf(item: Flagged): Evidence {
    return {
      ...originOf(page.value!, item.comment),
      categories: item.categories,
      clauses: [...new Set(item.findings.map((f) => f.clause))],
      matches: [...new Set(item.findings.map((f) => f.match))].slice(0, 50),
    };
  }

  const deletions = createDeletions({
    doc,
    adapter,
    flagged,
    evidenceOf,
    report: deps.report.deleted,
    status: (reason) => (error.value = reason),
  });

  let pendingFlags: Flagged[] = [];
  let flushedAt = performance.now();
  function flushFlags() {
    flushedAt = performance.now();
    if (!pendingFlags.length) return;
    const added = pendingFlags.filter((item) => item.el.isConnected);
    pendingFlags = [];
    for (const item of added) apply(item, item.el);
    // A comment the site drew anew (a virtualised list scrolled back) replaces its old entry: one
    // entry a comment, so a deletion is logged once and the counts stay right on a long scroll.
    const keys = new Map(added.map((item) => [item.key, item]));
    const kept = flagged.value.filter((old) => {
      const fresh = keys.get(old.key);
      if (fresh && old.logged) fresh.logged = true;
      return !fresh;
    });
    flagged.value = [...kept, ...added];
  }

  /**
   * After a change of settings, allow-list or words: every comment judged again, and only the
   * badges whose content changed are rewritten. A «Не нарушение» on a page of 2,000 comments clears
   * one badge, not 200 (rewriting them all was a 70 ms task and a relayout of the whole page).
   */
  function reevaluateAll() {
    const before = new Map(flagged.peek().map((f) => [f.key, f]));
    const next: Flagged[] = [];
    for (const { key, el, comment } of comments ?? []) {
      if (!el.isConnected) continue;
      const item = evaluate(key, el, comment);
      const old = before.get(key);
      if (!item) {
        if (old) apply(null, el);
        continue;
      }
      if (old && signature(old) === signature(item)) {
        next.push(old);
        continue;
      }
      if (old) item.logged = old.logged;
      apply(item, el);
      next.push(item);
    }
    // Comments judged before their badges were written are judged again above, with the rest.
    pendingFlags = [];
    flagged.value = next;
  }

  /** One comment judged anew (it turned out to be part of a mailing). */
  function judgeAgain(key: string) {
    const entry = comments?.get(key);
    if (!entry?.el.isConnected) return;
    const item = evaluate(key, entry.el, entry.comment);
    const known = flagged.value.some((f) => f.key === key);
    pendingFlags = pendingFlags.filter((f) => f.key !== key);
    if (known) flagged.value = flagged.value.filter((f) => f.key !== key);
    if (item) pendingFlags.push(item);
    else if (known) apply(null, entry.el);
  }

  let current = -1;
  function reveal(key: string) {
    const item = flagged.value.find((f) => f.key === key);
    if (!item || !item.el.isConnected) return;
    item.el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    item.el.classList.remove('otklik-pulse');
    // Restart the animation: it must play again on a second click.
    void (item.el as HTMLElement).offsetWidth;
    item.el.classList.add('otklik-pulse');
    highlightWords(textOf(item), item);
    current = flagged.value.indexOf(item);
  }

  function jump(direction: 1 | -1) {
    const list = [...flagged.value]
      .filter((f) => f.el.isConnected)
      .sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    if (!list.length) return;
    const at = current >= 0 ? list.indexOf(flagged.value[current]!) : -1;
    const next = at < 0 ? (direction > 0 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
    reveal(list[next]!.key);
    current = flagged.value.indexOf(list[next]!);
  }

  listenBadgeActions({
    doc,
    find(key) {
      const item = flagged.value.find((f) => f.key === key);
      return item && { item, text: textOf(item) };
    },
    notViolation: (item, scope, words) => deps.report.notViolation(evidenceOf(item), scope, words),
    deleted: (item) => deletions.record([item.key], 'manual'),
    failed: (reason) => (error.value = reason),
    signal: deps.signal,
  });

  // Settings or allow-list changed (here or in another tab): judge the whole page again.
  let first = true;
  let classifierSeen = classify.peek();
  const stop = effect(() => {
    if (classify.value !== classifierSeen) {
      classifierSeen = classify.value;
      judge.forgetVerdicts();
    }
    void settings.value;
    void allowlist.value;
    void active.value;
    if (first) {
      first = false;
      return;
    }
    reevaluateAll();
  });
  deps.signal.addEventListener('abort', stop, { once: true });

  const feature: Feature = {
    name: 'moderation',
    onPage(p, index) {
      comments = index;
      batchSignals(() => {
        page.value = p;
        flagged.value = [];
      });
      pendingFlags = [];
      judge.reset();
      current = -1;
    },
    onBatch(b) {
      if (page.value !== b.page) page.value = b.page;
      const again: string[] = [];
      for (const { el, comment, key } of b.comments) {
        again.push(...judge.noteMailing(key, comment));
        const item = evaluate(key, el, comment);
        if (item) pendingFlags.push(item);
      }
      for (const key of again) judgeAgain(key);
      // Badges change the layout: written together when the queue drains, so the page lays out once;
      // only a very long run (an endless wall) shows them on the way, once a second.
      if (pendingFlags.length && performance.now() - flushedAt > 1000) flushFlags();
    },
    onIdle() {
      flushFlags();
    },
    onDeleted(items) {
      deletions.record(
        items.map((i) => i.key),
        'detected',
      );
    },
    onRemoved(els) {
      deletions.removed(els);
    },
  };

  const counts = computed(() => {
    const c = {} as Record<Category, number>;
    for (const f of flagged.value) for (const cat of f.categories) c[cat] = (c[cat] ?? 0) + 1;
    return c;
  });

  /** The flagged comments as evidence, for the moderators' queue across pages (in the side panel). */
  const evidence = (items: readonly Flagged[]): Evidence[] => (page.value ? items.map(evidenceOf) : []);

  return { feature, model: { page, flagged, counts, active, error, reveal, jump, evidence } };
}

export type ModerationModel = ReturnType<typeof moderation>['model'];
