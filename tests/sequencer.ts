import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that run longest (each starts and stops Neo4j several times, or walks the whole API
 * as several users) go first, so the two workers finish together instead of one of them starting
 * a five-minute file near the end. Without a record of earlier runs (a clean clone) vitest orders
 * files by size, which put these in the last third. The rest keep vitest's order.
 */
const LONGEST_FIRST = ['api/firstRun', 'api/security', 'api/bulkLoad', 'api/investigations', 'api/startup', 'e2e/workspace', 'e2e/inbox'];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((p) => f.moduleId.replaceAll('\\', '/').endsWith(`/tests/${p}.test.ts`));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return sorted.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
  }
}
