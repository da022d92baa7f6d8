/**
 * The mark on a value the organisation set by policy (lib/settings/managed): shown beside the field,
 * which cannot be edited here. The field names it through aria-describedby.
 */
export function ManagedNote({ id }: { id: string }) {
  return (
    <span class="managed-note" id={id} data-testid="managed-note">
      Задано организацией
    </span>
  );
}
