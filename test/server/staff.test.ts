import { describe, expect, it } from 'vitest';
import { StaffError, parseStaffCsv, parseStaffFile, parseStaffList } from '../../lib/server/staff';

const HEADER = 'login,name,role,department';
const GOOD = [HEADER, 'ivanova,Иванова Мария,curator,Департамент информационной политики', 'petrov,Петров Олег,executor,Департамент транспорта'];

function refusal(text: string): string {
  try {
    parseStaffCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(StaffError);
    return (error as Error).message;
  }
  throw new Error('the list was accepted');
}

describe('staff list', () => {
  it('reads the contract columns', () => {
    expect(parseStaffCsv(GOOD.join('\n'))).toEqual([
      { login: 'ivanova', name: 'Иванова Мария', role: 'curator', department: 'Департамент информационной политики' },
      { login: 'petrov', name: 'Петров Олег', role: 'executor', department: 'Департамент транспорта' },
    ]);
  });

  it('takes columns in any order and case, `;`, a BOM, CRLF, quoted fields and blank lines', () => {
    const text =
      '\ufeffDepartment;ROLE;Name;Login\r\n' +
      '"Департамент ""Городское хозяйство""";Executor;"Сидоров; Иван";  Sidorov \r\n' +
      '\r\n' +
      ';moderator;Модератор Анна;mod-1\r\n';
    expect(parseStaffCsv(text)).toEqual([
      { login: 'sidorov', name: 'Сидоров; Иван', role: 'executor', department: 'Департамент "Городское хозяйство"' },
      { login: 'mod-1', name: 'Модератор Анна', role: 'moderator', department: null },
    ]);
  });

  it('reads UTF-8 bytes with or without a BOM, and Windows-1251 from Russian Excel', () => {
    const text = GOOD.join('\r\n');
    const utf8 = new TextEncoder().encode(text);
    expect(parseStaffFile(utf8)).toEqual(parseStaffCsv(text));
    expect(parseStaffFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual(parseStaffCsv(text));
    // «Петров Олег» in Windows-1251.
    const cp1251 = new Uint8Array([...new TextEncoder().encode(`${HEADER}\r\npetrov,`), 0xcf, 0xe5, 0xf2, 0xf0, 0xee, 0xe2, 0x20, 0xce, 0xeb, 0xe5, 0xe3, ...new TextEncoder().encode(',moderator,\r\n')]);
    expect(parseStaffFile(cp1251)).toEqual([{ login: 'petrov', name: 'Петров Олег', role: 'moderator', department: null }]);
  });

  it('folds one department written two ways into its first spelling', () => {
    const staff = parseStaffCsv([HEADER, 'a1,А,executor,Департамент  Транспорта', 'b1,Б,executor,департамент транспорта'].join('\n'));
    expect(staff.map((m) => m.department)).toEqual(['Департамент Транспорта', 'Департамент Транспорта']);
  });

  it.each([
    ['an unknown role', 'sidorov,Сидоров,boss,Отдел', 'Строка 4: роль «boss» — ожидается curator, executor, moderator или owner'],
    ['no role', 'sidorov,Сидоров,,Отдел', 'Строка 4: не указана роль'],
    ['a login in Cyrillic', 'сидоров,Сидоров,moderator,', 'Строка 4: логин «сидоров» — допустимы латинские буквы'],
    ['a login with a dot', 'si.dorov,Сидоров,moderator,', 'Строка 4: логин «si.dorov»'],
    ['a one-letter login', 's,Сидоров,moderator,', 'Строка 4: логин «s»'],
    ['no login', ',Сидоров,moderator,', 'Строка 4: не указан логин'],
    ['the server’s own login', 'otklik-admin,Сидоров,moderator,', 'Строка 4: логин «otklik-admin» занят'],
    ['a duplicate login (after case and spaces)', ' PETROV ,Петров-второй,moderator,', 'Строка 4: логин «petrov» уже есть в строке 3'],
    ['an executor without a department', 'sidorov,Сидоров,executor,  ', 'Строка 4: у исполнителя (executor) не указано подразделение'],
    ['no name', 'sidorov,,moderator,', 'Строка 4: не указано имя'],
    ['more values than columns', 'sidorov,Сидоров,moderator,,лишнее', 'Строка 4: значений больше, чем столбцов'],
  ])('refuses the whole file for %s, naming the row', (_, row, message) => {
    expect(refusal([...GOOD, row, 'later,Позже,moderator,'].join('\n'))).toContain(message);
  });

  it('names every bad row, not only the first', () => {
    const message = refusal([...GOOD, 'x,Икс,boss,', 'sidorov,Сидоров,executor,'].join('\n'));
    expect(message).toMatch(/^Строка 4: логин «x».*; Строка 4: роль «boss».*; Строка 5: у исполнителя/);
  });

  it('refuses a file without the columns, an empty one and one without people', () => {
    expect(refusal('login;name;role\nivanova;Иванова;curator')).toContain('Строка 1: нет столбца «department»');
    expect(refusal('login,name,role,department,Login\n')).toContain('столбец «login» указан дважды');
    expect(refusal('')).toContain('Файл пуст');
    expect(refusal(`${HEADER}\n\n`)).toContain('нет ни одного сотрудника');
    expect(refusal(`${HEADER}\nivanova,"Иванова,curator,Отдел\n`)).toContain('Незакрытая кавычка');
    expect(refusal('PK\u0003\u0004\u0000\u0000')).toContain('книга Excel');
  });

  it('applies the same rules to a list given in code', () => {
    expect(parseStaffList([{ login: 'Cur', name: 'К', role: 'curator' }])).toEqual([{ login: 'cur', name: 'К', role: 'curator', department: null }]);
    expect(() => parseStaffList([{ login: 'ex', name: 'И', role: 'executor' }])).toThrow('Строка 1: у исполнителя');
  });
});
