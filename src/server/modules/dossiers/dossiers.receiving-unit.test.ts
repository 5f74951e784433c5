import { describe, expect, it, beforeAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DossierDetail, DossierSummary } from '../../../contracts/dossiers';
import { DEMO_PROVINCE_AGENCY_CODE } from '../../../contracts/agency-codes';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import { checkHouseholdHead, copyRegistryBatch } from '../population';
import { receivingAgencyCode } from '../units';
import {
  citizen,
  file,
  mai,
  oneStop,
  police,
  policeElsewhere,
  prefilledForm,
  su,
  t,
  TEMP,
  useDossierApp,
  versionId,
} from './dossiers.routes.test-support';

/*
 * Issue 13 §1: a registration is filed with the police of the commune where the person will live
 * (Residence Law 2020 Art. 22, 28). The address is structured (commune of today's structure,
 * village, house), the dossier goes to that commune, and the household head's ID number typed on
 * the form is checked against the registry for the officer.
 */
useDossierApp();

const DOAN_KET = '03388'; // Phường Đoàn Kết since 1/7/2025 (Quyết Thắng, Quyết Tiến and Đoàn Kết merged)
const hung = makePerson({
  id: randomUUID(),
  nationalId: '012080000201',
  idCardNumber: '012080000201',
  fullName: 'Lường Văn Hùng',
  birthYear: 1980,
  birthDate: '1980-02-02',
  sex: 'male',
});
const late = makePerson({
  id: randomUUID(),
  nationalId: '012050000202',
  idCardNumber: '012050000202',
  fullName: 'Lò Văn Chiến',
  birthYear: 1950,
  birthDate: '1950-03-03',
  sex: 'male',
  status: 'deceased',
  deathDate: '2026-01-10',
});

beforeAll(async () => {
  await copyRegistryBatch(t.database, makeHousehold(DOAN_KET, [hung], 'Số 12, đường Trần Phú, tổ 3'));
  await copyRegistryBatch(t.database, makeHousehold(DOAN_KET, [late]));
});

const toDoanKet = (extra: Record<string, unknown> = {}) => ({
  form: { addressCommune: DOAN_KET, addressVillage: 'Tổ 3', addressStreet: 'Số 12, đường Trần Phú', ...extra },
});

async function fileTo(extra: Record<string, unknown> = {}) {
  const form = { ...(await prefilledForm(citizen)), ...toDoanKet(extra).form };
  return file(citizen, { form });
}

describe('the receiving commune follows the address of the new residence', () => {
  it('goes to the police of the commune chosen in the address, with that commune agency code, not the applicant’s commune', async () => {
    const res = await fileTo();
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<DossierDetail>();
    expect(d.unitCode).toBe(DOAN_KET);
    const agency = await receivingAgencyCode('12', DOAN_KET, DEMO_PROVINCE_AGENCY_CODE);
    expect(d.code!.startsWith(`${agency.code}-`)).toBe(true);
    // The workqueues follow: Đoàn Kết's police sees it, Mường Tè's (the applicant's commune) does not.
    const there = (await policeElsewhere.inject('/api/v1/dossiers?queue=all')).json<{ items: DossierSummary[] }>();
    expect(there.items.map((i) => i.id)).toContain(d.id);
    expect((await police.inject(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(404);
  });

  it.each([
    ['a code that is not a commune today (Phường Quyết Thắng, merged in 2025)', '03386'],
    ['a code that does not exist', '99999'],
  ])('refuses %s with a message naming the field', async (_label, code) => {
    const res = await fileTo({ addressCommune: code });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<{ error: { fields: Array<{ field: string; messageVi: string }> } }>().error;
    expect(body.fields[0]).toMatchObject({ field: 'form.addressCommune' });
    expect(body.fields[0]!.messageVi).toContain('xã, phường hiện hành');
  });

  it('refuses a form without the commune or the village, naming each field', async () => {
    const { addressCommune: _c, addressVillage: _v, ...form } = await prefilledForm(citizen);
    const res = await file(citizen, { form });
    expect(res.statusCode, res.body).toBe(400);
    const fields = res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['form.addressCommune', 'form.addressVillage']));
  });

  it('refuses a paper filing entered by an officer of another commune, naming the commune that receives it', async () => {
    const body = {
      procedureCode: TEMP,
      procedureVersionId: versionId,
      channel: 'paper',
      unitCode: '03445',
      applicantNationalId: su.nationalId,
      form: {
        fullName: su.fullName,
        birthDate: su.birthDate,
        sex: su.sex,
        nationalId: su.nationalId,
        phone: '0912000111',
        requestContent: 'Đăng ký tạm trú',
        ...toDoanKet().form,
      },
    };
    const res = await oneStop.inject({ method: 'POST', url: '/api/v1/dossiers', ...multipart('dossier', body, []) });
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json<{ error: { fields: Array<{ field: string; messageVi: string }> } }>().error.fields[0]!;
    expect(problem.field).toBe('form.addressCommune');
    expect(problem.messageVi).toContain('Phường Đoàn Kết');
  });
});

describe("the household head's ID number is checked against the registry", () => {
  it('shows the officer that the head exists, is alive and heads a household in that commune; the citizen does not get the check', async () => {
    const res = await fileTo({
      headNationalId: hung.nationalId,
      headFullName: 'LƯỜNG VĂN HÙNG',
      relationToHead: 'other',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<DossierDetail>().id;
    const staffView = (await policeElsewhere.inject(`/api/v1/dossiers/${id}`)).json<DossierDetail>();
    expect(staffView.registryChecks?.householdHead).toMatchObject({
      nationalId: hung.nationalId,
      result: 'ok',
      registryName: 'Lường Văn Hùng',
      nameMatches: true,
      householdUnitCode: DOAN_KET,
      householdAddress: 'Số 12, đường Trần Phú, tổ 3',
    });
    const own = (await citizen.inject(`/api/v1/dossiers/${id}`)).json<DossierDetail>();
    expect(own.registryChecks).toBeNull();
  });

  it.each([
    ['not in the registry', '001099012345', DOAN_KET, 'not_found'],
    ['deceased', late.nationalId!, DOAN_KET, 'deceased'],
    ['a member, not the head', su.nationalId!, '03445', 'not_head'],
    ['head of a household in another commune', mai.nationalId!, DOAN_KET, 'other_commune'],
    ['head of a household in that commune', hung.nationalId!, DOAN_KET, 'ok'],
  ])('a number %s is reported as such', async (_label, nationalId, communeCode, result) => {
    const check = await checkHouseholdHead(t.database.db, { nationalId, communeCode, now: new Date() });
    expect(check.result).toBe(result);
  });

  it('flags a typed name that is not the registry’s', async () => {
    const check = await checkHouseholdHead(t.database.db, {
      nationalId: hung.nationalId!,
      communeCode: DOAN_KET,
      typedName: 'Lường Văn Hưng',
      now: new Date(),
    });
    expect(check).toMatchObject({ result: 'ok', nameMatches: false });
  });
});

describe('communes are found by their name before the 2025 merger', () => {
  it('lists today’s communes with the names of the units merged into them', async () => {
    const res = await t.app.inject('/api/v1/units?level=commune&withFormerNames=true');
    expect(res.statusCode, res.body).toBe(200);
    const doanKet = res
      .json<{ items: Array<{ code: string; fullName: string; formerNames?: string[] }> }>()
      .items.find((u) => u.code === DOAN_KET);
    expect(doanKet).toMatchObject({ fullName: 'Phường Đoàn Kết' });
    expect(doanKet!.formerNames).toEqual(expect.arrayContaining(['Phường Quyết Thắng', 'Phường Quyết Tiến']));
    expect(doanKet!.formerNames).not.toContain('Phường Đoàn Kết');
  });
});
