/**
 * How the org lets clients use its API, as an admin sets it in Setup: API Access Control (only
 * approved OAuth apps; browser sessions refused), an edition without API, users without the
 * "API Enabled" permission or without Precall's permission set, Refresh Token Rotation, and the
 * newest API version the org's release knows (an org mid-upgrade knows one fewer).
 */
export interface ApiAccess {
  apiAccessControl: boolean;
  /** Consumer keys of the OAuth apps an admin approved under API Access Control. */
  approvedClients: string[];
  apiDisabledForOrg: boolean;
  /** User ids without "API Enabled". */
  usersWithoutApi: string[];
  /** User ids without the Precall User / Manager permission set: Precall's objects are hidden. */
  usersWithoutPermissionSet: string[];
  refreshTokenRotation: boolean;
  /** Newest API version served; null for every version the demo org knows. */
  maxApiVersion: number | null;
}

export function defaultApiAccess(): ApiAccess {
  return {
    apiAccessControl: false,
    approvedClients: [],
    apiDisabledForOrg: false,
    usersWithoutApi: [],
    usersWithoutPermissionSet: [],
    refreshTokenRotation: true,
    maxApiVersion: null,
  };
}

/** Precall's custom objects: hidden from users without its permission set. */
export const precallObjects = ['Call_Plan__c', 'Call_Plan_Objection__c'];
/** Their child relationships: Opportunity.Call_Plans__r and Call_Plan__c.Objections__r. */
export const precallRelationships = ['Call_Plans__r', 'Objections__r'];
