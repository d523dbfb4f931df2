import type { BrowserContext, CDPSession } from 'playwright-core';

/**
 * A DevTools session on any target of the browser (a service worker, the side panel), which
 * playwright does not hand out itself: the browser session attaches and relays the messages.
 */
export interface TargetSession {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

export async function browserSession(context: BrowserContext): Promise<CDPSession> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context');
  return browser.newBrowserCDPSession();
}

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export async function targets(cdp: CDPSession): Promise<TargetInfo[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos;
}

/** Waits (polling the target list, the only way to see one appear) for a target to match. */
export async function waitForTarget(
  cdp: CDPSession,
  match: (target: TargetInfo) => boolean,
  timeoutMs = 15_000,
): Promise<TargetInfo> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await targets(cdp)).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('no such target appeared');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function attach(cdp: CDPSession, targetId: string): Promise<TargetSession> {
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as {
    sessionId: string;
  };
  let nextId = 1;
  type Answer = { id?: number; result?: unknown; error?: unknown };
  const pending = new Map<number, (message: Answer) => void>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as Answer;
    if (message.id !== undefined) pending.get(message.id)?.(message);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  const send = async <T>(method: string, params: Record<string, unknown> = {}): Promise<T> => {
    const id = nextId++;
    const answer = new Promise<Answer>((resolve) => pending.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const reply = await answer;
    pending.delete(id);
    if (reply.error) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
    return reply.result as T;
  };
  return {
    send,
    async evaluate<T>(expression: string) {
      const result = await send<{ result: { value: unknown }; exceptionDetails?: unknown }>('Runtime.evaluate', {
        expression,
        returnByValue: true,
        awaitPromise: true,
      });
      if (result.exceptionDetails) throw new Error(`evaluate: ${JSON.stringify(result.exceptionDetails)}`);
      return result.result.value as T;
    },
    async detach() {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    },
  };
}
