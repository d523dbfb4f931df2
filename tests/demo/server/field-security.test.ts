import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrgSchema } from '../../../demo/api/schema/org-schema';
import type { PermissionSetMetadata } from '../../../demo/api/schema/permission-sets';
import { loadPermissionSets } from '../../../demo/api/schema/permission-sets';
import { executeQuery } from '../../../demo/api/soql/execute-query';
import { validateRecordWrite } from '../../../demo/api/validation';
import { FieldSecurity } from '../../../demo/org/field-security';
import { userIds } from '../../../demo/org/seed-data';
import type { DemoServer } from '../../../demo/server';
import { connectionAs, rest, startTestOrg, users } from './demo-server-fixture';

const v = '/services/data/v62.0';
/** Salesforce's answer to a write of a field the user may read but not edit. */
const notEditable = (field: string) => ({
  message: `Unable to create/update fields: ${field}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
  fields: [field],
});

/** The package's permission sets, enforced as a deployed org does: reps read the coaching note, managers edit it. */
describe('demo org field-level security', () => {
  let server: DemoServer;
  let rileysPlan: { Id: string; Plan_Key__c: string };
  let secondPlan: { Id: string };

  beforeAll(async () => {
    server = await startTestOrg();
    const plans = await connectionAs(server, users.riley).query<{ Id: string; Plan_Key__c: string }>(
      'SELECT Id, Plan_Key__c FROM Call_Plan__c ORDER BY Call_At__c LIMIT 2',
    );
    [rileysPlan, secondPlan] = plans.records as [typeof rileysPlan, typeof secondPlan];
  });
  afterAll(() => server.close());

  it('the demo users hold the package permission sets', () => {
    const setsOf = (username: string) => server.org.userByUsername(username)?.permissionSets;
    expect(setsOf(users.riley)).toEqual(['Precall_User']);
    expect(setsOf(users.sam)).toEqual(['Precall_User']);
    expect(setsOf(users.morgan)).toEqual(['Precall_Manager']);
    expect(setsOf(users.admin)).toEqual(['Precall_User', 'Precall_Manager']);
  });

  it('a rep writing the coaching note gets INVALID_FIELD_FOR_INSERT_UPDATE and nothing changes', async () => {
    const { token } = server.org.signIn(users.riley);
    const response = await rest(server, token, 'PATCH', `${v}/sobjects/Call_Plan__c/${rileysPlan.Id}`, {
      Coach_Note__c: 'Praise myself',
      Goal__c: 'Changed goal',
    });
    expect(response).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', ...notEditable('Coach_Note__c') }],
    });
    const stored = server.org.store.get('Call_Plan__c', rileysPlan.Id);
    expect(stored?.Goal__c).not.toBe('Changed goal');
  });

  it('a rep upserting a plan with a coaching note is refused the same way', async () => {
    const riley = connectionAs(server, users.riley);
    const result = await riley
      .sobject('Call_Plan__c')
      .upsert({ Plan_Key__c: rileysPlan.Plan_Key__c, Coach_Note__c: 'x' }, 'Plan_Key__c')
      .catch((error: { errorCode: string; message: string }) => error);
    expect(result).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: notEditable('Coach_Note__c').message,
    });
  });

  it('in a collection only the record writing the note fails', async () => {
    const { token } = server.org.signIn(users.riley);
    const response = await rest(server, token, 'PATCH', `${v}/composite/sobjects`, {
      allOrNone: false,
      records: [
        { attributes: { type: 'Call_Plan__c' }, id: rileysPlan.Id, Coach_Note__c: 'x' },
        { attributes: { type: 'Call_Plan__c' }, id: secondPlan.Id, Walk_Away__c: 'No budget owner by May' },
      ],
    });
    expect(response.body).toEqual([
      {
        id: rileysPlan.Id,
        success: false,
        errors: [{ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', ...notEditable('Coach_Note__c') }],
      },
      { id: secondPlan.Id, success: true, errors: [] },
    ]);
    expect(server.org.store.get('Call_Plan__c', secondPlan.Id)?.Walk_Away__c).toBe('No budget owner by May');
  });

  it('a rep reads the note; describe says they cannot write it', async () => {
    const riley = connectionAs(server, users.riley);
    const read = await riley.query<{ Coach_Note__c: string | null }>(
      `SELECT Id, Coach_Note__c FROM Call_Plan__c WHERE Id = '${rileysPlan.Id}'`,
    );
    expect(read.totalSize).toBe(1);
    const describe = await riley.sobject('Call_Plan__c').describe();
    const note = describe.fields.find((f) => f.name === 'Coach_Note__c');
    expect(note).toMatchObject({ createable: false, updateable: false });
    expect(describe.fields.find((f) => f.name === 'Outcome__c')).toMatchObject({ createable: true, updateable: true });
  });

  it('the manager writes the note but not the rep’s fields', async () => {
    const morgan = connectionAs(server, users.morgan);
    await morgan.sobject('Call_Plan__c').update({ Id: rileysPlan.Id, Coach_Note__c: 'Name the decision maker' });
    expect(server.org.store.get('Call_Plan__c', rileysPlan.Id)?.Coach_Note__c).toBe('Name the decision maker');
    const { token } = server.org.signIn(users.morgan);
    const response = await rest(server, token, 'PATCH', `${v}/sobjects/Call_Plan__c/${rileysPlan.Id}`, {
      Outcome__c: 'Order',
    });
    expect(response).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', ...notEditable('Outcome__c') }],
    });
  });

  it('the admin, holding both sets, writes everything', async () => {
    const admin = connectionAs(server, users.admin);
    const result = await admin
      .sobject('Call_Plan__c')
      .update({ Id: rileysPlan.Id, Coach_Note__c: 'From the admin', Outcome__c: 'Advance' });
    expect(result.success).toBe(true);
    expect(server.org.store.get('Call_Plan__c', rileysPlan.Id)).toMatchObject({
      Coach_Note__c: 'From the admin',
      Outcome__c: 'Advance',
    });
  });

  it('the seed and DemoOrg.records are not subject to the permission sets', () => {
    const riley = server.org.userByUsername(users.riley);
    if (!riley) throw new Error('no riley');
    expect(server.org.records('Call_Plan__c', riley).length).toBeGreaterThan(0);
    expect(userIds.riley).toBe(riley.Id);
  });
});

describe('a field the user cannot read is not there for them', () => {
  const schema = loadOrgSchema();
  const sets = loadPermissionSets();
  const userSet = sets.get('Precall_User') as PermissionSetMetadata;
  // A rep profile that hides the coaching note altogether.
  const hidden: PermissionSetMetadata = {
    ...userSet,
    name: 'Hidden_Note',
    fields: new Map([...userSet.fields].filter(([field]) => field !== 'Call_Plan__c.Coach_Note__c')),
  };
  const security = new FieldSecurity(schema, new Map([...sets, ['Hidden_Note', hidden]]));
  const view = security.schemaFor({ permissionSets: ['Hidden_Note'] });

  it('queries naming it are INVALID_FIELD', () => {
    const context = {
      schema: view,
      rows: () => [],
      byId: () => undefined,
      includeDeleted: false,
      now: new Date(),
      apiVersion: '62.0',
    };
    expect(() => executeQuery('SELECT Id, Coach_Note__c FROM Call_Plan__c', context)).toThrow(
      expect.objectContaining({ errorCode: 'INVALID_FIELD' }),
    );
    expect(executeQuery('SELECT Id, Goal__c FROM Call_Plan__c', context).totalSize).toBe(0);
  });

  it('writes naming it are INVALID_FIELD, as for a field that does not exist', () => {
    const object = view.object('Call_Plan__c');
    if (!object) throw new Error('no Call_Plan__c');
    const write = validateRecordWrite(object, { Coach_Note__c: 'x' }, 'update', view);
    expect(write.errors).toEqual([
      {
        statusCode: 'INVALID_FIELD',
        message: "No such column 'Coach_Note__c' on sobject of type Call_Plan__c",
        fields: [],
      },
    ]);
  });

  it('required and master-detail fields stay readable and editable; standard objects are untouched', () => {
    expect(view.field('Call_Plan__c', 'Goal__c')).toMatchObject({ createable: true, updateable: true });
    expect(view.field('Call_Plan__c', 'Opportunity__c')).toBeDefined();
    expect(view.object('Opportunity')).toEqual(schema.object('Opportunity'));
  });

  it('without a permission set the custom objects are not there at all', () => {
    const none = security.schemaFor({ permissionSets: [] });
    expect(none.object('Call_Plan__c')).toBeUndefined();
    expect(none.object('Call_Plan_Objection__c')).toBeUndefined();
    expect(none.object('Opportunity')).toBeDefined();
  });

  it('views are computed once per combination of sets', () => {
    expect(security.schemaFor({ permissionSets: ['Precall_Manager', 'Precall_User'] })).toBe(
      security.schemaFor({ permissionSets: ['Precall_User', 'Precall_Manager'] }),
    );
  });
});
