/** The mark the benchmark reads: the first report's figures are on the page. */
export const readyMark = 'precall:coaching-ready';

/** Marks the first report once, whether the early script or React put it on the page first. */
export function markReadyOnce(): void {
  if (!performance.getEntriesByName(readyMark, 'mark').length) performance.mark(readyMark);
}
