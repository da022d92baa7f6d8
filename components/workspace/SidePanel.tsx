import { useSignal, useSignalEffect, type ReadonlySignal, type Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { StaffRole, Settings } from '@/lib/settings/defaults';

export interface Section {
  id: string;
  title: string;
  render(): ComponentChildren;
}

/** Each role starts where its work is: messages for the curator and executors, the log for a moderator. */
export const ROLE_START_TAB: Record<StaffRole, string> = { curator: 'messages', executor: 'messages', moderator: 'moderation', owner: 'quota' };

export interface SidePanelProps {
  sections: Section[];
  initial?: string;
  current?: Signal<string>;
  /** The stored settings, live: a change of role (here or in another window) opens that role's tab. */
  settings?: ReadonlySignal<Settings>;
  /** «⚙ Настройки»; the options page by default. */
  onOpenSettings?: () => void;
  /** Team sync in words («Синхронизировано», «Нет связи с сервером с 14:05 — …»); absent when sync is off. */
  syncText?: ReadonlySignal<string | null>;
}

const openOptions = () => void browser.runtime.openOptionsPage();

/** The workspace: one tab a section, in the order the entry lists them. */
export function SidePanel(props: SidePanelProps) {
  const { sections, settings, onOpenSettings = openOptions } = props;
  const own = useSignal(props.initial ?? sections[0]?.id ?? '');
  const current = props.current ?? own;
  const section = sections.find((s) => s.id === current.value) ?? sections[0];

  const role = useRef(settings?.peek().role);
  useSignalEffect(() => {
    const next = settings?.value.role;
    if (!next || next === role.current) return;
    role.current = next;
    current.value = ROLE_START_TAB[next];
  });

  return (
    <main>
      <header class="panel-head">
        <h1>Отклик</h1>
        <button type="button" class="link settings-link" title="Открыть настройки Отклика" onClick={onOpenSettings}>
          <span aria-hidden="true">⚙</span> Настройки
        </button>
      </header>
      {props.syncText?.value && (
        <p class="sync-status" role="status" data-testid="sync-status">
          {props.syncText.value}
        </p>
      )}
      {settings && !settings.value.onboarded && (
        <p class="first-run" role="status">
          Укажите, кто вы (роль, имя, подразделение), — Отклик покажет нужное для вашей работы.{' '}
          <button type="button" class="link" onClick={onOpenSettings}>
            Указать
          </button>
        </p>
      )}
      <nav
        role="tablist"
        aria-label="Разделы"
        onKeyDown={(e) => {
          // The tabs as one control (WAI-ARIA tabs): ← → move between them, Home and End to the ends.
          const at = sections.findIndex((s) => s.id === section?.id);
          const to =
            e.key === 'ArrowRight' ? (at + 1) % sections.length
            : e.key === 'ArrowLeft' ? (at - 1 + sections.length) % sections.length
            : e.key === 'Home' ? 0
            : e.key === 'End' ? sections.length - 1
            : -1;
          if (to < 0 || !sections[to]) return;
          e.preventDefault();
          current.value = sections[to].id;
          (e.currentTarget.querySelector(`[data-tab="${sections[to].id}"]`) as HTMLElement | null)?.focus();
        }}
      >
        {sections.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            data-tab={s.id}
            aria-selected={s.id === section?.id}
            tabIndex={s.id === section?.id ? 0 : -1}
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
