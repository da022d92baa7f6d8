/**
 * The page checks of the registry beyond protection: a department's page exists by its head's
 * decision with the department of information policy's written approval (App. 2 §4), and every
 * official page has a text description and visual design (§12) — checked on the live page when
 * Otklik last saw its wall. A missing item counts as a problem, like an overdue 2FA check.
 */
import type { PageRole } from '../quota/target';
import type { PageFounding, PageLooks } from './store-types';

export type PageCheckState = 'ok' | 'missing' | 'unknown' | 'na';

export interface PageChecks {
  decision: PageCheckState;
  approval: PageCheckState;
  /** §12, from the live page: unknown until its wall was opened with Otklik. */
  description: PageCheckState;
  design: PageCheckState;
  /** When the live page was last looked at. */
  seenAt: number | null;
  problems: number;
}

export function pageChecks(kind: PageRole, founding: PageFounding | undefined, looks: PageLooks | undefined): PageChecks {
  // §4 is about departments' pages; the administration's own are the department of information policy's.
  const documents = (d: PageFounding['decision'] | undefined): PageCheckState => (kind === 'administration' ? 'na' : d?.date && d.number.trim() ? 'ok' : 'missing');
  const decision = documents(founding?.decision);
  const approval = documents(founding?.approval);
  const description: PageCheckState = !looks ? 'unknown' : looks.description ? 'ok' : 'missing';
  const design: PageCheckState = !looks ? 'unknown' : looks.cover || looks.avatar ? 'ok' : 'missing';
  const problems = [decision, approval, description, design].filter((s) => s === 'missing').length;
  return { decision, approval, description, design, seenAt: looks?.at ?? null, problems };
}

/** The freshest look of any of the keys a registry entry's page is filed under. */
export function looksFor(keys: readonly string[], all: readonly PageLooks[]): PageLooks | undefined {
  return all.filter((l) => keys.includes(l.pageKey)).sort((a, b) => b.at - a.at)[0];
}
