import type { RegistryEntry } from '@/lib/registry/schema';

export function entry(extra: Partial<RegistryEntry> = {}): RegistryEntry {
  return {
    id: 'e1',
    site: 'vk',
    url: 'https://vk.com/club100',
    ownerId: '-100',
    name: 'Администрация города Омска',
    kind: 'administration',
    department: 'Департамент информационной политики',
    responsible: 'Иванова А. П., главный специалист',
    twoFactorConfirmedAt: '2026-11-01',
    adminsReviewedAt: '2026-10-15',
    notes: '',
    ...extra,
  };
}
