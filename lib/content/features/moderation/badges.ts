/**
 * The badge on a flagged comment: category, clause, words, «Я удалил(а)» and «Не нарушение». Built
 * with DOM calls and textContent only — a comment's text is never markup.
 */
import { CATEGORY_NAMES, shortClause, TEAM_WORDS_NOTE } from '../../../moderation/labels';
import type { Category, Finding } from '../../../rules/types';
import type { ParsedComment } from '../../../sites/types';
import { placeAfterText } from '../../comments';
import { actionButton, el, uiBox } from '../../dom';
import { COMMENT_ATTR, UI_ATTR } from '../../runtime';

export const FLAGS_ATTR = 'data-otklik-flags';
const BADGE = `.otklik-flags[${UI_ATTR}]`;

export interface Flagged {
  key: string;
  el: Element;
  comment: ParsedComment;
  findings: Finding[];
  categories: Category[];
  /** Set once the deletion is in the log. */
  logged: boolean;
}

/** What a badge shows: the same signature, the same badge. */
export function signature(item: Flagged): string {
  return item.findings.map((f) => `${f.category}\u0000${f.clause}\u0000${f.match}`).join('\u0001');
}

/** The badge of this comment element, if it has one. */
export function badgeOf(commentEl: Element): Element | null {
  const key = commentEl.getAttribute(COMMENT_ATTR);
  for (const b of commentEl.querySelectorAll(BADGE)) if (b.getAttribute('data-for') === key) return b;
  return null;
}

/** The badge that holds this node (a click inside it), if any. */
export function badgeAround(node: Element | null): Element | null {
  return node?.closest?.(BADGE) ?? null;
}

/** Writes the comment's flags and badge, or takes them away (item null). */
export function applyFlags(doc: Document, item: Flagged | null, commentEl: Element, text: Element): void {
  const badge = badgeOf(commentEl);
  if (!item) {
    commentEl.removeAttribute(FLAGS_ATTR);
    badge?.remove();
    return;
  }
  commentEl.setAttribute(FLAGS_ATTR, item.categories.join(' '));
  const fresh = renderBadge(doc, item);
  if (badge) badge.replaceWith(fresh);
  else placeAfterText({ el: commentEl, text }, fresh);
}

const DELETED_TITLE = 'Отклик не удаляет комментарии: отметьте, что вы удалили его на сайте — это попадёт в журнал';

export function renderBadge(doc: Document, item: Flagged): Element {
  const box = uiBox(doc, 'otklik-flags', item.key);
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Отклик: нарушения');
  for (const category of item.categories) {
    const findings = item.findings.filter((f) => f.category === category);
    const clause = findings[0]!.clause;
    const flag = actionButton(doc, `otklik-flag otklik-flag--${category}`, 'show', '');
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
    const deleted = actionButton(doc, 'otklik-action', 'deleted', 'Я удалил(а)');
    deleted.title = DELETED_TITLE;
    box.append(deleted);
  }
  box.append(actionButton(doc, 'otklik-action', 'not-violation', 'Не нарушение'));
  return box;
}

/** «Не нарушение»: for this comment, or for the words everywhere. */
export function renderChoice(doc: Document, item: Flagged): Element {
  const box = uiBox(doc, 'otklik-flags', item.key);
  box.append(
    el(doc, 'span', 'otklik-words', 'Не нарушение:'),
    actionButton(doc, 'otklik-action', 'allow-comment', 'только этот комментарий'),
    actionButton(doc, 'otklik-action', 'allow-word', 'эти слова везде'),
    actionButton(doc, 'otklik-action', 'cancel', 'отмена'),
  );
  return box;
}
