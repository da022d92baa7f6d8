import type { Signal } from '@preact/signals';
import { NOT_PROCESSED_REASONS } from '@/lib/workflow/schema';

/** «Основание (п. 16)»: why a message is not to be processed. Shared by the card and the bulk form. */
export function ReasonField({ value }: { value: Signal<string> }) {
  return (
    <label class="field">
      Основание (п. 16)
      <select value={value.value} onChange={(e) => (value.value = e.currentTarget.value)}>
        <option value="">— выберите —</option>
        {Object.entries(NOT_PROCESSED_REASONS).map(([key, title]) => (
          <option key={key} value={key}>
            {title}
          </option>
        ))}
      </select>
    </label>
  );
}
