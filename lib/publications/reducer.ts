/**
 * A publication request's state from its events, in the message store's manner (lib/workflow/reducer):
 * a pure function of the history, an event refused with a Russian reason, nothing changed in place.
 */
import { foldDepartment } from '../sync/subjects';
import type { Attachment, PubActor, PubRole, PublicationEvent, PublicationEventType, PublicationFormat, PubEventOf } from './schema';
import type { Result } from '../result';

export type PublicationStatus = 'submitted' | 'returned' | 'approved' | 'published' | 'withdrawn';

export const PUB_STATUS_TITLES: Record<PublicationStatus, string> = {
  submitted: 'на рассмотрении в департаменте информационной политики',
  returned: 'возвращена на доработку',
  approved: 'согласована, ждёт публикации',
  published: 'опубликована',
  withdrawn: 'отозвана',
};

/** A short word for a list and a calendar. */
export const PUB_STATUS_SHORT: Record<PublicationStatus, string> = {
  submitted: 'на рассмотрении',
  returned: 'на доработке',
  approved: 'согласована',
  published: 'опубликована',
  withdrawn: 'отозвана',
};

interface Rule {
  from: readonly PublicationStatus[];
  roles: readonly PubRole[];
  /** Only the author (their department) may do it — or, with 'authorOrCurator', the curator too. */
  who?: 'author' | 'authorOrCurator';
  title: string;
}

const OPEN: readonly PublicationStatus[] = ['submitted', 'returned', 'approved'];

/**
 * Who may do what, and when. The department of information policy is the Curator (App. 1 §3); a
 * department's page owner or executor submits; publishing is an observation anyone's browser makes
 * when it sees the post on the page.
 */
export const PUB_TRANSITIONS: Record<PublicationEventType, Rule> = {
  submitted: { from: [], roles: ['owner', 'executor', 'curator'], title: 'направление публикации' },
  edited: { from: ['submitted', 'approved'], roles: ['curator'], title: 'редактирование' },
  returned: { from: ['submitted'], roles: ['curator'], title: 'возврат на доработку' },
  resubmitted: { from: ['returned'], roles: ['owner', 'executor', 'curator'], who: 'author', title: 'направление доработанной публикации' },
  approved: { from: ['submitted', 'approved'], roles: ['curator'], title: 'согласование' },
  published: { from: ['approved'], roles: ['curator', 'owner', 'executor', 'moderator'], title: 'отметка о публикации' },
  withdrawn: { from: OPEN, roles: ['owner', 'executor', 'curator'], who: 'authorOrCurator', title: 'отзыв' },
};

export const PUB_ROLE_TITLES: Record<PubRole, string> = {
  curator: 'департамент информационной политики',
  executor: 'исполнитель подразделения',
  moderator: 'модератор',
  owner: 'владелец страницы',
};

export interface PublicationVersion {
  at: number;
  by: PubActor;
  kind: 'submitted' | 'edited' | 'resubmitted';
  text: string;
  format: PublicationFormat;
}

export interface PublicationState {
  status: PublicationStatus;
  author: PubActor;
  submittedAt: number;
  /** The text in force: the latest version, whoever wrote it. */
  text: string;
  format: PublicationFormat;
  attachments: Attachment[];
  wishedDate: string | null;
  pages: string[];
  /** Every version of the text, oldest first (§9: the department's edits are kept apart from the author's). */
  versions: PublicationVersion[];
  /** Each return's numbered remarks, oldest first. */
  remarks: { at: number; by: PubActor; items: string[] }[];
  /** How many times the author revised after a return. */
  revisions: number;
  plannedAt: number | null;
  approvedAt: number | null;
  published: { url: string | null; at: number; postKey?: string; markedAt: number } | null;
  withdrawn: { at: number; reason: string; by: PubActor } | null;
  lastEventAt: number;
  eventCount: number;
}

export type PubApplyResult = Result<{ state: PublicationState }>;

export class PublicationError extends Error {
  constructor(
    message: string,
    readonly eventIndex: number,
  ) {
    super(message);
    this.name = 'PublicationError';
  }
}

const sameUnit = (a: PubActor, b: PubActor) =>
  a.department !== undefined && b.department !== undefined ? foldDepartment(a.department) === foldDepartment(b.department) : a.name === b.name && a.role === b.role;

function problemOf(state: PublicationState | undefined, event: PublicationEvent): string | undefined {
  const rule = PUB_TRANSITIONS[event.type];
  if (!state) {
    if (event.type !== 'submitted') return 'история публикации начинается с её направления';
    if (!rule.roles.includes(event.actor.role)) return `публикацию направляет владелец страницы или исполнитель подразделения, а не ${PUB_ROLE_TITLES[event.actor.role]}`;
    if (event.actor.role !== 'curator' && !event.actor.department) return 'у автора не указано подразделение (настройки → «Кто вы?»)';
    return undefined;
  }
  if (event.type === 'submitted') return 'публикация уже направлена';
  if (event.at < state.lastEventAt) return `«${rule.title}» не может быть раньше предыдущего действия`;
  if (!rule.from.includes(state.status)) return `«${rule.title}» невозможно: публикация ${PUB_STATUS_TITLES[state.status]}`;
  if (!rule.roles.includes(event.actor.role)) return `«${rule.title}» выполняет ${rule.roles.map((r) => PUB_ROLE_TITLES[r]).join(' или ')}, а не ${PUB_ROLE_TITLES[event.actor.role]}`;
  const isAuthor = sameUnit(event.actor, state.author);
  if (rule.who === 'author' && !isAuthor) return `«${rule.title}» выполняет автор публикации (${state.author.department ?? state.author.name})`;
  if (rule.who === 'authorOrCurator' && !isAuthor && event.actor.role !== 'curator')
    return `«${rule.title}» выполняет автор публикации или департамент информационной политики`;
  return undefined;
}

function started(e: PubEventOf<'submitted'>): PublicationState {
  const { text, format, attachments, wishedDate, pages } = e.payload;
  return {
    status: 'submitted',
    author: e.actor,
    submittedAt: e.at,
    text,
    format,
    attachments,
    wishedDate,
    pages,
    versions: [{ at: e.at, by: e.actor, kind: 'submitted', text, format }],
    remarks: [],
    revisions: 0,
    plannedAt: null,
    approvedAt: null,
    published: null,
    withdrawn: null,
    lastEventAt: e.at,
    eventCount: 1,
  };
}

/** The next state; `state` is left as it was. */
function next(state: PublicationState, e: PublicationEvent): PublicationState | string {
  const s: PublicationState = { ...state, versions: state.versions.slice(), remarks: state.remarks.slice(), lastEventAt: e.at, eventCount: state.eventCount + 1 };
  switch (e.type) {
    case 'submitted':
      return 'публикация уже направлена';
    case 'edited': {
      const format = e.payload.format ?? s.format;
      if (e.payload.text === s.text && format === s.format) return 'текст не изменился';
      s.text = e.payload.text;
      s.format = format;
      s.versions.push({ at: e.at, by: e.actor, kind: 'edited', text: s.text, format });
      break;
    }
    case 'returned':
      s.status = 'returned';
      s.remarks.push({ at: e.at, by: e.actor, items: e.payload.remarks });
      break;
    case 'resubmitted': {
      const p = e.payload;
      s.status = 'submitted';
      s.text = p.text;
      if (p.format) s.format = p.format;
      if (p.attachments) s.attachments = p.attachments;
      if (p.wishedDate !== undefined) s.wishedDate = p.wishedDate;
      s.revisions++;
      s.versions.push({ at: e.at, by: e.actor, kind: 'resubmitted', text: s.text, format: s.format });
      break;
    }
    case 'approved':
      s.status = 'approved';
      s.plannedAt = e.payload.plannedAt;
      s.approvedAt = e.at;
      break;
    case 'published':
      s.status = 'published';
      s.published = { url: e.payload.url, at: e.payload.postedAt, markedAt: e.at, ...(e.payload.postKey ? { postKey: e.payload.postKey } : {}) };
      break;
    case 'withdrawn':
      s.status = 'withdrawn';
      s.withdrawn = { at: e.at, reason: e.payload.reason, by: e.actor };
      break;
  }
  return s;
}

export function applyPublicationEvent(state: PublicationState | undefined, event: PublicationEvent): PubApplyResult {
  const problem = problemOf(state, event);
  if (problem) return { ok: false, error: `Действие не выполнено: ${problem}` };
  if (!state) return { ok: true, state: started(event as PubEventOf<'submitted'>) };
  const r = next(state, event);
  return typeof r === 'string' ? { ok: false, error: `Действие не выполнено: ${r}` } : { ok: true, state: r };
}

/** The state from the whole history; throws at the first event that cannot happen. */
export function replayPublication(events: readonly PublicationEvent[]): PublicationState {
  let state: PublicationState | undefined;
  events.forEach((e, i) => {
    const r = applyPublicationEvent(state, e);
    if (!r.ok) throw new PublicationError(`событие ${i + 1} (${e.type}): ${r.error}`, i);
    state = r.state;
  });
  if (!state) throw new PublicationError('у публикации нет ни одного события', 0);
  return state;
}

/** The shared log's order, where two people acted at once: what cannot happen is set aside with why. */
export function replayPublicationLenient(events: readonly PublicationEvent[]): {
  state: PublicationState | null;
  accepted: PublicationEvent[];
  refused: { event: PublicationEvent; error: string }[];
} {
  let state: PublicationState | undefined;
  const accepted: PublicationEvent[] = [];
  const refused: { event: PublicationEvent; error: string }[] = [];
  for (const e of events) {
    const r = applyPublicationEvent(state, e);
    if (!r.ok) refused.push({ event: e, error: r.error });
    else {
      state = r.state;
      accepted.push(e);
    }
  }
  return { state: state ?? null, accepted, refused };
}

/** The actions this user may take now, for the buttons. */
export function allowedActions(state: PublicationState, me: PubActor): PublicationEventType[] {
  const probe = (type: PublicationEventType) => problemOf(state, { type, actor: me, at: state.lastEventAt, payload: {} } as PublicationEvent) === undefined;
  return (Object.keys(PUB_TRANSITIONS) as PublicationEventType[]).filter((t) => t !== 'submitted' && probe(t));
}
