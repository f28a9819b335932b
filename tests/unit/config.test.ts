import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('settings', () => {
  it('has embedded defaults: a fresh clone runs with none set', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ port: 4000, host: '127.0.0.1', dataDir: '/srv/app/data', neo4jUri: undefined, seedOnEmpty: true, seedSize: 'demo' });
    expect(c.local.boltPort).toBe(7697);
  });

  it('reports every bad value at once, naming the setting and what it expects', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', SEED_ON_EMPTY: 'maybe', NEO4J_URI: 'http://db:7474', SEED_SIZE: 'huge', NEO4J_HEAP: 'lots' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT="eighty": expected a whole number/);
    expect(problems).toMatch(/SEED_ON_EMPTY="maybe": expected true or false/);
    expect(problems).toMatch(/NEO4J_URI="http:\/\/db:7474": expected a bolt:\/\/ or neo4j:\/\/ URI/);
    expect(problems).toMatch(/SEED_SIZE="huge": expected one of demo, medium, large/);
    expect(problems).toMatch(/NEO4J_HEAP="lots"/);
    expect(problems).toMatch(/NEO4J_PASSWORD must be set/);
  });

  it('uses an external Neo4j when NEO4J_URI is set', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j://cluster.example:7687', NEO4J_USER: 'app', NEO4J_PASSWORD: 'secret-value' });
    expect(c).toMatchObject({ neo4jUri: 'neo4j://cluster.example:7687', neo4jUser: 'app', neo4jPassword: 'secret-value' });
  });
});
