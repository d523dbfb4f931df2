import type { FieldSchema } from './schema/types';

/**
 * Record-level errors in Salesforce's words (salesforce-reference.md §2.1). The shape is the one
 * sObject Collections return per record; a single-record request sends the same error as
 * `{message, errorCode, fields}` (see `toErrorBody`). Wording marked "unverified" in the reference
 * is kept in one place here so it can be corrected once.
 */
export interface SalesforceError {
  statusCode: string;
  message: string;
  fields: string[];
}

const error = (statusCode: string, message: string, fields: string[] = []): SalesforceError => ({
  statusCode,
  message,
  fields,
});

/** The body of a failed single-record request: same error, `errorCode` instead of `statusCode`. */
export function toErrorBody(e: SalesforceError): { message: string; errorCode: string; fields: string[] } {
  return { message: e.message, errorCode: e.statusCode, fields: e.fields };
}

export const requiredFieldsMissing = (fieldNames: string[]) =>
  error('REQUIRED_FIELD_MISSING', `Required fields are missing: [${fieldNames.join(', ')}]`, fieldNames);

export const stringTooLong = (field: FieldSchema, value: string) =>
  error('STRING_TOO_LONG', `${field.label}: data value too large: ${value} (max length=${field.length})`, [field.name]);

export const badRestrictedPicklistValue = (field: FieldSchema, value: string) =>
  error(
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    `${field.label}: bad value for restricted picklist field: ${value}`,
    [field.name],
  );

export const noSuchColumn = (objectName: string, fieldName: string) =>
  error('INVALID_FIELD', `No such column '${fieldName}' on sobject of type ${objectName}`);

/** Writing a field the server sets (CreatedDate, Name as auto-number...) or one not writable now. */
export const fieldsNotWriteable = (fieldNames: string[]) =>
  error(
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${fieldNames.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    fieldNames,
  );

export const idOnInsert = () => error('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);

/** A scalar that does not parse as the field's type ("abc" for a date-time). */
export const valueNotOfRequiredType = (field: FieldSchema, value: unknown) =>
  error('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: value not of required type: ${displayValue(value)}`, [
    field.name,
  ]);

/** A JSON object or array where a scalar belongs; Salesforce's JSON reader words it this way. */
export const jsonTypeMismatch = (field: FieldSchema, value: unknown) =>
  error(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${jsonTypeName(field)} from ${Array.isArray(value) ? 'START_ARRAY' : 'START_OBJECT'} value ${Array.isArray(value) ? '[' : '{'} or request may be missing a required field`,
    [field.name],
  );

export const malformedId = (field: FieldSchema, value: unknown) =>
  error('MALFORMED_ID', `${field.label}: id value of incorrect type: ${displayValue(value)}`, [field.name]);

/** A well-formed id of another object (an account id in Opportunity__c). */
export const idOfWrongObject = (field: FieldSchema, value: string) =>
  error('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${value}`, [field.name]);

export const numberOutsideRange = (field: FieldSchema, value: number) =>
  error('NUMBER_OUTSIDE_VALID_RANGE', `${field.label}: value outside of valid range on numeric field: ${value}`, [
    field.name,
  ]);

/** `Call_Plan__r` and `Call_Plan__c` in one body. */
export const referenceAndId = (relationshipName: string, fieldName: string) =>
  error(
    'INVALID_FIELD',
    `Cannot specify both an external ID reference ${relationshipName} and a salesforce id, ${fieldName}`,
    [fieldName],
  );

export const notAnExternalIdField = (objectName: string, fieldName: string) =>
  error('INVALID_FIELD', `Field name provided, ${fieldName} is not an External ID or indexed field for ${objectName}`);

export const foreignKeyReferenceShape = (objectName: string) =>
  error('INVALID_FIELD', `More than 1 field provided in an external foreign key reference in entity: ${objectName}`);

/** For the server: a relationship reference whose external id matches no parent. */
export const foreignKeyNotFound = (value: string, externalIdField: string, objectName: string) =>
  error(
    'INVALID_FIELD',
    `Foreign key external ID: ${value} not found for field ${externalIdField} in entity ${objectName}`,
  );

/** For the server: a well-formed id that names no live record. */
export const invalidCrossReference = (fieldName: string) =>
  error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [fieldName]);

/** For the server: Salesforce names the other record by its 15-character id. */
export const duplicateValue = (fieldName: string, existingId: string) =>
  error(
    'DUPLICATE_VALUE',
    `duplicate value found: ${fieldName} duplicates value on record with id: ${existingId.slice(0, 15)}`,
  );

export const entityIsDeleted = () => error('ENTITY_IS_DELETED', 'entity is deleted');

export const allOrNoneRolledBack = () =>
  error(
    'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    'Record rolled back because not all records were valid and the request was using AllOrNone header',
  );

function displayValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function jsonTypeName(field: FieldSchema): string {
  switch (field.type) {
    case 'boolean':
      return 'boolean';
    case 'datetime':
      return 'datetime';
    case 'date':
      return 'date';
    case 'double':
    case 'int':
    case 'currency':
    case 'percent':
      return 'double';
    default:
      return 'string';
  }
}
