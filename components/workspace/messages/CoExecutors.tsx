import type { Signal } from '@preact/signals';

/**
 * The co-executors of a routing (App. 1 §12): one field a unit, «убрать» and «+ соисполнитель».
 * Shared by the card's «Направить» and the queue's bulk routing.
 */
export function CoExecutors({ units, listId }: { units: Signal<string[]>; listId?: string }) {
  return (
    <>
      {units.value.map((d, i) => (
        <div class="field co-executor" key={i}>
          <label>
            Соисполнитель {i + 1}
            <input
              type="text"
              value={d}
              list={listId}
              onInput={(e) => {
                const next = units.value.slice();
                next[i] = e.currentTarget.value;
                units.value = next;
              }}
            />
          </label>
          <button type="button" class="link" onClick={() => (units.value = units.value.filter((_, j) => j !== i))}>
            убрать
          </button>
        </div>
      ))}
      <button type="button" class="link" onClick={() => (units.value = [...units.value, ''])}>
        + соисполнитель
      </button>
    </>
  );
}
