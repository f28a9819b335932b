import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/sequencer.js';

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
    sequence: { sequencer: LongestFirst },
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/vitest.json' },
    projects: [
      { extends: true, test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: ['tests/noninterference/**'], sequence: { groupOrder: 0 } } },
      // The noninterference property compares two worlds written one after the other, so nothing else
      // may write to its database between them: it gets a database of its own and runs beside the
      // suite (tests/globalSetup.ts), or, when NEO4J_URI names the one database for everything,
      // alone after every other file.
      { extends: true, test: { name: 'noninterference', include: ['tests/noninterference/**/*.test.ts'], sequence: { groupOrder: process.env.NEO4J_URI ? 1 : 0 } } },
    ],
  },
});
