import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { Allowlist } from '@/lib/moderation/allowlist';
import type { Settings } from '@/lib/settings/defaults';
import type { LexiconSource } from '@/lib/settings/lexicon-read';
import { LexiconForm, type LexiconFormProps } from './LexiconForm';
import type { SaveResult } from './SaveStatus';
import { SettingsForm } from './SettingsForm';

export interface OptionsPageProps extends Omit<LexiconFormProps, 'lexicon' | 'allowlist' | 'onSave'> {
  settings: ReadonlySignal<Settings>;
  lexicon: ReadonlySignal<LexiconSource>;
  allowlist: ReadonlySignal<Allowlist>;
  onSaveSettings(s: Settings): Promise<SaveResult>;
  onSaveLexicon(input: unknown): Promise<SaveResult>;
  /** More sections (working hours, backup) from their features. */
  children?: ComponentChildren;
}

export function OptionsPage(props: OptionsPageProps) {
  return (
    <main class="options">
      <h1>Отклик — настройки</h1>
      {/* Keyed by the stored value: a change from elsewhere (an import) starts a fresh draft. */}
      <SettingsForm key={JSON.stringify(props.settings.value)} settings={props.settings.value} onSave={props.onSaveSettings} />
      <LexiconForm
        key={JSON.stringify(props.lexicon.value)}
        lexicon={props.lexicon.value}
        allowlist={props.allowlist.value}
        onSave={props.onSaveLexicon}
        onImport={props.onImport}
        onExport={props.onExport}
        onForget={props.onForget}
      />
      {props.children}
    </main>
  );
}
