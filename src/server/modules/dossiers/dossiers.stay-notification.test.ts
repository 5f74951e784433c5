import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayInVietnam } from '../../../contracts/common';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { StayList } from '../../../contracts/population';
import type { SubjectAccessPage } from '../../../contracts/audit';
import { citizen, levelOne, police, policeElsewhere, su, t, useDossierApp } from './dossiers.routes.test-support';
import { submitPrefilled } from './dossiers.registry-effects.test-support';

/*
 * Issue 13 §2: a stay notification (2.001159) needs no officer decision — it is recorded as it is
 * filed, the dossier is complete at once, the commune police see the stay, and the guest's registry
 * record is untouched.
 */
useDossierApp();

const STAY = '2.001159';
const today = todayInVietnam();
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const notify = (answers: Record<string, unknown>) =>
  submitPrefilled(citizen, STAY, {
    requestContent: undefined,
    arrivalDate: today,
    departureDate: inDays(3),
    reason: 'Thăm người thân',
    guests: [{ fullName: 'Hoàng Văn Khách', nationalId: '001090012345' }],
    ...answers,
  });

describe('a stay notification (2.001159)', () => {
  it('goes to the police of the commune of the stay (version of 7/12/2026), prefilled with the host’s own commune', async () => {
    const prefill = (await citizen.inject(`/api/v1/procedures/${STAY}/prefill`)).json<{
      values: Record<string, unknown>;
    }>();
    expect(prefill.values.stayCommune).toBe('03445');
    // Later days than the other tests' stays, so that each test reads its own.
    const res = await notify({
      stayCommune: '03388',
      stayAddress: 'Nhà nghỉ Hoa Ban, tổ 5',
      arrivalDate: inDays(20),
      departureDate: inDays(22),
    });
    expect(res.statusCode, res.body).toBe(201);
    const filed = res.json<DossierDetail>();
    expect(filed.unitCode).toBe('03388');
    const there = (await policeElsewhere.inject(`/api/v1/population/stays?on=${inDays(21)}`)).json<StayList>().items;
    expect(there.map((s) => s.dossierCode)).toContain(filed.code);
    const here = (await police.inject(`/api/v1/population/stays?on=${inDays(21)}`)).json<StayList>().items;
    expect(here.map((s) => s.dossierCode)).not.toContain(filed.code);
    const wrong = await notify({ stayCommune: '99999' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ error: { fields: { field: string }[] } }>().error.fields[0]!.field).toBe('form.stayCommune');
  });

  it('is recorded as it is filed: the dossier is complete, the commune police list the stay, no decision', async () => {
    const res = await notify({});
    expect(res.statusCode, res.body).toBe(201);
    const filed = res.json<DossierDetail>();
    expect(filed.state).toBe('returned');
    expect(filed.allowedCommands).toEqual([]);
    const list = await police.inject(`/api/v1/population/stays?on=${inDays(1)}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<StayList>().items).toEqual([
      expect.objectContaining({
        dossierCode: filed.code,
        unitCode: '03445',
        arrivalDate: today,
        departureDate: inDays(3),
        guests: [{ fullName: 'Hoàng Văn Khách', nationalId: '001090012345' }],
      }),
    ]);
    // Not in the stays of another day, nor visible to another commune's police.
    expect((await police.inject(`/api/v1/population/stays?on=${inDays(5)}`)).json<StayList>().items).toEqual([]);
    expect((await policeElsewhere.inject(`/api/v1/population/stays?on=${today}`)).json<StayList>().items).toEqual([]);
    expect((await policeElsewhere.inject('/api/v1/population/stays?unitCode=03445')).statusCode).toBe(404);
    // The host sees in their access log that the commune police saw the notification (once: the one list that showed it).
    const log = (await citizen.inject('/api/v1/audit/me/access-log?pageSize=50')).json<SubjectAccessPage>();
    expect(log.items.filter((i) => i.action === 'stay.read' && i.target?.code === filed.code)).toMatchObject([
      { target: { kind: 'dossier', code: filed.code }, purposeCode: 'residence_registration', count: 1 },
    ]);
    // Not in the police's queue of new dossiers.
    const queue = await police.inject('/api/v1/dossiers?queue=new');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(JSON.stringify(queue.json())).not.toContain(filed.code!);
    const all = await police.inject('/api/v1/dossiers?queue=all');
    expect(JSON.stringify(all.json())).toContain(filed.code!); // the dossier itself is on record
  });

  it('leaves a guest who is in the registry untouched', async () => {
    const before = await t.database.rows(sql`select * from population.persons where id = ${su.id}`);
    const res = await notify({ guests: [{ fullName: su.fullName, nationalId: su.nationalId }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(await t.database.rows(sql`select * from population.persons where id = ${su.id}`)).toEqual(before);
  });

  it('refuses a departure before the arrival, naming the field, and writes nothing', async () => {
    const [before] = await t.database.rows<{ n: string }>(sql`select count(*)::text as n from dossiers.dossiers`);
    const res = await notify({ arrivalDate: inDays(2), departureDate: today });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields[0]!.field).toBe('form.departureDate');
    const [after] = await t.database.rows<{ n: string }>(sql`select count(*)::text as n from dossiers.dossiers`);
    expect(after).toEqual(before);
  });

  it('is not readable by a citizen', async () => {
    expect((await levelOne.inject('/api/v1/population/stays')).statusCode).toBe(403);
  });
});
