import type { ComponentChildren } from 'preact';
import { decodeTextFile, type TextEncodingName } from '@/lib/text-file';

/**
 * «Загрузить файл» as a button: reads the chosen file, decodes it (UTF-8, UTF-16 by its BOM, or
 * Windows-1251 as Russian Excel saves CSV) and hands over the text, the file's name and the encoding
 * it was read in. The input is cleared at once, so choosing the same file again (after fixing it)
 * loads it again.
 */
export function FileButton(props: {
  name: string;
  accept: string;
  disabled?: boolean;
  /** For tests that hand the input a file. */
  testId?: string;
  onText(text: string, fileName: string, encoding: TextEncodingName): void | Promise<void>;
  children: ComponentChildren;
}) {
  return (
    <label class="button">
      {props.children}
      <input
        type="file"
        // Hidden from the eye, not from the keyboard: Tab reaches it and Enter opens the file picker.
        class="visually-hidden"
        name={props.name}
        accept={props.accept}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (!file) return;
          const { text, encoding } = decodeTextFile(new Uint8Array(await file.arrayBuffer()));
          await props.onText(text, file.name, encoding);
        }}
      />
    </label>
  );
}
