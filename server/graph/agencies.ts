import { cypher, type Db } from '../db/db.js';
import type { AgencyDesk, AgencyDirectory } from '../domain/policy.js';

/**
 * Agency names and contact desks, used to word restricted stubs. Names of agencies are not
 * protected information, so the directory is read without the viewer policy. Refreshed periodically.
 */
export class Agencies implements AgencyDirectory {
  private map = new Map<string, AgencyDesk>();
  private loadedAt = 0;
  constructor(private readonly db: Db, private readonly ttlMs = 60_000) {}

  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.loadedAt < this.ttlMs) return;
    const rows = await this.db.read(cypher("MATCH (a:Agency) RETURN a.id AS id, a.label AS name, a.desk AS desk, a.deskPhone AS phone, a.deskEmail AS email"));
    this.map = new Map(rows.map((r) => [r.id as string, {
      name: (r.name as string) ?? (r.id as string), desk: (r.desk as string) ?? 'the intelligence bureau',
      phone: (r.phone as string) ?? undefined, email: (r.email as string) ?? undefined,
    }]));
    this.loadedAt = Date.now();
  }

  desk(agencyId: string | null | undefined): AgencyDesk {
    return this.map.get(agencyId ?? '') ?? { name: agencyId || 'another agency', desk: 'its intelligence bureau' };
  }

  has(agencyId: string): boolean {
    return this.map.has(agencyId);
  }

  all(): ({ id: string } & AgencyDesk)[] {
    return [...this.map].map(([id, v]) => ({ id, ...v }));
  }
}
