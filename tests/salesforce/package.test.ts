import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadOrgSchema } from '../../demo/api/schema/org-schema';

/**
 * Holds the deployable package in salesforce/ to the metadata rules a deploy enforces and to the
 * objects of design.md. The rule checkers return violations, so a broken file names what broke.
 */
const packageDir = fileURLToPath(new URL('../../salesforce/', import.meta.url));
const sourceDir = join(packageDir, 'force-app/main/default');
const metadataNamespace = 'http://soap.sforce.com/2006/04/metadata';

type Xml = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Values stay strings: "0", "true" and "062" must reach the checks exactly as written.
  parseTagValue: false,
  isArray: (name) =>
    [
      'value',
      'fieldPermissions',
      'objectPermissions',
      'sections',
      'columns',
      'aggregates',
      'criteriaItems',
      'groupingsDown',
      'dashboardGridComponents',
    ].includes(name),
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const xmlFiles = filesUnder(sourceDir).filter((file) => file.endsWith('.xml'));

function parseXml(xml: string): Xml {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(xml) as Xml;
}

const rootElements: Record<string, string> = {
  '.field-meta.xml': 'CustomField',
  '.object-meta.xml': 'CustomObject',
  '.permissionset-meta.xml': 'PermissionSet',
  '.reportType-meta.xml': 'ReportType',
  '.report-meta.xml': 'Report',
  '.reportFolder-meta.xml': 'ReportFolder',
  '.dashboard-meta.xml': 'Dashboard',
  '.dashboardFolder-meta.xml': 'DashboardFolder',
};

const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false });
type OrderedNode = Record<string, unknown> & { ':@'?: unknown };

/**
 * The order a retrieve writes, which a deploy expects ("Element … invalid at this location"):
 * at every level `fullName` first (every metadata type inherits it from Metadata), then the
 * type's own elements alphabetically, repeated elements side by side.
 */
function elementOrderViolations(xml: string): string[] {
  const violations: string[] = [];
  const visit = (nodes: OrderedNode[], path: string) => {
    const names = nodes
      .map((node) => Object.keys(node).find((key) => key !== ':@') ?? '')
      .filter((name) => name !== '#text' && name !== '?xml' && name !== '');
    names.forEach((name, i) => {
      if (name === 'fullName' && i > 0) violations.push(`${path}: fullName is not first`);
      const previous = names[i - 1];
      if (i > 0 && previous !== undefined && previous !== 'fullName' && name !== 'fullName' && name < previous)
        violations.push(`${path}: <${name}> comes after <${previous}>`);
    });
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ':@') ?? '';
      const children = node[name];
      if (Array.isArray(children) && name !== '#text') visit(children as OrderedNode[], `${path}/${name}`);
    }
  };
  visit(orderedParser.parse(xml) as OrderedNode[], '');
  return violations;
}

function suffixOf(file: string): string {
  return Object.keys(rootElements).find((suffix) => file.endsWith(suffix)) ?? '';
}

/** The root element of a metadata file, with the checks every file shares. */
function rootOf(xml: string, suffix: string): { root: Xml; violations: string[] } {
  const violations: string[] = [];
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) violations.push('missing XML declaration');
  const doc = parseXml(xml);
  const expected = rootElements[suffix];
  const roots = Object.keys(doc).filter((key) => key !== '?xml');
  if (!expected || roots.length !== 1 || roots[0] !== expected) {
    violations.push(`root element is ${roots.join(',')}, expected ${expected}`);
    return { root: {}, violations };
  }
  const root = doc[expected] as Xml;
  if (root['@_xmlns'] !== metadataNamespace) violations.push(`namespace is ${String(root['@_xmlns'])}`);
  return { root, violations };
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const isInt = (value: unknown): boolean => /^\d+$/.test(str(value) ?? '');
const isBool = (value: unknown): boolean => value === 'true' || value === 'false';

/** Rules per field type, as the Metadata API enforces them on deploy. */
function fieldViolations(xml: string, fileName: string): string[] {
  const { root: field, violations } = rootOf(xml, '.field-meta.xml');
  const need = (element: string, ok: (value: unknown) => boolean = (v) => str(v) !== undefined) => {
    if (!ok(field[element])) violations.push(`${element} missing or invalid: ${JSON.stringify(field[element])}`);
  };
  const fullName = str(field.fullName);
  if (`${fullName}.field-meta.xml` !== fileName) violations.push(`fullName ${fullName} does not match ${fileName}`);
  if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(fullName ?? '')) violations.push(`bad API name ${fullName}`);
  need('label', (v) => (str(v)?.length ?? 0) > 0 && (str(v)?.length ?? 0) <= 40);
  for (const flag of ['required', 'externalId', 'unique', 'caseSensitive']) {
    if (flag in field) need(flag, isBool);
  }
  const type = str(field.type);
  switch (type) {
    case 'Text':
      need('length', (v) => isInt(v) && Number(v) >= 1 && Number(v) <= 255);
      break;
    case 'LongTextArea':
      need('length', (v) => isInt(v) && Number(v) >= 256 && Number(v) <= 131072);
      need('visibleLines', (v) => isInt(v) && Number(v) >= 2 && Number(v) <= 50);
      if (field.required === 'true') violations.push('a long text area cannot be required');
      break;
    case 'Picklist': {
      const valueSet = field.valueSet as Xml | undefined;
      const definition = valueSet?.valueSetDefinition as Xml | undefined;
      const values = (definition?.value as Xml[] | undefined) ?? [];
      if (!valueSet) violations.push('valueSet missing');
      else if (valueSet.restricted !== 'true') violations.push('picklist is not restricted');
      if (values.length === 0) violations.push('picklist has no values');
      for (const value of values) {
        if (!str(value.fullName) || !str(value.label) || !isBool(value.default)) {
          violations.push(`picklist value incomplete: ${JSON.stringify(value)}`);
        }
      }
      if (values.filter((value) => value.default === 'true').length > 1) violations.push('several default values');
      break;
    }
    case 'Checkbox':
      need('defaultValue', isBool);
      if ('required' in field) violations.push('a checkbox cannot carry required');
      break;
    case 'MasterDetail':
      need('referenceTo');
      need('relationshipName', (v) => /^[A-Za-z][A-Za-z0-9_]*$/.test(str(v) ?? '') && !str(v)?.endsWith('__r'));
      need('relationshipOrder', (v) => v === '0' || v === '1');
      need('relationshipLabel');
      if ('required' in field) violations.push('a master-detail field cannot carry required');
      break;
    case 'Number':
      need('precision', (v) => isInt(v) && Number(v) >= 1 && Number(v) <= 18);
      need('scale', (v) => isInt(v) && Number(v) <= Number(field.precision));
      break;
    case 'DateTime':
    case 'Date':
      break;
    default:
      violations.push(`unexpected type ${type}`);
  }
  if (field.externalId === 'true' && !['Text', 'Number', 'Email'].includes(type ?? '')) {
    violations.push(`type ${type} cannot be an External ID`);
  }
  return violations;
}

function objectViolations(xml: string, objectName: string, hasMasterDetail: boolean): string[] {
  const { root: object, violations } = rootOf(xml, '.object-meta.xml');
  const nameField = object.nameField as Xml | undefined;
  if (!str(object.label) || !str(object.pluralLabel)) violations.push('label or pluralLabel missing');
  if (object.deploymentStatus !== 'Deployed') violations.push('not deployed');
  if (!nameField || !str(nameField.label)) violations.push('nameField missing');
  if (nameField?.type === 'AutoNumber' && !/\{0+\}/.test(str(nameField.displayFormat) ?? '')) {
    violations.push('auto-number name without a {000} display format');
  }
  if (hasMasterDetail && object.sharingModel !== 'ControlledByParent') {
    violations.push(`${objectName} is a master-detail child, sharingModel is ${String(object.sharingModel)}`);
  }
  const apiFlags = [object.enableBulkApi, object.enableSharing, object.enableStreamingApi];
  if (new Set(apiFlags).size !== 1) violations.push('enableBulkApi, enableSharing and enableStreamingApi differ');
  return violations;
}

interface PackageField {
  object: string;
  name: string;
  xml: Xml;
}

function permissionSetViolations(xml: string, fileName: string, fields: PackageField[]): string[] {
  const { root: permissionSet, violations } = rootOf(xml, '.permissionset-meta.xml');
  if (!str(permissionSet.label)) violations.push('label missing');
  if (`${fileName.split('.')[0]}.permissionset-meta.xml` !== fileName) violations.push('bad file name');
  const unlisted = new Map(fields.map((f) => [`${f.object}.${f.name}`, f]));
  for (const permission of (permissionSet.fieldPermissions as Xml[] | undefined) ?? []) {
    const name = str(permission.field) ?? '';
    const field = fields.find((f) => `${f.object}.${f.name}` === name);
    if (!field) violations.push(`${name} is not a field of the package`);
    else if (field.xml.required === 'true') violations.push(`${name} is required and cannot be listed`);
    else if (field.xml.type === 'MasterDetail') violations.push(`${name} is master-detail and cannot be listed`);
    if (permission.editable === 'true' && permission.readable !== 'true')
      violations.push(`${name} editable, unreadable`);
    unlisted.delete(name);
  }
  for (const [name, field] of unlisted) {
    if (field.xml.required !== 'true' && field.xml.type !== 'MasterDetail') violations.push(`${name} is not listed`);
  }
  for (const permission of (permissionSet.objectPermissions as Xml[] | undefined) ?? []) {
    const writes = [permission.allowCreate, permission.allowEdit, permission.allowDelete].includes('true');
    if (writes && permission.allowRead !== 'true') violations.push(`${String(permission.object)} writes without read`);
  }
  return violations;
}

function readPackageFields(): PackageField[] {
  return xmlFiles
    .filter((file) => file.endsWith('.field-meta.xml'))
    .map((file) => ({
      object: basename(join(file, '../..')),
      name: basename(file, '.field-meta.xml'),
      xml: rootOf(readFileSync(file, 'utf8'), '.field-meta.xml').root,
    }));
}

const packageFields = readPackageFields();
const fieldXml = (object: string, name: string): Xml | undefined =>
  packageFields.find((f) => f.object === object && f.name === name)?.xml;

describe('salesforce/ package files', () => {
  it('has the project file with API version 62.0 and the source directory', () => {
    const project = JSON.parse(readFileSync(join(packageDir, 'sfdx-project.json'), 'utf8'));
    expect(project.sourceApiVersion).toBe('62.0');
    expect(project.packageDirectories).toEqual([{ path: 'force-app', default: true }]);
  });

  it('holds only metadata files Precall knows', () => {
    const names = xmlFiles.map((file) => relative(sourceDir, file)).sort();
    expect(names.filter((name) => !suffixOf(name))).toEqual([]);
    expect(names).toContain('objects/Call_Plan__c/Call_Plan__c.object-meta.xml');
    expect(names).toContain('objects/Call_Plan_Objection__c/Call_Plan_Objection__c.object-meta.xml');
    expect(names).toContain('permissionsets/Precall_User.permissionset-meta.xml');
    expect(names).toContain('permissionsets/Precall_Manager.permissionset-meta.xml');
  });

  it.each(xmlFiles.map((file) => [relative(sourceDir, file), file]))('%s is well-formed metadata', (_name, file) => {
    const { violations } = rootOf(readFileSync(file, 'utf8'), suffixOf(file));
    expect(violations).toEqual([]);
  });

  it.each(xmlFiles.map((file) => [relative(sourceDir, file), file]))(
    '%s has its elements in the order a retrieve writes',
    (_name, file) => {
      expect(elementOrderViolations(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it.each(xmlFiles.filter((file) => file.endsWith('.field-meta.xml')).map((file) => [relative(sourceDir, file), file]))(
    '%s follows the rules of its field type',
    (_name, file) => {
      expect(fieldViolations(readFileSync(file, 'utf8'), basename(file))).toEqual([]);
    },
  );

  it.each([
    ['Call_Plan__c', 'CP-{00000}'],
    ['Call_Plan_Objection__c', 'OBJ-{00000}'],
  ])('%s is a master-detail child with an auto-number name %s', (object, displayFormat) => {
    const xml = readFileSync(join(sourceDir, 'objects', object, `${object}.object-meta.xml`), 'utf8');
    const hasMasterDetail = packageFields.some((f) => f.object === object && f.xml.type === 'MasterDetail');
    expect(hasMasterDetail).toBe(true);
    expect(objectViolations(xml, object, hasMasterDetail)).toEqual([]);
    const { root } = rootOf(xml, '.object-meta.xml');
    expect(root.nameField).toMatchObject({ type: 'AutoNumber', displayFormat });
    expect(root.sharingModel).toBe('ControlledByParent');
  });
});

type DesignField =
  | { type: 'Text'; length: number; required?: boolean; externalId?: boolean }
  | { type: 'LongTextArea'; length: number }
  | { type: 'Picklist'; values: string[] }
  | { type: 'DateTime' | 'Date'; required?: boolean }
  | { type: 'Checkbox' }
  | { type: 'Number'; precision: number; scale: number }
  | { type: 'MasterDetail'; referenceTo: string; relationshipName: string };

const qualification = ['Confirmed', 'Unknown', 'At risk'];

/** design.md, "Salesforce objects": the source of truth the XML must match. */
const design: Record<string, Record<string, DesignField>> = {
  Call_Plan__c: {
    Plan_Key__c: { type: 'Text', length: 36, required: true, externalId: true },
    Opportunity__c: { type: 'MasterDetail', referenceTo: 'Opportunity', relationshipName: 'Call_Plans' },
    Call_At__c: { type: 'DateTime', required: true },
    Call_Type__c: { type: 'Picklist', values: ['Call', 'Meeting', 'Demo', 'Other'] },
    Goal__c: { type: 'Text', length: 255, required: true },
    Buyer_Reason__c: { type: 'Text', length: 255 },
    Best_Next_Step__c: { type: 'Text', length: 255, required: true },
    Minimum_Next_Step__c: { type: 'Text', length: 255 },
    Questions__c: { type: 'LongTextArea', length: 32768 },
    Need__c: { type: 'Picklist', values: qualification },
    Budget__c: { type: 'Picklist', values: qualification },
    Decision_Process__c: { type: 'Picklist', values: qualification },
    Timing__c: { type: 'Picklist', values: qualification },
    Walk_Away__c: { type: 'Text', length: 255 },
    Outcome__c: { type: 'Picklist', values: ['Order', 'Advance', 'Continuation', 'No-sale'] },
    Commitment__c: { type: 'Picklist', values: ['Best', 'Between', 'Minimum', 'Below'] },
    Actual_Next_Step__c: { type: 'Text', length: 255 },
    Next_Step_Due__c: { type: 'Date' },
    Decision__c: { type: 'Picklist', values: ['Pursue', 'Disqualify', 'Postpone', 'Revisit'] },
    Outcome_Notes__c: { type: 'LongTextArea', length: 32768 },
    Outcome_At__c: { type: 'DateTime' },
    // Beyond design.md: CreatedDate cannot tell a plan written offline before its call from one
    // written after it; this field carries the rep's own moment of writing.
    Written_At__c: { type: 'DateTime' },
    Coach_Note__c: { type: 'LongTextArea', length: 32768 },
  },
  Call_Plan_Objection__c: {
    Objection_Key__c: { type: 'Text', length: 36, required: true, externalId: true },
    Call_Plan__c: { type: 'MasterDetail', referenceTo: 'Call_Plan__c', relationshipName: 'Objections' },
    Objection__c: { type: 'Text', length: 255, required: true },
    Response__c: { type: 'LongTextArea', length: 32768 },
    Expected__c: { type: 'Checkbox' },
    Raised__c: { type: 'Checkbox' },
    Handled__c: { type: 'Picklist', values: ['Yes', 'Partly', 'No'] },
    Sort_Order__c: { type: 'Number', precision: 4, scale: 0 },
  },
};

const designRows = Object.entries(design).flatMap(([object, fields]) =>
  Object.entries(fields).map(([name, spec]) => [object, name, spec] as const),
);

function picklistValues(xml: Xml): string[] {
  const definition = (xml.valueSet as Xml | undefined)?.valueSetDefinition as Xml | undefined;
  return ((definition?.value as Xml[] | undefined) ?? []).map((value) => String(value.fullName));
}

describe('the package matches design.md', () => {
  it.each(Object.keys(design))('%s has exactly the fields of design.md', (object) => {
    const inPackage = packageFields.filter((f) => f.object === object).map((f) => f.name);
    expect(inPackage.sort()).toEqual(Object.keys(design[object] ?? {}).sort());
  });

  it.each(designRows)('%s.%s is %o', (object, name, spec) => {
    const xml = fieldXml(object, name);
    expect(xml, `${object}.${name} missing`).toBeDefined();
    if (!xml) return;
    expect(xml.type).toBe(spec.type);
    switch (spec.type) {
      case 'Text':
        expect(xml.length).toBe(String(spec.length));
        expect(xml.required).toBe(spec.required ? 'true' : 'false');
        if (spec.externalId) expect(xml).toMatchObject({ externalId: 'true', unique: 'true', caseSensitive: 'false' });
        else expect(xml.externalId ?? 'false').toBe('false');
        break;
      case 'LongTextArea':
        expect(xml.length).toBe(String(spec.length));
        break;
      case 'Picklist':
        expect(picklistValues(xml)).toEqual(spec.values);
        expect(xml.required ?? 'false').toBe('false');
        break;
      case 'DateTime':
      case 'Date':
        expect(xml.required ?? 'false').toBe(spec.required ? 'true' : 'false');
        break;
      case 'Checkbox':
        expect(xml.defaultValue).toBe('false');
        break;
      case 'Number':
        expect([xml.precision, xml.scale]).toEqual([String(spec.precision), String(spec.scale)]);
        break;
      case 'MasterDetail':
        expect([xml.referenceTo, xml.relationshipName]).toEqual([spec.referenceTo, spec.relationshipName]);
        break;
    }
  });
});

function permissionSet(name: string): { root: Xml; xml: string } {
  const xml = readFileSync(join(sourceDir, 'permissionsets', `${name}.permissionset-meta.xml`), 'utf8');
  return { root: rootOf(xml, '.permissionset-meta.xml').root, xml };
}

function editableFields(root: Xml): string[] {
  return ((root.fieldPermissions as Xml[] | undefined) ?? [])
    .filter((permission) => permission.editable === 'true')
    .map((permission) => String(permission.field))
    .sort();
}

function objectAccess(root: Xml, object: string): Xml | undefined {
  return ((root.objectPermissions as Xml[] | undefined) ?? []).find((permission) => permission.object === object);
}

/** A field of the call plan objects (the playbook's are held by playbook-package.test.ts). */
const isPlanField = (name: string) => (name.split('.')[0] ?? '') in design;

describe('permission sets', () => {
  // The call plan objects; the playbook's have their own rights (below).
  const listable = packageFields.filter(
    (f) => f.object in design && f.xml.required !== 'true' && f.xml.type !== 'MasterDetail',
  );

  it.each(['Precall_User', 'Precall_Manager'])('%s lists every optional field and no required one', (name) => {
    const { xml } = permissionSet(name);
    expect(permissionSetViolations(xml, `${name}.permissionset-meta.xml`, packageFields)).toEqual([]);
  });

  it('Precall_User edits every optional field except the coaching note', () => {
    const { root } = permissionSet('Precall_User');
    const expected = listable
      .map((f) => `${f.object}.${f.name}`)
      .filter((name) => name !== 'Call_Plan__c.Coach_Note__c')
      .sort();
    expect(editableFields(root).filter(isPlanField)).toEqual(expected);
    for (const object of Object.keys(design)) {
      expect(objectAccess(root, object)).toMatchObject({
        allowCreate: 'true',
        allowRead: 'true',
        allowEdit: 'true',
        allowDelete: 'true',
        viewAllRecords: 'false',
        modifyAllRecords: 'false',
      });
    }
  });

  it('Precall_Manager reads everything and edits only the coaching note', () => {
    const { root } = permissionSet('Precall_Manager');
    expect(editableFields(root).filter(isPlanField)).toEqual(['Call_Plan__c.Coach_Note__c']);
    expect(objectAccess(root, 'Call_Plan__c')).toMatchObject({
      allowCreate: 'false',
      allowRead: 'true',
      allowEdit: 'true',
      allowDelete: 'false',
      viewAllRecords: 'false',
    });
    expect(objectAccess(root, 'Call_Plan_Objection__c')).toMatchObject({
      allowCreate: 'false',
      allowRead: 'true',
      allowEdit: 'false',
      allowDelete: 'false',
      viewAllRecords: 'false',
    });
  });
});

const fieldFile = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="${metadataNamespace}">\n<fullName>Goal__c</fullName><label>Goal</label>${body}</CustomField>\n`;

describe('the rule checks catch broken metadata', () => {
  it.each([
    ['a text field without length', fieldFile('<type>Text</type>'), 'length missing'],
    ['a text field over 255', fieldFile('<type>Text</type><length>256</length>'), 'length missing or invalid'],
    [
      'a long text area over 131072',
      fieldFile('<type>LongTextArea</type><length>131073</length><visibleLines>3</visibleLines>'),
      'length missing or invalid',
    ],
    [
      'a long text area without visibleLines',
      fieldFile('<type>LongTextArea</type><length>32768</length>'),
      'visibleLines missing',
    ],
    ['a picklist without a valueSet', fieldFile('<type>Picklist</type>'), 'valueSet missing'],
    [
      'an unrestricted picklist',
      fieldFile(
        '<type>Picklist</type><valueSet><valueSetDefinition><value><fullName>A</fullName><default>false</default><label>A</label></value></valueSetDefinition></valueSet>',
      ),
      'not restricted',
    ],
    ['a checkbox without default', fieldFile('<type>Checkbox</type>'), 'defaultValue missing'],
    [
      'a master-detail without relationshipOrder',
      fieldFile(
        '<type>MasterDetail</type><referenceTo>Opportunity</referenceTo><relationshipName>Call_Plans</relationshipName><relationshipLabel>Call Plans</relationshipLabel>',
      ),
      'relationshipOrder missing',
    ],
    [
      'a master-detail with a __r relationship name',
      fieldFile(
        '<type>MasterDetail</type><referenceTo>Opportunity</referenceTo><relationshipName>Call_Plans__r</relationshipName><relationshipLabel>x</relationshipLabel><relationshipOrder>0</relationshipOrder>',
      ),
      'relationshipName missing or invalid',
    ],
    ['a number without scale', fieldFile('<type>Number</type><precision>4</precision>'), 'scale missing'],
    ['a file named differently', fieldFile('<type>DateTime</type>').replace('Goal__c', 'Goals__c'), 'does not match'],
    [
      'a wrong namespace',
      fieldFile('<type>Date</type>').replace(metadataNamespace, 'urn:other'),
      'namespace is urn:other',
    ],
    [
      'a wrong root element',
      fieldFile('<type>Date</type>').replaceAll('CustomField', 'CustomThing'),
      'root element is CustomThing',
    ],
  ])('%s', (_case, xml, expected) => {
    expect(fieldViolations(xml, 'Goal__c.field-meta.xml').join('\n')).toContain(expected);
  });

  it.each([
    [
      'type before label',
      fieldFile('<type>Date</type>').replace(
        '<label>Goal</label><type>Date</type>',
        '<type>Date</type><label>Goal</label>',
      ),
      '/CustomField: <label> comes after <type>',
    ],
    [
      'fullName not first',
      fieldFile('<type>Date</type>').replace(
        '<fullName>Goal__c</fullName><label>Goal</label>',
        '<label>Goal</label><fullName>Goal__c</fullName>',
      ),
      '/CustomField: fullName is not first',
    ],
    [
      'a picklist value with label before default',
      fieldFile(
        '<type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted><value><fullName>A</fullName><label>A</label><default>false</default></value></valueSetDefinition></valueSet>',
      ),
      '/CustomField/valueSet/valueSetDefinition/value: <default> comes after <label>',
    ],
  ])('element order: %s is caught', (_case, xml, expected) => {
    expect(elementOrderViolations(xml)).toEqual([expected]);
  });

  it('a file that is not well-formed throws', () => {
    expect(() => fieldViolations(fieldFile('<type>Text</length>'), 'Goal__c.field-meta.xml')).toThrow(
      'not well-formed',
    );
  });

  it('a master-detail child with owner sharing is refused', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="${metadataNamespace}"><label>X</label><pluralLabel>Xs</pluralLabel><deploymentStatus>Deployed</deploymentStatus><nameField><label>N</label><type>Text</type></nameField><sharingModel>ReadWrite</sharingModel></CustomObject>`;
    expect(objectViolations(xml, 'X__c', true).join('\n')).toContain('sharingModel is ReadWrite');
  });

  it('a permission set listing a required or master-detail field is refused', () => {
    const permission = (field: string) =>
      `<fieldPermissions><editable>true</editable><field>${field}</field><readable>true</readable></fieldPermissions>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="${metadataNamespace}"><label>P</label>${permission('Call_Plan__c.Goal__c')}${permission('Call_Plan__c.Opportunity__c')}</PermissionSet>`;
    const violations = permissionSetViolations(xml, 'P.permissionset-meta.xml', packageFields).join('\n');
    expect(violations).toContain('Call_Plan__c.Goal__c is required');
    expect(violations).toContain('Call_Plan__c.Opportunity__c is master-detail');
    expect(violations).toContain('Call_Plan__c.Questions__c is not listed');
  });
});

const orgSchema = loadOrgSchema(packageDir);

function metadataOf(relativePath: string, suffix: string): Xml {
  const { root, violations } = rootOf(readFileSync(join(sourceDir, relativePath), 'utf8'), suffix);
  if (violations.length > 0) throw new Error(violations.join('\n'));
  return root;
}

const reportTypeFiles = xmlFiles.filter((file) => file.endsWith('.reportType-meta.xml'));
const reportFiles = xmlFiles.filter((file) => file.endsWith('.report-meta.xml'));

/** `Call_Plan__c` → the object; `Call_Plan__c.Objections__r` → the child object through the relationship. */
function objectOfTable(table: string): string | undefined {
  const [base, relationship] = table.split('.');
  if (!base || !orgSchema.object(base)) return undefined;
  if (!relationship) return base;
  return orgSchema.object(base)?.childRelationships.find((r) => r.relationshipName === relationship)?.childSObject;
}

/** A report type column: a field of its table, or a field of a parent through a lookup (`Opportunity__c.StageName`). */
function columnExists(table: string, field: string): boolean {
  const object = objectOfTable(table);
  if (!object) return false;
  const [first, second] = field.split('.');
  if (!first) return false;
  const direct = orgSchema.field(object, first) ?? orgSchema.field(object, `${first}Id`);
  if (second === undefined) return direct !== undefined;
  const parent = direct?.referenceTo[0];
  return (
    parent !== undefined && (orgSchema.field(parent, second) ?? orgSchema.field(parent, `${second}Id`)) !== undefined
  );
}

function reportTypeColumns(root: Xml): { field: string; table: string }[] {
  return ((root.sections as Xml[] | undefined) ?? []).flatMap((section) =>
    ((section.columns as Xml[] | undefined) ?? []).map((column) => ({
      field: String(column.field),
      table: String(column.table),
    })),
  );
}

describe('report types', () => {
  it.each(reportTypeFiles.map((file) => [basename(file), file]))('%s names only fields that exist', (name, file) => {
    const root = metadataOf(relative(sourceDir, file), '.reportType-meta.xml');
    expect(root.baseObject).toBe('Call_Plan__c');
    expect(root.deployed).toBe('true');
    const missing = reportTypeColumns(root).filter((column) => !columnExists(column.table, column.field));
    expect(missing, name).toEqual([]);
  });

  it('Call Plans with Objections joins the objections and offers the Opportunity fields', () => {
    const root = metadataOf('reportTypes/Call_Plans_with_Objections.reportType-meta.xml', '.reportType-meta.xml');
    expect(root.label).toBe('Call Plans with Objections');
    // Plans without objections stay in the report.
    expect(root.join).toEqual({ outerJoin: 'true', relationship: 'Objections__r' });
    const columns = reportTypeColumns(root);
    const opportunityFields = columns.filter((c) => c.field.startsWith('Opportunity__c.')).map((c) => c.field);
    expect(opportunityFields).toEqual(
      expect.arrayContaining([
        'Opportunity__c.Name',
        'Opportunity__c.StageName',
        'Opportunity__c.CloseDate',
        'Opportunity__c.Amount',
      ]),
    );
    const objectionFields = columns.filter((c) => c.table === 'Call_Plan__c.Objections__r').map((c) => c.field);
    expect(objectionFields).toEqual(expect.arrayContaining(['Objection__c', 'Expected__c', 'Raised__c', 'Handled__c']));
  });

  it('the column check catches a field that does not exist', () => {
    expect(columnExists('Call_Plan__c', 'Goal__c')).toBe(true);
    expect(columnExists('Call_Plan__c', 'Opportunity__c.StageName')).toBe(true);
    expect(columnExists('Call_Plan__c.Objections__r', 'Raised__c')).toBe(true);
    expect(columnExists('Call_Plan__c', 'Goals__c')).toBe(false);
    expect(columnExists('Call_Plan__c', 'Opportunity__c.Stage')).toBe(false);
    expect(columnExists('Call_Plan__c.Nothing__r', 'Raised__c')).toBe(false);
  });
});

describe('reports and the dashboard', () => {
  const reports = new Map(
    reportFiles.map((file) => [
      `${basename(join(file, '..'))}/${basename(file, '.report-meta.xml')}`,
      metadataOf(relative(sourceDir, file), '.report-meta.xml'),
    ]),
  );

  it('has the plan coverage and advance rate reports in the Precall folder', () => {
    expect([...reports.keys()].sort()).toEqual([
      'Precall_Reports/Advance_Rate_by_Week',
      'Precall_Reports/Plan_Coverage_by_Week',
    ]);
    expect(metadataOf('reports/Precall_Reports.reportFolder-meta.xml', '.reportFolder-meta.xml').name).toBe(
      'Precall Reports',
    );
  });

  it.each([...reports])('%s reads only columns of its report type, by week of the call', (_name, report) => {
    const typeName = String(report.reportType).replace(/__c$/, '');
    const type = metadataOf(`reportTypes/${typeName}.reportType-meta.xml`, '.reportType-meta.xml');
    const offered = new Set(reportTypeColumns(type).map((c) => `${c.table}.${c.field}`));
    const formulas = new Set([String((report.customDetailFormulas as Xml).developerName)]);
    const used = [
      ...((report.columns as Xml[]) ?? []).map((c) => String(c.field)),
      ...((report.groupingsDown as Xml[]) ?? []).map((g) => String(g.field)),
      ...(((report.filter as Xml | undefined)?.criteriaItems as Xml[] | undefined) ?? []).map((c) => String(c.column)),
      String((report.timeFrameFilter as Xml).dateColumn),
    ];
    expect(used.filter((column) => !offered.has(column) && !formulas.has(column))).toEqual([]);
    expect(report.groupingsDown).toEqual([
      { dateGranularity: 'Week', field: 'Call_Plan__c.Call_At__c', sortOrder: 'Asc' },
    ]);
    // The summary is a share of the rows the row formula marks.
    const [aggregate] = (report.aggregates as Xml[]) ?? [];
    expect(aggregate).toMatchObject({
      calculatedFormula: 'CDF1:SUM / RowCount',
      datatype: 'percent',
      developerName: 'FORMULA1',
    });
    const formula = String((report.customDetailFormulas as Xml).calculatedFormula);
    for (const field of formula.match(/Call_Plan__c\.\w+/g) ?? []) expect(offered).toContain(field);
  });

  it('plan coverage marks plans written before their call; advance rate marks orders and advances', () => {
    const formulaOf = (name: string) =>
      String(((reports.get(`Precall_Reports/${name}`) as Xml).customDetailFormulas as Xml).calculatedFormula);
    expect(formulaOf('Plan_Coverage_by_Week')).toBe(
      'IF(BLANKVALUE(Call_Plan__c.Written_At__c, Call_Plan__c.CreatedDate) <= Call_Plan__c.Call_At__c, 1, 0)',
    );
    expect(formulaOf('Advance_Rate_by_Week')).toBe(
      'IF(OR(ISPICKVAL(Call_Plan__c.Outcome__c, "Order"), ISPICKVAL(Call_Plan__c.Outcome__c, "Advance")), 1, 0)',
    );
  });

  it('the dashboard charts each report by its summary formula and week', () => {
    const dashboard = metadataOf(
      'dashboards/Precall_Dashboards/Precall_Coaching.dashboard-meta.xml',
      '.dashboard-meta.xml',
    );
    const components = ((dashboard.dashboardGridLayout as Xml).dashboardGridComponents as Xml[]).map(
      (grid) => grid.dashboardComponent as Xml,
    );
    expect(components.map((c) => c.report)).toEqual([
      'Precall_Reports/Plan_Coverage_by_Week',
      'Precall_Reports/Advance_Rate_by_Week',
    ]);
    for (const component of components) {
      const report = reports.get(String(component.report)) as Xml;
      const aggregates = ((report.aggregates as Xml[]) ?? []).map((a) => a.developerName);
      expect(aggregates).toContain((component.chartSummary as Xml).column);
      expect(component.groupingColumn).toBe(((report.groupingsDown as Xml[])[0] as Xml).field);
    }
    expect(metadataOf('dashboards/Precall_Dashboards.dashboardFolder-meta.xml', '.dashboardFolder-meta.xml').name).toBe(
      'Precall Dashboards',
    );
  });
});

describe('field-level security of the coaching note', () => {
  const permissionOf = (set: string) =>
    ((permissionSet(set).root.fieldPermissions as Xml[]) ?? []).find((p) => p.field === 'Call_Plan__c.Coach_Note__c');

  it('reps read it, managers edit it', () => {
    expect(permissionOf('Precall_User')).toEqual({
      editable: 'false',
      field: 'Call_Plan__c.Coach_Note__c',
      readable: 'true',
    });
    expect(permissionOf('Precall_Manager')).toEqual({
      editable: 'true',
      field: 'Call_Plan__c.Coach_Note__c',
      readable: 'true',
    });
  });
});
