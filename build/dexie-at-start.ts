import type { Plugin } from 'vite';

/**
 * Dexie does two things when the worker's script is evaluated, at every start, that Precall's
 * worker does not need then: it hashes a byte with SHA-512 to get hold of the browser's own
 * Promise (the worker's Promise is the browser's: nothing polyfills it before Dexie runs), and it
 * opens a BroadcastChannel to tell other pages' Dexie of its writes (only the worker uses Dexie in
 * Precall). Beside a bare worker, a worker carrying Dexie started in 2.2-2.4 times its time, and
 * 1.1-1.6 times without these two. The channel now opens on the first write, as it would have
 * been first used; a Dexie whose code no longer has them fails the build rather than pass silently.
 */
const edits: { find: string; replace: string }[] = [
  {
    find: "if (typeof crypto === 'undefined' || !crypto.subtle)",
    replace: 'if (true)',
  },
  {
    find: `      createBC();
      if (typeof bc.unref === 'function') {
          bc.unref();
      }
      globalEvents(DEXIE_STORAGE_MUTATED_EVENT_NAME, function (changedParts) {
          if (!propagatingLocally) {
              bc.postMessage(changedParts);`,
    replace: `      globalEvents(DEXIE_STORAGE_MUTATED_EVENT_NAME, function (changedParts) {
          if (!propagatingLocally) {
              if (!bc) createBC();
              bc.postMessage(changedParts);`,
  },
];

export function dexieAtStart(): Plugin {
  return {
    name: 'precall:dexie-at-start',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]dexie[\\/]dist[\\/]dexie\.js$/.test(id)) return null;
      let edited = code;
      for (const { find, replace } of edits) {
        if (!edited.includes(find))
          throw new Error(`Dexie's start-up code changed: "${find.split('\n')[0]}" not found`);
        edited = edited.replace(find, replace);
      }
      return { code: edited, map: null };
    },
  };
}
