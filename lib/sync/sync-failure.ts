import type { RequestFailureKind } from './classify-result';

/**
 * Why a sync step stopped. `signed-out` follows a 401 that survived one renewal; the other kinds
 * come from classify-result.ts. Nothing local is lost: the outbox keeps every change.
 */
export type SyncFailureKind = Exclude<RequestFailureKind, 'unauthorized'> | 'signed-out';

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

/** Thrown by a test's checkpoint to stop a run as a stopped service worker would. */
export class SyncStopped extends Error {
  override name = 'SyncStopped';
}
