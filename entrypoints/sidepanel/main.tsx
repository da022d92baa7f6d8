import { signal } from '@preact/signals';
import { render } from 'preact';
import { computed } from '@preact/signals';
import { ExchangePanel } from '@/components/backup/ExchangePanel';
import { MessagesSection } from '@/components/messages/MessagesSection';
import { ReportsPanel, type ReportsSource } from '@/components/reports/ReportsPanel';
import { messageReports, moderationReportFor } from '@/lib/db/reports';
import '@/components/reports/reports.css';
import { exchangeFileName, exchangeToText, exportDrafts, exportForDepartment, importExchange } from '@/lib/exchange';
import { ModerationLog } from '@/components/ModerationLog';
import { appendEvents, importMessages } from '@/lib/db/messages';
import { cardModel } from '@/lib/workspace/card';
import { liveSummaries } from '@/lib/db/live-summaries';
import { buildImportInSlices, inspectImportInSlices } from '@/lib/messages/import';
import { lintDraft } from '@/lib/messages/lint';
import { queryQueue, rowCountdown, urgency } from '@/lib/messages/queue';
import { cachedClock, watchClock } from '@/lib/settings/worktime';
import '@/components/messages/messages.css';
import { PagesSeen } from '@/components/PagesSeen';
import { QuotaOverview, type QuotaOverviewRow } from '@/components/quota/QuotaOverview';
import { RegistrySection } from '@/components/registry/RegistrySection';
import { ROLE_START_TAB, SidePanel, type Section } from '@/components/SidePanel';
import { listFlagged } from '@/lib/db/flagged';
import { listModeration, recordDeleted, recordNotViolation } from '@/lib/db/moderation';
import { ModerationQueue } from '@/components/ModerationQueue';
import { allow } from '@/lib/moderation/allowlist';
import { signer, workflowActor } from '@/lib/workflow/actor';
import { listPages } from '@/lib/db/pages';
import { importRegistryFile, listRegistry, quotaRows, removeEntry, saveEntry } from '@/lib/db/registry';
import { liveSignal } from '@/lib/db/live';
import { openDatabase } from '@/lib/db/schema';
import { onDatabaseReplaced, showReplacedNotice } from '@/lib/db/replaced';
import { downloadText, fileDate } from '@/lib/download';
import { logToCsv } from '@/lib/moderation/log';
import { quotaToCsv } from '@/lib/quota/csv';
import { isoDateIn } from '@/lib/quota/week';
import { takeDraft, watchDraft } from '@/lib/registry/draft';
import type { RegistryEntryInput } from '@/lib/registry/entry';
import { registryToCsv, registryToHtml, registryToJson } from '@/lib/registry/export';
import { loadSettings, watchSettings } from '@/lib/settings/item';
import { finalReplyDueIfSentAt } from '@/lib/replies/due';
import { loadReplyTemplates, watchReplyTemplates } from '@/lib/replies/store';
import { loadSyncStatus, syncStatusText, watchSyncStatus } from '@/lib/sync/config';
import { PublicationsSection, type PublicationsView } from '@/components/publications/PublicationsSection';
import { WeekPlanView } from '@/components/publications/WeekPlanView';
import { ResponseView } from '@/components/publications/ResponseView';
import { PubExchange } from '@/components/publications/PubExchange';
import { appendPublicationEvent, listPageFounding, listPageLooks, listPublications, postStatsOf, savePageFounding, submitPublication } from '@/lib/db/publications';
import { looksFor, pageChecks } from '@/lib/publications/page-checks';
import { PageChecksCell } from '@/components/registry/PageChecks';
import { postsOfEntry } from '@/lib/db/registry';
import { entryPageKeys } from '@/lib/registry/match';
import { replayPublication } from '@/lib/publications/reducer';
import { weekPlan } from '@/lib/publications/plan';
import { pageResponse } from '@/lib/publications/response';
import type { PubActor, PublicationFormat } from '@/lib/publications/schema';
import { shiftWeek, weekStartOf } from '@/lib/quota/week';
import { weekLabel } from '@/lib/quota/text';
import '@/components/sidepanel.css';
import '@/components/options/options.css';

const db = openDatabase();
onDatabaseReplaced(db, () => showReplacedNotice());
// Live: a change of role, department or zone made in the options (or another window) applies here at once.
const settings = signal(await loadSettings());
watchSettings((s) => (settings.value = s));
const zone = computed(() => settings.value.timeZone);
const stamp = () => fileDate(Date.now(), zone.value);

// Team sync's state in words, when a server is configured.
const syncStatus = signal(await loadSyncStatus());
watchSyncStatus((s) => (syncStatus.value = s));
const syncText = computed(() => (syncStatus.value ? syncStatusText(syncStatus.value, zone.value) : null));

const clock = signal(await cachedClock());
watchClock((c) => (clock.value = c));
const now = signal(Date.now());
setInterval(() => (now.value = Date.now()), 30_000);

const pages = liveSignal(() => listPages(db), null);
// The queue's rows: read once, then patched where a write changed them (lib/db/live-summaries).
const summaries = liveSummaries(db);
const card = cardModel({ db, clock, now, selected: new URLSearchParams(location.search).get('message') });
const selectedId = card.selectedId;
// The team's saved replies (kept by the curator on the options page), live.
const replyTemplates = signal(await loadReplyTemplates());
watchReplyTemplates((t) => (replyTemplates.value = t));
const log = liveSignal(() => listModeration(db), null);
const modQueue = liveSignal(() => listFlagged(db), null);
const registry = liveSignal(() => listRegistry(db), null);
const quota = liveSignal(async () => {
  const rows = await quotaRows(db, Date.now(), zone.value);
  return rows.map(
    (r): QuotaOverviewRow => ({
      id: r.entry.id,
      name: r.entry.name,
      url: r.entry.url,
      kind: r.entry.kind,
      department: r.entry.department,
      target: r.target,
      weeks: r.weeks,
    }),
  );
}, null);
// Weeks are counted in the zone: a new zone, a new count (the query reads no signal by itself).
let quotaZone = zone.value;
zone.subscribe((z) => {
  if (z === quotaZone) return;
  quotaZone = z;
  quota.refresh();
});

// Publication requests (App. 2 §9): the list with each state, the week's plan and what posts achieved.
const publications = liveSignal(async () => {
  const records = await listPublications(db);
  return records.map((record) => {
    try {
      return { record, state: replayPublication(record.events) };
    } catch (e) {
      return { record, state: null, error: e instanceof Error ? e.message : String(e) };
    }
  });
}, null);
const pubView = signal<PublicationsView>('plan');
const pubSelected = signal<string | null>(null);
const planWeek = signal(weekStartOf(Date.now(), zone.value));
const me = computed((): PubActor => signer(settings.value));
// The wall as the plan and the figures need it: every registered page's posts and footer figures.
const walls = liveSignal(async () => {
  const entries = await listRegistry(db);
  return Promise.all(entries.map(async (entry) => ({ entry, posts: await postsOfEntry(db, entry), stats: await postStatsOf(db, entryPageKeys(entry)) })));
}, null);

// App. 2 §4, §12: what the registry records of a page's creation, and what its live wall showed.
const founding = liveSignal(async () => ({ founding: await listPageFounding(db), looks: await listPageLooks(db) }), { founding: [], looks: [] });

// A registry entry started on a page waits in storage until the side panel takes it.
const draft = signal<RegistryEntryInput | null>(await takeDraft());
const current = signal(draft.value ? 'registry' : (new URLSearchParams(location.search).get('tab') ?? ROLE_START_TAB[settings.value.role]));
watchDraft(async () => {
  draft.value = await takeDraft();
  current.value = 'registry';
});

// Reports are counted from the database a page at a time (lib/db/reports.ts), as of the moment the
// tab was opened or «Обновить данные» pressed.
const reportsAt = signal(Date.now());
/** How far an import's check of its rows has gone (shown in the import dialog). */
const importChecking = signal<{ checked: number; total: number } | null>(null);
current.subscribe((tab) => {
  if (tab === 'reports') reportsAt.value = Date.now();
});
const reportSource: ReportsSource = {
  messages: (period, at, abort) => messageReports(db, { clock: clock.value, period, now: at, surges: { windowHours: 3, baselineDays: 14 } }, abort),
  moderation: (period, abort) => moderationReportFor(db, period, abort),
};
// An executor with no unit yet still names the file as an executor's.
const origin = () => workflowActor(settings.value) ?? { role: 'executor' as const, name: signer(settings.value).name, department: '' };
const departments = computed(() => [...new Set((summaries.value.value ?? []).flatMap((r) => [r.department, ...r.coDepartments]).filter(Boolean))].sort());

function printHtml(html: string) {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const w = window.open(url, '_blank');
  w?.addEventListener('load', () => w.print(), { once: true });
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const sections: Section[] = [
  {
    id: 'messages',
    title: 'Сообщения',
    render: () => (
      <MessagesSection
        rows={summaries.value}
        partial={summaries.partial}
        apply={(rows, q, sort) =>
          queryQueue(rows, { statuses: q.statuses, importance: q.importance, department: q.department, sociallySignificant: q.sociallySignificant, search: q.search }, sort)
        }
        countdown={(row, t) => rowCountdown(row, t, clock.value, zone.value) ?? ''}
        urgency={(row, t) => urgency(row, t, clock.value)}
        now={now}
        selectedId={selectedId}
        open={card.message}
        canImport={settings.value.role === 'curator'}
        inspect={inspectImportInSlices}
        checking={importChecking}
        commit={async (text, format, mapping, onProgress) => {
          // Checked in slices: the panel stays responsive while 50,000 rows are read.
          const built = await buildImportInSlices(text, format, mapping, {
            now: Date.now(),
            actor: { ...signer(settings.value), role: 'curator' },
            zone: zone.value,
            // The user's own schedule and calendar: a year added in the settings counts here too.
            clock: clock.value,
          }, { onProgress: (checked, total) => (importChecking.value = { checked, total }) });
          importChecking.value = null;
          if (!built.ok) return built;
          const r = await importMessages(db, built.records, clock.value, Date.now(), { onProgress });
          return r.error
            ? { ok: false, errors: [r.error], added: r.added, duplicates: r.duplicates, total: built.records.length }
            : { ok: true, added: r.added, duplicates: r.duplicates };
        }}
        bulk={
          settings.value.role === 'curator'
            ? {
                me: { name: settings.value.userName, department: settings.value.department },
                apply: (ids, makeEvent) => appendEvents(db, ids, makeEvent, clock.value, Date.now()),
              }
            : undefined
        }
        card={{
          notices: card.notices.value,
          templates: { list: replyTemplates.value, finalReplyDue: (sentAt, importance) => finalReplyDueIfSentAt(clock.value, sentAt, importance) },
          earlier: card.earlier.value,
          me: { role: settings.value.role, name: settings.value.userName, department: settings.value.department },
          zone: zone.value,
          clock: clock.value,
          lint: (text, ctx) => lintDraft(text, { kind: ctx.kind, repeat: ctx.repeat }),
          onAct: card.act,
          onSaveWorkingDraft: card.saveWorkingDraft,
        }}
      />
    ),
  },
  { id: 'pages', title: 'Страницы', render: () => <PagesSeen pages={pages.value} error={pages.error} /> },
  {
    id: 'registry',
    title: 'Реестр',
    render: () => (
      <RegistrySection
        entries={registry.value}
        today={isoDateIn(Date.now(), zone.value)}
        draft={draft}
        newEntry={() => ({
          id: crypto.randomUUID(),
          site: 'vk',
          url: '',
          ownerId: null,
          name: '',
          kind: 'department',
          department: settings.value.department,
          responsible: settings.value.userName,
          twoFactorConfirmedAt: null,
          adminsReviewedAt: null,
        })}
        onSave={async (entry) => {
          const r = await saveEntry(db, entry);
          return r.ok ? { ok: true } : { ok: false, errors: Object.values(r.errors).filter((e): e is string => Boolean(e)) };
        }}
        onRemove={(entry) => void removeEntry(db, entry.id)}
        pageChecks={(entry) => {
          const f = founding.value.value.founding.find((x) => x.entryId === entry.id);
          const checks = pageChecks(entry.kind, f, looksFor(entryPageKeys(entry), founding.value.value.looks));
          return {
            problems: checks.problems,
            cell: <PageChecksCell entryId={entry.id} checks={checks} founding={f} today={isoDateIn(Date.now(), zone.value)} onSave={(next) => savePageFounding(db, next)} />,
          };
        }}
        onImport={(text, format, request) => importRegistryFile(db, text, format, request)}
        onExport={(format) => {
          const entries = registry.value.value ?? [];
          const checks = founding.value.value;
          if (format === 'csv') downloadText(`otklik-registry-${stamp()}.csv`, registryToCsv(entries, { ...checks, zone: zone.value }));
          else if (format === 'json') downloadText(`otklik-registry-${stamp()}.json`, registryToJson(entries), 'application/json');
          else downloadText(`otklik-registry-${stamp()}.html`, registryToHtml(entries, new Date(), { zone: zone.value, checks }), 'text/html;charset=utf-8');
        }}
      />
    ),
  },
  {
    id: 'quota',
    title: 'Публикации',
    render: () => {
      const rows = publications.value.value;
      const states = (rows ?? []).flatMap((r) => (r.state ? [{ id: r.record.id, state: r.state }] : []));
      const formats = new Map<string, PublicationFormat>(states.flatMap((r) => (r.state.published?.postKey ? [[r.state.published.postKey, r.state.format] as const] : [])));
      const wallData = walls.value.value ?? [];
      return (
        <PublicationsSection
          view={pubView}
          me={me.value}
          zone={zone.value}
          pages={(registry.value.value ?? []).map((e) => ({ id: e.id, name: e.name, kind: e.kind }))}
          rows={rows}
          selected={pubSelected}
          now={Date.now}
          onSubmit={async (event) => {
            const r = await submitPublication(db, event, Date.now());
            return r.ok ? { ok: true } : r;
          }}
          onAct={(id) => async (event) => {
            const r = await appendPublicationEvent(db, id, event, Date.now());
            return r.ok ? { ok: true } : r;
          }}
          plan={
            <WeekPlanView
              plans={wallData.map(({ entry, posts }) => weekPlan(entry, posts, states, planWeek.value, zone.value))}
              weekLabel={weekLabel(planWeek.value, zone.value)}
              today={isoDateIn(Date.now(), zone.value)}
              zone={zone.value}
              onShift={(offset) => (planWeek.value = shiftWeek(planWeek.value, offset, zone.value))}
              onOpen={(id) => {
                pubSelected.value = id;
                pubView.value = 'requests';
              }}
            />
          }
          weeks={
            quota.value.value === null ? (
              <p class="muted">Загрузка…</p>
            ) : (
              <QuotaOverview
                rows={quota.value.value}
                zone={zone.value}
                onExportCsv={() => downloadText(`otklik-publications-${stamp()}.csv`, quotaToCsv(quota.value.value!, zone.value))}
              />
            )
          }
          response={
            <ResponseView
              zone={zone.value}
              rows={wallData.map(({ entry, posts, stats }) => ({
                id: entry.id,
                name: entry.name,
                response: pageResponse(
                  posts.filter((p) => !p.foreign).map((p) => ({ key: p.key, publishedAt: p.publishedAt, text: p.text, format: formats.get(p.key) ?? null })),
                  stats,
                  Date.now(),
                  zone.value,
                ),
              }))}
            />
          }
          exchange={
            settings.value.role === 'moderator' ? undefined : (
              <PubExchange
                departments={
                  settings.value.role === 'curator'
                    ? [...new Set(states.map((r) => r.state.author.department).filter((d): d is string => Boolean(d)))].sort()
                    : null
                }
                onExport={async (department) => {
                  const all = await listPublications(db);
                  const file =
                    department === null
                      ? exportDrafts([], origin(), Date.now(), all)
                      : exportForDepartment([], department, { origin: origin(), now: Date.now(), publications: all });
                  downloadText(exchangeFileName(file, zone.value), exchangeToText(file), 'application/json');
                }}
                onImport={(text) => importExchange(db, text, origin(), clock.value, Date.now())}
              />
            )
          }
        />
      );
    },
  },
  {
    id: 'reports',
    title: 'Отчёты',
    render: () => {
      return (
        <div>
          <div class="row">
            <button type="button" onClick={() => (reportsAt.value = Date.now())}>
              Обновить данные
            </button>
          </div>
          <ReportsPanel
            source={reportSource}
            clock={clock.value}
            now={reportsAt.value}
            onCsv={(name, csv) => downloadText(name, csv)}
            onPrint={printHtml}
            onCopy={(text) => void navigator.clipboard.writeText(text)}
          />
          {(settings.value.role === 'curator' || settings.value.role === 'executor') && (
            <ExchangePanel
              role={settings.value.role}
              departments={departments.value}
              onExportDepartment={async (department) => {
                const file = exportForDepartment(await db.messages.toArray(), department, { origin: origin(), now: Date.now() });
                downloadText(exchangeFileName(file, zone.value), exchangeToText(file), 'application/json');
              }}
              onExportDrafts={async () => {
                const file = exportDrafts(await db.messages.toArray(), origin(), Date.now());
                downloadText(exchangeFileName(file, zone.value), exchangeToText(file), 'application/json');
              }}
              onImport={(text) => importExchange(db, text, origin(), clock.value, Date.now())}
              labelOf={(id) => {
                const row = summaries.value.value?.find((r) => r.id === id);
                return row ? `${row.author || 'Автор неизвестен'}: ${row.snippet.slice(0, 60)}` : id;
              }}
              onOpen={(id) => {
                selectedId.value = id;
                current.value = 'messages';
              }}
            />
          )}
        </div>
      );
    },
  },
  {
    id: 'moderation',
    title: 'Журнал модерации',
    render: () => (
      <>
      <ModerationQueue
        entries={modQueue.value}
        now={Date.now}
        onDeleted={async (e) => recordDeleted(db, e, 'manual', signer(settings.value).name, Date.now())}
        onNotViolation={async (e) => {
          await allow({ commentKey: e.commentKey });
          await recordNotViolation(db, e, 'comment', signer(settings.value).name, Date.now());
        }}
      />
      <ModerationLog
        entries={log.value}
        timeZone={zone.value}
        now={Date.now}
        onExport={(entries) => downloadText(`otklik-moderation-${stamp()}.csv`, logToCsv(entries, zone.value))}
      />
      </>
    ),
  },
];

render(<SidePanel sections={sections} current={current} settings={settings} syncText={syncText} />, document.getElementById('app')!);
