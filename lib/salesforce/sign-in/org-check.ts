import type { Connection } from 'jsforce';
import type { SignInFailureCode } from '../../messaging/protocol';
import { callPlanObject, objectionObject } from '../plan-fields';
import { refusalOf } from './sign-in-machine';
import { signInTitles } from './sign-in-messages';

export interface OrgCheckItem {
  name: string;
  /** null: Salesforce would not say (the rep may not read it). */
  ok: boolean | null;
  detail: string;
  /** Exactly what to do when it is not ok. */
  fix?: string;
  code?: SignInFailureCode;
}

const packageFix =
  'Ask your admin to deploy the Precall package (salesforce/) and assign you the "Precall User" permission set ("Precall Manager" for managers).';

/**
 * Checks an org for Precall: the API answers this user, Precall's objects and every field it
 * writes are deployed and visible (describe), and which Precall permission set is assigned.
 */
export async function checkOrg(connection: Connection, userId: string): Promise<OrgCheckItem[]> {
  const items: OrgCheckItem[] = [];
  try {
    await connection.identity();
    items.push({ name: 'API enabled', ok: true, detail: 'Salesforce answers Precall for your user.' });
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal || refusal === 'expired') throw error;
    const code: SignInFailureCode = refusal;
    items.push({ name: 'API enabled', ok: false, detail: (error as Error).message, fix: signInTitles[code], code });
    return items;
  }
  const global = await connection.describeGlobal();
  for (const object of [callPlanObject, objectionObject]) {
    if (!global.sobjects.some((entry) => entry.name === object.sobject)) {
      items.push({
        name: `${object.sobject} visible`,
        ok: false,
        detail: `Salesforce does not show you ${object.sobject}.`,
        fix: packageFix,
        code: 'objects-not-visible',
      });
      continue;
    }
    const described = await connection.sobject(object.sobject).describe();
    const fields = new Map(described.fields.map((field) => [field.name, field]));
    const wanted = [
      ...object.fields.map((mapping) => mapping.field),
      ...('parent' in object ? [object.parent.field] : []),
    ];
    const missing = wanted.filter((name) => !fields.has(name));
    items.push({
      name: `${object.sobject} fields`,
      ok: missing.length === 0,
      detail:
        missing.length === 0
          ? `All ${wanted.length} fields Precall uses are visible.`
          : `Not visible to you: ${missing.join(', ')}.`,
      ...(missing.length === 0 ? {} : { fix: packageFix, code: 'objects-not-visible' as const }),
    });
  }
  try {
    const result = await connection.query<{ PermissionSet?: { Name?: string } }>(
      `SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE AssigneeId = '${userId.replace(/[^a-zA-Z0-9]/g, '')}'`,
    );
    const names = result.records.map((record) => record.PermissionSet?.Name ?? '');
    const precall = names.filter((name) => name === 'Precall_User' || name === 'Precall_Manager');
    items.push({
      name: 'Permission set',
      ok: precall.length > 0,
      detail:
        precall.length > 0
          ? `Assigned: ${precall.join(', ')}.`
          : 'Neither Precall User nor Precall Manager is assigned to you.',
      ...(precall.length > 0 ? {} : { fix: packageFix }),
    });
  } catch {
    items.push({
      name: 'Permission set',
      ok: null,
      detail:
        'Salesforce does not let your user read permission set assignments; the object checks above show what they grant.',
    });
  }
  return items;
}
