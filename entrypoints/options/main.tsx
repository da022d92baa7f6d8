import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BackupPanel } from '@/components/options/BackupPanel';
import { OptionsPage } from '@/components/options/OptionsPage';
import { backupFileName, backupToText, databaseIsEmpty, exportBackup, finishInterruptedRestore, restoreBackup } from '@/lib/backup';
import { openDatabase } from '@/lib/db/schema';
import { onDatabaseReplaced, showReplacedNotice } from '@/lib/db/replaced';
import { WorktimeForm } from '@/components/options/WorktimeForm';
import { TemplatesForm } from '@/components/options/TemplatesForm';
import { replyTemplatesFileName, replyTemplatesToFile } from '@/lib/replies/file';
import { importReplyTemplates, loadReplyTemplates, saveReplyTemplates, watchReplyTemplates } from '@/lib/replies/store';
import { downloadText, fileDate } from '@/lib/download';
import { forget, loadAllowlist, watchAllowlist } from '@/lib/moderation/allowlist';
import { lexiconFromFile, lexiconToFile, saveLexicon } from '@/lib/settings/lexicon';
import { loadLexiconSource, watchLexicon } from '@/lib/settings/lexicon-read';
import { loadSettings, watchSettings } from '@/lib/settings/item';
import { loadManaged, watchManaged } from '@/lib/settings/managed';
import { readSchedule } from '@/lib/settings/managed-schedule';
import { saveSettings } from '@/lib/settings/store';
import { addCalendarYear, loadCalendar, loadClock, loadWorktime, saveWorktime, watchWorktime } from '@/lib/settings/worktime';
import { TeamForm } from '@/components/options/TeamForm';
import { checkTeamServer, forgetTeamServer, loadSyncStatus, loadTeamServer, originPattern, saveTeamServer, watchSyncStatus, TEAM_SERVER_KEY } from '@/lib/sync/config';
import '@/components/shared/extension.css';
import '@/components/options/options.css';

const db = openDatabase();
// Before any setting is read: a restore cut short puts the settings back first.
const interrupted = await finishInterruptedRestore(db, browser.storage.local).catch(() => null);
const settings = signal(await loadSettings());
// The lists as the user keeps them: the organisation's official domains are shown apart (managed).
const lexicon = signal(await loadLexiconSource(true));
const managed = signal(await loadManaged());
watchManaged((m) => (managed.value = m));
const allowlist = signal(await loadAllowlist());
const worktime = signal(await loadWorktime());
const replyTemplates = signal(await loadReplyTemplates());
onDatabaseReplaced(db, () => showReplacedNotice());
const databaseEmpty = signal(await databaseIsEmpty(db));
const years = signal([...(await loadCalendar()).years.keys()].sort());
watchSettings((s) => (settings.value = s));
const team = signal(await loadTeamServer());
const syncStatus = signal(await loadSyncStatus());
watchSyncStatus((s) => (syncStatus.value = s));
browser.storage.onChanged.addListener(async (changes, area) => {
  if (area === 'local' && TEAM_SERVER_KEY in changes) team.value = await loadTeamServer();
});
watchLexicon((l) => (lexicon.value = l), true);
watchAllowlist((a) => (allowlist.value = a));
watchWorktime((w) => (worktime.value = w));
watchReplyTemplates((t) => (replyTemplates.value = t));

// Components, so that they read the signals when they render and follow the store (a backup restored, another tab).
function Worktime() {
  return (
    <WorktimeForm
      worktime={worktime.value}
      years={years.value}
      locked={Boolean(managed.value.schedule && readSchedule(managed.value.schedule))}
      onSave={saveWorktime}
      onAddYear={async (text) => {
        const r = await addCalendarYear(text);
        if (r.ok) years.value = [...(await loadCalendar()).years.keys()].sort();
        return r;
      }}
    />
  );
}

function Templates() {
  return (
    <TemplatesForm
      templates={replyTemplates.value}
      zone={settings.value.timeZone}
      onSave={async (change) => {
        const r = await saveReplyTemplates(change, Date.now());
        return r.ok ? { ok: true } : r;
      }}
      onImport={importReplyTemplates}
      onExport={() =>
        downloadText(
          replyTemplatesFileName(fileDate(Date.now(), settings.value.timeZone)),
          replyTemplatesToFile(replyTemplates.value, new Date()),
          'application/json',
        )
      }
    />
  );
}

function Team() {
  return (
    <TeamForm
      server={team.value}
      status={syncStatus.value}
      zone={settings.value.timeZone}
      managed={{ url: managed.value.teamServerUrl, login: managed.value.teamServerLogin }}
      onConnect={async (input) => {
        // An empty password keeps the stored one (it is never shown back).
        const checked = checkTeamServer({ ...input, password: input.password || team.value?.password || '' });
        if (!checked.ok) return checked;
        // First, while the click still counts: the browser asks the user about this one host.
        const granted = await browser.permissions.request({ origins: [originPattern(checked.value.url)] }).catch(() => false);
        if (!granted) return { ok: false, errors: ['Браузер не разрешил связь с сервером: без разрешения Отклик не подключается. Нажмите «Подключиться» ещё раз и разрешите.'] };
        await saveTeamServer(checked.value);
        return { ok: true };
      }}
      onForget={forgetTeamServer}
    />
  );
}

function Backup() {
  return (
    <section class="card" aria-label="Резервная копия">
      {interrupted && <p role="alert">{interrupted}</p>}
      <BackupPanel
        zone={settings.value.timeZone}
        databaseEmpty={databaseEmpty.value}
        onExport={async () => {
          const now = Date.now();
          downloadText(backupFileName(now), backupToText(await exportBackup(db, browser.storage.local, now)), 'application/json');
        }}
        onRestore={async (backup, mode) => {
          const result = await restoreBackup(db, browser.storage.local, backup, mode, await loadClock(), Date.now());
          databaseEmpty.value = await databaseIsEmpty(db);
          years.value = [...(await loadCalendar()).years.keys()].sort();
          return result;
        }}
      />
    </section>
  );
}

render(
  <OptionsPage
    settings={settings}
    managed={managed}
    lexicon={lexicon}
    allowlist={allowlist}
    onSaveSettings={async (s) => {
      const r = await saveSettings(s);
      return r.ok ? { ok: true } : r;
    }}
    onSaveLexicon={saveLexicon}
    onImport={async (text) => {
      const parsed = lexiconFromFile(text);
      return parsed.ok ? saveLexicon(parsed.input) : parsed;
    }}
    onExport={() => downloadText('otklik-lexicon.json', lexiconToFile(lexicon.value, new Date()), 'application/json')}
    onForget={(kind, value) => void forget(kind, value)}
    templates={<Templates />}
    backup={<Backup />}
  >
    <Worktime />
    <Team />
  </OptionsPage>,
  document.getElementById('app')!,
);
