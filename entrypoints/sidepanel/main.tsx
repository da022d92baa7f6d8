/**
 * The side panel: opens the session, builds each area's model (lib/workspace/*) and renders the
 * sections over them. No state, database call or file format lives here.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { ExchangePanel } from '@/components/workspace/messages/ExchangePanel';
import { MessagesSection } from '@/components/workspace/messages/MessagesSection';
import { ReportsPanel } from '@/components/workspace/reports/ReportsPanel';
import '@/components/workspace/reports/reports.css';
import { ModerationLog } from '@/components/workspace/ModerationLog';
import '@/components/workspace/messages/messages.css';
import { PagesSeen } from '@/components/workspace/PagesSeen';
import { QuotaOverview } from '@/components/workspace/quota/QuotaOverview';
import { RegistrySection } from '@/components/workspace/registry/RegistrySection';
import { ROLE_START_TAB, SidePanel, type Section } from '@/components/workspace/SidePanel';
import { ModerationQueue } from '@/components/workspace/ModerationQueue';
import { PublicationsSection } from '@/components/workspace/publications/PublicationsSection';
import { WeekPlanView } from '@/components/workspace/publications/WeekPlanView';
import { ResponseView } from '@/components/workspace/publications/ResponseView';
import { PubExchange } from '@/components/workspace/publications/PubExchange';
import { PageChecksCell } from '@/components/workspace/registry/PageChecks';
import { listPages } from '@/lib/db/pages';
import { liveSignal } from '@/lib/db/live';
import { openDatabase } from '@/lib/db/schema';
import { onDatabaseReplaced, showReplacedNotice } from '@/lib/db/replaced';
import { lintDraft } from '@/lib/messages/lint';
import { takeDraft, watchDraft } from '@/lib/registry/draft';
import type { RegistryEntryInput } from '@/lib/registry/entry';
import { finalReplyDueIfSentAt } from '@/lib/replies/due';
import { cardModel } from '@/lib/workspace/card';
import { logModel } from '@/lib/workspace/log';
import { publicationsModel } from '@/lib/workspace/publications';
import { queueModel } from '@/lib/workspace/queue';
import { registryModel } from '@/lib/workspace/registry';
import { reportsModel } from '@/lib/workspace/reports';
import { openSession } from '@/lib/workspace/session';
import '@/components/shared/extension.css';
import '@/components/options/options.css';

const db = openDatabase();
onDatabaseReplaced(db, () => showReplacedNotice());
const { session, replyTemplates, syncText } = await openSession(db);
const { settings, zone, clock, now } = session;
const params = new URLSearchParams(location.search);

const pages = liveSignal(() => listPages(db), null);
const queue = queueModel(session);
const card = cardModel({ db, clock, now, selected: params.get('message') });
// A registry entry started on a page waits in storage until the side panel takes it.
const registry = registryModel(session, signal<RegistryEntryInput | null>(await takeDraft()));
const pubs = publicationsModel(session);
const reports = reportsModel(session, () => queue.rows.value.value);
const log = logModel(session);

const current = signal(registry.draft.value ? 'registry' : (params.get('tab') ?? ROLE_START_TAB[settings.value.role]));
watchDraft(async () => {
  registry.draft.value = await takeDraft();
  current.value = 'registry';
});
current.subscribe((tab) => {
  if (tab === 'reports') reports.refresh();
});

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
        rows={queue.rows.value}
        partial={queue.rows.partial}
        apply={queue.apply}
        countdown={queue.countdown}
        urgency={queue.urgency}
        now={now}
        selectedId={card.selectedId}
        open={card.message}
        canImport={queue.isCurator.value}
        inspect={queue.inspect}
        checking={queue.checking}
        commit={queue.commit}
        bulk={queue.isCurator.value ? { me: { name: settings.value.userName, department: settings.value.department }, apply: queue.bulk } : undefined}
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
        entries={registry.entries.value}
        today={registry.today()}
        draft={registry.draft}
        newEntry={registry.newEntry}
        onSave={registry.save}
        onRemove={(entry) => void registry.remove(entry)}
        pageChecks={(entry) => {
          const { founding, checks } = registry.checksOf(entry);
          return {
            problems: checks.problems,
            cell: <PageChecksCell entryId={entry.id} checks={checks} founding={founding} today={registry.today()} onSave={registry.saveFounding} />,
          };
        }}
        onImport={registry.importFile}
        onExport={(format) => registry.export(format)}
      />
    ),
  },
  {
    id: 'quota',
    title: 'Публикации',
    render: () => (
      <PublicationsSection
        view={pubs.view}
        me={session.me.value}
        zone={zone.value}
        pages={(registry.entries.value.value ?? []).map((e) => ({ id: e.id, name: e.name, kind: e.kind }))}
        rows={pubs.rows.value.value}
        selected={pubs.selected}
        now={Date.now}
        onSubmit={pubs.submit}
        onAct={pubs.act}
        plan={
          <WeekPlanView
            plans={pubs.plans.value}
            weekLabel={pubs.weekLabel.value}
            today={registry.today()}
            zone={zone.value}
            onShift={pubs.shiftWeek}
            onOpen={(id) => {
              pubs.selected.value = id;
              pubs.view.value = 'requests';
            }}
          />
        }
        weeks={
          pubs.quota.value.value === null ? (
            <p class="muted">Загрузка…</p>
          ) : (
            <QuotaOverview rows={pubs.quota.value.value} zone={zone.value} onExportCsv={pubs.exportWeeks} />
          )
        }
        response={<ResponseView zone={zone.value} rows={pubs.responses.value} />}
        exchange={
          settings.value.role === 'moderator' ? undefined : (
            <PubExchange
              departments={settings.value.role === 'curator' ? pubs.departments.value : null}
              onExport={reports.exportPublications}
              onImport={reports.importFile}
            />
          )
        }
      />
    ),
  },
  {
    id: 'reports',
    title: 'Отчёты',
    render: () => (
      <div>
        <div class="row">
          <button type="button" onClick={reports.refresh}>
            Обновить данные
          </button>
        </div>
        <ReportsPanel
          source={reports.source}
          clock={clock.value}
          now={reports.at.value}
          onCsv={(name, csv) => session.save({ name, text: csv })}
          onPrint={printHtml}
          onCopy={(text) => void navigator.clipboard.writeText(text)}
        />
        {(settings.value.role === 'curator' || settings.value.role === 'executor') && (
          <ExchangePanel
            role={settings.value.role}
            departments={queue.departments.value}
            onExportDepartment={reports.exportDepartment}
            onExportDrafts={reports.exportDrafts}
            onImport={reports.importFile}
            labelOf={reports.labelOf}
            onOpen={(id) => {
              card.selectedId.value = id;
              current.value = 'messages';
            }}
          />
        )}
      </div>
    ),
  },
  {
    id: 'moderation',
    title: 'Журнал модерации',
    render: () => (
      <>
        <ModerationQueue entries={log.flagged.value} now={Date.now} onDeleted={log.deleted} onNotViolation={log.notViolation} />
        <ModerationLog entries={log.entries.value} timeZone={zone.value} now={Date.now} onExport={log.exportCsv} />
      </>
    ),
  },
];

render(<SidePanel sections={sections} current={current} settings={settings} syncText={syncText} />, document.getElementById('app')!);
