/** Starts Otklik on a VK or OK page: the runtime, its features, and the page's panel. */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PagePanel } from '@/components/PagePanel';
import panelCss from '@/components/panel.css?inline';
import { request } from '../messaging/client';
import type { SiteAdapter } from '../sites/types';
import { storeFeature } from './features/store';
import { startRuntime, type Feature } from './runtime';
import { createPageState } from './state';

export const PANEL_TAG = 'otklik-panel';

export async function runContent(adapter: SiteAdapter, ctx: ContentScriptContext) {
  const state = createPageState();

  // The ordered list of what the content script does on a page.
  const features: Feature[] = [
    storeFeature(
      (batch) => request('page/seen', batch),
      (reason) => (state.storeError.value = reason),
    ),
  ];

  const runtime = startRuntime({ adapter, doc: document, state, features, signal: ctx.signal });
  ctx.addEventListener(window, 'wxt:locationchange', () => runtime.navigate());

  const ui = await createShadowRootUi(ctx, {
    name: PANEL_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: panelCss,
    onMount(container) {
      render(<PagePanel state={state} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
}
