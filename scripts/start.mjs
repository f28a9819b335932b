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
//
// The server runs in its own process group (detached) with an IPC channel to this process, so that
// exactly one stop request reaches it however the stop is asked for: a signal to this process alone
// (an IDE's stop button, a supervisor, `kill <pid of npm start>`) is passed on once; Ctrl-C in a
// terminal, which signals the whole foreground group, reaches only this process and is passed on
// once too; and if this process is killed outright, the channel closes and the server stops itself
// (the local Neo4j in turn watches the server the same way).
const child = spawn(process.execPath, ['--import', 'tsx/esm', path.join(root, 'server/main.ts')], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  detached: true,
});
let asked = 0;
let firstAt = 0;
const stop = (sig) => {
  const now = Date.now();
  // npm passes a terminal's Ctrl-C on to its script as well: the same stop arriving twice.
  if (asked && now - firstAt < 1000) return;
  asked++;
  if (asked === 1) {
    firstAt = now;
    try { child.kill(sig === 'SIGHUP' ? 'SIGTERM' : sig); } catch { /* already gone */ }
  } else {
    console.log('[intel-graph] already stopping (waiting for the database to shut down cleanly)');
  }
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig));
// `npm start` runs this through `sh -c`; a signal sent to npm alone ends npm and that shell but
// is not passed on to us. When our parent goes away, stop as if we had been sent SIGTERM.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && !asked) {
    console.log('[intel-graph] npm (the process that started this one) has gone: stopping');
    stop('SIGTERM');
  }
}, 250).unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
