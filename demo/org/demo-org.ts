import { normalizeRecordId, to18 } from '../../lib/model/record-id';
import { loadOrgSchema } from '../api/schema/org-schema';
import { loadPermissionSets } from '../api/schema/permission-sets';
import type { OrgSchema } from '../api/schema/types';
import { type ApiAccess, defaultApiAccess } from './api-access';
import { createClock, type DemoClock } from './clock';
import { FieldSecurity } from './field-security';
import { IdGenerator } from './id-generator';
import { newRecord } from './record-factory';
import { RecordStore } from './record-store';
import { demoOrgId } from './seed-data';
import { SessionRegistry } from './sessions';
import { Sharing } from './sharing';
import { buildStory, type SeedRecord } from './story-seed';
import type { DemoOrg, DemoSession, DemoUser, SObjectRecord } from './types';
import { demoUsers } from './users';

export interface DemoOrgOptions {
  now?: () => Date;
  /** Another org id, so two demo orgs in one browser are two orgs (15 or 18 characters). */
  orgId?: string;
}

/** The daily API allowance, as in a Developer Edition org. */
export const defaultApiLimit = 15000;

/**
 * The demo org: schema, records, users, sessions and sharing. The HTTP layer (demo/api) and the
 * pages (demo/pages) both work through it; nothing here knows about HTTP.
 */
export class DemoOrgRuntime implements DemoOrg {
  readonly orgId: string;
  readonly orgId15: string;
  readonly schema: OrgSchema;
  readonly store: RecordStore;
  readonly clock: DemoClock;
  readonly sessions: SessionRegistry;
  readonly sharing: Sharing;
  readonly security: FieldSecurity;
  readonly limits = { used: 0, max: defaultApiLimit };
  access: ApiAccess = defaultApiAccess();
  ids = new IdGenerator();

  constructor(options: DemoOrgOptions = {}) {
    this.orgId = options.orgId ? to18(options.orgId.slice(0, 15)) : demoOrgId;
    this.orgId15 = this.orgId.slice(0, 15);
    this.schema = loadOrgSchema();
    this.store = new RecordStore(this.schema);
    this.clock = createClock(options.now);
    this.sessions = new SessionRegistry(this.orgId15);
    this.sharing = new Sharing(this.store, () => this.users());
    this.security = new FieldSecurity(this.schema, loadPermissionSets());
  }

  /** The schema as `user`'s permission sets let them see and write it (field-security.ts). */
  schemaFor(user: DemoUser): OrgSchema {
    return this.security.schemaFor(user);
  }

  users(): DemoUser[] {
    return [...demoUsers];
  }

  userByUsername(username: string): DemoUser | undefined {
    const wanted = username.trim().toLowerCase();
    return demoUsers.find((u) => u.Username.toLowerCase() === wanted);
  }

  userById(id: string): DemoUser | undefined {
    const id18 = normalizeRecordId(id);
    return demoUsers.find((u) => u.Id === id18);
  }

  /** A browser sign-in; `ui` issues a Lightning host's own session, which the REST API refuses. */
  signIn(username: string, kind: 'login' | 'ui' = 'login'): DemoSession {
    const user = this.userByUsername(username);
    if (!user) throw new Error(`No demo user ${username}`);
    const session = this.sessions.issue(user, this.clock.now().getTime(), undefined, { kind });
    return { token: session.token, user, kind };
  }

  sessionFor(token: string): DemoSession | undefined {
    const session = this.sessions.valid(token);
    const user = session ? this.userById(session.userId) : undefined;
    if (!session || !user) return undefined;
    const found: DemoSession = { token: session.token, user, kind: session.kind ?? 'login' };
    if (session.clientId !== undefined) found.clientId = session.clientId;
    return found;
  }

  records(sobject: string, asUser: DemoUser): SObjectRecord[] {
    const object = this.store.objectOf(sobject);
    if (!object) return [];
    const visible = this.sharing.filterFor(asUser);
    const out: SObjectRecord[] = [];
    for (const record of this.store.all(object.name)) {
      if (record.IsDeleted !== true && visible(object.name, record)) out.push(record);
    }
    return out;
  }

  record(sobject: string, id: string, asUser: DemoUser): SObjectRecord | undefined {
    const object = this.store.objectOf(sobject);
    const id18 = normalizeRecordId(id);
    if (!object || !id18) return undefined;
    const record = this.store.get(object.name, id18);
    if (!record || record.IsDeleted === true) return undefined;
    return this.sharing.canSee(asUser, object.name, record) ? record : undefined;
  }

  /** Back to the first-start story: data, counters and API usage (sessions stay valid). */
  reset(): void {
    this.store.clear();
    this.ids = new IdGenerator();
    this.limits.used = 0;
    this.limits.max = defaultApiLimit;
    this.access = defaultApiAccess();
    this.insertSeed(buildStory(this.clock.now()));
  }

  /** Inserts seed records as the system would, resolving `{seedRef}` links between them. */
  insertSeed(records: readonly SeedRecord[]): Map<string, string> {
    const refs = new Map<string, string>();
    for (const seed of records) {
      const object = this.store.objectOf(seed.object);
      if (!object) throw new Error(`Seed uses unknown object ${seed.object}`);
      const values: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(seed.values)) {
        const ref = (value as { seedRef?: string } | null)?.seedRef;
        values[name] = ref === undefined ? value : refs.get(ref);
      }
      const record = newRecord(this.store, this.ids, object, values, {
        by: seed.by,
        id: seed.id,
        createdAt: seed.createdAt,
        at: seed.modifiedAt ?? seed.createdAt,
      });
      this.store.put(object.name, record);
      if (seed.ref) refs.set(seed.ref, record.Id);
    }
    return refs;
  }
}
