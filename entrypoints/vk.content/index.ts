import { runContent } from '@/lib/content/run';
import { vkAdapter } from '@/lib/sites/vk';

export default defineContentScript({
  matches: ['*://vk.com/*', '*://m.vk.com/*', '*://vk.ru/*', '*://m.vk.ru/*'],
  // Loads with the document; reads it once parsed (lib/content/run.tsx).
  runAt: 'document_start',
  main(ctx) {
    return runContent(vkAdapter, ctx);
  },
});
