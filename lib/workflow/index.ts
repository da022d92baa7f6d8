export { DEADLINE_NAMES, DEADLINE_TABLE, deadlineSpan, type DeadlineName, type DeadlineRule, type DeadlineSpan, type Importance } from './table';
export {
  ActorSchema,
  AssigneeSchema,
  ImportanceSchema,
  MessageEventSchema,
  MessageSchema,
  NOT_PROCESSED_REASONS,
  NotProcessedReasonSchema,
  RoleSchema,
  parseMessage,
  parseMessageEvent,
  type Actor,
  type Assignee,
  type EventOf,
  type Message,
  type MessageEvent,
  type MessageEventType,
  type NotProcessedReason,
  type Role,
} from './schema';
export { FINAL_STATUSES, ROLE_TITLES, STATUS_TITLES, TRANSITIONS, type MessageStatus, type TransitionRule } from './transitions';
export { WorkflowError, applyEvent, isFinal, replay, type ApplyResult, type MessageState, type Obligation, type Party } from './reducer';
export { deadlineReport, deadlinesOf, dueAfter, initialDeadlines, type DeadlineReport, type DeadlineStatus, type DeadlineStatusKind } from './deadlines';
export { ACT_ORDER, actProblem, possibleActs } from './acts';
export { actorIn, signer, workflowActor, type User } from './actor';
