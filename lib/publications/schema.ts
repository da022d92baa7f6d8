/**
 * Publication requests (App. 2 §9): a department sends a post for the administration's pages to the
 * department of information policy, which edits it, returns it with numbered remarks, or approves it
 * with a planned date. Every step is an event with its author and time, like a message's history
 * (lib/workflow); the request's state is the replay of its events (./reducer.ts).
 *
 * Roles are the settings' roles (lib/settings/defaults): the department of information policy is the
 * Curator of Appendix 1 (App. 1 §3 names it so), so its steps are the curator's; a department's page
 * owner or executor submits. No new role is needed.
 */
import { z } from 'zod';
import { ROLES, type StaffRole } from '../settings/defaults';

/** §11: the formats the pages use, each network's own taken into account. */
export const FORMATS = ['text', 'photo', 'infographic', 'card', 'animation', 'video', 'live', 'poll', 'contest', 'promo', 'other'] as const;
export type PublicationFormat = (typeof FORMATS)[number];

export const FORMAT_TITLES: Record<PublicationFormat, string> = {
  text: 'текст',
  photo: 'фотографии',
  infographic: 'инфографика',
  card: 'карточки',
  animation: 'анимация',
  video: 'видео',
  live: 'прямой эфир',
  poll: 'опрос',
  contest: 'конкурс',
  promo: 'акция',
  other: 'другой формат',
};

/** Anyone on the team may file a request: the staff roles of the settings. */
export const PUB_ROLES = ROLES;
export type PubRole = StaffRole;

const Text = z.string().trim().min(1);
const Instant = z.number().int();

export const PubActorSchema = z.object({ role: z.enum(PUB_ROLES), name: Text.max(200), department: Text.max(300).optional() });
export type PubActor = z.infer<typeof PubActorSchema>;

/** A file named, not carried: it stays where it is; Otklik keeps its name and size. */
export const AttachmentSchema = z.object({ name: Text.max(300), size: z.number().int().min(0).max(1e12) });
export type Attachment = z.infer<typeof AttachmentSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'дата в виде гггг-мм-дд');
const PostText = z.string().trim().min(1, 'текст публикации пуст').max(20_000);

const base = { id: z.string().min(1).max(100).optional(), actor: PubActorSchema, at: Instant };
const event = <T extends string, P extends z.ZodType>(type: T, payload: P) => z.object({ ...base, type: z.literal(type), payload });

export const PublicationEventSchema = z.discriminatedUnion('type', [
  /** §9: the department sends the post: text, format, files named, a wished date, the pages. */
  event(
    'submitted',
    z.object({
      text: PostText,
      format: z.enum(FORMATS),
      attachments: z.array(AttachmentSchema).max(50),
      wishedDate: IsoDate.nullable(),
      /** Registry entries (official pages) the post is for. */
      pages: z.array(z.string().min(1).max(100)).min(1, 'не выбрана ни одна страница').max(50),
    }),
  ),
  /** §9: the department of information policy edits the text; each version is kept. */
  event('edited', z.object({ text: PostText, format: z.enum(FORMATS).optional() })),
  /** §9: returned for revision with a list of remarks. */
  event('returned', z.object({ remarks: z.array(Text.max(2000)).min(1, 'нет ни одного замечания').max(50) })),
  /** The author's revision after a return. */
  event(
    'resubmitted',
    z.object({
      text: PostText,
      format: z.enum(FORMATS).optional(),
      attachments: z.array(AttachmentSchema).max(50).optional(),
      wishedDate: IsoDate.nullable().optional(),
    }),
  ),
  /** Approved, with the planned date and time of publication. */
  event('approved', z.object({ plannedAt: Instant })),
  /** Seen on the page (or marked by hand): the link and the post's own time. */
  event('published', z.object({ url: z.string().max(2048).nullable(), postedAt: Instant, postKey: z.string().max(200).optional() })),
  /** The author (or the department of information policy) takes the request back. */
  event('withdrawn', z.object({ reason: z.string().max(2000) })),
]);

export type PublicationEvent = z.infer<typeof PublicationEventSchema>;
export type PublicationEventType = PublicationEvent['type'];
export type PubEventOf<T extends PublicationEventType> = Extract<PublicationEvent, { type: T }>;

/** A request as stored: its events, and team sync's order (as message records keep it). */
export interface PublicationRecord {
  id: string;
  events: PublicationEvent[];
  /** Team sync: the server's time of each event read back, by event id. */
  order?: Record<string, number>;
  /** Acts the shared log made impossible: kept and shown, never applied. */
  refused?: { event: PublicationEvent; error: string }[];
  createdAt: number;
  updatedAt: number;
}

export const PublicationRecordSchema = z.object({
  id: z.string().min(1).max(100),
  events: z.array(PublicationEventSchema).min(1).max(500),
  order: z.record(z.string(), z.number()).optional(),
  refused: z.array(z.object({ event: PublicationEventSchema, error: z.string() })).optional(),
  createdAt: Instant,
  updatedAt: Instant,
});

export function parsePublicationEvent(input: unknown): { ok: true; value: PublicationEvent } | { ok: false; error: string } {
  const r = PublicationEventSchema.safeParse(input, { error: z.locales.ru().localeError });
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return { ok: false, error: `Действие не принято: ${issue?.message ?? 'неверный формат'}${issue?.path.length ? ` (${issue.path.join('.')})` : ''}` };
}
