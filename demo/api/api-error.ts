/**
 * A request-level failure: the HTTP status and the JSON array Salesforce answers with
 * (`[{"message","errorCode","fields"}]`). Handlers throw it; the pipeline writes it.
 */
export interface RequestErrorBody {
  message: string;
  errorCode: string;
  fields?: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: RequestErrorBody[],
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  static of(status: number, errorCode: string, message: string, fields?: string[]): ApiError {
    return new ApiError(status, [fields === undefined ? { message, errorCode } : { message, errorCode, fields }]);
  }
}

export const notFound = () => ApiError.of(404, 'NOT_FOUND', 'The requested resource does not exist');

export const invalidSession = () => ApiError.of(401, 'INVALID_SESSION_ID', 'Session expired or invalid');

export const requestLimitExceeded = () => ApiError.of(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');

export const methodNotAllowed = (method: string, allowed: string[]) =>
  ApiError.of(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`);

export const entityIsDeleted = () => ApiError.of(404, 'ENTITY_IS_DELETED', 'entity is deleted', []);

export const exceededIdLimit = () =>
  ApiError.of(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');

/** Jackson's wording, which Salesforce passes through for unparsable JSON. */
export function jsonParserError(text: string, error: unknown): ApiError {
  const offset = offendingOffset(text, String(error));
  const char = text.charAt(offset);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const message =
    char === ''
      ? `Unexpected end-of-input: expected close marker for Object\n at [line:${line}, column:${column}]`
      : `Unexpected character ('${char}' (code ${char.charCodeAt(0)})): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [line:${line}, column:${column}]`;
  return ApiError.of(400, 'JSON_PARSER_ERROR', message);
}

/** Where V8's message says parsing stopped: "position N", else the unexpected token, else the end. */
function offendingOffset(text: string, message: string): number {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  if (token !== undefined && text.includes(token)) return text.indexOf(token);
  return text.length;
}
