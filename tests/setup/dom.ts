import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// waitFor and findBy wait for a condition, not a duration: on a loaded 2-core machine the worker
// stand-in and React can take longer than Testing Library's 1 s default to get there, and a test
// that fails for that reason is a flake, not a finding. Mutation runs (mutation/vitest.config.ts)
// wait less: there most waits end in a failure, and each one holds a runner for its whole length.
configure({ asyncUtilTimeout: Number(process.env.PRECALL_TEST_WAIT_MS ?? 10_000) });

afterEach(() => cleanup());
