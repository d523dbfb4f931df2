import { positionOf } from './source-position.ts';

export type SoqlErrorCode =
  | 'MALFORMED_QUERY'
  | 'INVALID_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_QUERY_FILTER_OPERATOR'
  | 'NUMBER_OUTSIDE_VALID_RANGE';

/** A query Salesforce would refuse with HTTP 400; `toBody()` is the JSON array it answers with. */
export class SoqlError extends Error {
  readonly statusCode = 400;

  constructor(
    readonly errorCode: SoqlErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SoqlError';
  }

  toBody(): [{ message: string; errorCode: SoqlErrorCode }] {
    return [{ message: this.message, errorCode: this.errorCode }];
  }
}

/**
 * Salesforce prefixes query errors with the offending line, a caret under the token and its
 * 1-based row and column, so a client can point at the mistake.
 */
export function errorAt(soql: string, offset: number, errorCode: SoqlErrorCode, text: string): SoqlError {
  const { row, column, line } = positionOf(soql, Math.max(0, offset));
  const caret = `${' '.repeat(column - 1)}^`;
  return new SoqlError(errorCode, `\n${line}\n${caret}\nERROR at Row:${row}:Column:${column}\n${text}`);
}

const wsdlHint = 'Please reference your WSDL or the describe call for the appropriate names.';

export const messages = {
  unknownObject: (name: string) =>
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. ${wsdlHint}`,
  unknownField: (field: string, entity: string) =>
    `No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. ${wsdlHint}`,
  unknownParentRelationship: (name: string) =>
    `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${wsdlHint}`,
  unknownChildRelationship: (name: string) =>
    `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${wsdlHint}`,
  notFilterable: (field: string) => `field '${field}' can not be filtered in a query call`,
  notSortable: (field: string) => `field '${field}' can not be sorted in a query call`,
  unexpectedToken: (token: string) => `unexpected token: ${token}`,
  invalidId: (value: string) => `invalid ID field: ${value}`,
  // Salesforce names the expected type and whether the literal should have been quoted.
  wrongLiteralType: (field: string, type: string, quoted: boolean) =>
    `value of filter criterion for field '${field}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
  offsetTooLarge: (objectName: string) => `Maximum SOQL offset allowed for apiName ${objectName} is 2000`,
} as const;
