import { describe, expect, it } from 'vitest';
import { backupFileName } from '@/lib/backup/export';
import { fileDate } from '@/lib/download';

// 23:30 UTC on 31 December is already 05:30 on 1 January in Omsk (UTC+6).
const LATE_UTC = Date.UTC(2025, 11, 31, 23, 30);

describe('the date in an exported file’s name', () => {
  it('is the day in the administration’s zone, not in UTC', () => {
    expect(fileDate(LATE_UTC, 'Asia/Omsk')).toBe('2026-01-01');
    expect(fileDate(LATE_UTC, 'UTC')).toBe('2025-12-31');
    expect(fileDate(LATE_UTC, 'Europe/Kaliningrad')).toBe('2026-01-01');
    expect(fileDate(Date.UTC(2025, 4, 13, 17, 59), 'Asia/Omsk')).toBe('2025-05-13');
    expect(fileDate(Date.UTC(2025, 4, 13, 18, 0), 'Asia/Omsk')).toBe('2025-05-14');
  });

  it('without a zone, is the browser’s own date', () => {
    const d = new Date(LATE_UTC);
    const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(fileDate(LATE_UTC)).toBe(local);
  });

  it('names a backup made at 05:30 in Omsk by that day', () => {
    expect(backupFileName(LATE_UTC, 'Asia/Omsk')).toBe('otklik-backup-2026-01-01.json');
  });
});
