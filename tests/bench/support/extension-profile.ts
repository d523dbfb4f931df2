import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Samples the page's JavaScript (every world, content scripts included) until the returned stop
 * is called, which answers the milliseconds spent with a `chrome-extension://` frame on the stack:
 * the extension's own scripts and the layouts and style work they force.
 */
export async function startExtensionProfile(cdp: CDPSession): Promise<() => Promise<number>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    return extensionMs(profile as Profile);
  };
}

export function extensionMs(profile: Profile): number {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const urlOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
  const extensionStack = new Map<number, boolean>();
  const inExtension = (id: number): boolean => {
    const known = extensionStack.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    const found =
      (urlOf.get(id) ?? '').startsWith('chrome-extension://') || (parent !== undefined && inExtension(parent));
    extensionStack.set(id, found);
    return found;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let micros = 0;
  // A sample's time is the gap until the next one.
  for (let index = 0; index < samples.length; index++) {
    if (inExtension(samples[index] as number)) micros += deltas[index + 1] ?? 0;
  }
  return micros / 1000;
}
