import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { dexieAtStart } from '../../build/dexie-at-start';

const dexiePath = new URL('../../node_modules/dexie/dist/dexie.js', import.meta.url).pathname;
const dexieSource = readFileSync(dexiePath, 'utf8');

function transformed(code: string, id = dexiePath): string | null {
  const transform = dexieAtStart().transform as unknown as (code: string, id: string) => { code: string } | null;
  const result = transform(code, id);
  return result?.code ?? null;
}

/** Evaluates a build of Dexie as the worker would, counting the channels and digests it starts. */
function evaluate(code: string) {
  const started = { channels: 0, digests: 0, posted: 0 };
  class BroadcastChannel {
    constructor() {
      started.channels++;
    }
    postMessage() {
      started.posted++;
    }
  }
  const crypto = {
    subtle: {
      digest: () => {
        started.digests++;
        return Promise.resolve(new ArrayBuffer(64));
      },
    },
  };
  const module = { exports: {} as { on(name: string): { fire(parts: unknown): void } } };
  runInNewContext(code, { module, exports: module.exports, BroadcastChannel, crypto, Promise, queueMicrotask });
  return { Dexie: module.exports, started };
}

describe("Dexie's start-up in the worker", () => {
  it('as published, opens a channel and runs a digest when evaluated', () => {
    expect(evaluate(dexieSource).started).toEqual({ channels: 1, digests: 1, posted: 0 });
  });

  it('as built, does neither, and opens the channel for its first write', () => {
    const { Dexie, started } = evaluate(transformed(dexieSource) ?? '');
    expect(started).toEqual({ channels: 0, digests: 0, posted: 0 });
    Dexie.on('storagemutated').fire({ 'idb://precall/plans/': {} });
    expect(started).toEqual({ channels: 1, digests: 0, posted: 1 });
  });

  it('leaves other modules alone, and fails the build when Dexie no longer has the code it edits', () => {
    expect(transformed(dexieSource, '/app/node_modules/other/dist/dexie.ts')).toBeNull();
    expect(() => transformed(dexieSource.replace('createBC();', 'createChannel();'))).toThrow(/changed/);
  });
});
