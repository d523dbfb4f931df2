import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadOrgSchema } from '../../demo/api/schema/org-schema';
import { playbookLimits } from '../../lib/model/playbook/playbook';
import { playbookObjects } from '../../lib/sync/playbook-fields';

/**
 * The playbook's objects in the package: their fields as the editor and sync expect them, the
 * rights of each permission set (managers edit, reps read), and the demo org serving them from
 * the same XML. Metadata rules and element order are held for every file by package.test.ts.
 */
const packageDir = fileURLToPath(new URL('../../salesforce/', import.meta.url));
const sourceDir = join(packageDir, 'force-app/main/default');
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['fieldPermissions', 'objectPermissions'].includes(name),
});
type Xml = Record<string, unknown>;
const read = (path: string, root: string) =>
  (parser.parse(readFileSync(join(sourceDir, path), 'utf8')) as Xml)[root] as Xml;

type Spec =
  | { type: 'Text'; length: number; required: boolean; externalId?: true }
  | { type: 'LongTextArea'; length: number }
  | { type: 'Checkbox' }
  | { type: 'Number'; precision: number; scale: 0 }
  | { type: 'MasterDetail'; relationshipName: string };

const box = { type: 'Checkbox' } as const;
const design: Record<string, Record<string, Spec>> = {
  Playbook__c: {
    Playbook_Key__c: { type: 'Text', length: 36, required: true, externalId: true },
    Is_Default__c: box,
  },
  Playbook_Stage__c: {
    Playbook__c: { type: 'MasterDetail', relationshipName: 'Stages' },
    Stage_Key__c: { type: 'Text', length: 36, required: true, externalId: true },
    Stage_Name__c: { type: 'Text', length: playbookLimits.stageName, required: true },
    Guidance__c: { type: 'LongTextArea', length: playbookLimits.guidance },
    Requires_Goal__c: box,
    Requires_Buyer_Reason__c: box,
    Requires_Best_Next_Step__c: box,
    Requires_Minimum_Next_Step__c: box,
    Min_Expected_Objections__c: { type: 'Number', precision: 2, scale: 0 },
    Confirm_Need__c: box,
    Confirm_Budget__c: box,
    Confirm_Decision_Process__c: box,
    Confirm_Timing__c: box,
    Requires_Walk_Away__c: box,
  },
  Playbook_Objection__c: {
    Playbook__c: { type: 'MasterDetail', relationshipName: 'Playbook_Objections' },
    Playbook_Objection_Key__c: { type: 'Text', length: 36, required: true, externalId: true },
    Stage_Name__c: { type: 'Text', length: playbookLimits.stageName, required: false },
    Objection__c: { type: 'Text', length: playbookLimits.objection, required: true },
    Response__c: { type: 'LongTextArea', length: playbookLimits.response },
    Sort_Order__c: { type: 'Number', precision: 4, scale: 0 },
  },
};
const objects = Object.keys(design);
const rows = objects.flatMap((object) =>
  Object.entries(design[object] ?? {}).map(([name, spec]) => [object, name, spec] as const),
);
const fieldOf = (object: string, name: string) =>
  read(`objects/${object}/fields/${name}.field-meta.xml`, 'CustomField');
const optionalFields = rows
  .filter(([, , spec]) => spec.type !== 'MasterDetail' && !('required' in spec && spec.required))
  .map(([object, name]) => `${object}.${name}`)
  .sort();

describe('the playbook objects', () => {
  it.each(objects)('%s has exactly the designed fields', (object) => {
    const files = readdirSync(join(sourceDir, 'objects', object, 'fields')).map((f) => basename(f, '.field-meta.xml'));
    expect(files.sort()).toEqual(Object.keys(design[object] ?? {}).sort());
  });

  it.each(rows)('%s.%s is %o', (object, name, spec) => {
    const xml = fieldOf(object, name);
    expect(xml.type).toBe(spec.type);
    if (spec.type === 'Text') {
      expect([xml.length, xml.required]).toEqual([String(spec.length), String(spec.required)]);
      if (spec.externalId) expect(xml).toMatchObject({ externalId: 'true', unique: 'true', caseSensitive: 'false' });
    }
    if (spec.type === 'LongTextArea') expect(xml.length).toBe(String(spec.length));
    if (spec.type === 'Checkbox') expect(xml.defaultValue).toBe('false');
    if (spec.type === 'Number') expect([xml.precision, xml.scale]).toEqual([String(spec.precision), '0']);
    if (spec.type === 'MasterDetail')
      expect([xml.referenceTo, xml.relationshipName]).toEqual(['Playbook__c', spec.relationshipName]);
  });

  it('a playbook is read by everyone and named by its manager; its stages and objections follow it', () => {
    const playbook = read('objects/Playbook__c/Playbook__c.object-meta.xml', 'CustomObject');
    expect(playbook).toMatchObject({ sharingModel: 'Read', nameField: { type: 'Text', label: 'Playbook Name' } });
    for (const [object, format] of [
      ['Playbook_Stage__c', 'PBS-{00000}'],
      ['Playbook_Objection__c', 'PBO-{00000}'],
    ] as const) {
      const xml = read(`objects/${object}/${object}.object-meta.xml`, 'CustomObject');
      expect(xml).toMatchObject({
        sharingModel: 'ControlledByParent',
        nameField: { type: 'AutoNumber', displayFormat: format },
      });
    }
  });

  it('sync maps every field of the package, and only those', () => {
    for (const object of playbookObjects) {
      const designed = Object.keys(design[object.sobject] ?? {}).filter((name) => name !== 'Playbook__c');
      const mapped = object.fields.filter((f) => f.writer !== 'salesforce').map((f) => f.field);
      expect(mapped.sort(), object.sobject).toEqual(
        [...designed, ...(object.sobject === 'Playbook__c' ? ['Name'] : [])].sort(),
      );
    }
  });
});

function permissions(name: string) {
  const root = read(`permissionsets/${name}.permissionset-meta.xml`, 'PermissionSet');
  const fields = ((root.fieldPermissions as Xml[]) ?? []).filter((p) =>
    objects.includes(String(p.field).split('.')[0] ?? ''),
  );
  const objectRights = ((root.objectPermissions as Xml[]) ?? []).filter((p) => objects.includes(String(p.object)));
  return { fields, objectRights };
}

describe('playbook rights: managers edit, reps read', () => {
  it('Precall_Manager creates, edits and deletes playbooks and edits every optional field', () => {
    const { fields, objectRights } = permissions('Precall_Manager');
    expect(
      fields
        .filter((p) => p.editable === 'true' && p.readable === 'true')
        .map((p) => p.field)
        .sort(),
    ).toEqual(optionalFields);
    expect(objectRights.map((p) => p.object).sort()).toEqual([...objects].sort());
    for (const right of objectRights) {
      expect(right).toMatchObject({
        allowCreate: 'true',
        allowRead: 'true',
        allowEdit: 'true',
        allowDelete: 'true',
        modifyAllRecords: 'false',
        viewAllRecords: 'false',
      });
    }
  });

  it('Precall_User reads every optional field and writes nothing', () => {
    const { fields, objectRights } = permissions('Precall_User');
    expect(fields.map((p) => p.field).sort()).toEqual(optionalFields);
    expect(fields.every((p) => p.readable === 'true' && p.editable === 'false')).toBe(true);
    for (const right of objectRights) {
      expect(right).toMatchObject({
        allowCreate: 'false',
        allowRead: 'true',
        allowEdit: 'false',
        allowDelete: 'false',
      });
    }
    expect(objectRights).toHaveLength(objects.length);
  });
});

describe('the demo org serves the playbook objects from the XML', () => {
  const schema = loadOrgSchema(packageDir);

  it.each(objects)('%s is described with its fields', (object) => {
    const described = schema.object(object);
    expect(described?.custom).toBe(true);
    for (const name of Object.keys(design[object] ?? {})) expect(schema.field(object, name), name).toBeDefined();
  });

  it('a playbook lists its stages and objections as child relationships', () => {
    const children = schema
      .object('Playbook__c')
      ?.childRelationships.map((r) => `${r.relationshipName}:${r.childSObject}`);
    expect(children).toEqual(
      expect.arrayContaining(['Stages__r:Playbook_Stage__c', 'Playbook_Objections__r:Playbook_Objection__c']),
    );
  });

  it('enforces the limits: a stage name over 255 characters is too long', () => {
    expect(schema.field('Playbook_Stage__c', 'Stage_Name__c')).toMatchObject({ length: 255, nillable: false });
    expect(schema.field('Playbook__c', 'Name')).toMatchObject({ length: playbookLimits.name });
  });
});
