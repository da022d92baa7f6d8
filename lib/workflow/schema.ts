import { z } from 'zod';
import { siteSchema } from '../sites/shapes';

/** Who acts on a message. The role is the actor's part in this message, not their job title. */
export const RoleSchema = z.enum(['curator', 'executor', 'coExecutor']);
export type Role = z.infer<typeof RoleSchema>;

export const ImportanceSchema = z.enum(['normal', 'high']);

const Text = z.string().trim().min(1);

/** A structural subdivision an executor works in (§4.4: executors are the administration's units). */
export const AssigneeSchema = z.object({ department: Text, name: Text.optional() });
export type Assignee = z.infer<typeof AssigneeSchema>;

export const ActorSchema = z
  .object({ role: RoleSchema, name: Text, department: Text.optional() })
  .refine((a) => a.role === 'curator' || a.department !== undefined, {
    error: 'у исполнителя должно быть указано подразделение',
    path: ['department'],
  });
export type Actor = z.infer<typeof ActorSchema>;

/** §16: grounds on which a message is not processed. */
export const NotProcessedReasonSchema = z.enum(['harmIntent', 'obscene', 'insult', 'threat', 'repeatedNoNewArguments']);
export type NotProcessedReason = z.infer<typeof NotProcessedReasonSchema>;

export const NOT_PROCESSED_REASONS: Record<NotProcessedReason, string> = {
  harmIntent: 'намерение причинить вред другому лицу',
  obscene: 'нецензурные выражения',
  insult: 'оскорбительные выражения',
  threat: 'угрозы жизни, здоровью и имуществу должностного лица или его семьи',
  repeatedNoNewArguments: 'повторный вопрос того же автора без новых доводов',
};

const Instant = z.number().int();

const base = {
  id: z.string().optional(),
  actor: ActorSchema,
  at: Instant,
  note: z.string().optional(),
};

const event = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ ...base, type: z.literal(type), payload });

const Empty = z.object({}).default({});

export const MessageEventSchema = z.discriminatedUnion('type', [
  /** T0: the curator got access to the message (§4.4). */
  event('received', z.object({ importance: ImportanceSchema, topic: Text.optional(), location: Text.optional() })),
  /** §4.2: topic, location, importance. */
  event('categorised', z.object({ importance: ImportanceSchema.optional(), topic: Text.optional(), location: Text.optional() })),
  /** §4.4, §12.2: the responsible executor first, then co-executors. */
  event('routed', z.object({ executors: z.array(AssigneeSchema).min(1) })),
  /** §5: not the unit's competence. */
  event('returnedToCurator', z.object({ reason: Text })),
  /** §12.3–12.4. */
  event('coExecutorInformationSent', z.object({ text: z.string().optional() })),
  /** §7, §11: a draft of the reply, final or intermediate. */
  event('draftSubmitted', z.object({ kind: z.enum(['final', 'intermediate']), text: z.string().optional() })),
  /** §8. */
  event('draftReturned', z.object({ remarks: Text })),
  /** §9. */
  event('draftResubmitted', z.object({ text: z.string().optional() })),
  /** §8. */
  event('draftApproved', Empty),
  /** §10. */
  event('published', z.object({ url: z.string().optional() }).default({})),
  /** §11, high importance: the final reply's date agreed with the curator. */
  event('finalReplyDueSet', z.object({ due: Instant })),
  /** §13: a repeat of an earlier message; the reply must report the measures taken. */
  event('repeatLinked', z.object({ earlierMessageId: Text })),
  /** §16. */
  event('notProcessed', z.object({ reason: NotProcessedReasonSchema })),
  /** §19. */
  event('socialSignificanceSet', z.object({ significant: z.boolean() })),
]);

export type MessageEvent = z.infer<typeof MessageEventSchema>;
export type MessageEventType = MessageEvent['type'];
export type EventOf<T extends MessageEventType> = Extract<MessageEvent, { type: T }>;

/** A citizen's message as stored: where it is, and everything that happened to it. */
export const MessageSchema = z.object({
  id: Text,
  site: siteSchema,
  /** The DOM contract's id, e.g. `vk:-123456_1002`. */
  commentRef: z.string().optional(),
  url: z.string().optional(),
  author: z.string().optional(),
  text: z.string().optional(),
  events: z.array(MessageEventSchema),
});
export type Message = z.infer<typeof MessageSchema>;

function firstIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length ? ` (${issue.path.join('.')})` : '';
  return `${what}: ${issue?.message ?? 'неверный формат'}${where}`;
}

export function parseMessageEvent(input: unknown): { ok: true; value: MessageEvent } | { ok: false; error: string } {
  const r = MessageEventSchema.safeParse(input, { error: z.locales.ru().localeError });
  return r.success ? { ok: true, value: r.data } : { ok: false, error: firstIssue(r.error, 'Событие не принято') };
}

export function parseMessage(input: unknown): { ok: true; value: Message } | { ok: false; error: string } {
  const r = MessageSchema.safeParse(input, { error: z.locales.ru().localeError });
  return r.success ? { ok: true, value: r.data } : { ok: false, error: firstIssue(r.error, 'Сообщение не принято') };
}
