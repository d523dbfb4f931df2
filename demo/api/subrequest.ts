import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What a composite subrequest's route sees as its request and response: the same handlers run
 * as for a request of their own, their answer captured instead of written to a socket.
 */
export function subrequestBody(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
): IncomingMessage {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    method,
    url,
    headers,
    async *[Symbol.asyncIterator]() {
      if (text !== '') yield Buffer.from(text, 'utf8');
    },
  } as unknown as IncomingMessage;
}

export interface CapturedResponse {
  response: ServerResponse;
  answer(): { body: unknown; httpHeaders: Record<string, string>; httpStatusCode: number };
}

export function capturedResponse(): CapturedResponse {
  const headers = new Map<string, string>();
  let text = '';
  let ended = false;
  const response = {
    statusCode: 200,
    get headersSent() {
      return ended;
    },
    destroyed: false,
    setHeader(name: string, value: string | number) {
      headers.set(name, String(value));
      return response;
    },
    getHeader(name: string) {
      return headers.get(name);
    },
    end(chunk?: string) {
      if (typeof chunk === 'string') text += chunk;
      ended = true;
      return response;
    },
  };
  return {
    response: response as unknown as ServerResponse,
    answer() {
      // Composite answers carry no Content-Length, and the body is JSON, not its text.
      const httpHeaders: Record<string, string> = {};
      for (const [name, value] of headers) {
        if (!/^content-(?:length|type)$/i.test(name)) httpHeaders[name] = value;
      }
      return { body: text === '' ? null : JSON.parse(text), httpHeaders, httpStatusCode: response.statusCode };
    },
  };
}
