/**
 * The staff list the departments submit under the decree's §3.1, as the city's administrator gives
 * it to `otklik server config`: CSV with a header, columns `login,name,role,department` (any order,
 * any case; `;` or `,`; UTF-8 with or without a BOM — Windows-1251 from Russian Excel is read too).
 * A bad row refuses the whole file: a half-applied staff list would leave people without access or
 * with the wrong rights.
 */
import { parseCsv } from '../csv';
import { ADMIN_LOGIN, LOGIN_PATTERN, STAFF_ROLES, departmentCode, foldDepartment, type StaffRole } from '../sync/subjects';
import { binaryProblem, decodeTextFile } from '../text-file';

export interface StaffMember {
  login: string;
  name: string;
  role: StaffRole;
  /** The department as first written in the list (the same department spelled otherwise is folded into it); null when not given. */
  department: string | null;
}

/** A person as a caller writes it (tests, the demo): the same checks as a CSV row. */
export type StaffInput = { login: string; name?: string; role: string; department?: string | null };

/** The whole list is refused; `problems` names each bad row («Строка 4: …»). */
export class StaffError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'StaffError';
  }
}

const COLUMNS = ['login', 'name', 'role', 'department'] as const;
type Column = (typeof COLUMNS)[number];

/** Header names: the contract's English ones, and what a Russian list is likely to say. */
const HEADER_NAMES: Record<string, Column> = {
  login: 'login',
  логин: 'login',
  name: 'name',
  имя: 'name',
  фио: 'name',
  сотрудник: 'name',
  role: 'role',
  роль: 'role',
  department: 'department',
  подразделение: 'department',
  отдел: 'department',
};

const ROLE_LIST = `${STAFF_ROLES.slice(0, -1).join(', ')} или ${STAFF_ROLES[STAFF_ROLES.length - 1]}`;
const MAX_PROBLEMS = 10;

const clean = (s: string | null | undefined) => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');

/** Reads a staff CSV file's bytes (UTF-8 with or without BOM; Windows-1251 as Russian Excel saves it). */
export function parseStaffFile(bytes: Uint8Array): StaffMember[] {
  return parseStaffCsv(decodeTextFile(bytes).text);
}

/** Parses staff CSV text; throws StaffError naming the rows at fault. */
export function parseStaffCsv(text: string): StaffMember[] {
  const binary = binaryProblem(text);
  if (binary) throw new StaffError([binary[0]!.toUpperCase() + binary.slice(1)]);
  let rows: string[][];
  try {
    ({ rows } = parseCsv(text));
  } catch (error) {
    throw new StaffError([error instanceof Error ? error.message : String(error)]);
  }
  const headerIndex = rows.findIndex((r) => r.some((f) => f.trim() !== ''));
  if (headerIndex < 0) throw new StaffError(['Файл пуст: нужна строка заголовка login, name, role, department и строки сотрудников']);
  const header = rows[headerIndex]!;
  const index: Partial<Record<Column, number>> = {};
  const problems: string[] = [];
  header.forEach((h, i) => {
    const column = HEADER_NAMES[clean(h).toLowerCase()];
    if (!column) return;
    if (index[column] !== undefined) problems.push(`Строка ${headerIndex + 1}: столбец «${column}» указан дважды`);
    else index[column] = i;
  });
  const missing = COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length)
    problems.push(`Строка ${headerIndex + 1}: нет ${missing.length > 1 ? 'столбцов' : 'столбца'} ${missing.map((c) => `«${c}»`).join(', ')} — заголовок должен быть login, name, role, department`);
  if (problems.length) throw new StaffError(problems);

  const records: { row: number; input: StaffInput; extra: boolean }[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.every((f) => f.trim() === '')) continue;
    const at = (c: Column) => r[index[c]!] ?? '';
    records.push({
      row: i + 1,
      input: { login: at('login'), name: at('name'), role: at('role'), department: at('department') },
      extra: r.length > header.length && r.slice(header.length).some((f) => f.trim() !== ''),
    });
  }
  return checkStaff(records);
}

/** The same rules for a list given in code (the demo, tests); rows are numbered from 1. */
export function parseStaffList(list: readonly StaffInput[]): StaffMember[] {
  return checkStaff(list.map((input, i) => ({ row: i + 1, input, extra: false })));
}

function checkStaff(records: { row: number; input: StaffInput; extra: boolean }[]): StaffMember[] {
  const problems: string[] = [];
  const members: StaffMember[] = [];
  const logins = new Map<string, number>();
  /** folded name → the first spelling and its row; code → folded name, to catch two names with one code. */
  const departments = new Map<string, { name: string; row: number }>();
  const codes = new Map<string, string>();
  for (const { row, input, extra } of records) {
    const rowProblems: string[] = [];
    const say = (text: string) => rowProblems.push(`Строка ${row}: ${text}`);
    if (extra) say('значений больше, чем столбцов в заголовке');
    const login = clean(input.login).toLowerCase();
    if (!login) say('не указан логин');
    else if (login === ADMIN_LOGIN) say(`логин «${login}» занят служебной учётной записью сервера`);
    else if (!LOGIN_PATTERN.test(login))
      say(`логин «${login}» — допустимы латинские буквы, цифры, «_» и «-», от 2 до 32 знаков, первый знак — буква или цифра`);
    else if (logins.has(login)) say(`логин «${login}» уже есть в строке ${logins.get(login)}`);
    const name = clean(input.name);
    if (!name) say('не указано имя сотрудника');
    const roleText = clean(input.role).toLowerCase();
    const role = STAFF_ROLES.find((r) => r === roleText);
    if (!roleText) say(`не указана роль — ожидается ${ROLE_LIST}`);
    else if (!role) say(`роль «${clean(input.role)}» — ожидается ${ROLE_LIST}`);
    let department: string | null = clean(input.department) || null;
    if (role === 'executor' && !department) say('у исполнителя (executor) не указано подразделение');
    if (department) {
      const folded = foldDepartment(department);
      const known = departments.get(folded);
      if (known) department = known.name;
      else {
        const code = departmentCode(department);
        const other = codes.get(code);
        if (other !== undefined) {
          const first = departments.get(other)!;
          say(`подразделение «${department}» получает тот же код ${code}, что и «${first.name}» (строка ${first.row}) — измените одно из названий`);
        } else if (!rowProblems.length) {
          codes.set(code, folded);
          departments.set(folded, { name: department, row });
        }
      }
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      if (problems.length >= MAX_PROBLEMS) break;
      continue;
    }
    logins.set(login, row);
    members.push({ login, name, role: role!, department });
  }
  if (problems.length) throw new StaffError(problems.slice(0, MAX_PROBLEMS));
  if (!members.length) throw new StaffError(['В списке нет ни одного сотрудника']);
  return members;
}
