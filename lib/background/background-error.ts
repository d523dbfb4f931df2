import type { ErrorCode } from '../messaging/protocol';

/** An error the background answers with instead of throwing across the message boundary. */
export class BackgroundError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}
