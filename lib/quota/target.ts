/** Weekly publication targets (App. 2 §10): at least 10 on the administration's pages, 5 on a department's. */
export type PageRole = 'administration' | 'department';

export const DEFAULT_TARGETS: Readonly<Record<PageRole, number>> = { administration: 10, department: 5 };

/** The page's weekly target: its own override when it is a positive whole number, else the kind's default. */
export function publicationTarget(kind: PageRole, override?: number | null): number {
  if (override !== undefined && override !== null && Number.isInteger(override) && override > 0) return override;
  return DEFAULT_TARGETS[kind];
}
