import { render } from 'preact';
import { SidePanel } from '@/components/SidePanel';
import { openDatabase } from '@/lib/db/schema';
import { listPages } from '@/lib/db/pages';
import { liveSignal } from '@/lib/db/live';
import '@/components/sidepanel.css';

const db = openDatabase();
const pages = liveSignal(() => listPages(db), null);

render(<SidePanel pages={pages.value} pagesError={pages.error} />, document.getElementById('app')!);
