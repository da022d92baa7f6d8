/**
 * Publication requests (App. 2 §9) and the weekly quota: the requests with each one's state, the
 * view and request chosen, the week the plan shows, every registered page's posts and footer
 * figures (what the plan and the response figures need), the weeks' counts in the zone, and the
 * acts — submit a request, act on one, export the weeks as CSV.
 */
import { computed, signal } from '@preact/signals';
import type { PublicationsView } from '@/components/workspace/publications/PublicationsSection';
import { liveSignal } from '../db/live';
import { appendPublicationEvent, listPublications, postStatsOf, submitPublication } from '../db/publications';
import { listRegistry, postsOfEntry, quotaRows } from '../db/registry';
import { replayPublication } from '../publications/reducer';
import { weekPlan } from '../publications/plan';
import { pageResponse } from '../publications/response';
import type { PublicationFormat } from '../publications/schema';
import { quotaToCsv } from '../quota/csv';
import { weekLabel } from '../quota/text';
import { shiftWeek, weekStartOf } from '../quota/week';
import { entryPageKeys } from '../registry/match';
import type { Session } from './session';

export function publicationsModel(session: Session) {
  const { db } = session;
  const rows = liveSignal(async () => {
    const records = await listPublications(db);
    return records.map((record) => {
      try {
        return { record, state: replayPublication(record.events) };
      } catch (e) {
        return { record, state: null, error: e instanceof Error ? e.message : String(e) };
      }
    });
  }, null);
  const states = computed(() => (rows.value.value ?? []).flatMap((r) => (r.state ? [{ id: r.record.id, state: r.state }] : [])));
  const walls = liveSignal(async () => {
    const entries = await listRegistry(db);
    return Promise.all(entries.map(async (entry) => ({ entry, posts: await postsOfEntry(db, entry), stats: await postStatsOf(db, entryPageKeys(entry)) })));
  }, null);
  const quota = liveSignal(async () => {
    const list = await quotaRows(db, session.at(), session.zone.value);
    return list.map((r) => ({ id: r.entry.id, name: r.entry.name, url: r.entry.url, kind: r.entry.kind, department: r.entry.department, target: r.target, weeks: r.weeks }));
  }, null);
  // Weeks are counted in the zone: a new zone, a new count (the query reads no signal by itself).
  let quotaZone = session.zone.value;
  session.zone.subscribe((z) => {
    if (z === quotaZone) return;
    quotaZone = z;
    quota.refresh();
  });
  const planWeek = signal(weekStartOf(session.at(), session.zone.value));

  return {
    rows,
    states,
    walls,
    quota,
    view: signal<PublicationsView>('plan'),
    selected: signal<string | null>(null),
    planWeek,
    weekLabel: computed(() => weekLabel(planWeek.value, session.zone.value)),
    shiftWeek: (offset: number) => (planWeek.value = shiftWeek(planWeek.value, offset, session.zone.value)),
    plans: computed(() => (walls.value.value ?? []).map(({ entry, posts }) => weekPlan(entry, posts, states.value, planWeek.value, session.zone.value))),
    /** What each page's own posts achieved, by their format where a request published them. */
    responses: computed(() => {
      const formats = new Map<string, PublicationFormat>(states.value.flatMap((r) => (r.state.published?.postKey ? [[r.state.published.postKey, r.state.format] as const] : [])));
      return (walls.value.value ?? []).map(({ entry, posts, stats }) => ({
        id: entry.id,
        name: entry.name,
        response: pageResponse(
          posts.filter((p) => !p.foreign).map((p) => ({ key: p.key, publishedAt: p.publishedAt, text: p.text, format: formats.get(p.key) ?? null })),
          stats,
          // The 30-second «now»: the figures move on with the clock, not only when the data changes.
          session.now.value,
          session.zone.value,
        ),
      }));
    }),
    /** The units that have requests, for the curator's export. */
    departments: computed(() => [...new Set(states.value.map((r) => r.state.author.department).filter((d): d is string => Boolean(d)))].sort()),
    async submit(event: Parameters<typeof submitPublication>[1]) {
      const r = await submitPublication(db, event, session.at());
      return r.ok ? { ok: true as const } : r;
    },
    act: (id: string) => async (event: Parameters<typeof appendPublicationEvent>[2]) => {
      const r = await appendPublicationEvent(db, id, event, session.at());
      return r.ok ? { ok: true as const } : r;
    },
    exportWeeks() {
      if (quota.value.value) session.save({ name: `otklik-publications-${session.stamp()}.csv`, text: quotaToCsv(quota.value.value, session.zone.value) });
    },
  };
}
