import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import '../../../lib/background/zod-without-eval';

describe('zod in the worker', () => {
  it('is told not to probe for eval, which extension workers forbid', () => {
    expect(z.config().jitless).toBe(true);
  });
});
