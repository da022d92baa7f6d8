import { useSignal, type Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';

export interface Section {
  id: string;
  title: string;
  render(): ComponentChildren;
}

/** The workspace: one tab a section, in the order the entry lists them. */
export function SidePanel(props: { sections: Section[]; initial?: string; current?: Signal<string> }) {
  const { sections } = props;
  const own = useSignal(props.initial ?? sections[0]?.id ?? '');
  const current = props.current ?? own;
  const section = sections.find((s) => s.id === current.value) ?? sections[0];
  return (
    <main>
      <h1>Отклик</h1>
      <nav role="tablist">
        {sections.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            data-tab={s.id}
            aria-selected={s.id === section?.id}
            onClick={() => (current.value = s.id)}
          >
            {s.title}
          </button>
        ))}
      </nav>
      <section role="tabpanel" aria-label={section?.title}>
        {section?.render()}
      </section>
    </main>
  );
}
