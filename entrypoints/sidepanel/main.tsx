import { render } from 'preact';
import { ModerationLog } from '@/components/ModerationLog';
import { PagesSeen } from '@/components/PagesSeen';
import { SidePanel, type Section } from '@/components/SidePanel';
import { listModeration } from '@/lib/db/moderation';
import { listPages } from '@/lib/db/pages';
import { liveSignal } from '@/lib/db/live';
import { openDatabase } from '@/lib/db/schema';
import { downloadText } from '@/lib/download';
import { logToCsv } from '@/lib/moderation/log';
import { loadSettings } from '@/lib/settings/store';
import '@/components/sidepanel.css';

const db = openDatabase();
const settings = await loadSettings();
const pages = liveSignal(() => listPages(db), null);
const log = liveSignal(() => listModeration(db), null);

const sections: Section[] = [
  { id: 'pages', title: 'Страницы', render: () => <PagesSeen pages={pages.value} error={pages.error} /> },
  {
    id: 'moderation',
    title: 'Журнал модерации',
    render: () => (
      <ModerationLog
        entries={log.value}
        timeZone={settings.timeZone}
        now={Date.now}
        onExport={(entries) => downloadText(`otklik-moderation-${new Date().toISOString().slice(0, 10)}.csv`, logToCsv(entries, settings.timeZone))}
      />
    ),
  },
];

const initial = new URLSearchParams(location.search).get('tab') ?? undefined;
render(<SidePanel sections={sections} initial={initial} />, document.getElementById('app')!);
