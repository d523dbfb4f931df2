import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// waitFor and findBy wait for a condition, not a duration: on a loaded 2-core machine the worker
// stand-in and React can take longer than Testing Library's 1 s default to get there, and a test
// that fails for that reason is a flake, not a finding.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
