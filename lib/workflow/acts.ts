/**
 * Which acts are possible: the one place that says whether an actor may do a kind of act on a
 * message in its state. The reducer refuses with these words (reducer.ts → eventProblem), and the
 * card asks `possibleActs` for its buttons, so the two can never disagree.
 */
import type { MessageState } from './reducer';
import type { Actor, MessageEventType } from './schema';
import { ROLE_TITLES, STATUS_TITLES, TRANSITIONS } from './transitions';

/** The order acts are offered in: the step a message waits for first. */
export const ACT_ORDER: readonly MessageEventType[] = [
  'routed',
  'returnedToCurator',
  'coExecutorInformationSent',
  'draftSubmitted',
  'draftResubmitted',
  'draftApproved',
  'draftReturned',
  'published',
  'finalReplyDueSet',
  'categorised',
  'repeatLinked',
  'socialSignificanceSet',
  'notProcessed',
];

/**
 * Why `actor` cannot do an act of `type` on a message in `state` (whatever the act's content), or
 * undefined when it can. Not for `received`, which only ever starts a message.
 */
export function actProblem(state: MessageState, type: MessageEventType, actor: Pick<Actor, 'role' | 'department'>): string | undefined {
  const rule = TRANSITIONS[type];
  if (type === 'received') return 'сообщение уже получено; повторное получение невозможно';
  if (!rule.from.includes(state.status)) return `«${rule.title}» (п. ${rule.clause}) невозможно: сообщение ${STATUS_TITLES[state.status]}`;
  if (!rule.roles.includes(actor.role))
    return `«${rule.title}» выполняет ${rule.roles.map((r) => ROLE_TITLES[r]).join(' или ')}, а не ${ROLE_TITLES[actor.role]}`;
  const { role, department } = actor;
  // Executors act for their unit: the unit must be the one the curator chose for that part.
  if (role === 'executor' && department !== state.responsible?.department)
    return `ответственный исполнитель по сообщению — ${state.responsible?.department ?? 'не назначен'}, а не ${department}`;
  if (role === 'coExecutor' && !state.coExecutors.some((c) => c.department === department))
    return `${department} не указан соисполнителем по сообщению`;
  if (type === 'coExecutorInformationSent' && department !== undefined && state.information[department] !== undefined)
    return `${department} уже направил информацию`;
  if (type === 'finalReplyDueSet' && state.importance !== 'high') return 'срок окончательного ответа задаётся только для сообщений высокой важности (п. 11)';
  return undefined;
}

/** What this actor may do on this message now, in the order the card offers it. */
export function possibleActs(state: MessageState, actor: Pick<Actor, 'role' | 'department'> | null): MessageEventType[] {
  if (!actor) return [];
  return ACT_ORDER.filter((type) => actProblem(state, type, actor) === undefined);
}
