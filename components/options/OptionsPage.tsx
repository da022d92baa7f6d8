import { useSignal, type ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { Allowlist } from '@/lib/moderation/allowlist';
import { ROLE_LABELS, type Settings } from '@/lib/settings/defaults';
import type { LexiconSource } from '@/lib/settings/lexicon-read';
import { LexiconForm, type LexiconFormProps } from './LexiconForm';
import type { SaveResult } from './SaveStatus';
import { SettingsForm } from './SettingsForm';
import { WelcomeStep } from './WelcomeStep';
import type { Managed } from '@/lib/settings/managed';

export interface OptionsPageProps extends Omit<LexiconFormProps, 'lexicon' | 'allowlist' | 'onSave'> {
  settings: ReadonlySignal<Settings>;
  lexicon: ReadonlySignal<LexiconSource>;
  allowlist: ReadonlySignal<Allowlist>;
  onSaveSettings(s: Settings): Promise<SaveResult>;
  onSaveLexicon(input: unknown): Promise<SaveResult>;
  /** What the organisation set by policy: shown as «Задано организацией», not editable. */
  managed?: ReadonlySignal<Managed>;
  /** More sections (working hours) from their features. */
  children?: ComponentChildren;
  /** The saved replies' library (TemplatesForm): the curator keeps it, so it is shown to the curator. */
  templates?: ComponentChildren;
  /**
   * The backup, offered on the first run too: someone moving to a new computer restores it instead
   * of answering «Кто вы?» (the restored settings end the first run).
   */
  backup?: ComponentChildren;
}

export function OptionsPage(props: OptionsPageProps) {
  // What the first-run step saved, until the store's own copy comes back with it.
  const welcomed = useSignal<Settings | null>(null);
  const stored = props.settings.value;
  const settings = stored.onboarded ? stored : (welcomed.value ?? stored);
  const firstRun = !settings.onboarded;
  const managed = props.managed?.value ?? {};
  // One tree for both views, the backup last in the same place: a restore that ends the first run
  // leaves its own report on screen.
  return (
    <main class="options">
      <h1>{firstRun ? 'Отклик — начало работы' : 'Отклик — настройки'}</h1>
      {firstRun ? (
        <WelcomeStep
          settings={settings}
          managed={managed}
          onSave={async (next) => {
            const result = await props.onSaveSettings(next);
            if (result.ok) welcomed.value = next;
            return result;
          }}
        />
      ) : (
        <>
          {welcomed.value && (
            <p class="card ok" role="status" data-testid="welcome-done">
              Готово: вы — {ROLE_LABELS[settings.role].toLowerCase()}. Откройте боковую панель Отклика (кнопка на панели браузера) или
              страницу ВКонтакте либо Одноклассников. Остальные настройки — ниже.
            </p>
          )}
          {/* Never keyed by the stored value: a rebuilt form would lose its «Сохранено» and what is typed. */}
          <SettingsForm settings={settings} managed={managed} onSave={props.onSaveSettings} />
          <LexiconForm
            lexicon={props.lexicon.value}
            allowlist={props.allowlist.value}
            onSave={props.onSaveLexicon}
            onImport={props.onImport}
            onExport={props.onExport}
            onForget={props.onForget}
            officialDomains={managed.officialDomains}
          />
          {settings.role === 'curator' && props.templates}
          {props.children}
        </>
      )}
      {firstRun && props.backup && <p class="muted">Уже работали с Откликом на другом компьютере? Восстановите резервную копию — роль и имя придут из неё.</p>}
      {props.backup}
    </main>
  );
}
