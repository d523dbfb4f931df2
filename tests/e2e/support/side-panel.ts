import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, CDPSession } from 'playwright-core';

/**
 * Chrome's side panel is an extension page outside every tab, which playwright does not list as
 * a page. This reaches it through the browser's DevTools protocol: find its target, attach, and
 * evaluate script in it.
 */
export interface SidePanelPage {
  evaluate<T>(expression: string): Promise<T>;
  text(): Promise<string>;
  close(): Promise<void>;
}

export async function sidePanelPage(context: BrowserContext, timeoutMs = 15_000): Promise<SidePanelPage> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const deadline = Date.now() + timeoutMs;
  let targetId: string | undefined;
  while (!targetId) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    targetId = targetInfos.find((target) => target.url.includes('/sidepanel.html'))?.targetId;
    if (!targetId) {
      if (Date.now() > deadline) throw new Error('the side panel did not open');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  type Answer = { id?: number; result?: { result: { value: unknown } }; error?: unknown };
  const pending = new Map<number, (message: Answer) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as Answer;
    if (message.id !== undefined) pending.get(message.id)?.(message);
  });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const id = nextId++;
    const answer = new Promise<Answer>((resolve) => pending.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id,
        method: 'Runtime.evaluate',
        params: { expression, returnByValue: true, awaitPromise: true },
      }),
    });
    const reply = await answer;
    pending.delete(id);
    if (reply.error) throw new Error(`side panel: ${JSON.stringify(reply.error)}`);
    return reply.result?.result.value as T;
  };
  return {
    evaluate,
    text: async () => (await evaluate<string | undefined>('document.body ? document.body.innerText : ""')) ?? '',
    close: () => cdp.detach(),
  };
}

/** Waits until the side panel's text satisfies `check` (the panel renders asynchronously). */
export async function waitForSidePanelText(
  panel: SidePanelPage,
  check: (text: string) => boolean,
  timeoutMs = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await panel.text();
    if (check(text)) return text;
    if (Date.now() > deadline) throw new Error(`side panel never showed what was expected; it shows:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** axe-core's serious and critical WCAG A/AA findings in the side panel. */
export async function sidePanelViolations(panel: SidePanelPage): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await panel.evaluate(`${source};0`);
  return panel.evaluate<string[]>(`axe
    .run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] })
    .then((results) => results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'))`);
}
