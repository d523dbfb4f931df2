import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The worker imports these modules at every start, before it answers the message that woke it:
 * they must build no zod object schema then (zod 4 builds every check when a schema is declared).
 * Only the envelope, which every message is parsed with first, is built at import.
 */
const built = vi.hoisted(() => ({ objects: 0 }));

vi.mock('zod/mini', async (importOriginal) => {
  const actual = await importOriginal<typeof import('zod/mini')>();
  const counted =
    <A extends unknown[], R>(build: (...args: A) => R) =>
    (...args: A): R => {
      built.objects++;
      return build(...args);
    };
  return {
    ...actual,
    object: counted(actual.object),
    looseObject: counted(actual.looseObject),
    strictObject: counted(actual.strictObject),
  };
});

const workerModules = [
  () => import('../../../lib/background/handle-message'),
  () => import('../../../lib/background/open-side-panel'),
  () => import('../../../lib/salesforce/sign-in/sign-in-store'),
  () => import('../../../lib/salesforce/sign-in/known-accounts'),
  () => import('../../../lib/salesforce/sign-in/sign-in-handlers'),
  () => import('../../../lib/salesforce/sign-in/oauth'),
  () => import('../../../lib/sync/background-sync'),
  () => import('../../../lib/sync/known-sessions'),
  () => import('../../../lib/salesforce/map-meeting'),
  () => import('../../../lib/salesforce/map-opportunity'),
  () => import('../../../lib/salesforce/map-user'),
  () => import('../../../lib/model/call-plan'),
  () => import('../../../lib/model/draft-plan'),
  () => import('../../../lib/model/playbook/playbook'),
];

describe("the worker's modules at import", () => {
  // Imported in a hook, not in the test: mutation testing counts code run inside a test as that
  // test's alone, and the code these modules run at import is every test's.
  let builtAtImport = 0;
  beforeAll(async () => {
    for (const load of workerModules) await load();
    builtAtImport = built.objects;
  });

  it('build only the envelope schema; a message of a type builds that type’s schemas', async () => {
    expect(builtAtImport).toBe(1);

    const { validateCallPlan } = await import('../../../lib/model/call-plan');
    validateCallPlan({ objections: [{}] });
    // The plan and its objection, once each, and never again.
    expect(built.objects).toBe(3);
    validateCallPlan({ objections: [{}] });
    expect(built.objects).toBe(3);
  });
});
