// Types only: the schemas (and zod) stay out of every page that sends; the background parses.
import type { Envelope, MessageType, Reply, RequestOf, ResponseMap } from './protocol';

/** An error the background answered with; `code` says what the caller can do about it. */
export class PrecallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'PrecallError';
  }
}

export type Send = (message: unknown) => Promise<unknown>;

/**
 * Sends one typed request to the background. `send` is `browser.runtime.sendMessage` in the
 * extension and a fake in tests.
 */
export async function request<T extends MessageType>(
  send: Send,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseMap[T]> {
  const envelope: Envelope = { precall: 1, type, payload };
  let reply: Reply<ResponseMap[T]> | undefined;
  try {
    reply = (await send(envelope)) as Reply<ResponseMap[T]> | undefined;
  } catch (cause) {
    throw new PrecallError('unreachable', `Precall's background did not answer: ${(cause as Error).message}`);
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new PrecallError('unreachable', "Precall's background did not answer");
  }
  if (!reply.ok) throw new PrecallError(reply.error.code, reply.error.message, reply.error.fields);
  return reply.data;
}
