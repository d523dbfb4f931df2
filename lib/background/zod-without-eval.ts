import * as z from 'zod/mini';

/**
 * Imported first by the worker, before any schema is built. Extension pages and workers forbid
 * `eval`, so zod's compiled parsers can never run here; without this, zod tries `new Function`
 * once per start to find out, and the worker's CSP reports the refusal as a violation.
 */
z.config({ jitless: true });
