import { existsSync } from 'node:fs';
import type { WebExtConfig } from 'wxt';

/**
 * How `npm run dev` opens a browser. WXT's runner needs a display and, as root, Chromium refuses
 * to start with its sandbox: with no display it only builds and rebuilds, and says so; as root it
 * turns the sandbox off. It opens the demo org, which `npm run org` serves.
 */
export function devRunner(env: NodeJS.ProcessEnv = process.env, uid = process.getuid?.()): WebExtConfig {
  const display = Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!display) {
    return { disabled: true };
  }
  return {
    binaries: existsSync(chromium) ? { chrome: chromium } : {},
    chromiumArgs: uid === 0 ? ['--no-sandbox'] : [],
    startUrls: [
      `http://127.0.0.1:${env.PORT ?? 4711}/secur/frontdoor.jsp?un=riley@precall.demo&retURL=%2Flightning%2Fpage%2Fhome`,
    ],
  };
}

/** Printed by `npm run dev` when it will not open a browser, so nobody waits for a window. */
export function devRunnerNotice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return [
    'Precall dev: no display here (DISPLAY and WAYLAND_DISPLAY are unset), so no browser opens.',
    'WXT still rebuilds on every change into .output/chrome-mv3-dev: load that folder in Chromium',
    '(chrome://extensions, Developer mode, Load unpacked), or run `npm start` for the headless walk-through.',
  ].join('\n');
}
