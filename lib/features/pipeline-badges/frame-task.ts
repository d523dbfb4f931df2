/**
 * Runs `work` once in the next animation frame however often it is asked for before then:
 * every change Lightning makes within a frame is handled in one pass. A hidden tab gets no
 * frames, so its work waits until it is shown.
 */
export function createFrameTask(
  work: () => void,
  signal: AbortSignal,
  frames: Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame'> = window,
): () => void {
  let handle = 0;
  signal.addEventListener('abort', () => handle && frames.cancelAnimationFrame(handle), { once: true });
  return () => {
    if (handle || signal.aborted) return;
    handle = frames.requestAnimationFrame(() => {
      handle = 0;
      if (!signal.aborted) work();
    });
  };
}
