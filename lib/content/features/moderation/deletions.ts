/**
 * Deletions into the log (App. 2 §14): a flagged comment the site shows deleted («Комментарий
 * удалён» on VK, a block gone for good on OK), or one the moderator marks «Я удалил(а)», is written
 * once, with its full evidence — the comment may be gone from the site.
 */
import type { Signal } from '@preact/signals-core';
import type { Evidence } from '../../../moderation/log';
import type { SiteAdapter } from '../../../sites/types';
import { COMMENT_ATTR } from '../../runtime';
import type { Flagged } from './badges';

export interface DeletionDeps {
  doc: Document;
  adapter: Pick<SiteAdapter, 'deletionLeavesPlaceholder'>;
  flagged: Signal<Flagged[]>;
  evidenceOf(item: Flagged): Evidence;
  report(evidence: Evidence, how: 'detected' | 'manual'): Promise<unknown>;
  /** null: the last write went through. */
  status(reason: string | null): void;
}

export function createDeletions(deps: DeletionDeps) {
  const { flagged } = deps;

  function record(keys: string[], how: 'detected' | 'manual') {
    const items = flagged.value.filter((f) => keys.includes(f.key) && !f.logged);
    if (!items.length) return;
    for (const item of items) {
      item.logged = true;
      deps.report(deps.evidenceOf(item), how).then(
        () => deps.status(null),
        (e: unknown) => {
          item.logged = false;
          deps.status(`Не удалось записать в журнал: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    }
    if (how === 'detected') flagged.value = flagged.value.filter((f) => !keys.includes(f.key));
    else flagged.value = [...flagged.value];
  }

  /** Marked comment elements left the page: on sites that remove a deleted comment's block (OK), gone for good unless back after the re-render. */
  function removed(els: Element[]) {
    if (deps.adapter.deletionLeavesPlaceholder !== false) return;
    const keys = els.map((e) => e.getAttribute(COMMENT_ATTR)!).filter((k) => flagged.value.some((f) => f.key === k));
    if (!keys.length) return;
    setTimeout(() => {
      const gone = keys.filter((k) => !deps.doc.querySelector(`[${COMMENT_ATTR}="${CSS.escape(k)}"]`));
      if (gone.length) record(gone, 'detected');
    }, 0);
  }

  return { record, removed };
}
