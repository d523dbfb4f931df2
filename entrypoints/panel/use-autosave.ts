import { useEffect } from 'react';

/** Long enough to not send every keystroke, short enough that closing the tab rarely loses a word. */
export const autosaveDelayMs = 500;

/** Saves the open plan once edits settle, and right away when the panel is going away. */
export function useAutosave(planKey: string | null, revision: number, save: (planKey: string) => void): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: every new revision restarts the pause.
  useEffect(() => {
    if (!planKey) return;
    const timer = setTimeout(() => save(planKey), autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [planKey, revision, save]);

  useEffect(() => {
    if (!planKey) return;
    const controller = new AbortController();
    window.addEventListener('pagehide', () => save(planKey), { signal: controller.signal });
    return () => controller.abort();
  }, [planKey, save]);
}
