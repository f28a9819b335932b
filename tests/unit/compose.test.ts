import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const file = path.resolve(import.meta.dirname, '../../docker-compose.yml');
const composeCli = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;

describe('docker-compose.yml', () => {
  const doc = parse(fs.readFileSync(file, 'utf8'));

  it('wires the app to Neo4j 5 Community only through NEO4J_URI, with volumes and health checks', () => {
    expect(doc.services.neo4j.image).toMatch(/^neo4j:5\.26(\.\d+)?-community$/);
    expect(doc.services.app.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(doc.services.app.depends_on.neo4j.condition).toBe('service_healthy');
    expect(doc.services.neo4j.healthcheck.test.join(' ')).toMatch(/cypher-shell/);
    expect(doc.services.app.healthcheck.test.join(' ')).toMatch(/readyz/);
    expect(Object.keys(doc.volumes)).toEqual(expect.arrayContaining(['neo4j-data']));
    expect(doc.services.neo4j.volumes).toContain('neo4j-data:/data');
    // Published ports stay on loopback.
    for (const svc of Object.values(doc.services) as { ports?: string[] }[]) {
      for (const p of svc.ports ?? []) expect(p).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it.skipIf(!composeCli)('is valid for `docker compose config`', () => {
    const r = spawnSync('docker', ['compose', '-f', file, 'config', '--quiet'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
