import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadAuditSeal, type AuditSeal } from '../audit/seal.js';
import { auditSeal, readHead, verifyAudit, type VerifyResult } from '../audit/trail.js';
import { ConfigError, loadConfig } from '../config.js';
import { connectDatabase, stopOnSignals } from '../db/connect.js';
import { cypher, type Db } from '../db/db.js';
import { LocalNeo4jError } from '../db/localNeo4j.js';

/**
 * `npm run audit:verify`: walks the sealed audit trail and checks every event against the key
 * (AUDIT_KEY, else DATA_DIR/audit.key) and the head against the checkpoint beside the key.
 * Connects like the server (NEO4J_URI when set, else the local Neo4j in DATA_DIR, reused when it
 * already runs). Prints "audit trail intact: N events" and exits 0, or one line
 * "audit trail BROKEN at event N: <what>" then the first bad event, and exits 1. Exits 2 when the
 * check could not run (settings, key, database).
 */
const projectRoot = path.resolve(import.meta.dirname, '../..');
const log = (line: string) => console.error(`[audit:verify] ${line}`);

/**
 * verifyAudit on a trail the server keeps appending to. verifyAudit reads the head after the
 * events, so an event appended in between looks like events removed from the end. The head is
 * read first here: when every event up to it verified and the event at that head still carries the
 * head's hash, the trail as it stood when the check began is intact, whatever was appended since.
 */
export async function verifyLiveTrail(db: Db, seal: AuditSeal = auditSeal()): Promise<VerifyResult> {
  const head = await readHead(db);
  const result = await verifyAudit(db, 5000, seal);
  if (result.ok || !head || !/were written \(events removed from the end\)/.test(result.problem ?? '')) return result;
  if (result.events < head.seq) return result; // events that existed when the check began are gone
  const at = await db.read(cypher('MATCH (a:AuditEvent {seq: $seq}) RETURN a.hash AS hash', { seq: head.seq }));
  if (head.seq === 0 || at[0]?.hash === head.hash) return { ok: true, events: result.events };
  return { ok: false, events: head.seq - 1, firstBadSeq: head.seq, problem: `event ${head.seq} no longer carries the hash the head recorded for it (altered)` };
}

async function describeEvent(db: Db, seq: number): Promise<string> {
  const rows = await db.read(cypher('MATCH (a:AuditEvent {seq: $seq}) RETURN properties(a) AS a', { seq }));
  return rows[0] ? JSON.stringify(rows[0].a, null, 2) : '(no event with this number is stored)';
}

/** The check and what it prints: the first line says it all. */
export async function auditReport(db: Db, seal: AuditSeal): Promise<{ code: number; lines: string[] }> {
  const result = await verifyLiveTrail(db, seal);
  if (result.ok) return { code: 0, lines: [`audit trail intact: ${result.events} events`, ...(result.note ? [`note: ${result.note}`] : [])] };
  const seq = result.firstBadSeq ?? result.events + 1;
  return {
    code: 1,
    lines: [
      `audit trail BROKEN at event ${seq}: ${result.problem ?? 'unknown problem'}`,
      `events 1 to ${result.events} verified; first bad event:`,
      await describeEvent(db, seq),
    ],
  };
}

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const conn = await connectDatabase(config, { projectRoot, log });
  const unhook = stopOnSignals(conn, (signal) => log(`${signal}: stopping`));
  try {
    const seal = loadAuditSeal({ auditKey: config.auditKey, dataDir: config.dataDir });
    const { code, lines } = await auditReport(conn.db, seal);
    for (const line of lines) (line.startsWith('note:') ? log : console.log)(line);
    return code;
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
