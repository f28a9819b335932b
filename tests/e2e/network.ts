import type { TestApp } from '../helpers/app.js';

/**
 * A small hand-built network for the browser flows (ids carry the file's prefix):
 *
 *   Lorcan Vexley ─MEMBER_OF(principal, 1A)─ Vexley Firm ─ Dana Quarrie (significant, 3D), Ravi Penhallow (peripheral)
 *   Lorcan ─ASSOCIATE_OF(2021–2022; 1A + 3D)─ Dana ─ASSOCIATE_OF(2024–; 3D)─ Kim Ashgrove ─ASSOCIATE_OF(2024–)─ Owen Talbrook
 *   Lorcan ─LIVES_AT─ 14 Mill Lane, ─USES_VEHICLE─ VX21 KLM, ─ASSOCIATE_OF─ [a subject held by Northshire Police]
 *   Kim ─USES_PHONE─ 07700 900123, ─INVOLVED_IN─ Robbery (2023-05-01)
 */
export interface Network {
  lorcan: string; dana: string; kim: string; owen: string; ravi: string; hidden: string;
  firm: string; mill: string; vehicle: string; phone: string; event: string; r1: string; r2: string;
  lorcanDana: string; lorcanFirm: string;
  analyst: string;
}

export async function seedNetwork(t: TestApp, analystName = 'analyst'): Promise<Network> {
  const AG1 = `${t.prefix}-AG1`;
  const AG2 = `${t.prefix}-AG2`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  await t.entity('AG2', 'Agency', { kind: 'POLICE', desk: 'Northshire FIB, 01632 960123' }, { agency: AG2 }, 'Northshire Police');
  const lorcan = await t.entity('S1', 'Subject', { forename: 'Lorcan', surname: 'Vexley', dob: '1984-03-12', aliases: ['Lorry'] });
  const dana = await t.entity('S2', 'Subject', { forename: 'Dana', surname: 'Quarrie' });
  const kim = await t.entity('S3', 'Subject', { forename: 'Kim', surname: 'Ashgrove' });
  const owen = await t.entity('S4', 'Subject', { forename: 'Owen', surname: 'Talbrook' });
  const ravi = await t.entity('S5', 'Subject', { forename: 'Ravi', surname: 'Penhallow' });
  const hidden = await t.entity('S6', 'Subject', { forename: 'Morwenna', surname: 'Hask', notes: 'Northshire handles this one' }, { agency: AG2 });
  const firm = await t.entity('O1', 'OCG', { status: 'ACTIVE', crimeTypes: ['DRUGS_SUPPLY'] }, { classification: 'OFFICIAL-SENSITIVE' }, 'Vexley Firm');
  const mill = await t.entity('L1', 'Location', { address: '14 Mill Lane, Ashby', postcode: 'AB1 2CD' }, {}, '14 Mill Lane');
  const vehicle = await t.entity('V1', 'Vehicle', { vrm: 'VX21 KLM', make: 'Audi', colour: 'Black' });
  const phone = await t.entity('P1', 'Phone', { number: '07700900123' });
  const event = await t.entity('E1', 'Event', { eventType: 'Robbery', date: '2023-05-01' }, {}, 'Robbery at Ashby Post Office');
  const src = await t.entity('SRC1', 'Source', { reference: 'SRC-881', sourceType: 'COMMUNITY' });
  const r1 = await t.entity('R1', 'IntelligenceReport', {
    text: 'Vexley directs cocaine supply through Quarrie in Ashby.', sourceEvaluation: '1', intelAssessment: 'A', eventDate: '2022-03-01', sourceId: src,
  }, { handling: 'C', handlingConditions: ['C3'], handlingNotes: 'Police recipients only' }, 'Report: Vexley supply');
  const r2 = await t.entity('R2', 'IntelligenceReport', {
    text: 'Quarrie seen with Ashgrove at the Mill Lane address.', sourceEvaluation: '3', intelAssessment: 'D', eventDate: '2024-02-10',
  }, {}, 'Report: Quarrie sighting');
  const lorcanFirm = await t.link(lorcan, 'MEMBER_OF', firm, { role: 'PRINCIPAL' }, [r1]);
  await t.link(dana, 'MEMBER_OF', firm, { role: 'SIGNIFICANT' }, [r2]);
  await t.link(ravi, 'MEMBER_OF', firm, { role: 'PERIPHERAL' });
  const lorcanDana = await t.link(lorcan, 'ASSOCIATE_OF', dana, { from: '2021-01-01', to: '2022-06-30', kind: 'BUSINESS' }, [r1, r2]);
  await t.link(dana, 'ASSOCIATE_OF', kim, { from: '2024-02-01' }, [r2]);
  await t.link(kim, 'ASSOCIATE_OF', owen, { from: '2024-03-01' });
  await t.link(lorcan, 'LIVES_AT', mill, { from: '2019-06-01' });
  await t.link(lorcan, 'USES_VEHICLE', vehicle);
  await t.link(kim, 'USES_PHONE', phone);
  await t.link(kim, 'INVOLVED_IN', event);
  await t.link(lorcan, 'ASSOCIATE_OF', hidden, { kind: 'FAMILY' });
  await t.user(analystName, 'ANALYST', { agency: AG1 });
  return {
    lorcan, dana, kim, owen, ravi, hidden, firm, mill, vehicle, phone, event, r1, r2, lorcanDana, lorcanFirm,
    analyst: `${t.prefix}.${analystName}`,
  };
}
