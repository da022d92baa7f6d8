import type { Signal } from '@preact/signals';
import { NOT_PROCESSED_REASONS } from '@/lib/workflow/schema';
import type { Importance } from '@/lib/workflow/table';

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

/** «Важность» (§4): normal or high. Shared by the card's categorisation and the bulk form. */
export function ImportanceField({ value }: { value: Signal<Importance> }) {
  return (
    <label class="field">
      Важность
      <select value={value.value} onChange={(e) => (value.value = e.currentTarget.value as Importance)}>
        <option value="normal">обычная</option>
        <option value="high">высокая</option>
      </select>
    </label>
  );
}
