import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds the longest files took in a clean run on two cores (docs/BENCHMARKS.md, "The suite").
 * Two workers share the files: starting the longest first keeps one long file from running alone
 * at the end while the other worker has nothing left to do. A file this run has timed before
 * (vitest's results cache) is placed by that time instead; any other file goes after these.
 */
const EXPECTED_SECONDS: Record<string, number> = {
  'tests/noninterference/noninterference.test.ts': 610,
  'tests/api/firstRun.test.ts': 510,
  'tests/api/bulkLoad.test.ts': 370,
  'tests/api/security.test.ts': 280,
  'tests/api/investigations.test.ts': 160,
  'tests/api/startup.test.ts': 85,
  'tests/e2e/inbox.test.ts': 75,
  'tests/api/analysis.test.ts': 55,
  'tests/api/faults.test.ts': 45,
  'tests/api/properties.test.ts': 45,
  'tests/api/importKill.test.ts': 35,
  'tests/e2e/products.test.ts': 35,
  'tests/e2e/workspace.test.ts': 35,
  'tests/e2e/client-bench.test.ts': 30,
  'tests/api/seedImpact.test.ts': 30,
};

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification): number => {
      const file = path.relative(root, spec.moduleId).split(path.sep).join('/');
      const timed = this.ctx.cache.getFileTestResults(`${spec.project.name}:${file}`)?.duration;
      if (timed) return timed / 1000;
      return EXPECTED_SECONDS[file] ?? 0;
    };
    return [...files].sort((a, b) =>
      a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder || seconds(b) - seconds(a));
  }
}
