import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Host permissions: exactly the VK and OK hosts a content script runs on, over https only
// (DESIGN.md, "Architecture"); nothing is fetched or injected by script. www.vk.com and www.ok.ru
// redirect to the bare host, so they need none.
export const HOSTS = ['https://vk.com/*', 'https://vk.ru/*', 'https://m.vk.com/*', 'https://m.vk.ru/*', 'https://ok.ru/*', 'https://m.ok.ru/*'];

export default defineConfig({
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: {
      sourcemap: Boolean(process.env.OTKLIK_SOURCEMAP),
      // Terser writes the content script ~460 bytes (gzip) smaller than Vite's default minifier: it
      // is what every VK and OK page downloads. OTKLIK_NOMINIFY=1 keeps names for profiling.
      minify: process.env.OTKLIK_NOMINIFY ? false : 'terser',
      terserOptions: { ecma: 2020, compress: { passes: 2 } },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Отклик',
    description: 'Модерация, сроки ответов и реестр официальных страниц ВКонтакте и Одноклассников',
    default_locale: undefined,
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: HOSTS,
    // The team server's address is the city's own: asked for at run time, for that host only (lib/sync/config).
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // The toolbar button: WXT writes `action` only for a popup, and without it chrome.action is
    // undefined — no badge, no button, no Alt+Shift+O (_execute_action needs an action).
    action: {
      default_title: 'Отклик',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+O' },
        description: 'Открыть рабочее место Отклика',
      },
      'next-flag': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Следующий отмеченный комментарий' },
      'prev-flag': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Предыдущий отмеченный комментарий' },
    },
    // What an IT department may set by policy (Chrome/Yandex «3rdparty»; Firefox reads policies.json without a schema).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    // OTKLIK_FIREFOX_UPDATE_URL: the city's own update manifest for a self-distributed (signed, unlisted) package.
    browser_specific_settings:
      browser === 'firefox'
        ? { gecko: { id: 'otklik@omsk.example', strict_min_version: '128.0', ...(process.env.OTKLIK_FIREFOX_UPDATE_URL ? { update_url: process.env.OTKLIK_FIREFOX_UPDATE_URL } : {}) } }
        : undefined,
  }),
});
