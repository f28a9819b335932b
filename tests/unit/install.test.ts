import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * A fresh clone's `npm install` leaves the tree as committed and prints nothing the README does not
 * explain: every locked package accepts the oldest Node that package.json (and the README) name,
 * and every dependency's install script has a recorded decision. npm older than engines.npm writes
 * a different lock (npm before 11.11 drops the `libc` of platform packages), so it is required.
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

interface Locked { version?: string; engines?: Record<string, string> | string[]; hasInstallScript?: boolean }
const pkg = JSON.parse(read('package.json')) as { engines: { node: string; npm: string }; dependencies: Record<string, string>; allowScripts?: Record<string, boolean> };
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, Locked> };
const locked = Object.entries(lock.packages).filter(([where]) => where !== '');
const nameAt = (where: string) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
const oldestNode = semver.minVersion(pkg.engines.node)!.version;

/** The Node range a locked package declares; old packages write engines as ["node >= 0.8"]. */
function nodeRange(engines: Locked['engines']): string | undefined {
  if (Array.isArray(engines)) return engines.find((e) => e.startsWith('node'))?.replace(/^node\s*/, '');
  return engines?.node;
}

describe('a clean install', () => {
  it('the README names the Node and npm versions package.json requires', () => {
    const readme = read('README.md');
    for (const [tool, range] of [['Node', pkg.engines.node], ['npm', pkg.engines.npm]] as const) {
      const [major, minor] = semver.minVersion(range)!.version.split('.');
      expect(readme).toContain(`**${tool} ${major}.${minor}+**`);
    }
  });

  it(`every locked package accepts the oldest supported Node (${oldestNode})`, () => {
    const refusing = locked
      .filter(([, p]) => { const range = nodeRange(p.engines); return range !== undefined && !semver.satisfies(oldestNode, range, { includePrerelease: true }); })
      .map(([where, p]) => `${nameAt(where)}@${p.version} wants node ${nodeRange(p.engines)}`);
    expect(refusing).toEqual([]);
  });

  it('every install script in the lock is approved or denied in allowScripts', () => {
    // Keys are "name" or "name@version"; a scoped name starts with "@".
    const decided = new Set(Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(?<=.)@.*$/, '')));
    const undecided = locked.filter(([, p]) => p.hasInstallScript).map(([where]) => nameAt(where)).filter((n) => !decided.has(n));
    expect(undecided).toEqual([]);
  });

  it('the vendored Cypher grammar was generated for the pinned ANTLR runtime', () => {
    const source = JSON.parse(read('server/investigations/cypher-grammar/SOURCE.json')) as { antlr4ng: string };
    expect(pkg.dependencies.antlr4ng).toBe(source.antlr4ng);
  });

  it('npm install leaves package-lock.json byte for byte and warns about nothing', { timeout: 180_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-graph-install-'));
    try {
      for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(root, f), path.join(dir, f));
      // Settings npm passes to `npm test` must not leak into this install.
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
      const npmVersion = spawnSync('npm', ['--version'], { cwd: dir, env, encoding: 'utf8' }).stdout.trim();
      expect(semver.satisfies(npmVersion, pkg.engines.npm), `npm ${npmVersion} is older than engines.npm ${pkg.engines.npm}: npm install -g npm@11`).toBe(true);
      // The lock-only install resolves the same tree and prints the same engine and install-script
      // warnings as a full one, in about a second instead of a minute.
      const r = spawnSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, env, encoding: 'utf8', timeout: 170_000 });
      expect(r.status, r.stderr).toBe(0);
      const warnings = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /^npm (warn|WARN)/.test(l));
      expect(warnings).toEqual([]);
      expect(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).toBe(read('package-lock.json'));
      expect(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(read('package.json'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
