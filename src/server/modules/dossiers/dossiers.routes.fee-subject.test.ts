import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Session } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import { todayInVietnam } from '../../../contracts/common';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { FeeCalculation } from '../../../contracts/fees';
import { copyRegistryBatch } from '../population';
import { PDF, TEMP, t, police, prefilledForm, useDossierApp, versionId } from './dossiers.routes.test-support';

/*
 * Circular 75/2022/TT-BTC Art. 4 exempts the person being registered, not the filer: the newborn
 * of the interlinked birth group, a child filed for by a parent. The parents here are Kinh adults
 * of a commune on no list: nothing exempts them, so any exemption is the child's.
 */
useDossierApp();

const UNIT = '03445';
const kinh = (nationalId: string, fullName: string, birthDate: string, sex: 'male' | 'female') =>
  makePerson({ id: randomUUID(), nationalId, idCardNumber: nationalId, fullName, birthDate, sex, ethnicityCode: '01' });
const mother = kinh('001092000501', 'Phạm Thị Hoa', '1992-04-04', 'female');
const child = kinh('001216000502', 'Phạm Minh An', '2016-05-05', 'male'); // 10 years old
const daysAgo = (n: number) => {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

let motherSession: Session;
let civilStatus: Session;
let group: { code: string; id: string };

beforeAll(async () => {
  await copyRegistryBatch(t.database, makeHousehold(UNIT, [mother, child]));
  motherSession = await t.citizen({ nationalId: mother.nationalId!, fullName: mother.fullName }, 2);
  civilStatus = await t.staff('civil_status_officer', UNIT);
  // The interlinked birth group is found by its data (its code changes with its dated versions).
  const listed = (await t.app.inject('/api/v1/procedures?field=interlinked')).json<{
    items: Array<{ code: string; id: string; feeOnline: number }>;
  }>();
  const found = listed.items.find((p) => p.feeOnline > 0);
  if (!found) throw new Error('no interlinked group with a fee in the catalog');
  group = found;
});

/** The group's form as the mother fills it (prefilled from her record), for a child born `born`. */
async function birthForm(born: string): Promise<Record<string, unknown>> {
  const res = await motherSession.inject(`/api/v1/procedures/${group.code}/prefill`);
  expect(res.statusCode, res.body).toBe(200);
  const { values } = res.json<{ values: Record<string, unknown> }>();
  return {
    ...values,
    declarantRelation: 'mother',
    childFullName: 'Phạm Gia Bảo',
    childBirthDate: born,
    childSex: 'male',
    childBirthPlace: 'Trạm y tế xã Mường Tè',
    childEthnicity: 'Kinh',
    childNationality: 'Việt Nam',
    motherFullName: mother.fullName,
    householdHeadFullName: values.householdHeadFullName ?? mother.fullName,
    householdAddress: values.householdAddress ?? 'Bản Nậm Củm, xã Mường Tè',
    childRelationToHead: 'child',
    healthFacility: 'Trạm y tế xã Mường Tè',
  };
}

const birthCertificate = [
  { field: 'file:birth_certificate', name: 'giay-chung-sinh.pdf', type: 'application/pdf', data: PDF },
];

/** Files a dossier as `session` (multipart): `paperFor` makes it a paper filing entered for that applicant. */
async function fileAs(
  session: Session,
  procedure: { code: string; id: string },
  form: Record<string, unknown>,
  files: typeof birthCertificate,
  paperFor?: string,
): Promise<DossierDetail> {
  const body = { procedureCode: procedure.code, procedureVersionId: procedure.id, form };
  const channel = paperFor
    ? { channel: 'paper', unitCode: UNIT, applicantNationalId: paperFor }
    : { channel: 'online' };
  const res = await session.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    ...multipart('dossier', { ...body, ...channel }, files),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DossierDetail>();
}

describe('Circular 75/2022/TT-BTC Art. 4(1): the newborn of the interlinked birth group is exempt (not billed as its parent)', () => {
  it('Art. 4(1): a paper filing entered by the civil-status officer is billed 0 VND, with the child exemption and its reason', async () => {
    const form = await birthForm(daysAgo(3));
    const d = await fileAs(civilStatus, group, form, birthCertificate, mother.nationalId!);
    expect(d).toMatchObject({ state: 'submitted', feeStatus: 'exempt', feeAmount: 0, applicantName: mother.fullName });
    const fee = d.fee as unknown as FeeCalculation;
    expect(fee).toMatchObject({
      base: 20_000, // the direct rate: a paper filing is not covered by the temporary online waiver
      amount: 0,
      subject: { party: 'newborn', facts: 'declared' },
      exemption: { code: 'child', status: 'granted', legalBasis: 'Thông tư 75/2022/TT-BTC, Điều 4' },
      waived: 0,
    });
    expect(fee.exemption!.reasonVi).toContain('0 tuổi');
    expect(fee.exemption!.reasonVi).toContain('ngày sinh khai trên tờ khai');
    expect(fee.explanationVi.join(' ')).toContain('Được miễn lệ phí: Trẻ em');
    // The reason is shown with the dossier: the officer reads it back.
    const seen = (await civilStatus.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect((seen.fee as unknown as FeeCalculation).exemption?.reasonEn).toContain('under 16');
  });

  it('Art. 4(1): the mother filing online is billed 0 VND for the child, whom the exemption names', async () => {
    const d = await fileAs(motherSession, group, await birthForm(daysAgo(1)), birthCertificate);
    expect(d).toMatchObject({ state: 'submitted', feeStatus: 'exempt', feeAmount: 0 });
    // The child's exemption (no end date) comes before any temporary waiver.
    expect(d.fee).toMatchObject({ subject: { party: 'newborn' }, exemption: { code: 'child', status: 'granted' } });
  });
});

describe('Circular 75/2022/TT-BTC Art. 4: a filing on behalf of another person is exempt by that person', () => {
  it('Art. 4(1): the commune police enter a paper temporary-residence filing a mother makes for her child of 10: 0 VND', async () => {
    const form = {
      ...(await prefilledForm(motherSession)),
      fullName: child.fullName,
      birthDate: child.birthDate,
      sex: 'male',
      nationalId: child.nationalId,
      relationToHead: 'child',
    };
    const dwelling = [{ field: 'file:lawful_dwelling', name: 'scan.pdf', type: 'application/pdf', data: PDF }];
    const temp = { code: TEMP, id: versionId };
    const forChild = await fileAs(police, temp, form, dwelling, mother.nationalId!);
    expect(forChild).toMatchObject({
      feeStatus: 'exempt',
      feeAmount: 0,
      applicantName: mother.fullName,
    });
    expect(forChild.fee).toMatchObject({
      subject: { party: 'registered_person', facts: 'registry' },
      exemption: { code: 'child', status: 'granted' },
    });
    // The same mother registering herself pays the direct rate in cash: her own facts exempt nothing.
    const forHerself = await fileAs(police, temp, await prefilledForm(motherSession), dwelling, mother.nationalId!);
    expect(forHerself).toMatchObject({ feeStatus: 'cash', feeAmount: 15_000 });
    expect(forHerself.fee).toMatchObject({ subject: { party: 'filer' }, exemption: null });
  });
});
