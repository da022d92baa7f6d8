/** The background's side of messages on the page: registering, badges, and publication seen (App. 1). */
import { approvedText, appendEvent, messagesForComments, putMessage, recordPublication } from '../db/messages';
import type { OtklikDB } from '../db/schema';
import { receivedAtProblem } from '../messages/import';
import { countdownText, urgency } from '../messages/queue';
import { derive } from '../messages/summary';
import { sourceOf, type MessageRecord } from '../messages/types';
import type { Handlers } from '../protocol/server';
import type { Settings } from '../settings/defaults';
import { fold } from '../text';
import { workflowActor } from '../workflow/actor';
import { STATUS_TITLES } from '../workflow/transitions';
import type { WorkClock } from '../worktime/clock';

/** Compares replies as people read them: VK puts the addressee's name first, spacing varies. */
export function sameReply(published: string, approved: string): boolean {
  const norm = (t: string) =>
    fold(
      t
        .replace(/^\[[^\]|]+\|[^\]]+\],?\s*/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  const p = norm(published);
  const a = norm(approved);
  return p === a || p.endsWith(a) || p.replace(/^[^,]{1,40},\s*/, '') === a.replace(/^[^,]{1,40},\s*/, '');
}

interface Deps {
  db: OtklikDB;
  settings: () => Promise<Settings>;
  clock: () => Promise<WorkClock>;
  now: () => number;
}

export function messageHandlers({ db, settings, clock, now }: Deps): Pick<Handlers, 'messages/register' | 'messages/for-comments' | 'messages/published'> {
  return {
    'messages/register': async ({ source, topic, location, importance, receivedAt }) => {
      const s = await settings();
      if (s.role !== 'curator') throw new Error('Регистрировать сообщения может только куратор: укажите роль в настройках Отклика');
      const [existing] = await messagesForComments(db, [source.commentKey]);
      if (existing) return { id: existing.id, existed: true };
      const t = now();
      const problem = receivedAtProblem(receivedAt, await clock(), t);
      if (problem) throw new Error(`Сообщение не зарегистрировано: ${problem}`);
      const record: MessageRecord = {
        id: crypto.randomUUID(),
        site: source.site,
        commentRef: source.commentKey,
        url: source.permalink ?? source.pageUrl ?? undefined,
        author: source.authorName ?? undefined,
        text: source.text,
        events: [
          {
            type: 'received',
            actor: workflowActor(s)!,
            at: receivedAt,
            payload: { importance, ...(topic.trim() ? { topic: topic.trim() } : {}), ...(location.trim() ? { location: location.trim() } : {}) },
          },
        ],
        source: sourceOf(source),
        importKey: null,
        workingDraft: '',
        createdAt: t,
        updatedAt: t,
      };
      await putMessage(db, record, await clock(), t);
      return { id: record.id, existed: false };
    },

    'messages/for-comments': async ({ keys }) => {
      const [records, c, s] = await Promise.all([messagesForComments(db, keys), clock(), settings()]);
      const t = now();
      return {
        items: records.map((r) => {
          const { summary, state } = derive(r, c, t);
          return {
            commentKey: r.commentRef!,
            id: r.id,
            status: state.status,
            statusTitle: STATUS_TITLES[state.status],
            importance: state.importance,
            owner: summary.nextOwner,
            next: summary.nextDue !== null && summary.nextName ? countdownText(summary.nextName, summary.nextDue, t, c, s.timeZone) : null,
            urgency: urgency(summary, t, c),
            approvedText: state.status === 'approved' ? approvedText(r) : null,
            published: state.status === 'published',
          };
        }),
      };
    },

    'messages/published': async ({ commentKey, url, at, text }) => {
      const [record] = await messagesForComments(db, [commentKey]);
      if (!record) return { id: null, changed: false, differs: false };
      const approved = approvedText(record);
      const differs = approved !== null && !sameReply(text, approved);
      const publication = { url, at, text, differs };
      const { state } = derive(record, await clock(), now());
      if (state.status !== 'approved') {
        // Already published, or a reply before approval: keep the evidence, change no state.
        if (!record.publication) await recordPublication(db, record.id, publication);
        return { id: record.id, changed: false, differs };
      }
      const s = await settings();
      const actor = workflowActor(s) ?? { role: 'curator' as const, name: 'Отклик: ответ замечен на странице' };
      const result = await appendEvent(
        db,
        record.id,
        { type: 'published', actor, at, payload: url ? { url } : {} },
        await clock(),
        now(),
      );
      if (result.ok) await recordPublication(db, record.id, publication);
      return { id: record.id, changed: result.ok, differs };
    },
  };
}

