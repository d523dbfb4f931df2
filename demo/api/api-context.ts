import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoOrgRuntime } from '../org/demo-org';
import type { DemoSession, DemoUser } from '../org/types';
import { ApiError, invalidSession, jsonParserError } from './api-error';
import type { ApiState } from './api-state';
import type { RequestFacts } from './faults';
import { readBody } from './http';

/** What a route handler gets: the request, its path parameters, the org and the caller. */
export interface ApiContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  state: ApiState;
  org: DemoOrgRuntime;
  /** The API version of the path (`62.0`), echoed in every URL we generate. */
  version: string;
  origin: string;
  session: DemoSession | null;
  facts: RequestFacts;
  /** The signed-in user; routes that need one are only reached with a valid session. */
  user(): DemoUser;
  text(): Promise<string>;
  /** The JSON body, or 400 JSON_PARSER_ERROR as Salesforce answers. */
  json(): Promise<unknown>;
}

export function createContext(init: {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  state: ApiState;
  origin: string;
  session: DemoSession | null;
}): ApiContext {
  let body: Promise<string> | null = null;
  const text = () => {
    body ??= readBody(init.req);
    return body;
  };
  return {
    ...init,
    org: init.state.org,
    version: init.params.version ?? '62.0',
    facts: {
      method: init.req.method ?? 'GET',
      path: init.url.pathname + init.url.search,
      user: init.session?.user ?? null,
    },
    user() {
      if (!init.session) throw invalidSession();
      return init.session.user;
    },
    text,
    async json() {
      const raw = await text();
      if (raw.trim() === '') return null;
      try {
        return JSON.parse(raw) as unknown;
      } catch (error) {
        throw jsonParserError(raw, error);
      }
    },
  };
}

/** Bodies must be JSON objects; Salesforce names the type it could not read. */
export function expectObject(value: unknown, what = 'the request body'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw ApiError.of(
      400,
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${what} from ${Array.isArray(value) ? 'START_ARRAY' : 'VALUE'} token`,
    );
  }
  return value as Record<string, unknown>;
}
