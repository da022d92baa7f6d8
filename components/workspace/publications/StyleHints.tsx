import type { StyleHint } from '@/lib/publications/style';

/** The style check's hints under a text (App. 2 §13): why, and a plainer wording. */
export function StyleHints({ hints }: { hints: readonly StyleHint[] }) {
  if (!hints.length) return null;
  return (
    <ul class="pub-hints" data-testid="style-hints" aria-label="Подсказки по стилю">
      {hints.map((h, i) => (
        <li key={`${h.code}-${h.start ?? i}`} data-code={h.code}>
          {h.message}
          {h.suggestion && <span class="pub-hint-plain"> Проще: {h.suggestion}.</span>}
        </li>
      ))}
    </ul>
  );
}
