/**
 * Who is acting: the one function from the user's settings to the party that signs an act. Every
 * signer — the card, the background, an import, an exchange file, the moderation log, a
 * publication request — asks here, so a name or a unit is never put together twice.
 */
import { ROLE_LABELS, type Settings, type StaffRole } from '../settings/defaults';
import type { MessageState } from './reducer';
import type { Actor } from './schema';

export type User = Pick<Settings, 'role' | 'userName' | 'department'>;

/** The user as they sign anything: their name (else their job's title), their job, their unit if set. */
export function signer(s: User): { role: StaffRole; name: string; department?: string } {
  const department = s.department.trim();
  const name = s.userName.trim() || ROLE_LABELS[s.role];
  return department ? { role: s.role, name, department } : { role: s.role, name };
}

/**
 * The user as a party of the message workflow, before any one message: the curator, or an
 * executor of their unit. A moderator, a page owner or an executor with no unit acts as nobody.
 */
export function workflowActor(s: User): (Actor & { role: 'curator' | 'executor' }) | null {
  const { name, department } = signer(s);
  if (s.role === 'curator') return department ? { role: 'curator', name, department } : { role: 'curator', name };
  if (s.role === 'executor' && department) return { role: 'executor', name, department };
  return null;
}

/**
 * The user's part in this message: a curator is the curator everywhere; an executor acts only for
 * the unit the curator named (responsible first, then co-executors).
 */
export function actorIn(s: User, state: MessageState): Actor | null {
  const actor: Actor | null = workflowActor(s);
  if (!actor || actor.role === 'curator') return actor;
  if (state.responsible?.department === actor.department) return actor;
  if (state.coExecutors.some((c) => c.department === actor.department)) return { ...actor, role: 'coExecutor' };
  return null;
}
