import { runContent } from '@/lib/content/run';
import { okAdapter } from '@/lib/sites/ok';

export default defineContentScript({
  matches: ['https://ok.ru/*', 'https://m.ok.ru/*'],
  // Loads with the document; reads it once parsed (lib/content/run.tsx).
  runAt: 'document_start',
  main(ctx) {
    return runContent(okAdapter, ctx);
  },
});
