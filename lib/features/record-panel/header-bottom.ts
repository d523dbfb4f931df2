import { selectors } from '../../salesforce/selectors';

const headerSelector = selectors.globalHeader.join();

/**
 * Follows the bottom of Lightning's global header (whatever its height on this org, banners
 * included), so the panel and its tab start below it; `host` stays hidden until then, so it never
 * flashes over the header. Measured only in a ResizeObserver's callback, which runs once the
 * browser has laid the page out: reading a position at mount, right after the panel took its
 * room, forced a whole extra layout of the record page (75–87 ms of the 80–100 ms the content
 * script cost on a loaded machine). Until Lightning draws a header the answer is 0, and the page
 * is watched for one, and no more once it is there.
 */
export function watchHeaderBottom(host: HTMLElement, onBottom: (bottom: number) => void, signal: AbortSignal): void {
  const show = (bottom: number) => {
    onBottom(bottom);
    host.style.visibility = '';
  };
  // The first notification comes after the next layout, for every element observed.
  const resize = new ResizeObserver(() => {
    let bottom = 0;
    for (const header of document.querySelectorAll(headerSelector)) {
      bottom = Math.max(bottom, header.getBoundingClientRect().bottom);
    }
    show(Math.round(bottom));
  });
  const watch = () => {
    const headers = document.querySelectorAll(headerSelector);
    for (const header of headers) resize.observe(header);
    return headers.length > 0;
  };
  const arrival = new MutationObserver(() => watch() && arrival.disconnect());
  signal.addEventListener('abort', () => {
    resize.disconnect();
    arrival.disconnect();
  });
  host.style.visibility = 'hidden';
  if (watch()) return;
  show(0);
  arrival.observe(document.body, { childList: true, subtree: true });
}
