import { selectors } from '../../salesforce/selectors';

/**
 * Follows the bottom of Lightning's global header (whatever its height on this org, banners
 * included), so the panel and its tab start below it. Measured only in a ResizeObserver's
 * callback, which runs once the browser has laid the page out: reading a position at mount, right
 * after the panel took its room, forced a whole extra layout of the record page (75–87 ms of the
 * 80–100 ms the content script cost on a loaded machine). Until Lightning draws a header the
 * answer is 0, and the page is watched for one, and no more once it is there.
 */
export function watchHeaderBottom(onBottom: (bottom: number) => void, signal: AbortSignal): void {
  const headers = () =>
    selectors.globalHeader.flatMap((selector) => {
      const header = document.querySelector(selector);
      return header ? [header] : [];
    });
  const measure = () => {
    let bottom = 0;
    for (const header of headers()) bottom = Math.max(bottom, header.getBoundingClientRect().bottom);
    onBottom(Math.round(bottom));
  };
  // The first notification comes after the next layout, for every element observed.
  const resize = new ResizeObserver(measure);
  signal.addEventListener('abort', () => resize.disconnect(), { once: true });
  const watch = (found: Element[]) => {
    for (const header of found) resize.observe(header);
  };

  const found = headers();
  if (found.length > 0) {
    watch(found);
    return;
  }
  onBottom(0);
  const arrival = new MutationObserver(() => {
    const drawn = headers();
    if (drawn.length === 0) return;
    arrival.disconnect();
    watch(drawn);
  });
  arrival.observe(document.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => arrival.disconnect(), { once: true });
}
