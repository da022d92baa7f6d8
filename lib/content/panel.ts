/**
 * The in-page panel's host: a custom element with an open shadow root, so the page's styles cannot
 * reach in and ours cannot leak out. Written here rather than taken from WXT's shadow-root UI,
 * which brings several kilobytes of helpers into every VK and OK page for what these lines do.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { UI_ATTR } from './runtime';

export function mountShadowPanel(
  ctx: ContentScriptContext,
  tag: string,
  css: string,
  mount: (container: HTMLElement) => void,
  unmount: (container: HTMLElement) => void,
): HTMLElement {
  const host = document.createElement(tag);
  host.setAttribute(UI_ATTR, '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  shadow.append(style, container);
  (document.body ?? document.documentElement).append(host);
  mount(container);
  ctx.onInvalidated(() => {
    unmount(container);
    host.remove();
  });
  return host;
}
