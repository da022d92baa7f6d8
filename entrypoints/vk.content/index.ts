import { runContent } from '@/lib/content/run';
import { vkAdapter } from '@/lib/sites/vk';

export default defineContentScript({
  // m.vk.com and m.vk.ru have a script of their own (entrypoints/mvk.content).
  matches: ['https://vk.com/*', 'https://vk.ru/*'],
  // Loads with the document; reads it once parsed (lib/content/run.tsx).
  runAt: 'document_start',
  main(ctx) {
    return runContent(vkAdapter, ctx);
  },
});
