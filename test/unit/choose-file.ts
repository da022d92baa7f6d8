import { fireEvent } from '@testing-library/preact';

/** Chooses a file in a FileButton as the browser does: the input's files, then «change». */
export function chooseFile(input: HTMLInputElement, bytes: Uint8Array<ArrayBuffer> | string, name: string) {
  const file = new File([bytes], name, { type: name.endsWith('.json') ? 'application/json' : 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}
