import { runContent } from '@/lib/content/run';
import { mvkAdapter } from '@/lib/sites/mvk';

// m.vk.com's own markup (lib/sites/mvk): a script of its own, so vk.com's pages do not download it.
export default defineContentScript({
  matches: ['https://m.vk.com/*', 'https://m.vk.ru/*'],
  // Loads with the document; reads it once parsed (lib/content/run.tsx).
  runAt: 'document_start',
  main(ctx) {
    return runContent(mvkAdapter, ctx);
  },
});
