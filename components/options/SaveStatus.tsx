/** What a save on the options page came to: the reasons it was refused, or a line saying it is done. */
import { useSignal, type Signal } from '@preact/signals';

export type SaveResult = { ok: true } | { ok: false; errors: string[] };

export interface SaveStatus {
  errors: Signal<string[]>;
  done: Signal<string>;
  /** Shows the result: the reasons on a refusal (the form keeps what was typed), `doneText` on success. */
  report(result: SaveResult, doneText: string): void;
  /** An edit after a save: «сохранено» no longer holds. */
  edited(): void;
}

export function useSaveStatus(): SaveStatus {
  const errors = useSignal<string[]>([]);
  const done = useSignal('');
  return {
    errors,
    done,
    report(result, doneText) {
      errors.value = result.ok ? [] : result.errors;
      done.value = result.ok ? doneText : '';
    },
    edited() {
      done.value = '';
    },
  };
}

export function Errors({ status }: { status: SaveStatus }) {
  const errors = status.errors.value;
  if (!errors.length) return null;
  return (
    <ul class="errors" role="alert">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

export function Done({ status }: { status: SaveStatus }) {
  return status.done.value ? <span class="ok">{status.done.value}</span> : null;
}
