import { createHash, randomBytes } from 'node:crypto';
import type { DemoUser } from './types';

/**
 * Access tokens, refresh tokens and authorization codes. An access token is shaped like a
 * Salesforce session id (`<orgId15>!<secret>`) because the extension reads it from the `sid`
 * cookie and matches the org by the part before `!`.
 */
export interface SessionRecord {
  token: string;
  userId: string;
  issuedAt: number;
  /** Set by expire-token or revoke: the token answers 401 from then on. */
  invalid: boolean;
  /** The refresh token it came from; revoking that ends this session too. */
  refreshToken?: string;
}

export interface AuthorizationCode {
  code: string;
  userId: string;
  clientId: string;
  redirectUri: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  expiresAt: number;
}

export interface SessionsSnapshot {
  sessions: SessionRecord[];
  refreshTokens: [string, string][];
}

const codeTtlMs = 10 * 60 * 1000;

export class SessionRegistry {
  private readonly sessions = new Map<string, SessionRecord>();
  /** refresh token → user id */
  private readonly refreshTokens = new Map<string, string>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly orgId15: string) {}

  /** Called when tokens are issued or invalidated (persistence listens). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  issue(user: DemoUser, now: number, refreshToken?: string): SessionRecord {
    const token = `${this.orgId15}!${randomBytes(42).toString('base64url').replace(/[-_]/g, 'x')}`;
    const session: SessionRecord = { token, userId: user.Id, issuedAt: now, invalid: false };
    if (refreshToken) session.refreshToken = refreshToken;
    this.sessions.set(token, session);
    this.changed();
    return session;
  }

  valid(token: string): SessionRecord | undefined {
    const session = this.sessions.get(token);
    return session && !session.invalid ? session : undefined;
  }

  /** Marks tokens invalid (expired); returns how many were live. */
  expire(filter: { token?: string; userId?: string }): number {
    let count = 0;
    for (const session of this.sessions.values()) {
      if (session.invalid) continue;
      if (filter.token !== undefined && session.token !== filter.token) continue;
      if (filter.userId !== undefined && session.userId !== filter.userId) continue;
      session.invalid = true;
      count += 1;
    }
    if (count > 0) this.changed();
    return count;
  }

  issueRefreshToken(userId: string): string {
    const token = `5Aep861${randomBytes(48).toString('base64url').replace(/[-_]/g, 'x')}`;
    this.refreshTokens.set(token, userId);
    this.changed();
    return token;
  }

  userOfRefreshToken(token: string): string | undefined {
    return this.refreshTokens.get(token);
  }

  /** Revoking a refresh token revokes it alone; revoking an access token ends that session. */
  revoke(token: string): boolean {
    if (this.refreshTokens.delete(token)) {
      for (const session of this.sessions.values()) if (session.refreshToken === token) session.invalid = true;
      this.changed();
      return true;
    }
    const session = this.sessions.get(token);
    if (!session) return false;
    session.invalid = true;
    this.changed();
    return true;
  }

  issueCode(details: Omit<AuthorizationCode, 'code' | 'expiresAt'>, now: number): string {
    const code = `aPrx${randomBytes(24).toString('base64url').replace(/[-_]/g, 'x')}`;
    this.codes.set(code, { ...details, code, expiresAt: now + codeTtlMs });
    return code;
  }

  /** Codes are single-use, as in Salesforce. */
  takeCode(code: string, now: number): AuthorizationCode | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found && found.expiresAt > now ? found : undefined;
  }

  snapshot(): SessionsSnapshot {
    return { sessions: [...this.sessions.values()], refreshTokens: [...this.refreshTokens.entries()] };
  }

  restore(snapshot: SessionsSnapshot): void {
    for (const session of snapshot.sessions) this.sessions.set(session.token, { ...session });
    for (const [token, userId] of snapshot.refreshTokens) this.refreshTokens.set(token, userId);
  }
}

/** PKCE S256: base64url(sha256(verifier)) must equal the challenge sent to /authorize. */
export function pkceMatches(verifier: string, challenge: string, method: string | null): boolean {
  if (method === 'plain') return verifier === challenge;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}
