import type { ComponentChildren } from 'preact';

/**
 * «Загрузить файл» as a button: reads the chosen file as text and hands it over with its name. The
 * input is cleared at once, so choosing the same file again (after fixing it) loads it again.
 */
export function FileButton(props: {
  name: string;
  accept: string;
  disabled?: boolean;
  onText(text: string, fileName: string): void | Promise<void>;
  children: ComponentChildren;
}) {
  return (
    <label class="button">
      {props.children}
      <input
        type="file"
        hidden
        name={props.name}
        accept={props.accept}
        disabled={props.disabled}
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) await props.onText(await file.text(), file.name);
        }}
      />
    </label>
  );
}
