import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { SubjectAccessPage } from '../../../contracts/audit';
import type { PersonDetail } from '../../../contracts/population';
import { todayInVietnam } from '../../../contracts/common';
import { makeHousehold } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import type { Session } from '../../../../test/app';
import { copyRegistryBatch, refreshQueuedFindings, registerPermanentResidence, runQualityCheck } from '../population';
import { command, policeElsewhere, t, useDossierApp } from './dossiers.routes.test-support';
import {
  dayBefore,
  decide,
  DOAN_KET,
  fileAs,
  MUONG_TE,
  person,
  personRow,
  residencesOf,
  loadWithTemporaryResidence,
} from './dossiers.registry-effects.test-support';
import { lastDayOfYears } from './registry-effects';

/*
 * Issue 13 §2 and §5: an approval changes the registry in the decision's transaction, through
 * population's commands; a registry that changed since filing makes the approval fail with 409 and
 * nothing applied.
 */
useDossierApp();

const PERMANENT = '1.004222';
const TEMPORARY = '1.004194';

const hung = person(1, 'Lường Văn Hùng', 'male', 1980);
const lan = person(2, 'Lò Thị Lan', 'female', 1992);
const con = person(3, 'Lò Văn Khánh', 'male', 1996);
const tuan = person(4, 'Vàng A Tuấn', 'male', 1988);

let lanSession: Session;
let tuanSession: Session;
let hungHousehold: string;

beforeAll(async () => {
  const hungBatch = makeHousehold(DOAN_KET, [hung], 'Số 12, đường Trần Phú, tổ 3');
  hungHousehold = hungBatch.households[0]!.id;
  await copyRegistryBatch(t.database, hungBatch);
  // Lan (head) and her brother Khánh live in Mường Tè since 2015.
  await copyRegistryBatch(t.database, {
    ...makeHousehold(MUONG_TE, [lan, { ...con, relationToHead: 'sibling' }], 'Bản Nậm Củm'),
  });
  await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [tuan], 'Bản Pắc Ma'));
  lanSession = await t.citizen({ nationalId: lan.nationalId!, fullName: lan.fullName }, 2);
  tuanSession = await t.citizen({ nationalId: tuan.nationalId!, fullName: tuan.fullName }, 2);
});

const joinHung = {
  addressCommune: DOAN_KET,
  addressVillage: 'Tổ 3',
  addressStreet: 'Số 12, đường Trần Phú',
  headFullName: hung.fullName,
  headNationalId: hung.nationalId,
  relationToHead: 'sibling',
};

describe('approving a permanent residence registration (1.004222) changes the registry in the same transaction', () => {
  let approved: DossierDetail;

  it('moves the applicant and the member named on the form into the household of the head, from the decision date', async () => {
    const before = await residencesOf(lan.id);
    const filed = await fileAs(lanSession, PERMANENT, joinHung, true);
    expect(filed.form.members).toEqual([expect.objectContaining({ nationalId: con.nationalId })]);
    expect(filed.unitCode).toBe(DOAN_KET);
    const res = await decide(filed.id);
    expect(res.statusCode, res.body).toBe(200);
    approved = res.json<DossierDetail>();
    expect(approved.state).toBe('approved');
    const today = todayInVietnam();
    for (const id of [lan.id, con.id]) {
      const rows = await residencesOf(id);
      const current = rows.filter((r) => r.kind === 'permanent' && r.valid_to === null);
      expect(current).toEqual([
        expect.objectContaining({
          unit_code: DOAN_KET,
          address_line: 'Số 12, đường Trần Phú, Tổ 3',
          valid_from: today,
          dossier_code: approved.code,
        }),
      ]);
      // The old residence ends the day before; history stays.
      const old = rows.find((r) => r.kind === 'permanent' && r.unit_code === MUONG_TE)!;
      expect(old).toMatchObject({ valid_to: dayBefore(today), ended_by_dossier_code: approved.code });
      expect(await personRow(id)).toMatchObject({
        household_id: hungHousehold,
        relation_to_head: 'sibling',
        residence_unit_code: DOAN_KET,
        registry_version: 1,
      });
    }
    expect(before.some((r) => r.unit_code === MUONG_TE && r.valid_to === null)).toBe(true);
  });

  it('keeps the history queryable: where Lan lived on 2024-05-01 and where she lives today', async () => {
    const at = async (day: string) =>
      t.database.rows<{ unit_code: string }>(
        sql`select unit_code from population.residences where person_id = ${lan.id} and kind = 'permanent'
            and valid_from <= ${day}::date and (valid_to is null or valid_to >= ${day}::date)`,
      );
    expect(await at('2024-05-01')).toEqual([{ unit_code: MUONG_TE }]);
    expect(await at(todayInVietnam())).toEqual([{ unit_code: DOAN_KET }]);
  });

  it('writes one dated change line per person, linked to the dossier, and logs the write in the citizen’s access log', async () => {
    const changes = await t.database.rows<{ person_id: string; kind: string; dossier_code: string; after: unknown }>(
      sql`select person_id, kind, dossier_code, after from population.registry_changes where dossier_code = ${approved.code} order by person_id`,
    );
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ kind: 'permanent_residence', after: { unitCode: DOAN_KET } });
    // The person's page: the new residence names its dossier, and a dated history line links to it.
    const page = await policeElsewhere.inject(`/api/v1/population/persons/${lan.id}?purpose=dossier_processing`);
    expect(page.statusCode, page.body).toBe(200);
    const detail = page.json<PersonDetail>();
    expect(detail.changes).toEqual([
      expect.objectContaining({
        kind: 'permanent_residence',
        effectiveOn: todayInVietnam(),
        dossierCode: approved.code,
      }),
    ]);
    expect(detail.residences.find((r) => r.validTo === null && r.kind === 'permanent')).toMatchObject({
      unitCode: DOAN_KET,
      dossierCode: approved.code,
    });
    const log = (await lanSession.inject('/api/v1/audit/me/access-log?pageSize=50')).json<SubjectAccessPage>();
    expect(log.items.find((i) => i.action === 'person.update')).toMatchObject({
      target: { kind: 'person_record', code: approved.code },
    });
  });

  it('refuses to approve a second dossier filed before the first was decided: 409 naming the change, nothing applied', async () => {
    // Tuấn files twice (e.g. on two phones); the first approval moves him, the second saw the old registry.
    const first = await fileAs(tuanSession, PERMANENT, joinHung);
    const second = await fileAs(tuanSession, PERMANENT, joinHung);
    expect((await decide(first.id)).statusCode).toBe(200);
    const afterFirst = await residencesOf(tuan.id);
    const res = await decide(second.id);
    expect(res.statusCode, res.body).toBe(409);
    const error = res.json<{ error: { code: string; messageVi: string; messageEn: string } }>().error;
    expect(error.code).toBe('POPULATION.REGISTRY_CONFLICT');
    expect(error.messageVi).toContain(first.code!);
    expect(error.messageEn).toContain('Nothing was applied');
    expect(await residencesOf(tuan.id)).toEqual(afterFirst);
    const still = (await policeElsewhere.inject(`/api/v1/dossiers/${second.id}`)).json<DossierDetail>();
    expect(still.state).toBe('in_processing');
  });

  it('changes nothing when the head named on the form is no longer a household head at the decision', async () => {
    const ly = person(5, 'Lý Thị Ly', 'female', 1990);
    const head = person(6, 'Lý Văn Páo', 'male', 1960);
    await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [ly], 'Bản Nậm Hàng'));
    const headBatch = makeHousehold(DOAN_KET, [head], 'Tổ 9');
    await copyRegistryBatch(t.database, headBatch);
    const lySession = await t.citizen({ nationalId: ly.nationalId!, fullName: ly.fullName }, 2);
    const filed = await fileAs(lySession, PERMANENT, {
      ...joinHung,
      headFullName: head.fullName,
      headNationalId: head.nationalId,
      relationToHead: 'child',
    });
    await t.database.db.execute(
      sql`update population.persons set status = 'deceased', death_date = ${todayInVietnam()} where id = ${head.id}`,
    );
    const before = { residences: await residencesOf(ly.id), person: await personRow(ly.id) };
    const res = await decide(filed.id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ error: { messageVi: string } }>().error.messageVi).toContain('không còn là chủ hộ');
    expect({ residences: await residencesOf(ly.id), person: await personRow(ly.id) }).toEqual(before);
    const [n] = await t.database.rows<{ n: string }>(
      sql`select count(*)::text as n from population.registry_changes where dossier_code = ${filed.code}`,
    );
    expect(n!.n).toBe('0');
  });

  it('lets one of two officers approving the same dossier at once win; the effect is applied once', async () => {
    const kim = person(7, 'Lò Thị Kim', 'female', 1994);
    await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [kim], 'Bản Mường'));
    const kimSession = await t.citizen({ nationalId: kim.nationalId!, fullName: kim.fullName }, 2);
    const filed = await fileAs(kimSession, PERMANENT, joinHung);
    for (const c of ['receive', 'start_processing'])
      expect((await command(policeElsewhere, filed.id, c)).statusCode).toBe(200);
    const other = await t.staff('commune_police', DOAN_KET);
    const results = await Promise.all([
      command(policeElsewhere, filed.id, 'approve'),
      command(other, filed.id, 'approve'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const current = (await residencesOf(kim.id)).filter((r) => r.kind === 'permanent' && r.valid_to === null);
    expect(current).toHaveLength(1);
    expect((await personRow(kim.id)).registry_version).toBe(1);
  });

  it('leaves nothing when the decision’s transaction aborts after the effect (as a server killed mid-decision)', async () => {
    const an = person(8, 'Lò Văn An', 'male', 1991);
    await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [an], 'Bản Pác Ma'));
    const before = { residences: await residencesOf(an.id), person: await personRow(an.id) };
    const aborted = t.database.db.transaction(async (tx) => {
      await registerPermanentResidence(tx, writerDecision('TEST-ABORT'), {
        address: { unitCode: DOAN_KET, addressLine: 'Tổ 3' },
        movers: [{ personId: an.id, relationToHead: 'other' }],
        joinHeadNationalId: hung.nationalId!,
      });
      throw new Error('killed after the effect');
    });
    await expect(aborted).rejects.toThrow('killed after the effect');
    expect({ residences: await residencesOf(an.id), person: await personRow(an.id) }).toEqual(before);
  });
});

describe('a decision recomputes the data-quality findings of the persons it changed', () => {
  it('removes "living person without a permanent residence" from the latest run once the registration is approved (by the refresh job), and rescores the commune', async () => {
    const dzo = person(9, 'Sùng A Dơ', 'male', 1993);
    await copyRegistryBatch(t.database, {
      households: [],
      persons: [{ ...dzo, householdId: null, relationToHead: null }],
      residences: [],
    });
    const runId = await runQualityCheck(t.database);
    const findingsOf = async () =>
      (
        await t.database.rows<{ rule_code: string }>(
          sql`select rule_code from population.quality_findings where run_id = ${runId} and person_id = ${dzo.id}`,
        )
      ).map((r) => r.rule_code);
    expect(await findingsOf()).toContain('COMPLETE.MISSING_PERMANENT_RESIDENCE');
    const scoreOf = async (unit: string) =>
      (
        await t.database.rows<{ persons: number }>(
          sql`select persons from population.quality_scores where run_id = ${runId} and unit_code = ${unit}`,
        )
      )[0]?.persons;
    const [doanKetBefore, provinceBefore] = [await scoreOf(DOAN_KET), await scoreOf('*')];
    const session = await t.citizen({ nationalId: dzo.nationalId!, fullName: dzo.fullName }, 2);
    const filed = await fileAs(session, PERMANENT, {
      addressCommune: DOAN_KET,
      addressVillage: 'Tổ 8',
      headFullName: dzo.fullName,
      relationToHead: 'head',
    });
    expect((await decide(filed.id)).statusCode).toBe(200);
    // The decision queued him; the quality-refresh job (every 2 s in a server) recomputes in batches.
    expect(await findingsOf()).toContain('COMPLETE.MISSING_PERMANENT_RESIDENCE');
    expect(await refreshQueuedFindings(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await refreshQueuedFindings(t.database.db)).toBe(0);
    expect(await findingsOf()).not.toContain('COMPLETE.MISSING_PERMANENT_RESIDENCE');
    expect(await scoreOf(DOAN_KET)).toBe(Number(doanKetBefore) + 1);
    expect(await scoreOf('*')).toBe(provinceBefore);
    // A new household headed by him.
    expect(await personRow(dzo.id)).toMatchObject({ relation_to_head: 'head', residence_unit_code: DOAN_KET });
  });
});

describe('a head who registers permanent residence elsewhere', () => {
  it('is not refused, and the members left behind show "household without a head" after the refresh', async () => {
    const head = person(30, 'Lò Văn Xôm', 'male', 1970);
    const wife = person(31, 'Lò Thị Ún', 'female', 1972);
    await copyRegistryBatch(
      t.database,
      makeHousehold(MUONG_TE, [head, { ...wife, relationToHead: 'spouse' }], 'Bản Hua Bum'),
    );
    const runId = await runQualityCheck(t.database);
    const findingsOf = async (id: string) =>
      (
        await t.database.rows<{ rule_code: string }>(
          sql`select rule_code from population.quality_findings where run_id = ${runId} and person_id = ${id}`,
        )
      ).map((r) => r.rule_code);
    expect(await findingsOf(wife.id)).not.toContain('LIVE.HOUSEHOLD_WITHOUT_HEAD');
    const session = await t.citizen({ nationalId: head.nationalId!, fullName: head.fullName }, 2);
    const filed = await fileAs(session, PERMANENT, joinHung);
    expect((await decide(filed.id)).statusCode).toBe(200);
    while ((await refreshQueuedFindings(t.database.db)) > 0);
    expect(await findingsOf(wife.id)).toContain('LIVE.HOUSEHOLD_WITHOUT_HEAD');
  });
});

function writerDecision(dossierCode: string) {
  return {
    dossierCode,
    on: todayInVietnam(),
    seen: {},
    writer: { accountId: null, role: 'commune_police', unitCode: DOAN_KET, requestId: randomUUID() },
  };
}

describe('approving a temporary residence registration (1.004194) records it with its end date', () => {
  const today = todayInVietnam();
  let nextGuest = 10;

  it.each([
    ['no end date asked: the legal limit of 2 years', undefined, lastDayOfYears(today, 2)],
    ['an end date within the limit: that date', lastDayOfYears(today, 1), lastDayOfYears(today, 1)],
    ['an end date beyond the limit: the limit', lastDayOfYears(today, 5), lastDayOfYears(today, 2)],
  ])('%s', async (_label, until, expected) => {
    const guest = person(nextGuest++, 'Giàng Thị Dua', 'female', 1999);
    await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [guest], 'Bản Nà Hừ'));
    const session = await t.citizen({ nationalId: guest.nationalId!, fullName: guest.fullName }, 2);
    const filed = await fileAs(session, TEMPORARY, {
      addressCommune: DOAN_KET,
      addressVillage: 'Tổ 5',
      ...(until ? { temporaryUntil: until } : {}),
    });
    const res = await decide(filed.id);
    expect(res.statusCode, res.body).toBe(200);
    const temporary = (await residencesOf(guest.id)).filter((r) => r.kind === 'temporary');
    expect(temporary).toEqual([
      expect.objectContaining({ unit_code: DOAN_KET, address_line: 'Tổ 5', valid_from: today, valid_to: expected }),
    ]);
    // The permanent residence is untouched.
    expect((await personRow(guest.id)).residence_unit_code).toBe(MUONG_TE);
  });
});

describe('approving an extension of temporary residence (1.002755) moves its last day', () => {
  const EXTENSION = '1.002755';

  it('is received by the police of the commune of the temporary residence, and the approval sets the new last day', async () => {
    const worker = person(90, 'Hoàng Văn Thắng', 'male', 1995);
    await loadWithTemporaryResidence(worker, {
      addressLine: 'Phòng trọ số 4, tổ 5',
      validFrom: '2025-09-01',
      validTo: lastDayOfYears(todayInVietnam(), 1),
    });
    const session = await t.citizen({ nationalId: worker.nationalId!, fullName: worker.fullName }, 2);
    const until = lastDayOfYears(todayInVietnam(), 2);
    const filed = await fileAs(session, EXTENSION, { extendUntil: until });
    expect(filed.unitCode).toBe(DOAN_KET);
    const res = await decide(filed.id);
    expect(res.statusCode, res.body).toBe(200);
    const temporary = (await residencesOf(worker.id)).filter((r) => r.kind === 'temporary');
    expect(temporary).toEqual([expect.objectContaining({ unit_code: DOAN_KET, valid_to: until })]);
    const [change] = await t.database.rows<{ kind: string }>(
      sql`select kind from population.registry_changes where dossier_code = ${res.json<DossierDetail>().code}`,
    );
    expect(change).toEqual({ kind: 'temporary_extension' });
  });

  it('refuses at filing someone with no temporary residence in force, saying what to do', async () => {
    const settled = person(91, 'Lò Văn Pọm', 'male', 1985);
    await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [settled], 'Bản Mường'));
    const session = await t.citizen({ nationalId: settled.nationalId!, fullName: settled.fullName }, 2);
    const version = (await t.app.inject(`/api/v1/procedures/${EXTENSION}`)).json<{ id: string }>();
    const { values } = (await session.inject(`/api/v1/procedures/${EXTENSION}/prefill`)).json<{
      values: Record<string, unknown>;
    }>();
    const { members: _m, ...form } = values;
    const res = await session.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      ...multipart(
        'dossier',
        {
          procedureCode: EXTENSION,
          procedureVersionId: version.id,
          channel: 'online',
          form: {
            ...form,
            address: 'Không có',
            requestContent: 'Gia hạn tạm trú',
            extendUntil: lastDayOfYears(todayInVietnam(), 1),
          },
        },
        [],
      ),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { messageVi: string } }>().error.messageVi).toContain('Không có nơi tạm trú');
  });
});
