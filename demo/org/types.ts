/**
 * The contract between the demo org's parts: the API emulator (demo/api) implements `DemoOrg`,
 * the Lightning-like pages (demo/pages) and the control endpoints read it.
 */
export type SObjectRecord = { Id: string } & Record<string, unknown>;

export type DemoRole = 'rep' | 'manager' | 'admin';

export interface DemoUser {
  Id: string;
  Username: string;
  Name: string;
  FirstName: string;
  LastName: string;
  Email: string;
  Title: string;
  role: DemoRole;
  /** The manager's user id, for reps. */
  ManagerId: string | null;
  /** The package's permission sets assigned to the user (field-level security follows them). */
  permissionSets: readonly string[];
}

export interface DemoSession {
  /** The access token, also the value of the `sid` cookie: `<orgId15>!<secret>`. */
  token: string;
  user: DemoUser;
  /** How the session was issued (demo/org/sessions.ts); absent means a browser sign-in. */
  kind?: 'login' | 'ui' | 'oauth';
  clientId?: string;
}

export interface DemoOrg {
  readonly orgId: string;
  users(): DemoUser[];
  userByUsername(username: string): DemoUser | undefined;
  /** Issues a session as Salesforce does at login; the token works as a REST bearer token. */
  signIn(username: string): DemoSession;
  /** The session a token (or `sid` cookie) belongs to, if it is valid. */
  sessionFor(token: string): DemoSession | undefined;
  /** Live records of an object the user may see (sharing applied), as the API stores them. */
  records(sobject: string, asUser: DemoUser): SObjectRecord[];
  record(sobject: string, id: string, asUser: DemoUser): SObjectRecord | undefined;
}
