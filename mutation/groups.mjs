/**
 * The mutation-testing groups: what each mutates, which vitest projects may kill its mutants and
 * the score it must reach. Component tests (jsdom, slow to start) run only in the groups whose
 * code the panel reaches; vitest's `related` filter then keeps the test files that import it.
 */
export const groups = {
  model: { mutate: ['lib/model/**/*.ts'], projects: ['unit', 'component'], threshold: 90 },
  db: { mutate: ['lib/db/**/*.ts'], projects: ['unit'], threshold: 80 },
  background: {
    mutate: ['lib/background/**/*.ts', 'lib/messaging/**/*.ts'],
    projects: ['unit', 'component'],
    threshold: 80,
  },
  salesforce: { mutate: ['lib/salesforce/**/*.ts'], projects: ['unit'], threshold: 80 },
  sync: { mutate: ['lib/sync/**/*.ts'], projects: ['unit'], threshold: 80 },
};
