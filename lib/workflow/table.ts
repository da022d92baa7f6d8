/**
 * The decree's deadlines (Appendix 1, DESIGN.md «The clock») as data. Durations are working time.
 * `window` marks a limit on an optional act (§5: returning a message that is not ours): letting it
 * pass is no violation, acting after it is.
 */

export type Importance = 'normal' | 'high';

export type DeadlineSpan = { minutes: number } | { workingDays: number } | { setByCurator: true };

export interface DeadlineRule {
  clause: string;
  /** What starts the count. */
  from: 'received' | 'routed' | 'draftSubmitted' | 'draftReturned' | 'draftApproved' | 'intermediatePublished' | 'informationReceived';
  normal: DeadlineSpan;
  high: DeadlineSpan;
  kind: 'duty' | 'window';
  /** Shown on the card and in reports. */
  title: string;
}

export const DEADLINE_TABLE = {
  routeDeadline: {
    clause: '4.4',
    from: 'received',
    normal: { minutes: 30 },
    high: { minutes: 30 },
    kind: 'duty',
    title: 'Куратор направляет сообщение исполнителям',
  },
  returnDeadline: {
    clause: '5',
    from: 'routed',
    normal: { minutes: 30 },
    high: { minutes: 30 },
    kind: 'window',
    title: 'Исполнитель возвращает сообщение не своей компетенции',
  },
  draftDeadline: {
    clause: '7',
    from: 'received',
    normal: { minutes: 5 * 60 },
    high: { minutes: 2 * 60 },
    kind: 'duty',
    title: 'Проект ответа поступает Куратору',
  },
  replyDeadline: {
    clause: '6',
    from: 'received',
    normal: { minutes: 9 * 60 },
    high: { minutes: 4 * 60 },
    kind: 'duty',
    title: 'Ответ размещён',
  },
  approvalDeadline: {
    clause: '8',
    from: 'draftSubmitted',
    normal: { minutes: 30 },
    high: { minutes: 30 },
    kind: 'duty',
    title: 'Куратор согласует проект или возвращает на доработку',
  },
  revisionDeadline: {
    clause: '9',
    from: 'draftReturned',
    normal: { minutes: 60 },
    high: { minutes: 30 },
    kind: 'duty',
    title: 'Исполнитель направляет доработанный проект',
  },
  publicationDeadline: {
    clause: '10',
    from: 'draftApproved',
    normal: { minutes: 30 },
    high: { minutes: 30 },
    kind: 'duty',
    title: 'Согласованный ответ размещён',
  },
  finalReplyDeadline: {
    clause: '11',
    from: 'intermediatePublished',
    normal: { workingDays: 7 },
    high: { setByCurator: true },
    kind: 'duty',
    title: 'Окончательный проект ответа после промежуточного',
  },
  coExecutorInformationDeadline: {
    clause: '12.4',
    from: 'routed',
    normal: { minutes: 2 * 60 },
    high: { minutes: 45 },
    kind: 'duty',
    title: 'Соисполнитель направляет информацию ответственному исполнителю',
  },
  jointDraftDeadline: {
    clause: '12.5',
    from: 'informationReceived',
    normal: { minutes: 2 * 60 },
    high: { minutes: 45 },
    kind: 'duty',
    title: 'Ответственный исполнитель готовит общий проект ответа',
  },
} as const satisfies Record<string, DeadlineRule>;

export type DeadlineName = keyof typeof DEADLINE_TABLE;

export const DEADLINE_NAMES = Object.keys(DEADLINE_TABLE) as DeadlineName[];

export function deadlineSpan(name: DeadlineName, importance: Importance): DeadlineSpan {
  return DEADLINE_TABLE[name][importance];
}
