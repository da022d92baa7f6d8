/**
 * Moderation on the page (App. 2 §15, App. 1 §16): every comment the rules flag gets
 * data-otklik-flags and a light badge (category, clause, words), «Не нарушение» and «Я удалил(а)»;
 * deletions the site shows are written to the log with the comment's full evidence.
 */
import { batch as batchSignals, computed, effect, signal, type ReadonlySignal } from '@preact/signals-core';
import { CATEGORY_NAMES, shortClause, TEAM_WORDS_NOTE } from '../../moderation/labels';
import type { Evidence } from '../../moderation/log';
import { normaliseWord, type Allowlist } from '../../moderation/allowlist';
import type { Settings } from '../../settings/defaults';
import type { Category, Finding } from '../../rules/types';
import { originOf, type PageInfo, type ParsedComment, type SiteAdapter } from '../../sites/types';
import { clearHighlight, rangesFor, showHighlight } from '../highlight';
import { COMMENT_ATTR, UI_ATTR, type Feature } from '../runtime';

export const FLAGS_ATTR = 'data-otklik-flags';
/** The rules' verdict threshold: below it a finding does not make a comment deletable. */
const FLAG_CONFIDENCE = 0.5;


/** `recent`: other comments with the same text, so the rules can call it a mass mailing. */
export type Classify = (
  text: string,
  context?: { author?: string; recent?: readonly { author?: string; text: string }[] },
) => { verdict: string; findings: Finding[] };

/** Shorter texts repeat innocently («Спасибо!», «Когда?»); a mailing is longer than this. */
const MAILING_MIN_CHARS = 40;

function mailingKey(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[^a-zа-я0-9]+/g, ' ').trim();
}

export interface Flagged {
  key: string;
  el: Element;
  comment: ParsedComment;
  findings: Finding[];
  categories: Category[];
  /** Set once the deletion is in the log. */
  logged: boolean;
}

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

  /** Every comment of this page, for re-evaluation when the settings or the allow-list change. */
  let seen = new Map<string, { el: Element; comment: ParsedComment }>();
  const verdicts = new Map<string, Finding[]>();
  let current = -1;

  /** Comments on this page grouped by their text: the same long text from several authors is a mailing. */
  let mailings = new Map<string, { authors: Set<string>; keys: string[] }>();

  /** Notes a comment's text; returns the other comments to judge again when it makes a mailing. */
  function noteMailing(key: string, comment: ParsedComment): string[] {
    if (comment.own || comment.text.length < MAILING_MIN_CHARS) return [];
    const k = mailingKey(comment.text);
    let group = mailings.get(k);
    if (!group) mailings.set(k, (group = { authors: new Set(), keys: [] }));
    const before = group.authors.size;
    group.authors.add(comment.authorId ?? comment.authorName ?? key);
    if (!group.keys.includes(key)) group.keys.push(key);
    if (group.authors.size < 2) return [];
    for (const other of group.keys) verdicts.delete(other);
    // When the second author appears, the first one's comment becomes part of the mailing too.
    return before < 2 ? group.keys.filter((other) => other !== key) : [];
  }

  function recentFor(key: string, comment: ParsedComment) {
    if (comment.text.length < MAILING_MIN_CHARS) return undefined;
    const group = mailings.get(mailingKey(comment.text));
    if (!group || group.authors.size < 2) return undefined;
    return group.keys
      .filter((k) => k !== key)
      .map((k) => seen.get(k)?.comment)
      .filter((c): c is ParsedComment => c !== undefined)
      .map((c) => ({ author: c.authorId ?? c.authorName ?? undefined, text: c.text }));
  }

  function findingsOf(key: string, comment: ParsedComment): Finding[] {
    let all = verdicts.get(key);
    if (!all) {
      const recent = recentFor(key, comment);
      const context = recent ? { author: comment.authorId ?? comment.authorName ?? undefined, recent } : undefined;
      // Low-confidence findings are hints for the rules' verdict, not flags on the page.
      all = classify.value(comment.text, context).findings.filter((f) => f.confidence >= FLAG_CONFIDENCE);
      verdicts.set(key, all);
    }
    if (!all.length) return all;
    const categories = settings.value.moderation.categories;
    const allowed = allowedWords.value;
    return all.filter(
      (f) => categories[f.category] !== false && !allowed.has(normaliseWord(f.normalized)) && !allowed.has(normaliseWord(f.match)),
    );
  }

  function evaluate(key: string, el: Element, comment: ParsedComment): Flagged | null {
    if (!active.value || comment.own || allowedComments.value.has(key)) return null;
    const findings = findingsOf(key, comment);
    if (!findings.length) return null;
    const categories = [...new Set(findings.map((f) => f.category))];
    return { key, el, comment, findings, categories, logged: false };
  }

  function apply(item: Flagged | null, el: Element) {
    const badge = badgeOf(el);
    if (!item) {
      el.removeAttribute(FLAGS_ATTR);
      badge?.remove();
      return;
    }
    el.setAttribute(FLAGS_ATTR, item.categories.join(' '));
    const fresh = renderBadge(doc, item);
    if (badge) badge.replaceWith(fresh);
    else insertBadge(el, fresh);
  }

  function badgeOf(el: Element): Element | null {
    const key = el.getAttribute(COMMENT_ATTR);
    for (const b of el.querySelectorAll(`.otklik-flags[${UI_ATTR}]`)) if (b.getAttribute('data-for') === key) return b;
    return null;
  }

  function insertBadge(el: Element, badge: Element) {
    const text = adapter.commentTextElement?.(el) ?? null;
    if (text && text !== el) text.after(badge);
    else el.append(badge);
  }

  /**
   * After a change of settings, allow-list or words: every comment judged again, and only the
   * badges whose content changed are rewritten. A «Не нарушение» on a page of 2,000 comments clears
   * one badge, not 200 (rewriting them all was a 70 ms task and a relayout of the whole page).
   */
  function reevaluateAll() {
    const before = new Map(flagged.peek().map((f) => [f.key, f]));
    const next: Flagged[] = [];
    for (const [key, { el, comment }] of seen) {
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
    const entry = seen.get(key);
    if (!entry?.el.isConnected) return;
    const item = evaluate(key, entry.el, entry.comment);
    const known = flagged.value.some((f) => f.key === key);
    pendingFlags = pendingFlags.filter((f) => f.key !== key);
    if (known) flagged.value = flagged.value.filter((f) => f.key !== key);
    if (item) pendingFlags.push(item);
    else if (known) apply(null, entry.el);
  }

  function evidenceOf(item: Flagged): Evidence {
    const p = page.value!;
    const c = item.comment;
    return {
      ...originOf(p, c),
      categories: item.categories,
      clauses: [...new Set(item.findings.map((f) => f.clause))],
      matches: [...new Set(item.findings.map((f) => f.match))].slice(0, 50),
    };
  }

  function recordDeleted(keys: string[], how: 'detected' | 'manual') {
    const items = flagged.value.filter((f) => keys.includes(f.key) && !f.logged);
    if (!items.length) return;
    for (const item of items) {
      item.logged = true;
      deps.report.deleted(evidenceOf(item), how).then(
        () => (error.value = null),
        (e: unknown) => {
          item.logged = false;
          error.value = `Не удалось записать в журнал: ${e instanceof Error ? e.message : String(e)}`;
        },
      );
    }
    if (how === 'detected') flagged.value = flagged.value.filter((f) => !keys.includes(f.key));
    else flagged.value = [...flagged.value];
  }

  function reveal(key: string) {
    const item = flagged.value.find((f) => f.key === key);
    if (!item || !item.el.isConnected) return;
    item.el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    item.el.classList.remove('otklik-pulse');
    // Restart the animation: it must play again on a second click.
    void (item.el as HTMLElement).offsetWidth;
    item.el.classList.add('otklik-pulse');
    const text = adapter.commentTextElement?.(item.el) ?? item.el;
    showHighlight(rangesFor(text, item.comment.text, item.findings));
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

  // One delegated listener for every badge on the page.
  function onClick(event: Event) {
    const target = event.target as Element | null;
    const badge = target?.closest?.(`.otklik-flags[${UI_ATTR}]`);
    if (!badge) return;
    const button = target!.closest('button');
    if (!button) return;
    event.preventDefault();
    event.stopPropagation();
    const key = badge.getAttribute('data-for')!;
    const item = flagged.value.find((f) => f.key === key);
    if (!item) return;
    const action = button.getAttribute('data-action');
    if (action === 'show') {
      const pressed = button.getAttribute('aria-pressed') === 'true';
      for (const b of doc.querySelectorAll('.otklik-flag[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
      if (pressed) clearHighlight();
      else {
        button.setAttribute('aria-pressed', 'true');
        const text = adapter.commentTextElement?.(item.el) ?? item.el;
        showHighlight(rangesFor(text, item.comment.text, item.findings.filter((f) => f.category === button.getAttribute('data-category'))));
      }
    } else if (action === 'not-violation') {
      badge.replaceWith(renderChoice(doc, item));
    } else if (action === 'cancel') {
      badge.replaceWith(renderBadge(doc, item));
    } else if (action === 'allow-comment' || action === 'allow-word') {
      const scope = action === 'allow-comment' ? 'comment' : 'word';
      const words = [...new Set(item.findings.map((f) => f.normalized))].slice(0, 20);
      deps.report.notViolation(evidenceOf(item), scope, words).catch((e: unknown) => {
        error.value = `Не удалось сохранить решение: ${e instanceof Error ? e.message : String(e)}`;
        badge.replaceWith(renderBadge(doc, item));
      });
      // The allow-list change comes back through storage and clears the flag on every tab.
    } else if (action === 'deleted') {
      recordDeleted([key], 'manual');
      badge.replaceWith(renderBadge(doc, item));
    }
  }
  function onHover(event: Event) {
    const flag = (event.target as Element | null)?.closest?.('.otklik-flag');
    if (!flag || doc.querySelector('.otklik-flag[aria-pressed="true"]')) return;
    const key = flag.closest(`[${UI_ATTR}]`)?.getAttribute('data-for');
    const item = flagged.value.find((f) => f.key === key);
    if (!item) return;
    if (event.type === 'mouseout') return clearHighlight();
    const text = adapter.commentTextElement?.(item.el) ?? item.el;
    showHighlight(rangesFor(text, item.comment.text, item.findings.filter((f) => f.category === flag.getAttribute('data-category'))));
  }
  doc.addEventListener('click', onClick, { capture: true, signal: deps.signal });
  doc.addEventListener('mouseover', onHover, { signal: deps.signal });
  doc.addEventListener('mouseout', onHover, { signal: deps.signal });

  // Settings or allow-list changed (here or in another tab): judge the whole page again.
  let first = true;
  let classifierSeen = classify.peek();
  const stop = effect(() => {
    if (classify.value !== classifierSeen) {
      classifierSeen = classify.value;
      verdicts.clear();
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
    onPage(p) {
      batchSignals(() => {
        page.value = p;
        flagged.value = [];
      });
      pendingFlags = [];
      mailings = new Map();
      seen = new Map();
      current = -1;
    },
    onBatch(b) {
      if (page.value !== b.page) page.value = b.page;
      const again: string[] = [];
      for (const { el, comment, key } of b.comments) {
        seen.set(key, { el, comment });
        again.push(...noteMailing(key, comment));
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
      recordDeleted(items.map((i) => i.key), 'detected');
    },
    onRemoved(els) {
      if (adapter.deletionLeavesPlaceholder !== false) return;
      // Sites that remove a deleted comment's block (OK): gone for good unless it is back after the re-render.
      const keys = els.map((e) => e.getAttribute(COMMENT_ATTR)!).filter((k) => flagged.value.some((f) => f.key === k));
      if (!keys.length) return;
      setTimeout(() => {
        const gone = keys.filter((k) => !doc.querySelector(`[${COMMENT_ATTR}="${CSS.escape(k)}"]`));
        if (gone.length) recordDeleted(gone, 'detected');
      }, 0);
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

/** What a badge shows: the same signature, the same badge. */
function signature(item: Flagged): string {
  return item.findings.map((f) => `${f.category}\u0000${f.clause}\u0000${f.match}`).join('\u0001');
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string, text?: string) {
  const e = doc.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(doc: Document, cls: string, action: string, text: string) {
  const b = el(doc, 'button', cls, text);
  b.type = 'button';
  b.setAttribute('data-action', action);
  return b;
}

const DELETED_TITLE = 'Отклик не удаляет комментарии: отметьте, что вы удалили его на сайте — это попадёт в журнал';

/** The badge: built with DOM calls and textContent only — a comment's text is never markup. */
function renderBadge(doc: Document, item: Flagged): Element {
  const box = el(doc, 'div', 'otklik-flags');
  box.setAttribute(UI_ATTR, '');
  box.setAttribute('data-for', item.key);
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Отклик: нарушения');
  for (const category of item.categories) {
    const findings = item.findings.filter((f) => f.category === category);
    const clause = findings[0]!.clause;
    const flag = button(doc, `otklik-flag otklik-flag--${category}`, 'show', '');
    flag.setAttribute('data-category', category);
    flag.setAttribute('aria-pressed', 'false');
    const team = findings.every((f) => f.team);
    flag.title = `${clause}${team ? ` (${TEAM_WORDS_NOTE}: слова из настроек)` : ''}. Нажмите, чтобы выделить слова в тексте`;
    flag.append(el(doc, 'span', 'otklik-flag__name', CATEGORY_NAMES[category]), el(doc, 'span', 'otklik-flag__clause', shortClause(clause)));
    if (team) flag.append(el(doc, 'span', 'otklik-flag__team', TEAM_WORDS_NOTE));
    box.append(flag);
  }
  const words = [...new Set(item.findings.map((f) => f.match))];
  box.append(el(doc, 'span', 'otklik-words', `«${words.slice(0, 5).join('», «')}»${words.length > 5 ? ' …' : ''}`));
  if (item.logged) box.append(el(doc, 'span', 'otklik-words', 'записано в журнал'));
  else {
    // Otklik deletes nothing: the moderator deletes on the site, and this records that they did.
    const deleted = button(doc, 'otklik-action', 'deleted', 'Я удалил(а)');
    deleted.title = DELETED_TITLE;
    box.append(deleted);
  }
  box.append(button(doc, 'otklik-action', 'not-violation', 'Не нарушение'));
  return box;
}

function renderChoice(doc: Document, item: Flagged): Element {
  const box = el(doc, 'div', 'otklik-flags');
  box.setAttribute(UI_ATTR, '');
  box.setAttribute('data-for', item.key);
  box.append(
    el(doc, 'span', 'otklik-words', 'Не нарушение:'),
    button(doc, 'otklik-action', 'allow-comment', 'только этот комментарий'),
    button(doc, 'otklik-action', 'allow-word', 'эти слова везде'),
    button(doc, 'otklik-action', 'cancel', 'отмена'),
  );
  return box;
}
