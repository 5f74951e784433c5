import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DossierDetail, DossierSummary } from '../../../contracts/dossiers';
import { checkNationalId, ID_PROVINCE_CODES } from '../population';
import { citizen, command, mai, PDF, su, t, useDossierApp } from './dossiers.routes.test-support';
import { person, submitPrefilled } from './dossiers.registry-effects.test-support';
import { makeHousehold } from '../../../../test/factories';
import { copyRegistryBatch } from '../population';
import { refuseExpiredSupplements } from './supplement-expiry';
import { recordIssuedDocuments } from '../documents';
import type { StoredDocumentList } from '../../../contracts/documents';
import type { Session } from '../../../../test/app';

/*
 * Issue 13 §3: the two interlinked groups run as steps built from reference/procedures/interlinked.json
 * (version of 6/12/2026): one dossier and one code for the citizen; behind it each agency's step with
 * its own role, unit and state, started when the previous one ends.
 */
useDossierApp();

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
const MUONG_TE = '03445';

let civilStatus: Session;
let police: Session;
let insurance: Session;
let socialProtection: Session;

async function fileBirthGroup(childFullName: string): Promise<DossierDetail> {
  const res = await submitPrefilled(
    citizen,
    'LT.01',
    {
      declarantRelation: 'mother',
      childFullName,
      childBirthDate: daysAgo(5),
      childSex: 'female',
      childBirthPlace: 'Trạm y tế xã Mường Tè, tỉnh Lai Châu',
      childEthnicity: 'Thái',
      childNationality: 'Việt Nam',
      childRelationToHead: 'child',
      healthFacility: 'Trạm y tế xã Mường Tè',
      requestContent: undefined,
    },
    false,
    [{ field: 'file:birth_certificate', name: 'giay-chung-sinh.pdf', type: 'application/pdf', data: PDF }],
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DossierDetail>();
}

const read = async (s: Session, id: string) => (await s.inject(`/api/v1/dossiers/${id}`)).json<DossierDetail>();
const queue = async (s: Session) =>
  (await s.inject('/api/v1/dossiers?queue=all&pageSize=100'))
    .json<{ items: DossierSummary[] }>()
    .items.map((d) => d.id);

describe('interlinked group 1: birth → permanent residence → health-insurance card → identity card', () => {
  it('runs each agency step in turn, each seeing only its step, and approves the dossier with the last', async () => {
    civilStatus = await t.staff('civil_status_officer', MUONG_TE);
    police = await t.staff('commune_police', MUONG_TE);
    insurance = await t.staff('sector_officer', '12', 'health_insurance');
    socialProtection = await t.staff('sector_officer', '12', 'social_protection');
    const filed = await fileBirthGroup('Lò Thị Hoa');
    expect(filed.steps.map((s) => [s.role, s.state])).toEqual([
      ['civil_status_officer', 'planned'],
      ['commune_police', 'planned'],
      ['sector_officer', 'planned'],
      ['commune_police', 'planned'],
    ]);
    const id = filed.id;
    if (filed.state === 'awaiting_payment') throw new Error('the group should be free for a Thái family of Mường Tè');
    expect((await command(civilStatus, id, 'receive')).statusCode).toBe(200);
    // Received: the civil-status step runs with the same-day limit, the others wait.
    let d = await read(civilStatus, id);
    expect(d.steps.map((s) => s.state)).toEqual(['in_processing', 'waiting', 'waiting', 'waiting']);
    expect(d.steps[0]!.dueAt).not.toBeNull();
    expect((await command(civilStatus, id, 'start_processing')).statusCode).toBe(200);
    expect((await command(civilStatus, id, 'approve')).statusCode).toBe(409); // step by step, never at once
    // The insurance officer sees nothing yet, nor can the police act before their step.
    expect((await insurance.inject(`/api/v1/dossiers/${id}`)).statusCode).toBe(404);
    expect((await command(police, id, 'complete_step')).statusCode).toBe(403);

    const birth = await command(civilStatus, id, 'complete_step', { note: 'Đã đăng ký khai sinh' });
    expect(birth.statusCode, birth.body).toBe(200);
    d = birth.json<DossierDetail>();
    expect(d.state).toBe('in_processing');
    const childId = d.steps[0]!.outcome!.childNationalId!;
    expect(
      checkNationalId({ id: childId, birthYear: Number(daysAgo(5).slice(0, 4)), sex: 'female' }, ID_PROVINCE_CODES)
        .problems,
    ).toEqual([]);
    expect(d.steps.map((s) => s.state)).toEqual(['done', 'in_processing', 'waiting', 'waiting']);
    // The civil-status officer's queue no longer holds it while the police step runs; the police's does.
    expect(await queue(civilStatus)).not.toContain(id);
    expect(await queue(police)).toContain(id);
    // Handed over to the police, it is new work for them (their "new" queue), not for the civil-status desk.
    const fresh = async (s: Session) =>
      (await s.inject('/api/v1/dossiers?queue=new&pageSize=100'))
        .json<{ items: DossierSummary[] }>()
        .items.map((x) => x.id);
    expect(await fresh(police)).toContain(id);
    expect(await fresh(civilStatus)).not.toContain(id);
    expect((await command(civilStatus, id, 'complete_step')).statusCode).toBe(403);

    // One grant never lends its rights to another: police of another commune who are also sector
    // officers neither see nor perform this commune's residence step; a leader who is also a sector
    // officer sees only the steps of their sector in their queue.
    const mixed = await t.staff('commune_police', '03388', undefined, [
      { role: 'sector_officer', unitCode: '12', sector: 'health_insurance' },
    ]);
    expect((await command(mixed, id, 'complete_step')).statusCode).toBe(404);
    const leaderAndSector = await t.staff('leader', '12', undefined, [
      { role: 'sector_officer', unitCode: '12', sector: 'health_insurance' },
    ]);
    expect(await queue(leaderAndSector)).toEqual([]);

    const residence = await command(police, id, 'complete_step');
    expect(residence.statusCode, residence.body).toBe(200);
    const [child] = await t.database.rows<{ relation_to_head: string; residence_unit_code: string; same: boolean }>(
      sql`select c.relation_to_head, c.residence_unit_code, c.household_id = m.household_id as same
          from population.persons c, population.persons m
          where c.national_id = ${childId} and m.national_id = ${mai.nationalId}`,
    );
    expect(child).toEqual({ relation_to_head: 'child', residence_unit_code: MUONG_TE, same: true });

    expect(await queue(leaderAndSector)).toEqual([id]);
    // The insurance step: only the health-insurance sector sees and completes it, entering the card.
    expect(await queue(insurance)).toContain(id);
    expect(await queue(socialProtection)).not.toContain(id);
    expect(
      (await command(socialProtection, id, 'complete_step', { outcome: { cardNumber: '0123456789' } })).statusCode,
    ).toBe(404);
    const mine = await read(insurance, id);
    expect(mine.stepInput?.map((f) => f.key)).toEqual(['cardNumber', 'validFrom']);
    const bad = await command(insurance, id, 'complete_step', {
      outcome: { cardNumber: 'AB12', validFrom: daysAgo(0) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: { field: string; messageVi: string }[] } }>().error.fields[0]).toMatchObject({
      field: 'outcome.cardNumber',
    });
    const card = await command(insurance, id, 'complete_step', {
      outcome: { cardNumber: 'TE1120123456789', validFrom: daysAgo(0) },
    });
    expect(card.statusCode, card.body).toBe(200);

    const idCard = await command(police, id, 'complete_step', { outcome: { issuedOn: daysAgo(0) } });
    expect(idCard.statusCode, idCard.body).toBe(200);
    d = idCard.json<DossierDetail>();
    expect(d.state).toBe('approved');

    // The citizen's page: every step with who (role and unit), when, and what it produced.
    const seen = await read(citizen, id);
    expect(seen.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(seen.steps.every((s) => s.unitCode === MUONG_TE && s.endedAt)).toBe(true);
    expect(seen.steps[2]!.outcome).toEqual({ cardNumber: 'TE1120123456789', validFrom: daysAgo(0) });
    expect(seen.steps[3]!.outcome).toEqual({ identityCardNumber: childId, issuedOn: daysAgo(0) });
    expect(seen.registryOutcome?.childNationalId).toBe(childId);
    const [transition] = await t.database.rows<{ actor_role: string }>(
      sql`select actor_role from dossiers.transitions where dossier_id = ${id} and to_state = 'approved'`,
    );
    expect(transition).toEqual({ actor_role: 'commune_police' });
    // The civil-status desk that received the group issues its result: the CT08 is about the child.
    const issued = await command(civilStatus, id, 'issue_result');
    expect(issued.statusCode, issued.body).toBe(200);
    const ct08 = issued.json<DossierDetail>().attachments.find((a) => a.documentKey === 'result_ct08');
    expect(ct08).toBeDefined();
    const [verification] = await t.database.rows<{ facts: { fullName: string; address: string } }>(
      sql`select facts from dossiers.result_verifications where dossier_id = ${id} and kind = 'CT08'`,
    );
    expect(verification!.facts.fullName).toBe('Lò Thị Hoa');
    // The address is where the registry placed the child: the household's, as recorded.
    const [household] = await t.database.rows<{ address_line: string }>(
      sql`select h.address_line from population.households h join population.persons p on p.household_id = h.id
          where p.national_id = ${childId}`,
    );
    expect(verification!.facts.address).toContain(household!.address_line);
    expect((await citizen.inject(`/api/v1/dossiers/${id}/attachments/${ct08!.id}`)).statusCode).toBe(200);

    // The birth step's result is issued with it: the child's electronic birth extract, verifiable,
    // registered on the day the birth step ended, and kept once in the parent's store.
    const extract = issued.json<DossierDetail>().attachments.find((a) => a.documentKey === 'result_birth_extract')!;
    expect(extract).toBeDefined();
    const [birthRow] = await t.database.rows<{
      pdf_sha256: string;
      valid_until: string | null;
      facts: { fullName: string; nationalIdMasked: string; registryFacts: Array<{ label: string; value: string }> };
    }>(
      sql`select pdf_sha256, valid_until::text, facts from dossiers.result_verifications
          where dossier_id = ${id} and kind = 'BIRTH_EXTRACT'`,
    );
    expect(birthRow!.pdf_sha256).toBe(extract.sha256);
    expect(birthRow!.valid_until).toBeNull();
    expect(birthRow!.facts.fullName).toBe('Lò Thị Hoa');
    expect(birthRow!.facts.nationalIdMasked).toBe(`${childId.slice(0, 4)}******${childId.slice(-2)}`);
    const stepEnded = d.steps[0]!.endedAt!;
    const registeredOn = new Date(Date.parse(stepEnded) + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(birthRow!.facts.registryFacts).toContainEqual({
      label: 'Ngày đăng ký',
      value: registeredOn.split('-').reverse().join('/'),
    });
    await recordIssuedDocuments(t.database.db, { settleMs: 0 });
    await recordIssuedDocuments(t.database.db, { settleMs: 0 });
    const stored = (await citizen.inject('/api/v1/documents/mine'))
      .json<StoredDocumentList>()
      .items.filter((x) => x.dossierCode === filed.code);
    expect(stored.map((x) => x.documentType).sort()).toEqual(['BIRTH_EXTRACT', 'CT08']);
    const copy = await citizen.inject(
      `/api/v1/documents/${stored.find((x) => x.documentType === 'BIRTH_EXTRACT')!.id}/file`,
    );
    expect(copy.statusCode).toBe(200);
    expect(createHash('sha256').update(copy.rawPayload).digest('hex')).toBe(extract.sha256);
  });

  it('stops the running step when the citizen withdraws: it leaves the agency’s queues', async () => {
    const filed = await fileBirthGroup('Lò Thị Rút');
    const id = filed.id;
    for (const c of ['receive', 'start_processing', 'complete_step'])
      expect((await command(civilStatus, id, c)).statusCode).toBe(200);
    const fresh = async () =>
      (await police.inject('/api/v1/dossiers?queue=new&pageSize=100'))
        .json<{ items: DossierSummary[] }>()
        .items.map((x) => x.id);
    expect(await fresh()).toContain(id);
    expect((await command(citizen, id, 'withdraw')).statusCode).toBe(200);
    expect(await fresh()).not.toContain(id);
    expect((await read(citizen, id)).steps.map((s) => s.state)).toEqual(['done', 'stopped', 'waiting', 'waiting']);
  });

  it('pauses the whole group for a supplement and refuses it once after 7 working days, even with two runs at once', async () => {
    const filed = await fileBirthGroup('Lò Thị Mây');
    const id = filed.id;
    for (const c of ['receive', 'start_processing']) expect((await command(civilStatus, id, c)).statusCode).toBe(200);
    expect((await command(civilStatus, id, 'complete_step')).statusCode).toBe(200);
    const asked = await command(police, id, 'request_supplement', {
      items: [{ item: 'Giấy tờ chỗ ở hợp pháp', reason: 'Chủ hộ đã chuyển đi' }],
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json<DossierDetail>().state).toBe('supplement_requested');
    // Nothing happens within the window.
    expect(await refuseExpiredSupplements(t.database.db, new Date())).toBe(0);
    const later = new Date(Date.now() + 20 * 86_400_000);
    const runs = await Promise.all([
      refuseExpiredSupplements(t.database.db, later),
      refuseExpiredSupplements(t.database.db, later),
    ]);
    expect(runs[0] + runs[1]).toBe(1);
    const d = await read(citizen, id);
    expect(d.state).toBe('refused');
    expect(d.steps.map((s) => s.state)).toEqual(['done', 'refused', 'waiting', 'waiting']);
    const refusals = d.timeline.filter((e) => e.command === 'refuse');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.legalBasis).toContain('63/2024/NĐ-CP');
    // Its refusal slip is verifiable, like an officer's refusal (one row, written by the run that refused).
    const rows = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from dossiers.result_verifications where dossier_id = ${id} and kind = 'REFUSAL'`,
    );
    expect(rows[0]!.n).toBe(1);
  });
});

describe('a refusal at an agency’s step', () => {
  it('refuses the group in that agency’s name: its slip and its verification say who refused', async () => {
    const filed = await fileBirthGroup('Lò Thị Từ');
    const id = filed.id;
    for (const c of ['receive', 'start_processing', 'complete_step'])
      expect((await command(civilStatus, id, c)).statusCode).toBe(200);
    expect((await command(police, id, 'complete_step')).statusCode).toBe(200);
    const refused = await command(insurance, id, 'refuse', {
      reason: 'Trẻ đã có thẻ bảo hiểm y tế cấp ở tỉnh khác',
      legalBasis: 'Luật Bảo hiểm y tế 2008, Điều 16',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const d = refused.json<DossierDetail>();
    expect(d.state).toBe('refused');
    expect(d.steps.map((s) => s.state)).toEqual(['done', 'done', 'refused', 'waiting']);
    const [row] = await t.database.rows<{ agency_name: string }>(
      sql`select agency_name from dossiers.result_verifications where dossier_id = ${id} and kind = 'REFUSAL'`,
    );
    expect(row).toEqual({ agency_name: 'Bảo hiểm xã hội' });
  });
});

describe('interlinked group 2: death → deletion of permanent residence → allowances', () => {
  it('records the death, ends the residence, and the social-protection officer enters the allowance decision', async () => {
    const res = await submitPrefilled(
      citizen,
      '1.011537',
      {
        declarantRelation: 'spouse',
        deceasedFullName: su.fullName,
        deceasedNationalId: su.nationalId,
        deceasedBirthDate: su.birthDate,
        deathDate: daysAgo(2),
        deathPlace: 'Tại nhà, bản Mường, xã Mường Tè',
        deathCause: 'Bệnh già',
        bankAccountNumber: '0123456789',
        bankName: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn',
        requestContent: undefined,
      },
      false,
      ['death_notice'].map((k) => ({ field: `file:${k}`, name: `${k}.pdf`, type: 'application/pdf', data: PDF })),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<DossierDetail>().id;
    for (const c of ['receive', 'start_processing']) expect((await command(civilStatus, id, c)).statusCode).toBe(200);
    expect((await command(civilStatus, id, 'complete_step')).statusCode).toBe(200);
    const ended = await command(police, id, 'complete_step');
    expect(ended.statusCode, ended.body).toBe(200);
    const [row] = await t.database.rows<{ status: string; open: number }>(
      sql`select p.status, (select count(*)::int from population.residences r where r.person_id = p.id and r.kind = 'permanent'
            and r.valid_to is null) as open
          from population.persons p where p.national_id = ${su.nationalId}`,
    );
    expect(row).toEqual({ status: 'deceased', open: 0 });
    expect((await command(insurance, id, 'complete_step')).statusCode).toBe(404);
    const bad = await command(socialProtection, id, 'complete_step', {
      outcome: { decisionNumber: '12', amount: '-5' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: { field: string }[] } }>().error.fields[0]!.field).toBe(
      'outcome.decisionNumber',
    );
    const done = await command(socialProtection, id, 'complete_step', {
      outcome: { decisionNumber: '125/QĐ-BHXH', amount: '36.000.000' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<DossierDetail>().state).toBe('approved');
    expect((await read(citizen, id)).steps[2]!.outcome).toEqual({ decisionNumber: '125/QĐ-BHXH', amount: '36000000' });
  });
});

describe('the death of a household head whose family stays', () => {
  it('ends the head’s residence (death is the ground, not refused) and queues the family for the headless-household check', async () => {
    const head = person(71, 'Vàng A Páo', 'male', 1940);
    const son = person(72, 'Vàng A Lử', 'male', 1970);
    await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [head, son]));
    const res = await submitPrefilled(
      citizen,
      '1.011537',
      {
        declarantRelation: 'other',
        deceasedFullName: head.fullName,
        deceasedNationalId: head.nationalId,
        deceasedBirthDate: head.birthDate,
        deathDate: daysAgo(1),
        deathPlace: 'Tại nhà, xã Mường Tè',
        deathCause: 'Bệnh già',
        bankAccountNumber: '0123456789',
        bankName: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn',
        requestContent: undefined,
      },
      false,
      [{ field: 'file:death_notice', name: 'death_notice.pdf', type: 'application/pdf', data: PDF }],
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<DossierDetail>().id;
    for (const c of ['receive', 'start_processing', 'complete_step'])
      expect((await command(civilStatus, id, c)).statusCode).toBe(200);
    const step = await command(police, id, 'complete_step');
    expect(step.statusCode, step.body).toBe(200);
    const queued = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from population.quality_refresh_queue q join population.persons p on p.id = q.person_id
          where p.national_id = ${son.nationalId}`,
    );
    expect(queued[0]!.n).toBeGreaterThan(0);
  });
});
