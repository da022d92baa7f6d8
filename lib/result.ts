/**
 * What a step gives back: its result, or why it did not happen — said in Russian, for the person.
 * One shape for every step that can refuse (a reducer, a parser, a database write, a reply).
 */
export type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

/** A check of what a person entered or a file holds: the value, or every reason it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** A check whose result has fields of its own (entries, records, …), or every reason it was refused. */
export type CheckedAs<T extends object> = ({ ok: true } & T) | { ok: false; errors: string[] };
