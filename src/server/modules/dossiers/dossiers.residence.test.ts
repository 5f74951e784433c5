import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { multipart } from '../../../../test/multipart';
import { todayInVietnam } from '../../../contracts/common';
import type { DossierDetail, ResultVerification } from '../../../contracts/dossiers';
import type { ProcedureVersion } from '../../../contracts/procedures';
import type { SubjectAccessPage } from '../../../contracts/audit';
import { extractText } from '../slips/test-support';
import { citizen, command, counts, mai, police, t, useDossierApp } from './dossiers.routes.test-support';

/*
 * Residence procedures over HTTP: temporary absence (1.003677) refused online for persons under
 * Residence Law 2020 Art. 31(1)(a)(b) — they declare in person with the supervising authority's
 * consent (Art. 31(2)(3)) — and the declaration of residence information (1.010040, Residence Law
 * Art. 19(1), Decree 154/2024 Art. 4) filed end to end; results issued with their CT03 / CT07 PDFs.
 */

useDossierApp();

const ABSENCE = '1.003677';
const DECLARATION = '1.010040';

type ErrorBody = {
  error: {
    code: string;
    messageVi: string;
    messageEn: string;
    fields: Array<{ field: string; messageVi: string; messageEn: string }>;
  };
};

async function versionOf(code: string): Promise<ProcedureVersion> {
  const res = await t.app.inject(`/api/v1/procedures/${code}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ProcedureVersion>();
}

async function prefill(code: string): Promise<Record<string, unknown>> {
  const res = await citizen.inject(`/api/v1/procedures/${code}/prefill`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ values: Record<string, unknown> }>().values;
}

async function fileAbsence(
  supervisionStatus: string,
  channelFields: Record<string, unknown> = { channel: 'online' },
  session = citizen,
) {
  const version = await versionOf(ABSENCE);
  const form = {
    ...(await prefill(ABSENCE)),
    requestContent: 'Khai báo tạm vắng để đi làm ăn xa',
    supervisionStatus,
    absenceFrom: '2026-12-10',
    absenceTo: '2027-12-31',
    destination: 'Phường Bắc Ninh, tỉnh Bắc Ninh',
  };
  const body = { procedureCode: ABSENCE, procedureVersionId: version.id, form, ...channelFields };
  return session.inject({ method: 'POST', url: '/api/v1/dossiers', ...multipart('dossier', body, []) });
}

/** Receive, process, approve and issue the result; returns the dossier after issue_result. */
async function settle(d: DossierDetail): Promise<DossierDetail> {
  let current = d;
  for (const name of ['receive', 'start_processing', 'approve', 'issue_result']) {
    const res = await command(police, current.id, name);
    expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
    current = res.json<DossierDetail>();
  }
  return current;
}

async function resultText(d: DossierDetail, key: string): Promise<string> {
  const a = d.attachments.find((x) => x.documentKey === key);
  expect(a, `attachment ${key}`).toBeDefined();
  const res = await police.inject(`/api/v1/dossiers/${d.id}/attachments/${a!.id}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('application/pdf');
  return extractText(res.rawPayload).replace(/\s+/g, ' ');
}

describe('temporary absence (1.003677): Residence Law 2020 Art. 31(2)(3) — points (a)(b) declare in person', () => {
  it('the catalog version asks the case of Art. 31(1), names the in-person rule and produces CT03', async () => {
    const v = await versionOf(ABSENCE);
    expect(v.effectiveFrom).toBe('2026-12-06'); // the version whose approval records the absence in the registry
    expect(v.resultDocuments).toEqual(['CT03']);
    expect(v.form.fields.supervisionStatus?.options?.map((o) => o.value)).toEqual([
      'criminal_procedure',
      'administrative_measure',
      'military_or_state_duty',
      'long_absence',
    ]);
    expect(v.form.inPersonOnly).toEqual([
      expect.objectContaining({
        field: 'supervisionStatus',
        values: ['criminal_procedure', 'administrative_measure'],
        legalBasis: 'khoản 2, 3 Điều 31 Luật Cư trú số 68/2020/QH14',
      }),
    ]);
    expect(v.documents.find((d) => d.code === 'authority_consent')?.noteVi).toContain('trực tiếp');
  });

  it.each(['criminal_procedure', 'administrative_measure'])(
    'refuses an online filing of case %s with the reason on the field, in both languages, and writes nothing',
    async (status) => {
      const before = await counts();
      const res = await fileAbsence(status);
      expect(res.statusCode, res.body).toBe(400);
      const { error } = res.json<ErrorBody>();
      expect(error.code).toBe('DOSSIER.FORM_INVALID');
      expect(error.fields).toEqual([
        expect.objectContaining({
          field: 'form.supervisionStatus',
          messageVi: expect.stringContaining('đến khai báo tạm vắng trực tiếp tại Công an xã') as string,
          messageEn: expect.stringContaining('in person') as string,
        }),
      ]);
      expect(error.fields[0]!.messageVi).toContain('khoản 2, 3 Điều 31 Luật Cư trú');
      expect(await counts()).toEqual(before);
    },
  );

  it('accepts case (d) online; the result issued carries the CT03 temporary-absence slip as a PDF', async () => {
    const res = await fileAbsence('long_absence');
    expect(res.statusCode, res.body).toBe(201);
    const issued = await settle(res.json<DossierDetail>());
    expect(issued.state).toBe('result_issued');
    expect(issued.attachments.map((a) => a.documentKey)).toEqual(['result_ct03']);
    const text = await resultText(issued, 'result_ct03');
    for (const part of [
      'PHIẾU KHAI BÁO TẠM VẮNG',
      'Mẫu CT03',
      mai.fullName.toUpperCase(),
      'từ ngày 10/12/2026 đến ngày 31/12/2027',
      'Phường Bắc Ninh, tỉnh Bắc Ninh',
      issued.code!,
    ])
      expect(text).toContain(part);
  });

  it('accepts case (a) entered at the counter on paper (the officer has seen the written consent)', async () => {
    const res = await fileAbsence(
      'criminal_procedure',
      { channel: 'paper', unitCode: '03445', applicantNationalId: mai.nationalId },
      police,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<DossierDetail>()).toMatchObject({ channel: 'paper', state: 'submitted' });
  });
});

describe('declaring residence information (1.010040): Residence Law Art. 19(1), Decree 154/2024 Art. 4', () => {
  it('is in the catalog: commune police, no fee, 3 working days, prefilled form, result CT07, unconfirmed facts listed', async () => {
    const v = await versionOf(DECLARATION);
    expect(v).toMatchObject({
      field: 'residence',
      handledByRole: 'commune_police',
      onlineLevel: 'full',
      requiredEidLevel: 2,
      timeLimitWorkingDays: 3,
      resultDocuments: ['CT07'],
    });
    expect(v.fees.items).toEqual([]);
    expect(v.legalBasis.join(' ')).toContain('khoản 1 Điều 19');
    expect(v.legalBasis.join(' ')).toContain('Thông tư 116/2026/TT-BCA');
    expect(v.unconfirmed).toEqual(expect.arrayContaining(['timeLimit', 'fees', 'legalBasis']));
    const values = await prefill(DECLARATION);
    expect(values).toMatchObject({ fullName: mai.fullName, nationalId: mai.nationalId });
  });

  it('is filed online end to end: submitted, settled, and its CT07 confirmation issued as a PDF', async () => {
    const v = await versionOf(DECLARATION);
    const form = {
      ...(await prefill(DECLARATION)),
      address: 'Nhà tạm tại bản Nậm Củm, xã Mường Tè, tỉnh Lai Châu',
      requestContent: 'Chỗ ở là nhà tạm trên đất chưa được cấp giấy chứng nhận',
    };
    const body = { procedureCode: DECLARATION, procedureVersionId: v.id, form, channel: 'online' };
    const res = await citizen.inject({ method: 'POST', url: '/api/v1/dossiers', ...multipart('dossier', body, []) });
    expect(res.statusCode, res.body).toBe(201);
    const filed = res.json<DossierDetail>();
    expect(filed).toMatchObject({ procedureCode: DECLARATION, state: 'submitted', feeAmount: 0 });
    const issued = await settle(filed);
    const text = await resultText(issued, 'result_ct07');
    for (const part of [
      'XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ',
      'Mẫu CT07',
      'Nhà tạm tại bản Nậm Củm, xã Mường Tè, tỉnh Lai Châu',
      'Chỗ ở là nhà tạm trên đất chưa được cấp giấy chứng nhận',
      issued.code!,
    ])
      expect(text).toContain(part);
  });
});

describe('confirmation of residence information (1.010041): CT07 from the registry, verifiable by its QR code', () => {
  const CONFIRMATION = '1.010041';

  async function issueConfirmation() {
    const v = await versionOf(CONFIRMATION);
    const form = { ...(await prefill(CONFIRMATION)), requestContent: 'Xác nhận cư trú để bổ sung hồ sơ xin việc' };
    const body = { procedureCode: CONFIRMATION, procedureVersionId: v.id, form, channel: 'online' };
    const res = await citizen.inject({ method: 'POST', url: '/api/v1/dossiers', ...multipart('dossier', body, []) });
    expect(res.statusCode, res.body).toBe(201);
    const issued = await settle(res.json<DossierDetail>());
    const a = issued.attachments.find((x) => x.documentKey === 'result_ct07')!;
    const pdf = (await citizen.inject(`/api/v1/dossiers/${issued.id}/attachments/${a.id}`)).rawPayload;
    return { issued, pdf, text: extractText(pdf).replace(/\s+/g, ' ') };
  }

  const verify = (token: string) => t.app.inject(`/api/v1/dossiers/results/${token}`);
  const tokenIn = (text: string) => /xac-thuc\/([A-Za-z0-9_-]{16,64})/.exec(text)?.[1];

  it('prints the registry’s facts on the day of issue, the validity of 30 days and where to verify it', async () => {
    const v = await versionOf(CONFIRMATION);
    expect(v.resultValidDays).toBe(30);
    const { issued, text } = await issueConfirmation();
    const today = todayInVietnam();
    const last = new Date(Date.parse(`${today}T00:00:00Z`) + 29 * 86_400_000).toISOString().slice(0, 10);
    for (const part of [
      'XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ',
      'Nơi thường trú',
      'Đăng ký thường trú từ ngày',
      'Họ và tên chủ hộ',
      `có giá trị sử dụng đến hết ngày ${last.split('-').reverse().join('/')}`,
      'xac-thuc/',
      issued.code!,
    ])
      expect(text).toContain(part);
  });

  it('is verified publicly by the code in its QR: what it certified, valid, the PDF’s hash; unknown codes 404', async () => {
    const { issued, pdf, text } = await issueConfirmation();
    const token = tokenIn(text);
    expect(token).toBeDefined();
    const res = await verify(token!); // no session: whoever scans the QR code
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ResultVerification>();
    expect(body).toMatchObject({
      kind: 'CT07',
      status: 'valid',
      dossierCode: issued.code,
      fullName: mai.fullName,
      nationalIdMasked: `${mai.nationalId!.slice(0, 4)}******${mai.nationalId!.slice(-2)}`,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    });
    expect(body.registryFacts.map((f) => f.label)).toContain('Đăng ký thường trú từ ngày');
    expect(JSON.stringify(body)).not.toContain(mai.nationalId!);
    // Reading the registry for the confirmation is in the citizen's access log, under the dossier.
    const log = (await citizen.inject('/api/v1/audit/me/access-log?pageSize=50')).json<SubjectAccessPage>();
    expect(log.items.filter((i) => i.action === 'person.read' && i.target?.code === issued.code)).toMatchObject([
      { target: { kind: 'person_record' }, purposeCode: 'dossier_processing', count: 1 },
    ]);
    const unknown = await verify('A'.repeat(24));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorBody>().error.code).toBe('DOSSIER.RESULT_NOT_FOUND');
    expect((await verify('short')).statusCode).toBe(400);
  });

  it('says "expired" once past its validity date', async () => {
    const { text } = await issueConfirmation();
    const token = tokenIn(text)!;
    await t.database.db.execute(
      sql`update dossiers.result_verifications set valid_until = current_date - 1 where token = ${token}`,
    );
    expect((await verify(token)).json<ResultVerification>().status).toBe('expired');
  });
});
