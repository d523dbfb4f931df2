import { PassThrough } from 'node:stream';

interface TransportRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

interface TransportResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Salesforce could not be reached at all: no answer, not an error answer. */
export class SalesforceUnreachableError extends Error {
  override name = 'SalesforceUnreachable';
}

/** Long enough for a slow org, short enough that a rep is told rather than left waiting. */
export const requestTimeoutMs = 30_000;

/**
 * A jsforce transport on plain `fetch`. jsforce's own browser transport drops the rejection of
 * a failed fetch (network down, connection reset), so its promise never settles and the caller
 * waits forever; this one rejects with `SalesforceUnreachableError` instead.
 */
export function createFetchTransport(
  fetchImpl: typeof fetch = fetch,
  timeoutMs = requestTimeoutMs,
  /** Sees every response's headers (the API usage Salesforce reports in Sforce-Limit-Info). */
  onResponse?: (headers: Record<string, string>) => void,
) {
  return {
    httpRequest(request: TransportRequest) {
      const promise = send(fetchImpl, request, timeoutMs).then((response) => {
        onResponse?.(response.headers);
        return response;
      });
      // jsforce asks for the response stream to pipe from; REST JSON calls never read it.
      return Object.assign(promise, { stream: () => new PassThrough() });
    },
  };
}

async function send(fetchImpl: typeof fetch, request: TransportRequest, timeoutMs: number): Promise<TransportResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: controller.signal,
    });
  } catch (error) {
    const reason = controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : (error as Error).message;
    throw new SalesforceUnreachableError(`Salesforce could not be reached: ${reason}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { statusCode: response.status, headers, body: await response.text() };
}
