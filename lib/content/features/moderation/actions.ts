/**
 * What the moderator does on a badge: show the words in the text (hover or click), «Не нарушение»
 * (this comment, or the words everywhere), «Я удалил(а)». One delegated listener for every badge.
 */
import type { Finding } from '../../../rules/types';
import { clearHighlight, rangesFor, showHighlight } from '../../highlight';
import { UI_ATTR } from '../../runtime';
import { badgeAround, renderBadge, renderChoice, type Flagged } from './badges';

export interface BadgeActionDeps {
  doc: Document;
  /** The flagged comment a badge is for, and the element holding its text. */
  find(key: string): { item: Flagged; text: Element } | undefined;
  notViolation(item: Flagged, scope: 'comment' | 'word', words: string[]): Promise<unknown>;
  deleted(item: Flagged): void;
  failed(reason: string): void;
  signal: AbortSignal;
}

/** Highlights the words of these findings in the comment's text. */
export function highlightWords(text: Element, item: Flagged, findings: readonly Finding[] = item.findings): void {
  showHighlight(rangesFor(text, item.comment.text, findings));
}

export function listenBadgeActions(deps: BadgeActionDeps): void {
  const { doc } = deps;

  function onClick(event: Event) {
    const target = event.target as Element | null;
    const badge = badgeAround(target);
    if (!badge) return;
    const button = target!.closest('button');
    if (!button) return;
    event.preventDefault();
    event.stopPropagation();
    const key = badge.getAttribute('data-for')!;
    const found = deps.find(key);
    if (!found) return;
    const { item, text } = found;
    const action = button.getAttribute('data-action');
    if (action === 'show') {
      const pressed = button.getAttribute('aria-pressed') === 'true';
      for (const b of doc.querySelectorAll('.otklik-flag[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
      if (pressed) clearHighlight();
      else {
        button.setAttribute('aria-pressed', 'true');
        highlightWords(text, item, item.findings.filter((f) => f.category === button.getAttribute('data-category')));
      }
    } else if (action === 'not-violation') {
      badge.replaceWith(renderChoice(doc, item));
    } else if (action === 'cancel') {
      badge.replaceWith(renderBadge(doc, item));
    } else if (action === 'allow-comment' || action === 'allow-word') {
      const scope = action === 'allow-comment' ? 'comment' : 'word';
      const words = [...new Set(item.findings.map((f) => f.normalized))].slice(0, 20);
      deps.notViolation(item, scope, words).catch((e: unknown) => {
        deps.failed(`Не удалось сохранить решение: ${e instanceof Error ? e.message : String(e)}`);
        badge.replaceWith(renderBadge(doc, item));
      });
      // The allow-list change comes back through storage and clears the flag on every tab.
    } else if (action === 'deleted') {
      deps.deleted(item);
      badge.replaceWith(renderBadge(doc, item));
    }
  }

  function onHover(event: Event) {
    const flag = (event.target as Element | null)?.closest?.('.otklik-flag');
    if (!flag || doc.querySelector('.otklik-flag[aria-pressed="true"]')) return;
    const key = flag.closest(`[${UI_ATTR}]`)?.getAttribute('data-for');
    const found = key ? deps.find(key) : undefined;
    if (!found) return;
    if (event.type === 'mouseout') return clearHighlight();
    highlightWords(found.text, found.item, found.item.findings.filter((f) => f.category === flag.getAttribute('data-category')));
  }

  doc.addEventListener('click', onClick, { capture: true, signal: deps.signal });
  doc.addEventListener('mouseover', onHover, { signal: deps.signal });
  doc.addEventListener('mouseout', onHover, { signal: deps.signal });
}
