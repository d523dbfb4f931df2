import type { FieldSchema, ObjectSchema } from './schema/types';

/**
 * DescribeSObjectResult and describeGlobal entries built from the schema, with the members
 * jsforce and our code read (fields[].name/type/length/referenceTo/relationshipName,
 * picklistValues, childRelationships) and the flags tools commonly look at.
 */
export function objectUrls(object: ObjectSchema, version: string): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${object.name}`;
  return {
    compactLayouts: `${base}/describe/compactLayouts`,
    rowTemplate: `${base}/{ID}`,
    defaultValues: `${base}/defaultValues?recordTypeId&fields`,
    describe: `${base}/describe`,
    sobject: base,
    layouts: `${base}/describe/layouts`,
  };
}

export function describeGlobalEntry(object: ObjectSchema, version: string): Record<string, unknown> {
  const writable = object.name !== 'Organization';
  return {
    activateable: false,
    createable: writable,
    custom: object.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: writable && object.name !== 'User',
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: true,
    mergeable: object.name === 'Account',
    mruEnabled: true,
    name: object.name,
    queryable: true,
    replicateable: true,
    retrieveable: true,
    searchable: true,
    triggerable: true,
    undeletable: writable && object.name !== 'User',
    updateable: writable,
    urls: objectUrls(object, version),
  };
}

export function describeObject(object: ObjectSchema, version: string): Record<string, unknown> {
  return {
    ...describeGlobalEntry(object, version),
    childRelationships: object.childRelationships.map((child) => ({
      cascadeDelete: child.cascadeDelete,
      childSObject: child.childSObject,
      deprecatedAndHidden: false,
      field: child.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: child.relationshipName,
      restrictedDelete: false,
    })),
    compactLayoutable: true,
    fields: object.fields.map(describeField),
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [],
    searchLayoutable: true,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [{ label: 'All', name: 'everything' }],
  };
}

/** Salesforce's SOAP type of each field type, which describe reports beside `type`. */
const soapTypes: Record<FieldSchema['type'], string> = {
  id: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  boolean: 'xsd:boolean',
  datetime: 'xsd:dateTime',
  date: 'xsd:date',
  double: 'xsd:double',
  int: 'xsd:int',
  currency: 'xsd:double',
  percent: 'xsd:double',
  reference: 'tns:ID',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
};

function describeField(field: FieldSchema): Record<string, unknown> {
  const text = ['string', 'textarea', 'picklist', 'email', 'phone', 'url', 'id', 'reference'].includes(field.type);
  return {
    aggregatable: field.filterable,
    autoNumber: field.autoNumber !== null,
    byteLength: text ? field.length * 3 : 0,
    calculated: false,
    cascadeDelete: field.cascadeDelete,
    caseSensitive: field.caseSensitive,
    createable: field.createable && !field.system,
    custom: field.name.endsWith('__c'),
    defaultValue: field.type === 'boolean' ? (field.defaultValue ?? false) : null,
    defaultedOnCreate: field.system || field.type === 'boolean' || field.autoNumber !== null,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: field.type === 'int' ? field.precision : 0,
    externalId: field.externalId,
    filterable: field.filterable,
    groupable: field.filterable && field.type !== 'double' && field.type !== 'currency' && field.type !== 'percent',
    idLookup: field.name === 'Id' || field.externalId || field.unique,
    label: field.label,
    length: text ? field.length : 0,
    name: field.name,
    nameField: field.name === 'Name',
    nillable: field.nillable,
    picklistValues: field.picklistValues,
    precision: ['double', 'currency', 'percent'].includes(field.type) ? field.precision : 0,
    referenceTo: field.referenceTo,
    relationshipName: field.relationshipName,
    relationshipOrder: field.cascadeDelete ? 0 : null,
    restrictedPicklist: field.restrictedPicklist,
    scale: field.scale,
    soapType: soapTypes[field.type],
    sortable: field.filterable,
    type: field.type,
    unique: field.unique,
    updateable: field.updateable && !field.system,
    writeRequiresMasterRead: false,
  };
}
