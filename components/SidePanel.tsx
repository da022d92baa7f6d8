import type { ReadonlySignal } from '@preact/signals';
import type { PageSummary } from '@/lib/db/pages';
import { PagesSeen } from './PagesSeen';

/** The workspace. Sections for messages, registry and moderation log are added by their features. */
export function SidePanel(props: { pages: ReadonlySignal<PageSummary[] | null>; pagesError: ReadonlySignal<string | null> }) {
  return (
    <main>
      <h1>Отклик</h1>
      <section>
        <h2>Страницы</h2>
        <PagesSeen pages={props.pages} error={props.pagesError} />
      </section>
    </main>
  );
}
