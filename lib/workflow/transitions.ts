import type { MessageEventType, Role } from './schema';

/** Where a message stands. `published` and `notProcessed` are final. */
export type MessageStatus =
  | 'received'
  | 'routed'
  | 'returnedToCurator'
  | 'draftSubmitted'
  | 'returnedForRevision'
  | 'draftResubmitted'
  | 'approved'
  | 'awaitingFinalReply'
  | 'published'
  | 'notProcessed';

export const STATUS_TITLES: Record<MessageStatus, string> = {
  received: 'поступило, ждёт направления исполнителям',
  routed: 'у исполнителей',
  returnedToCurator: 'возвращено Куратору: не компетенция исполнителя',
  draftSubmitted: 'проект ответа на согласовании',
  returnedForRevision: 'проект возвращён на доработку',
  draftResubmitted: 'доработанный проект на согласовании',
  approved: 'проект согласован, ждёт размещения',
  awaitingFinalReply: 'дан промежуточный ответ, ждём окончательный',
  published: 'ответ размещён',
  notProcessed: 'не подлежит обработке',
};

export const FINAL_STATUSES: readonly MessageStatus[] = ['published', 'notProcessed'];

const OPEN: readonly MessageStatus[] = [
  'received',
  'routed',
  'returnedToCurator',
  'draftSubmitted',
  'returnedForRevision',
  'draftResubmitted',
  'approved',
  'awaitingFinalReply',
];

export interface TransitionRule {
  /** States the event may happen in; `received` is only ever the first event. */
  from: readonly MessageStatus[];
  roles: readonly Role[];
  clause: string;
  /** What the act is called in the card's history and in error messages. */
  title: string;
}

/** Who may do what, and when (Appendix 1). */
export const TRANSITIONS: Record<MessageEventType, TransitionRule> = {
  received: { from: [], roles: ['curator'], clause: '4.4', title: 'получение доступа к сообщению' },
  categorised: { from: OPEN, roles: ['curator'], clause: '4.2', title: 'указание темы, локации и важности' },
  routed: { from: ['received', 'returnedToCurator'], roles: ['curator'], clause: '4.4, 12.2', title: 'направление исполнителям' },
  returnedToCurator: { from: ['routed'], roles: ['executor', 'coExecutor'], clause: '5', title: 'возврат Куратору' },
  coExecutorInformationSent: { from: ['routed'], roles: ['coExecutor'], clause: '12.3–12.4', title: 'направление информации ответственному исполнителю' },
  draftSubmitted: { from: ['routed', 'awaitingFinalReply'], roles: ['executor'], clause: '7, 11, 12.5', title: 'направление проекта ответа Куратору' },
  draftReturned: { from: ['draftSubmitted', 'draftResubmitted'], roles: ['curator'], clause: '8', title: 'возврат проекта на доработку' },
  draftResubmitted: { from: ['returnedForRevision'], roles: ['executor'], clause: '9', title: 'направление доработанного проекта' },
  draftApproved: { from: ['draftSubmitted', 'draftResubmitted'], roles: ['curator'], clause: '8', title: 'согласование проекта' },
  published: { from: ['approved'], roles: ['curator', 'executor'], clause: '10', title: 'размещение ответа' },
  finalReplyDueSet: { from: OPEN, roles: ['curator'], clause: '11', title: 'установка срока окончательного ответа' },
  repeatLinked: { from: OPEN, roles: ['curator'], clause: '13', title: 'связь с ранее рассмотренным сообщением' },
  notProcessed: { from: OPEN, roles: ['curator'], clause: '16', title: 'отказ в обработке' },
  socialSignificanceSet: { from: [...OPEN, ...FINAL_STATUSES], roles: ['curator'], clause: '19', title: 'отметка о социальной значимости' },
};

export const ROLE_TITLES: Record<Role, string> = {
  curator: 'Куратор',
  executor: 'ответственный исполнитель',
  coExecutor: 'соисполнитель',
};
