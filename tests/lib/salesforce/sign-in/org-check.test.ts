import type { Connection } from 'jsforce';
import { describe, expect, it } from 'vitest';
import { callPlanObject, objectionObject } from '../../../../lib/salesforce/plan-fields';
import { checkOrg } from '../../../../lib/salesforce/sign-in/org-check';
import { signInTitles } from '../../../../lib/salesforce/sign-in/sign-in-messages';

const userId = "005000000000001AAA' OR Name != '";
const packageFix =
  'Ask your admin to deploy the Precall package (salesforce/) and assign you the "Precall User" permission set ("Precall Manager" for managers).';

interface OrgShape {
  identity?: Error;
  objects?: string[];
  hiddenFields?: string[];
  permissionSets?: (string | undefined)[] | Error;
}

const allFields: Record<string, string[]> = {
  [callPlanObject.sobject]: callPlanObject.fields.map((field) => field.field),
  [objectionObject.sobject]: [...objectionObject.fields.map((field) => field.field), objectionObject.parent.field],
};

/** The part of a jsforce Connection the check uses, answering as an org of this shape would. */
function connectionTo(shape: OrgShape) {
  const queries: string[] = [];
  const connection = {
    async identity() {
      if (shape.identity) throw shape.identity;
      return {};
    },
    async describeGlobal() {
      return { sobjects: (shape.objects ?? Object.keys(allFields)).map((name) => ({ name })) };
    },
    sobject(name: string) {
      return {
        async describe() {
          const names = (allFields[name] ?? []).filter((field) => !shape.hiddenFields?.includes(field));
          return { fields: names.map((field) => ({ name: field })) };
        },
      };
    },
    async query(soql: string) {
      queries.push(soql);
      if (shape.permissionSets instanceof Error) throw shape.permissionSets;
      const names = shape.permissionSets ?? ['Precall_User'];
      return { records: names.map((name) => ({ PermissionSet: name === undefined ? undefined : { Name: name } })) };
    },
  };
  return { connection: connection as unknown as Connection, queries };
}

const httpError = (errorCode: string, message = errorCode) => Object.assign(new Error(message), { errorCode });

describe('checking an org for Precall', () => {
  it('passes an org with the package deployed and a permission set assigned, naming each check', async () => {
    const { connection, queries } = connectionTo({ permissionSets: ['Sales_Ops', 'Precall_User', 'Precall_Manager'] });
    expect(await checkOrg(connection, userId)).toEqual([
      { name: 'API enabled', ok: true, detail: 'Salesforce answers Precall for your user.' },
      {
        name: 'Call_Plan__c fields',
        ok: true,
        detail: `All ${allFields.Call_Plan__c?.length} fields Precall uses are visible.`,
      },
      {
        name: 'Call_Plan_Objection__c fields',
        ok: true,
        detail: `All ${allFields.Call_Plan_Objection__c?.length} fields Precall uses are visible.`,
      },
      { name: 'Permission set', ok: true, detail: 'Assigned: Precall_User, Precall_Manager.' },
    ]);
    // The user id goes into SOQL: nothing but letters and digits gets there.
    expect(queries).toEqual([
      "SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE AssigneeId = '005000000000001AAAORName'",
    ]);
  });

  it.each([
    ['API_CURRENTLY_DISABLED', 'api-disabled-for-user'],
    ['API_DISABLED_FOR_ORG', 'api-disabled-for-org'],
    ['OAUTH_APP_BLOCKED', 'api-access-control'],
  ] as const)('stops at an API that refuses the user (%s), saying what to do', async (errorCode, code) => {
    const { connection } = connectionTo({ identity: httpError(errorCode, 'The API is off') });
    expect(await checkOrg(connection, userId)).toEqual([
      { name: 'API enabled', ok: false, detail: 'The API is off', fix: signInTitles[code], code },
    ]);
  });

  it.each([
    ['an expired session', httpError('INVALID_SESSION_ID')],
    ['a failure that says nothing of the API', httpError('SERVER_UNAVAILABLE')],
  ])('lets %s through to the caller', async (_, error) => {
    const { connection } = connectionTo({ identity: error });
    await expect(checkOrg(connection, userId)).rejects.toBe(error);
  });

  it('names an object the user cannot see, and still checks the other', async () => {
    const { connection } = connectionTo({ objects: ['Account', 'Call_Plan_Objection__c'] });
    const items = await checkOrg(connection, userId);
    expect(items[1]).toEqual({
      name: 'Call_Plan__c visible',
      ok: false,
      detail: 'Salesforce does not show you Call_Plan__c.',
      fix: packageFix,
      code: 'objects-not-visible',
    });
    expect(items[2]).toMatchObject({ name: 'Call_Plan_Objection__c fields', ok: true });
  });

  it('names each field the user cannot see, the parent field included', async () => {
    const { connection } = connectionTo({ hiddenFields: ['Goal__c', 'Walk_Away__c', objectionObject.parent.field] });
    const items = await checkOrg(connection, userId);
    expect(items[1]).toEqual({
      name: 'Call_Plan__c fields',
      ok: false,
      detail: 'Not visible to you: Goal__c, Walk_Away__c.',
      fix: packageFix,
      code: 'objects-not-visible',
    });
    expect(items[2]).toMatchObject({ ok: false, detail: `Not visible to you: ${objectionObject.parent.field}.` });
  });

  it('says when no Precall permission set is assigned', async () => {
    const { connection } = connectionTo({ permissionSets: ['Sales_Ops', undefined] });
    expect((await checkOrg(connection, userId))[3]).toEqual({
      name: 'Permission set',
      ok: false,
      detail: 'Neither Precall User nor Precall Manager is assigned to you.',
      fix: packageFix,
    });
  });

  it('cannot say when the user may not read assignments, and says so', async () => {
    const { connection } = connectionTo({ permissionSets: httpError('INSUFFICIENT_ACCESS') });
    expect((await checkOrg(connection, userId))[3]).toEqual({
      name: 'Permission set',
      ok: null,
      detail:
        'Salesforce does not let your user read permission set assignments; the object checks above show what they grant.',
    });
  });
});
