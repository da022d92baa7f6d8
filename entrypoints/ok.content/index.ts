import { runContent } from '@/lib/content/run';
import { okAdapter } from '@/lib/sites/ok';

export default defineContentScript({
  matches: ['*://ok.ru/*', '*://m.ok.ru/*'],
  runAt: 'document_end',
  main(ctx) {
    return runContent(okAdapter, ctx);
  },
});
