// `npm start`: build the client when its sources are newer than the build, then run the server.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[intel-graph] Node 20.19 or newer is needed (found ${process.versions.node}).`);
  process.exit(2);
}

function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const built = path.join(root, 'dist/client/index.html');
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < newest(path.join(root, 'client'))) {
  console.log('[intel-graph] building the client...');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The server is ES modules throughout: tsx's ESM hooks suffice. Its CommonJS hook would also sit in
// front of every require() made by CommonJS packages at run time (Apollo requires `crypto` for each
// request's query hash): about 1% of the API's CPU under load.
const child = spawn(process.execPath, ['--import', 'tsx/esm', path.join(root, 'server/main.ts')], { cwd: root, stdio: 'inherit' });
// The terminal sends Ctrl-C to both processes; the server shuts down cleanly and we follow it.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { if (sig === 'SIGTERM') child.kill('SIGTERM'); });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
