import { describe, expect, it } from 'vitest';
import { isIsoDate, validateEntry } from '@/lib/registry/schema';
import { entry } from './helpers';

describe('registry entry validation', () => {
  it('accepts a full entry and trims text', () => {
    const r = validateEntry({ ...entry(), name: '  Администрация  ', weeklyTarget: 12 });
    expect(r).toEqual({ ok: true, entry: { ...entry(), name: 'Администрация', weeklyTarget: 12 } });
  });

  it.each([
    ['an address on another site', { url: 'https://evil.example/club1' }, 'url', 'адрес должен вести на vk.com, vk.ru или ok.ru'],
    ['plain http', { url: 'http://vk.com/club1' }, 'url', 'адрес должен начинаться с https://'],
    ['a javascript: address', { url: 'javascript:alert(1)' }, 'url', 'адрес должен начинаться с https://'],
    ['not an address', { url: 'vk.com/club1' }, 'url', 'адрес должен быть полной ссылкой, например https://vk.com/club123'],
    ['a look-alike host', { url: 'https://vk.com.evil.ru/club1' }, 'url', 'адрес должен вести на vk.com, vk.ru или ok.ru'],
    ['credentials before the host', { url: 'https://vk.com@evil.ru/x' }, 'url', 'адрес не должен содержать имя пользователя или пароль'],
    ['the site’s home page', { url: 'https://vk.com/' }, 'url', 'адрес должен вести на страницу, а не на главную сайта'],
    ['a VK entry with an OK address', { url: 'https://ok.ru/group/1' }, 'url', 'адрес страницы ВКонтакте должен вести на vk.com или vk.ru'],
    ['an OK entry with a VK address', { site: 'ok', url: 'https://vk.ru/club1', ownerId: null }, 'url', 'адрес страницы Одноклассников должен вести на ok.ru'],
    ['an unknown site', { site: 'fb' }, 'site', 'сайт должен быть «ВКонтакте» или «Одноклассники»'],
    ['an unknown kind', { kind: 'ministry' }, 'kind', 'тип должен быть «администрация» или «подразделение»'],
    ['no name', { name: '   ' }, 'name', 'укажите название страницы'],
    ['no responsible person', { responsible: '' }, 'responsible', 'укажите ответственного'],
    ['a department page without its department', { kind: 'department', department: '' }, 'department', 'укажите подразделение, которое ведёт страницу'],
    ['an owner id that is not a number', { ownerId: 'club100' }, 'ownerId', 'идентификатор владельца — целое число, например -123456'],
    ['a date that does not exist', { twoFactorConfirmedAt: '2026-02-30' }, 'twoFactorConfirmedAt', 'дата подтверждения двухфакторной аутентификации должна быть в виде ГГГГ-ММ-ДД'],
    ['a date written the Russian way', { adminsReviewedAt: '01.10.2026' }, 'adminsReviewedAt', 'дата проверки списка администраторов должна быть в виде ГГГГ-ММ-ДД'],
    ['a zero target', { weeklyTarget: 0 }, 'weeklyTarget', 'публикаций в неделю — целое число больше нуля'],
    ['a fractional target', { weeklyTarget: 2.5 }, 'weeklyTarget', 'публикаций в неделю — целое число больше нуля'],
    ['a target as text', { weeklyTarget: 'десять' }, 'weeklyTarget', 'публикаций в неделю — целое число больше нуля'],
  ])('refuses %s', (_, change, field, message) => {
    const r = validateEntry({ ...entry(), ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field as keyof typeof r.errors]).toBe(message);
  });

  it('accepts vk.ru, m./www. hosts and an empty department for the administration', () => {
    for (const url of ['https://vk.ru/club1', 'https://m.vk.com/club1', 'https://www.vk.com/gov']) {
      expect(validateEntry({ ...entry(), url }).ok).toBe(true);
    }
    expect(validateEntry({ ...entry(), department: '' }).ok).toBe(true);
  });

  it('refuses what is not an object, in Russian', () => {
    expect(validateEntry(null)).toEqual({ ok: false, errors: { id: 'запись должна быть объектом с полями страницы' } });
  });

  it.each([
    ['2026-11-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['28.11.2026', false],
    ['2026-1-1', false],
  ])('isIsoDate(%s) → %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });
});
