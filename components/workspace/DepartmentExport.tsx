import { useSignal } from '@preact/signals';

/** «Подразделение [▾] Выгрузить для подразделения»: the file for one department, chosen from the list. */
export function DepartmentExport({ departments, onExport }: { departments: readonly string[]; onExport(department: string): void | Promise<void> }) {
  const department = useSignal(departments[0] ?? '');
  return (
    <>
      <label>
        Подразделение{' '}
        <select value={department} onChange={(e) => (department.value = e.currentTarget.value)}>
          {departments.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!department.value} onClick={() => onExport(department.value)}>
        Выгрузить для подразделения
      </button>
    </>
  );
}
