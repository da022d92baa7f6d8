import { describe, expect, it } from 'vitest';
import { HOSTS } from '../../wxt.config';

describe('manifest hosts', () => {
  it('asks for VK and OK only', () => {
    for (const h of HOSTS) expect(h).toMatch(/^https:\/\/(m\.)?(vk\.com|vk\.ru|ok\.ru)\/\*$/);
  });
});
