import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Server code and Apollo must share one copy of graphql (its errors are checked with instanceof).
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser and delivery checks poll; on a busy two-core machine an answer can take seconds.
    expect: { poll: { timeout: 15_000 } },
    // Two cores: run files two at a time against the one shared database.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/vitest.json' },
    projects: [
      // A worker keeps its modules from one file to the next (no per-file re-import of the server,
      // Apollo and the driver, which cost several seconds a file): each file starts and closes its
      // own app, and the keys the server derives are set again by every start.
      { extends: true, test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: ['tests/noninterference/**'], isolate: false, sequence: { groupOrder: 0 } } },
      // The noninterference property compares two worlds written one after the other: it runs alone,
      // after every other file, so nothing else changes the database between them.
      { extends: true, test: { name: 'noninterference', include: ['tests/noninterference/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
