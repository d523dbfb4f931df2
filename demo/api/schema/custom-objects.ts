import { auditFields, field, idField, isDeletedField } from './field-builders';
import { type CustomFieldMetadata, type CustomObjectMetadata, readCustomObjects } from './metadata-xml';
import type { FieldSchema, ObjectSchema } from './types';

/**
 * Custom objects as describe reports them, read from the deployable XML in salesforce/, so the
 * demo org enforces exactly the limits, picklists and required fields an admin deploys.
 */

/** Org-specific in real Salesforce; fixed here so demo ids are stable across restarts. */
export const customKeyPrefixes: Record<string, string> = {
  Call_Plan__c: 'a0P',
  Call_Plan_Objection__c: 'a0Q',
  Playbook__c: 'a0R',
  Playbook_Stage__c: 'a0S',
  Playbook_Objection__c: 'a0T',
};

export function loadCustomObjects(objectsDir: string): ObjectSchema[] {
  return readCustomObjects(objectsDir).map(customObjectSchema);
}

export function customObjectSchema(metadata: CustomObjectMetadata): ObjectSchema {
  const keyPrefix = customKeyPrefixes[metadata.name];
  if (!keyPrefix) throw new Error(`No key prefix for ${metadata.name}: add one to customKeyPrefixes`);
  return {
    name: metadata.name,
    label: metadata.label,
    labelPlural: metadata.pluralLabel,
    keyPrefix,
    custom: true,
    fields: [
      idField(metadata.label),
      isDeletedField(),
      nameField(metadata),
      ...auditFields(),
      ...metadata.fields.map((f) => customFieldSchema(f, metadata.name)),
    ],
    childRelationships: [],
    sharingModel: sharingModelOf(metadata),
  };
}

function sharingModelOf(metadata: CustomObjectMetadata): ObjectSchema['sharingModel'] {
  const model = metadata.sharingModel;
  if (model === 'ReadWrite' || model === 'Read' || model === 'Private' || model === 'ControlledByParent') return model;
  throw new Error(`${metadata.name}: unsupported sharingModel ${model}`);
}

function nameField(metadata: CustomObjectMetadata): FieldSchema {
  const { nameField: name } = metadata;
  if (name.type === 'AutoNumber') {
    return field({
      name: 'Name',
      label: name.label,
      type: 'string',
      length: 30,
      nillable: false,
      createable: false,
      updateable: false,
      system: true,
      autoNumber: name.displayFormat ?? '{0}',
    });
  }
  return field({ name: 'Name', label: name.label, type: 'string', length: 80, nillable: false, required: true });
}

const isTrue = (value: string | undefined) => value === 'true';

export function customFieldSchema(xml: CustomFieldMetadata, objectName: string): FieldSchema {
  const base = { name: xml.fullName, label: xml.label };
  const required = isTrue(xml.required);
  switch (xml.type) {
    case 'Text':
      return field({
        ...base,
        type: 'string',
        length: Number(xml.length),
        nillable: !required,
        required,
        externalId: isTrue(xml.externalId),
        unique: isTrue(xml.unique),
        caseSensitive: isTrue(xml.caseSensitive),
      });
    case 'LongTextArea':
      // Salesforce refuses long text areas in WHERE clauses.
      return field({ ...base, type: 'textarea', length: Number(xml.length), filterable: false });
    case 'Picklist': {
      const values = xml.valueSet?.valueSetDefinition?.value ?? [];
      return field({
        ...base,
        type: 'picklist',
        length: 255,
        nillable: !required,
        required,
        picklistValues: values.map((value) => ({
          value: value.fullName,
          label: value.label ?? value.fullName,
          active: true,
          defaultValue: isTrue(value.default),
        })),
        restrictedPicklist: isTrue(xml.valueSet?.restricted),
      });
    }
    case 'Checkbox':
      // A checkbox is never null: it is created with its default and nulling it stores false.
      return field({ ...base, type: 'boolean', nillable: false, defaultValue: isTrue(xml.defaultValue) });
    case 'DateTime':
      return field({ ...base, type: 'datetime', nillable: !required, required });
    case 'Date':
      return field({ ...base, type: 'date', nillable: !required, required });
    case 'Number':
      return field({
        ...base,
        type: 'double',
        precision: Number(xml.precision),
        scale: Number(xml.scale),
        nillable: !required,
        required,
        externalId: isTrue(xml.externalId),
        unique: isTrue(xml.unique),
      });
    case 'MasterDetail':
    case 'Lookup':
      return relationshipField(xml, objectName);
    default:
      throw new Error(`${objectName}.${xml.fullName}: field type ${xml.type} is not supported by the demo org`);
  }
}

function relationshipField(xml: CustomFieldMetadata, objectName: string): FieldSchema {
  if (!xml.referenceTo || !xml.relationshipName) {
    throw new Error(`${objectName}.${xml.fullName}: a relationship needs referenceTo and relationshipName`);
  }
  const masterDetail = xml.type === 'MasterDetail';
  const required = masterDetail || isTrue(xml.required);
  return field({
    name: xml.fullName,
    label: xml.label,
    type: 'reference',
    length: 18,
    nillable: !required,
    required,
    // A detail record cannot move to another master unless the admin allowed reparenting.
    updateable: !masterDetail || isTrue(xml.reparentableMasterDetail),
    referenceTo: [xml.referenceTo],
    relationshipName: xml.fullName.replace(/__c$/, '__r'),
    childRelationshipName: `${xml.relationshipName}__r`,
    cascadeDelete: masterDetail || xml.deleteConstraint === 'Cascade',
  });
}
