import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { verifyAudit, type VerifyResult } from '../audit/trail.js';
import { ConfigError, loadConfig } from '../config.js';
import { connectDatabase, stopOnSignals } from '../db/connect.js';
import { cypher, type Db } from '../db/db.js';
import { LocalNeo4jError } from '../db/localNeo4j.js';

/**
 * `npm run audit:verify`: walks the hash-chained audit trail and checks every event.
 * Connects like the server (NEO4J_URI when set, else the local Neo4j in DATA_DIR, reused when it
 * already runs). Prints "audit trail intact: N events" and exits 0, or prints the first bad event
 * and exits 1. Exits 2 when the check could not run (settings, database).
 */
const projectRoot = path.resolve(import.meta.dirname, '../..');
const log = (line: string) => console.error(`[audit:verify] ${line}`);

/**
 * verifyAudit on a trail the server keeps appending to. verifyAudit reads the head after the
 * events, so an event appended in between looks like events removed from the end. The head is
 * read first here: when every event up to it verified and the event at that head still carries the
 * head's hash, the trail as it stood when the check began is intact, whatever was appended since.
 */
export async function verifyLiveTrail(db: Db): Promise<VerifyResult> {
  const head = (await db.read(cypher('MATCH (h:AuditHead {id: 1}) RETURN h.seq AS seq, h.hash AS hash')))[0] as { seq: number; hash: string } | undefined;
  const result = await verifyAudit(db);
  if (result.ok || !head || !/removed from the end/.test(result.problem ?? '')) return result;
  if (result.events < head.seq) return result; // events that existed when the check began are gone
  const at = await db.read(cypher('MATCH (a:AuditEvent {seq: $seq}) RETURN a.hash AS hash', { seq: head.seq }));
  if (head.seq === 0 || at[0]?.hash === head.hash) return { ok: true, events: result.events };
  return { ok: false, events: head.seq - 1, firstBadSeq: head.seq, problem: `event ${head.seq} no longer carries the hash the head recorded for it (altered)` };
}

async function describeEvent(db: Db, seq: number): Promise<string> {
  const rows = await db.read(cypher('MATCH (a:AuditEvent {seq: $seq}) RETURN properties(a) AS a', { seq }));
  return rows[0] ? JSON.stringify(rows[0].a, null, 2) : '(no event with this number is stored)';
}

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const conn = await connectDatabase(config, { projectRoot, log });
  const unhook = stopOnSignals(conn, (signal) => log(`${signal}: stopping`));
  try {
    const result = await verifyLiveTrail(conn.db);
    if (result.ok) {
      console.log(`audit trail intact: ${result.events} events`);
      return 0;
    }
    const seq = result.firstBadSeq ?? result.events + 1;
    console.log(`audit trail BROKEN at event ${seq}: ${result.problem ?? 'unknown problem'}`);
    console.log(`events 1 to ${result.events} verified; first bad event:`);
    console.log(await describeEvent(conn.db, seq));
    return 1;
  } finally {
    unhook();
    await conn.stop();
  }
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof ConfigError || e instanceof LocalNeo4jError) console.error(`[audit:verify] ${e.message}`);
      else console.error('[audit:verify] the check could not run:', (e as Error)?.message ?? e);
      process.exit(2);
    },
  );
}
