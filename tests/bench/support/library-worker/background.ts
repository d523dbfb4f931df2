import Dexie from 'dexie';
// zod/mini, the API Precall's schemas are written in, imported as a namespace: esbuild then keeps
// only the parts of zod this worker uses, as Precall's build does. Through `{ z }` it bundles all
// of zod/mini, every locale included (529 kB minified, against 114 kB).
import * as z from 'zod/mini';

/**
 * The reference worker built on Precall's own libraries and nothing of Precall: a zod-checked
 * message (zod told not to probe for eval, as Precall's worker is) answered from a Dexie table.
 * Bundled by the bench (support/bare-extension.ts) with the versions Precall ships.
 */
z.config({ jitless: true });

type Listener = (raw: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean;
/** The one extension API this worker uses (the bundle carries no WXT). */
declare const chrome: { runtime: { onMessage: { addListener(listener: Listener): void } } };

const message = z.object({ precall: z.literal(1), type: z.string(), payload: z.looseObject({}) });
const db = new Dexie('library-worker');
db.version(1).stores({ accounts: 'origin' });

chrome.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
  if (!message.safeParse(raw).success) {
    sendResponse({ ok: false, error: 'malformed' });
    return false;
  }
  db.table('accounts')
    .toArray()
    .then(
      (data) => sendResponse({ ok: true, data }),
      (error: unknown) => sendResponse({ ok: false, error: String(error) }),
    );
  return true;
});
