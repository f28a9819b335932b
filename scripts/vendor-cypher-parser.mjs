#!/usr/bin/env node
/**
 * Refreshes server/investigations/cypher-grammar/ from a published @neo4j-cypher/language-support:
 *
 *   node scripts/vendor-cypher-parser.mjs 2.0.0-next.38
 *
 * The server checks free-form Cypher with the ANTLR lexer and parser that Neo4j generates for its
 * editor tooling. Only those two generated modules are needed, and the package itself requires a
 * newer Node than the platform does, so they are copied here rather than installed. The tarball
 * comes from the registry through `npm pack` (no install scripts run); the copy keeps the files
 * byte for byte except their trailing source-map comment, whose map is not copied.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PACKAGE = '@neo4j-cypher/language-support';
const GENERATED = 'dist/esm/project/language-support/src/generated-parser';
const FILES = ['CypherCmdLexer.js', 'CypherCmdParser.js'];
// The grammar's entry rule the server calls (server/investigations/cypherTree.ts, CypherCmdParser.d.ts).
const ENTRY_RULE = 'statementsOrCommands';

const root = path.resolve(import.meta.dirname, '..');
const dest = path.join(root, 'server/investigations/cypher-grammar');

const version = process.argv[2];
if (!version) {
  console.error('usage: node scripts/vendor-cypher-parser.mjs <version of @neo4j-cypher/language-support>');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-grammar-'));
try {
  const packed = JSON.parse(execFileSync('npm', ['pack', `${PACKAGE}@${version}`, '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: tmp, encoding: 'utf8' }));
  const { filename, integrity } = packed[0];
  execFileSync('tar', ['-xzf', path.join(tmp, path.basename(filename)), '-C', tmp]);
  const pkgDir = path.join(tmp, 'package');
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));

  // The generated code is written against one antlr4ng runtime: ours must be the same version.
  const ours = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies.antlr4ng;
  const theirs = pkg.dependencies?.antlr4ng;
  if (theirs !== ours) {
    throw new Error(`${PACKAGE}@${pkg.version} is built against antlr4ng ${theirs}, package.json pins ${ours}: pin antlr4ng to ${theirs} too`);
  }

  fs.mkdirSync(dest, { recursive: true });
  for (const file of FILES) {
    const text = fs.readFileSync(path.join(pkgDir, GENERATED, file), 'utf8');
    // Anything these modules import beyond the ANTLR runtime would have to be copied too.
    const imports = [...text.matchAll(/\b(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
    const others = imports.filter((s) => s !== 'antlr4ng');
    if (others.length) throw new Error(`${file} imports ${others.join(', ')}: only antlr4ng is expected`);
    if (file === 'CypherCmdParser.js' && !text.includes(`${ENTRY_RULE}() {`)) {
      throw new Error(`${file} has no ${ENTRY_RULE}() rule: update cypherTree.ts and CypherCmdParser.d.ts`);
    }
    fs.writeFileSync(path.join(dest, file), text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  }
  fs.copyFileSync(path.join(pkgDir, 'LICENSE.md'), path.join(dest, 'LICENSE.md'));
  fs.writeFileSync(path.join(dest, 'SOURCE.json'), `${JSON.stringify({ package: PACKAGE, version: pkg.version, integrity, directory: GENERATED, files: FILES, license: pkg.license, antlr4ng: theirs }, null, 2)}\n`);
  console.log(`${FILES.join(', ')} and LICENSE.md copied from ${PACKAGE}@${pkg.version} (${integrity}) into ${path.relative(root, dest)}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
