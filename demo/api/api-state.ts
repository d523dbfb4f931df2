import type { DemoOrgRuntime } from '../org/demo-org';
import { FaultRegistry } from './faults';
import { QueryLocators } from './query-locators';
import { RequestStats } from './stats';

/** Everything the API keeps beside the org: faults, stats, open cursors, the demo switch. */
export interface ApiState {
  org: DemoOrgRuntime;
  faults: FaultRegistry;
  stats: RequestStats;
  locators: QueryLocators;
  demoMode: boolean;
  /** Default query batch; DEMO_QUERY_BATCH lowers it so tests can page small data. */
  defaultBatchSize: number;
  /** Persists the org now (control endpoints call it after bulk changes). */
  flush(): void;
}

export function createApiState(org: DemoOrgRuntime, options: { demoMode: boolean; flush?: () => void }): ApiState {
  const fromEnv = Number(process.env.DEMO_QUERY_BATCH);
  return {
    org,
    faults: new FaultRegistry(),
    stats: new RequestStats(),
    locators: new QueryLocators(),
    demoMode: options.demoMode,
    defaultBatchSize: Number.isFinite(fromEnv) && fromEnv > 0 ? Math.min(2000, Math.floor(fromEnv)) : 2000,
    flush: options.flush ?? (() => {}),
  };
}
