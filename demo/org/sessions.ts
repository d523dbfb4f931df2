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
  /**
   * `login`: a browser session on the My Domain (API) host; `ui`: a Lightning host's own session,
   * which the REST API refuses; `oauth`: issued to an OAuth client. Absent in older data: login.
   */
  kind?: SessionKind;
  /** The OAuth client (consumer key) the session was issued to. */
  clientId?: string;
}

export type SessionKind = 'login' | 'ui' | 'oauth';

/**
 * A refresh token. With rotation on, each refresh answers a new token of the same family and
 * uses this one up; presenting a used token again revokes the whole family, as Salesforce's
 * Refresh Token Rotation does.
 */
export interface RefreshTokenRecord {
  userId: string;
  family: string;
  used: boolean;
  clientId?: string;
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
  /** Families and use of refresh tokens; absent in older data (each its own family, unused). */
  refreshTokenDetails?: [string, RefreshTokenRecord][];
}

const codeTtlMs = 10 * 60 * 1000;

export class SessionRegistry {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();
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

  issue(
    user: DemoUser,
    now: number,
    refreshToken?: string,
    options: { kind?: SessionKind; clientId?: string } = {},
  ): SessionRecord {
    const token = `${this.orgId15}!${randomBytes(42).toString('base64url').replace(/[-_]/g, 'x')}`;
    const session: SessionRecord = {
      token,
      userId: user.Id,
      issuedAt: now,
      invalid: false,
      kind: options.kind ?? 'login',
    };
    if (refreshToken) session.refreshToken = refreshToken;
    if (options.clientId !== undefined) session.clientId = options.clientId;
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

  /** Makes an expired session valid again (a session restored from a backup, in tests). */
  restoreSession(token: string): boolean {
    const session = this.sessions.get(token);
    if (!session?.invalid) return false;
    session.invalid = false;
    this.changed();
    return true;
  }

  issueRefreshToken(userId: string, options: { family?: string; clientId?: string } = {}): string {
    const token = `5Aep861${randomBytes(48).toString('base64url').replace(/[-_]/g, 'x')}`;
    const record: RefreshTokenRecord = { userId, family: options.family ?? token, used: false };
    if (options.clientId !== undefined) record.clientId = options.clientId;
    this.refreshTokens.set(token, record);
    this.changed();
    return token;
  }

  userOfRefreshToken(token: string): string | undefined {
    return this.refreshTokens.get(token)?.userId;
  }

  /**
   * A refresh: with rotation, answers the token to hand out next (this one is used up), or
   * 'reused' after revoking the family of a token presented twice; without rotation, the same
   * token. Undefined for a token that does not exist (or was revoked).
   */
  refresh(token: string, rotate: boolean): { userId: string; next: string; clientId?: string } | 'reused' | undefined {
    const record = this.refreshTokens.get(token);
    if (!record) return undefined;
    if (record.used) {
      this.revokeFamily(record.family);
      return 'reused';
    }
    const clientId = record.clientId;
    if (!rotate) return { userId: record.userId, next: token, ...(clientId ? { clientId } : {}) };
    record.used = true;
    const next = this.issueRefreshToken(record.userId, { family: record.family, ...(clientId ? { clientId } : {}) });
    return { userId: record.userId, next, ...(clientId ? { clientId } : {}) };
  }

  private revokeFamily(family: string): void {
    const tokens = [...this.refreshTokens].filter(([, record]) => record.family === family).map(([token]) => token);
    for (const token of tokens) this.refreshTokens.delete(token);
    for (const session of this.sessions.values())
      if (session.refreshToken && tokens.includes(session.refreshToken)) session.invalid = true;
    this.changed();
  }

  /** Revoking a refresh token revokes its family; revoking an access token ends that session. */
  revoke(token: string): boolean {
    const record = this.refreshTokens.get(token);
    if (record) {
      this.revokeFamily(record.family);
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
    return {
      sessions: [...this.sessions.values()],
      refreshTokens: [...this.refreshTokens].map(([token, record]) => [token, record.userId]),
      refreshTokenDetails: [...this.refreshTokens].map(([token, record]) => [token, { ...record }]),
    };
  }

  restore(snapshot: SessionsSnapshot): void {
    for (const session of snapshot.sessions) this.sessions.set(session.token, { ...session });
    for (const [token, userId] of snapshot.refreshTokens) {
      this.refreshTokens.set(token, { userId, family: token, used: false });
    }
    for (const [token, record] of snapshot.refreshTokenDetails ?? []) this.refreshTokens.set(token, { ...record });
  }

  /** The kind and client of a live session, for the API's access checks. */
  details(token: string): SessionRecord | undefined {
    return this.valid(token);
  }
}

/** PKCE S256: base64url(sha256(verifier)) must equal the challenge sent to /authorize. */
export function pkceMatches(verifier: string, challenge: string, method: string | null): boolean {
  if (method === 'plain') return verifier === challenge;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}
