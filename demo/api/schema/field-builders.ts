import type { FieldSchema, PicklistValue } from './types';

/**
 * Builders for describe-style fields, so each object lists only what differs from Salesforce's
 * defaults for a plain, optional, writable field.
 */
export function field(spec: Pick<FieldSchema, 'name' | 'label' | 'type'> & Partial<FieldSchema>): FieldSchema {
  const { name, label, type, ...rest } = spec;
  return {
    name,
    label,
    type,
    length: 0,
    precision: 0,
    scale: 0,
    nillable: true,
    required: false,
    createable: true,
    updateable: true,
    externalId: false,
    unique: false,
    caseSensitive: false,
    filterable: true,
    picklistValues: [],
    restrictedPicklist: false,
    defaultValue: null,
    referenceTo: [],
    relationshipName: null,
    childRelationshipName: null,
    cascadeDelete: false,
    system: false,
    autoNumber: null,
    ...rest,
  };
}

/** Read-only fields Salesforce computes (IsClosed, User.Name...): never writable, never required. */
export function computed(spec: Pick<FieldSchema, 'name' | 'label' | 'type'> & Partial<FieldSchema>): FieldSchema {
  return field({ createable: false, updateable: false, ...spec });
}

export function picklistValues(values: readonly string[], defaultValue?: string): PicklistValue[] {
  return values.map((value) => ({ value, label: value, active: true, defaultValue: value === defaultValue }));
}

/** A lookup to one or more objects; `Owner`-style relationship names come without `__r`. */
export function reference(
  name: string,
  label: string,
  referenceTo: string[],
  relationshipName: string,
  extra: Partial<FieldSchema> = {},
): FieldSchema {
  return field({ name, label, type: 'reference', length: 18, referenceTo, relationshipName, ...extra });
}

export function idField(objectLabel: string): FieldSchema {
  return field({
    name: 'Id',
    label: `${objectLabel} ID`,
    type: 'id',
    length: 18,
    nillable: false,
    createable: false,
    updateable: false,
    system: true,
  });
}

const systemField = (spec: Pick<FieldSchema, 'name' | 'label' | 'type'> & Partial<FieldSchema>) =>
  field({ nillable: false, createable: false, updateable: false, system: true, ...spec });

/** Objects that go to the recycle bin carry IsDeleted; queryAll shows their deleted rows. */
export function isDeletedField(): FieldSchema {
  return systemField({ name: 'IsDeleted', label: 'Deleted', type: 'boolean', defaultValue: false });
}

/** Who created and last changed a record, and when; SystemModstamp is what replication reads. */
export function auditFields(): FieldSchema[] {
  return [
    systemField({ name: 'CreatedDate', label: 'Created Date', type: 'datetime' }),
    systemField({
      name: 'CreatedById',
      label: 'Created By ID',
      type: 'reference',
      length: 18,
      referenceTo: ['User'],
      relationshipName: 'CreatedBy',
    }),
    systemField({ name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime' }),
    systemField({
      name: 'LastModifiedById',
      label: 'Last Modified By ID',
      type: 'reference',
      length: 18,
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
    }),
    systemField({ name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime' }),
  ];
}
