import { runContent } from '@/lib/content/run';
import { vkAdapter } from '@/lib/sites/vk';

export default defineContentScript({
  matches: ['*://vk.com/*', '*://m.vk.com/*', '*://vk.ru/*', '*://m.vk.ru/*'],
  runAt: 'document_end',
  main(ctx) {
    return runContent(vkAdapter, ctx);
  },
});
