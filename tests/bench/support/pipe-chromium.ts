import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumPath, headlessArgs } from '../../../demo/launch-chromium';

/**
 * Chromium driven over its DevTools pipe with nothing else attached. Playwright attaches to every
 * service worker it sees (and holds it at start until it has answered), which would put a
 * debugger's round trip into the very start-up being measured; here the worker starts as it does
 * for a user.
 */
export interface PipeChromium {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  on(event: string, listener: (params: Record<string, unknown>, sessionId?: string) => void): void;
  /** Opens a tab at `url` and returns a flat session on it. */
  open(url: string): Promise<string>;
  evaluate<T>(sessionId: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function launchPipeChromium(extensionDirs: readonly string[]): Promise<PipeChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'precall-bench-pipe-'));
  const child: ChildProcess = spawn(
    chromiumPath(),
    [
      ...headlessArgs,
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extensionDirs.join(',')}`,
      `--load-extension=${extensionDirs.join(',')}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Map<string, ((params: Record<string, unknown>, sessionId?: string) => void)[]>();
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message.result);
      } else if (message.method) {
        for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {}, message.sessionId);
      }
    }
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const evaluate = async <T>(sessionId: string, expression: string): Promise<T> => {
    const answer = await send<{ result: { value: T }; exceptionDetails?: { exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, returnByValue: true, awaitPromise: true },
      sessionId,
    );
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? 'evaluate failed');
    return answer.result.value;
  };
  return {
    send,
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    evaluate,
    async open(url) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      await send('Page.enable', {}, sessionId);
      const loaded = new Promise<void>((resolve) =>
        listeners.set('Page.loadEventFired', [
          ...(listeners.get('Page.loadEventFired') ?? []),
          (_params, from) => from === sessionId && resolve(),
        ]),
      );
      await send('Page.navigate', { url }, sessionId);
      await loaded;
      return sessionId;
    },
    async close() {
      await send('Browser.close').catch(() => {});
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
      await rm(profile, { recursive: true, force: true });
    },
  };
}
