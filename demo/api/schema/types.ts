/**
 * The demo org's schema, shared by validation, describe and the SOQL engine. Custom objects are
 * read from the XML in salesforce/ (one source of truth); standard objects are declared in code.
 * Names keep describe casing; look-ups are case-insensitive, as in Salesforce.
 */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'boolean'
  | 'datetime'
  | 'date'
  | 'double'
  | 'int'
  | 'currency'
  | 'percent'
  | 'reference'
  | 'email'
  | 'phone'
  | 'url';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldSchema {
  name: string;
  label: string;
  type: FieldType;
  /** Character limit for text types, 0 otherwise. */
  length: number;
  precision: number;
  scale: number;
  nillable: boolean;
  /** Must be given on create (required in metadata, no default, not system-set). */
  required: boolean;
  createable: boolean;
  updateable: boolean;
  externalId: boolean;
  unique: boolean;
  caseSensitive: boolean;
  /** Long text: not filterable in WHERE, as in Salesforce. */
  filterable: boolean;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  defaultValue: string | boolean | number | null;
  referenceTo: string[];
  /** For lookups and master-detail: `Opportunity__r` style name used in SOQL and bodies. */
  relationshipName: string | null;
  /**
   * For lookups and master-detail: the parent's name for the children pointing through this field
   * (`Call_Plans__r` on Opportunity); null or absent when the parent has no named relationship.
   */
  childRelationshipName?: string | null;
  /** Master-detail: deleting the parent deletes this child. */
  cascadeDelete: boolean;
  /** Set by the server (Id, CreatedDate, SystemModstamp, auto-number Name...). */
  system: boolean;
  autoNumber: string | null;
}

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string;
  cascadeDelete: boolean;
}

export interface ObjectSchema {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  fields: FieldSchema[];
  childRelationships: ChildRelationship[];
  /** Sharing: `ControlledByParent` for master-detail children, else owner-based. */
  sharingModel: 'ReadWrite' | 'Read' | 'Private' | 'ControlledByParent';
}

export interface OrgSchema {
  objects: ObjectSchema[];
  /** Case-insensitive object look-up. */
  object(name: string): ObjectSchema | undefined;
  /** Case-insensitive field look-up. */
  field(objectName: string, fieldName: string): FieldSchema | undefined;
}
