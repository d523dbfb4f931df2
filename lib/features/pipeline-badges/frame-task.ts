/**
 * Runs `work` once in the next animation frame however often it is asked for before then:
 * every change Lightning makes within a frame is handled in one pass. A hidden tab gets no
 * frames, so its work waits until it is shown; after `signal` aborts, nothing runs.
 */
export function createFrameTask(work: () => void, signal: AbortSignal): () => void {
  let asked = false;
  return () => {
    if (asked) return;
    asked = true;
    requestAnimationFrame(() => {
      asked = false;
      if (!signal.aborted) work();
    });
  };
}
