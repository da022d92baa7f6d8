/**
 * The team server's names: streams, subjects and who may use which. One file for the browser's sync
 * client and the server tools (lib/server), so the two can never disagree.
 *
 * - `OTK_INTAKE` (`otk.in.>`): messages before routing — the curators' alone.
 * - `OTK_D_<code>` (`otk.d.<code>.>`): one stream per department — the messages routed to it
 *   (as responsible or co-executor). Its executors read it; curators read every department.
 * - `OTK_TEAM` (`otk.team.>`): team-wide data (registry, lexicon, allow-list, moderation log,
 *   publications) — everyone reads it; each writes only under their own role and login.
 *
 * A message event's subject names its author: `otk.d.<code>.m.<messageId>.<role>.<login>.<type>`
 * (`otk.in.m.…` before routing). The server lets a user publish only under their own role and login,
 * so the subject proves who did what, and a curator-only event under an executor's subject cannot
 * be published at all.
 */

import { ROLES, type StaffRole } from '../settings/defaults';
import type { Role } from '../workflow/schema';
import { fold } from '../text';

export const INTAKE_STREAM = 'OTK_INTAKE';
export const TEAM_STREAM = 'OTK_TEAM';
export const ADMIN_LOGIN = 'otklik-admin';

export type { StaffRole };
export const STAFF_ROLES: readonly StaffRole[] = ROLES;

/** A login is one subject token: latin letters, digits, `_` and `-`, 2–32 characters. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9_-]{1,31}$/;

/** A department's name as people write it, folded: case, spaces and ё do not make another department. */
export function foldDepartment(name: string): string {
  return fold(name.normalize('NFC').trim().replace(/\s+/g, ' '));
}

/** A department's code in stream and subject names: FNV-1a of the folded name, 8 hex digits. */
export function departmentCode(name: string): string {
  const s = foldDepartment(name);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const departmentStream = (department: string) => `OTK_D_${departmentCode(department)}`;
export const departmentSubjects = (department: string) => `otk.d.${departmentCode(department)}.>`;
export const INTAKE_SUBJECTS = 'otk.in.>';
export const TEAM_SUBJECTS = 'otk.team.>';

/** The role segment of a message event's subject (the actor's part in this message). */
export type SubjectRole = Role;

/** Where one message event is published: intake before routing, else the department's stream. */
export function messageSubject(
  where: { department: string | null },
  messageId: string,
  role: SubjectRole,
  login: string,
  type: string,
): string {
  const head = where.department === null ? 'otk.in' : `otk.d.${departmentCode(where.department)}`;
  return `${head}.m.${messageId}.${role}.${login}.${type}`;
}

/** Team data: `otk.team.<kind>.<role>.<login>`. */
export type TeamKind = 'registry' | 'lexicon' | 'allow' | 'mod' | 'posts' | 'replies';
export const teamSubject = (kind: TeamKind, role: StaffRole, login: string) => `otk.team.${kind}.${role}.${login}`;

/** The inbox prefix each user's client must use; a user may subscribe to their own inbox only. */
export const inboxPrefix = (login: string) => `_INBOX_${login}`;

export interface ParsedSubject {
  stream: 'intake' | 'department' | 'team';
  department: string | null;
  messageId: string | null;
  role: string;
  login: string;
  type: string;
}

/** Reads an event's subject back; null when it is not one of ours. */
export function parseSubject(subject: string): ParsedSubject | null {
  const t = subject.split('.');
  if (t[0] !== 'otk') return null;
  if (t[1] === 'in' && t[2] === 'm' && t.length === 7)
    return { stream: 'intake', department: null, messageId: t[3]!, role: t[4]!, login: t[5]!, type: t[6]! };
  if (t[1] === 'd' && t[3] === 'm' && t.length === 8)
    return { stream: 'department', department: t[2]!, messageId: t[4]!, role: t[5]!, login: t[6]!, type: t[7]! };
  if (t[1] === 'team' && t.length === 5) return { stream: 'team', department: null, messageId: null, role: t[3]!, login: t[4]!, type: t[2]! };
  return null;
}
