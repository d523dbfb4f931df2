import { field as describeField } from '../../../../demo/api/schema/field-builders.ts';
import type {
  ChildRelationship,
  FieldSchema,
  FieldType,
  ObjectSchema,
  OrgSchema,
} from '../../../../demo/api/schema/types.ts';
import type { QueryContext, StoredRecord } from '../../../../demo/api/soql/execute-query.ts';
import { to18 } from '../../../../lib/model/record-id.ts';

/** A small org for the SOQL engine's tests, built with the schema types (independent of the XML loader). */

/** The schema's own field builder, with the defaults of a plain text or long text field. */
function field(name: string, type: FieldType, extra: Partial<FieldSchema> = {}): FieldSchema {
  return describeField({
    name,
    label: name,
    type,
    length: type === 'string' ? 255 : type === 'textarea' ? 32768 : 0,
    filterable: type !== 'textarea',
    ...extra,
  });
}

function lookup(name: string, referenceTo: string[], relationshipName: string): FieldSchema {
  return field(name, 'reference', { referenceTo, relationshipName });
}

const systemFields = [
  field('Id', 'id', { system: true }),
  field('IsDeleted', 'boolean', { system: true }),
  field('CreatedDate', 'datetime', { system: true }),
  field('SystemModstamp', 'datetime', { system: true }),
];

function object(
  name: string,
  keyPrefix: string,
  fields: FieldSchema[],
  childRelationships: ChildRelationship[] = [],
): ObjectSchema {
  return {
    name,
    label: name,
    labelPlural: name,
    keyPrefix,
    custom: name.endsWith('__c'),
    fields: [...systemFields, ...fields],
    childRelationships,
    sharingModel: 'ReadWrite',
  };
}

function child(childSObject: string, fieldName: string, relationshipName: string): ChildRelationship {
  return { childSObject, field: fieldName, relationshipName, cascadeDelete: true };
}

const objects: ObjectSchema[] = [
  object('User', '005', [field('Name', 'string'), field('Email', 'email')]),
  object('Group', '00G', [field('Name', 'string')]),
  object(
    'Account',
    '001',
    [field('Name', 'string'), lookup('OwnerId', ['User', 'Group'], 'Owner')],
    [child('Opportunity', 'AccountId', 'Opportunities')],
  ),
  object(
    'Opportunity',
    '006',
    [
      field('Name', 'string'),
      lookup('AccountId', ['Account'], 'Account'),
      lookup('OwnerId', ['User', 'Group'], 'Owner'),
      field('Amount', 'currency'),
      field('CloseDate', 'date'),
      field('StageName', 'picklist'),
    ],
    [child('Call_Plan__c', 'Opportunity__c', 'Call_Plans__r')],
  ),
  object(
    'Call_Plan__c',
    'a01',
    [
      field('Name', 'string', { autoNumber: 'CP-{0000}' }),
      field('Plan_Key__c', 'string', { externalId: true, unique: true }),
      lookup('Opportunity__c', ['Opportunity'], 'Opportunity__r'),
      lookup('CreatedById', ['User'], 'CreatedBy'),
      field('Call_At__c', 'datetime'),
      field('Call_Type__c', 'picklist'),
      field('Goal__c', 'string'),
      field('Questions__c', 'textarea'),
      field('Outcome__c', 'picklist'),
      field('Next_Step_Due__c', 'date'),
      field('Sort_Weight__c', 'double'),
    ],
    [child('Call_Plan_Objection__c', 'Call_Plan__c', 'Objections__r')],
  ),
  object('Call_Plan_Objection__c', 'a02', [
    field('Name', 'string'),
    lookup('Call_Plan__c', ['Call_Plan__c'], 'Call_Plan__r'),
    field('Objection__c', 'string'),
    field('Response__c', 'textarea'),
    field('Raised__c', 'boolean'),
    field('Sort_Order__c', 'double'),
  ]),
];

export const schema: OrgSchema = {
  objects,
  object: (name) => objects.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase()),
  field: (objectName, fieldName) =>
    schema.object(objectName)?.fields.find((candidate) => candidate.name.toLowerCase() === fieldName.toLowerCase()),
};

/** An 18-character id with mixed case in its first 15 characters, so 15-char matching is case-sensitive. */
export function makeId(prefix: string, n: number): string {
  return to18(`${prefix}5g0000AbC${String(n).padStart(3, '0')}`);
}

export const ids = {
  rita: makeId('005', 1),
  manny: makeId('005', 2),
  salesTeam: makeId('00G', 1),
  acme: makeId('001', 1),
  globex: makeId('001', 2),
  renewal: makeId('006', 1),
  newBusiness: makeId('006', 2),
  orphan: makeId('006', 3),
  plan1: makeId('a01', 1),
  plan2: makeId('a01', 2),
  plan3: makeId('a01', 3),
  plan4: makeId('a01', 4),
  plan5: makeId('a01', 5),
  objection1: makeId('a02', 1),
  objection2: makeId('a02', 2),
  objection3: makeId('a02', 3),
};

const stamp = '2025-03-01T08:00:00.000+0000';
const base = { IsDeleted: false, CreatedDate: stamp, SystemModstamp: stamp };

/** Stored rows by object; CP-0005 is in the recycle bin. */
export function seedRows(): Record<string, StoredRecord[]> {
  return {
    User: [
      { ...base, Id: ids.rita, Name: 'Rita Rep', Email: 'rita@example.com' },
      { ...base, Id: ids.manny, Name: 'Manny Manager', Email: 'manny@example.com' },
    ],
    Group: [{ ...base, Id: ids.salesTeam, Name: 'Sales Team' }],
    Account: [
      { ...base, Id: ids.acme, Name: 'Acme', OwnerId: ids.rita },
      { ...base, Id: ids.globex, Name: 'Globex', OwnerId: ids.salesTeam },
    ],
    Opportunity: [
      {
        ...base,
        Id: ids.renewal,
        Name: 'Acme – Renewal',
        AccountId: ids.acme,
        OwnerId: ids.rita,
        Amount: 50000,
        CloseDate: '2025-03-20',
        StageName: 'Negotiation',
      },
      {
        ...base,
        Id: ids.newBusiness,
        Name: 'Globex – New',
        AccountId: ids.globex,
        OwnerId: ids.manny,
        Amount: 12000,
        CloseDate: '2025-03-10',
        StageName: 'Prospecting',
      },
      {
        ...base,
        Id: ids.orphan,
        Name: 'Orphan',
        AccountId: null,
        OwnerId: ids.rita,
        Amount: null,
        CloseDate: null,
        StageName: 'Prospecting',
      },
    ],
    Call_Plan__c: [
      plan(1, ids.renewal, {
        Call_At__c: '2025-03-05T14:00:00.000+0000',
        Call_Type__c: 'Call',
        Goal__c: 'Agree pilot scope',
        Outcome__c: 'Advance',
        Next_Step_Due__c: '2025-03-12',
        Sort_Weight__c: 2.5,
        Questions__c: 'Who signs?',
      }),
      plan(2, ids.renewal, {
        Call_At__c: '2025-03-10T09:30:00.000+0000',
        Call_Type__c: 'Meeting',
        Goal__c: 'Meet the CFO',
        Next_Step_Due__c: '2025-03-17',
        Sort_Weight__c: 10,
        CreatedById: ids.manny,
      }),
      plan(3, ids.newBusiness, {
        Call_At__c: '2025-03-09T23:59:59.999+0000',
        Call_Type__c: 'Demo',
        Goal__c: "Show O'Brien the 100% uptime report",
        Outcome__c: 'No-sale',
        Next_Step_Due__c: '2025-02-28',
        Sort_Weight__c: -1,
      }),
      plan(4, ids.orphan, { Call_Type__c: 'Other', Goal__c: 'goal_with_underscore' }),
      plan(5, ids.newBusiness, { IsDeleted: true, Goal__c: 'Deleted plan', Call_Type__c: 'Call' }),
    ],
    Call_Plan_Objection__c: [
      objection(1, ids.plan1, 'Too pricey', 2, true),
      objection(2, ids.plan1, 'No budget until Q3', 1, false),
      objection(3, ids.plan3, 'Security review', 1, true),
    ],
  };
}

function plan(n: number, opportunityId: string, values: Partial<StoredRecord>): StoredRecord {
  return {
    ...base,
    Id: makeId('a01', n),
    Name: `CP-000${n}`,
    Plan_Key__c: `00000000-0000-4000-8000-00000000000${n}`,
    Opportunity__c: opportunityId,
    CreatedById: ids.rita,
    Call_At__c: null,
    Call_Type__c: null,
    Goal__c: null,
    Questions__c: null,
    Outcome__c: null,
    Next_Step_Due__c: null,
    Sort_Weight__c: null,
    ...values,
  };
}

function objection(n: number, planId: string, text: string, order: number, raised: boolean): StoredRecord {
  return {
    ...base,
    Id: makeId('a02', n),
    Name: `OB-${n}`,
    Call_Plan__c: planId,
    Objection__c: text,
    Response__c: null,
    Raised__c: raised,
    Sort_Order__c: order,
  };
}

/** Monday 10 March 2025, noon UTC: this week runs Sunday 9 to Saturday 15 March. */
export const now = new Date('2025-03-10T12:00:00.000Z');

export function context(
  options: { includeDeleted?: boolean; rows?: Record<string, StoredRecord[]> } = {},
): QueryContext {
  const includeDeleted = options.includeDeleted ?? false;
  const rows = options.rows ?? seedRows();
  const byId = new Map<string, StoredRecord>();
  for (const list of Object.values(rows)) for (const row of list) byId.set(row.Id, row);
  const visible = (row: StoredRecord) => includeDeleted || row.IsDeleted !== true;
  return {
    schema,
    rows: (objectName) => (rows[schema.object(objectName)?.name ?? ''] ?? []).filter(visible),
    byId: (_objectName, id) => byId.get(id),
    includeDeleted,
    now,
    apiVersion: '62.0',
  };
}
