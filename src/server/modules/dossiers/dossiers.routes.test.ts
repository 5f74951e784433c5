import { describe, expect, it } from 'vitest';
import { multipart } from '../../../../test/multipart';
import { decodeQr, extractText, rasterizePage } from '../slips/test-support';
import type { DossierDetail, DossierSummary, PopularProcedures, StatusLookupResult } from '../../../contracts/dossiers';
import {
  TEMP,
  PNG,
  t,
  citizen,
  levelOne,
  police,
  policeElsewhere,
  oneStop,
  mai,
  su,
  file,
  command,
  useDossierApp,
} from './dossiers.routes.test-support';

useDossierApp();

describe('a citizen files a temporary residence registration online', () => {
  let dossier: DossierDetail;

  it('submits with the prefilled form and an attachment; gets a code <agency>-YYMMDD-XXXX', async () => {
    const res = await file(citizen);
    expect(res.statusCode, res.body).toBe(201);
    dossier = res.json<DossierDetail>();
    expect(dossier).toMatchObject({
      state: 'submitted',
      channel: 'online',
      procedureCode: TEMP,
      unitCode: '03445',
      applicantName: 'Lò Thị Mai',
    });
    // the receiving commune's agency code (QCVN 102:2016; placeholder 12 of the list, under the demo province X99)
    expect(dossier.code).toMatch(/^000\.00\.12\.X99-\d{6}-0001$/);
    expect(dossier.attachments).toHaveLength(1);
    expect(dossier.attachments[0]).toMatchObject({ documentKey: 'lawful_dwelling', mediaType: 'application/pdf' });
    expect(dossier.sources.fullName).toBe('registry.person');
    expect(dossier).toMatchObject({ feeStatus: 'exempt', feeAmount: 0 }); // ethnic minority in an extremely difficult commune
    expect(dossier.allowedCommands).toEqual(['withdraw']);
  });

  it('shows it in "my dossiers" and to the commune police, not to another commune (404)', async () => {
    const mine = (await citizen.inject('/api/v1/dossiers/mine')).json<{ items: DossierSummary[] }>();
    expect(mine.items.map((d) => d.id)).toContain(dossier.id);
    const queue = (await police.inject('/api/v1/dossiers?queue=new')).json<{ items: DossierSummary[] }>();
    expect(queue.items.map((d) => d.id)).toContain(dossier.id);
    expect((await policeElsewhere.inject(`/api/v1/dossiers/${dossier.id}`)).statusCode).toBe(404);
    expect((await command(policeElsewhere, dossier.id, 'receive')).statusCode).toBe(404);
    expect((await levelOne.inject(`/api/v1/dossiers/${dossier.id}`)).statusCode).toBe(404);
    const other = (await policeElsewhere.inject('/api/v1/dossiers?queue=all')).json<{ items: DossierSummary[] }>();
    expect(other.items.map((d) => d.id)).not.toContain(dossier.id);
  });

  it('is received with a due time from the working-day calendar, then supplemented (clock stops) and resubmitted', async () => {
    let res = await command(police, dossier.id, 'receive', { expectedVersion: dossier.version });
    expect(res.statusCode, res.body).toBe(200);
    dossier = res.json<DossierDetail>();
    expect(dossier.state).toBe('received');
    expect(dossier.dueAt).not.toBeNull();
    expect(new Date(dossier.dueAt!).getTime()).toBeGreaterThan(new Date(dossier.receivedAt!).getTime());
    expect(dossier.slips).toContain('receipt');

    res = await command(police, dossier.id, 'request_supplement', {
      items: [{ item: 'Hợp đồng thuê nhà có công chứng', reason: 'Bản đã nộp không có chữ ký bên cho thuê' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    dossier = res.json<DossierDetail>();
    expect(dossier).toMatchObject({ state: 'supplement_requested', flag: 'paused' });
    expect(dossier.pausedRemainingMinutes).toBeGreaterThan(0);
    expect(dossier.supplement?.items[0]?.item).toBe('Hợp đồng thuê nhà có công chứng');

    const citizenView = (await citizen.inject(`/api/v1/dossiers/${dossier.id}`)).json<DossierDetail>();
    expect(citizenView.allowedCommands).toEqual(['resubmit', 'withdraw']);
    expect(JSON.stringify(citizenView.timeline)).not.toContain(police.accountId);

    const mp = multipart('command', { note: 'Đã bổ sung hợp đồng có chữ ký' }, [
      { field: 'file:lawful_dwelling', name: 'hop-dong-moi.png', type: 'image/png', data: PNG },
    ]);
    res = await citizen.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.id}/commands/resubmit`, ...mp });
    expect(res.statusCode, res.body).toBe(200);
    dossier = res.json<DossierDetail>();
    expect(dossier.state).toBe('in_processing');
    expect(dossier.pausedRemainingMinutes).toBeNull();
    expect(dossier.attachments.map((a) => a.round)).toEqual([0, 1]);
  });

  it('is approved, its result issued and returned; the citizen sees every step', async () => {
    for (const name of ['approve', 'issue_result', 'return_result']) {
      const res = await command(police, dossier.id, name);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      dossier = res.json<DossierDetail>();
    }
    expect(dossier.state).toBe('returned');
    expect(dossier.flag).toBe('done_on_time');
    const seen = (await citizen.inject(`/api/v1/dossiers/${dossier.id}`)).json<DossierDetail>();
    expect(seen.timeline.map((s) => s.toState)).toEqual([
      'submitted',
      'received',
      'supplement_requested',
      'in_processing',
      'approved',
      'result_issued',
      'returned',
    ]);
  });

  it('answers the public status lookup only with the right ID number', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers/status-lookup',
      payload: { code: dossier.code, nationalId: mai.nationalId },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<StatusLookupResult>()).toMatchObject({ code: dossier.code, state: 'returned' });
    expect(ok.body).not.toContain('Lò Thị Mai');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers/status-lookup',
      payload: { code: dossier.code, nationalId: su.nationalId },
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('logs the officer’s reading of the dossier and of the applicant’s record in the citizen’s access history', async () => {
    expect((await police.inject(`/api/v1/dossiers/${dossier.id}/applicant`)).statusCode).toBe(200);
    const log = (await citizen.inject('/api/v1/audit/me/access-log?pageSize=50')).json<{
      items: Array<{ action: string; purposeCode: string }>;
    }>();
    expect(log.items.map((i) => i.action)).toEqual(expect.arrayContaining(['dossier.read', 'person.read']));
    expect(log.items.every((i) => i.purposeCode === 'dossier_processing')).toBe(true);
  });

  it('prints the receipt and the supplement request as PDF', async () => {
    for (const kind of ['receipt', 'supplement']) {
      const res = await police.inject(`/api/v1/dossiers/${dossier.id}/slips/${kind}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await police.inject(`/api/v1/dossiers/${dossier.id}/slips/refusal`)).statusCode).toBe(404);
    const own = await citizen.inject(`/api/v1/dossiers/${dossier.id}/slips/receipt`); // the citizen prints their own receipt
    expect(own.statusCode).toBe(200);
    expect((await levelOne.inject(`/api/v1/dossiers/${dossier.id}/slips/receipt`)).statusCode).toBe(404); // someone else's
  });
});

describe('the most used procedures (public counts)', () => {
  it('answers signed out the dossiers filed per procedure in the last 90 days, most first, without drafts', async () => {
    const before = (await t.app.inject('/api/v1/dossiers/popular')).json<PopularProcedures>();
    const had = before.items.find((i) => i.procedureCode === TEMP)?.count ?? 0;
    expect((await file(citizen)).statusCode).toBe(201);
    const res = await t.app.inject('/api/v1/dossiers/popular');
    expect(res.statusCode).toBe(200);
    const after = res.json<PopularProcedures>();
    expect(after.days).toBe(90);
    expect(after.items.find((i) => i.procedureCode === TEMP)?.count).toBe(had + 1);
    const counts = after.items.map((i) => i.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(JSON.stringify(after)).not.toMatch(/\d{12}|Lò Thị Mai/); // counts only
  });
});

describe('the lifecycle refuses what the law does not allow', () => {
  it('rejects a transition from the wrong state (409) and a missing legal basis (400)', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    const approve = await command(police, d.id, 'approve');
    expect(approve.statusCode).toBe(409);
    expect(approve.json<{ error: { code: string; messageVi: string } }>().error.code).toBe('DOSSIER.STATE_CONFLICT');
    const refuse = await command(oneStop, d.id, 'refuse_intake', { reason: 'Hồ sơ không thuộc thẩm quyền' });
    expect(refuse.statusCode).toBe(400);
    expect(refuse.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe('legalBasis');
    const ok = await command(oneStop, d.id, 'refuse_intake', {
      reason: 'Hồ sơ không thuộc thẩm quyền',
      legalBasis: 'khoản 1 Điều 22 Luật Cư trú 2020',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const slip = await oneStop.inject(`/api/v1/dossiers/${d.id}/slips/refusal`);
    expect(slip.statusCode).toBe(200);
    // The refusal is verifiable: the slip's QR code opens its public verification (who refused, why, on what basis).
    const url = decodeQr(rasterizePage(slip.rawPayload)) ?? '';
    expect(url).toMatch(/\/xac-thuc\/[A-Za-z0-9_-]{16,64}$/);
    expect(extractText(slip.rawPayload).replace(/\s+/g, ' ')).toContain(url);
    const verified = await t.app.inject(`/api/v1/dossiers/results/${url.split('/').pop()}`);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({
      kind: 'REFUSAL',
      status: 'valid',
      dossierCode: d.code,
      content: 'Lý do: Hồ sơ không thuộc thẩm quyền. Căn cứ: khoản 1 Điều 22 Luật Cư trú 2020',
      pdfSha256: '',
    });
  });

  it('lets the one-stop officer receive but not approve (a commune-police decision): 403', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    expect((await command(oneStop, d.id, 'receive')).statusCode).toBe(200);
    await command(police, d.id, 'start_processing');
    const res = await command(oneStop, d.id, 'approve');
    expect(res.statusCode).toBe(403);
  });

  it('lets exactly one of two concurrent commands win; the other gets 409', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    await command(police, d.id, 'receive');
    await command(police, d.id, 'start_processing');
    const current = (await police.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    const results = await Promise.all([
      command(police, d.id, 'approve', { expectedVersion: current.version }),
      command(police, d.id, 'refuse', {
        expectedVersion: current.version,
        reason: 'Không đủ điều kiện',
        legalBasis: 'Điều 27 Luật Cư trú 2020',
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const final = (await police.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(final.timeline.filter((s) => ['approve', 'refuse'].includes(s.command))).toHaveLength(1);
  });

  it('extends a deadline only with a reason and a later time (apology slip), marking it late', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    const received = (await command(police, d.id, 'receive')).json<DossierDetail>();
    const earlier = await command(police, d.id, 'extend', {
      reason: 'Cần xác minh thêm tại nơi ở',
      newDueAt: received.submittedAt,
    });
    expect(earlier.statusCode).toBe(400);
    const later = new Date(new Date(received.dueAt!).getTime() + 3 * 86_400_000).toISOString();
    const res = await command(police, d.id, 'extend', { reason: 'Cần xác minh thêm tại nơi ở', newDueAt: later });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DossierDetail>()).toMatchObject({ state: 'received', late: true, dueAt: later });
    expect((await police.inject(`/api/v1/dossiers/${d.id}/slips/apology`)).statusCode).toBe(200);
  });

  it('lets the citizen withdraw before a decision', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    expect((await command(citizen, d.id, 'withdraw')).json<DossierDetail>().state).toBe('withdrawn');
    expect((await command(citizen, d.id, 'withdraw')).statusCode).toBe(409);
  });
});

describe("a citizen's open dossiers of one procedure (the filing page's warning)", () => {
  it('lists only the open ones of that procedure, of that citizen', async () => {
    const open = (session = citizen) =>
      session.inject(`/api/v1/dossiers/mine?procedureCode=${TEMP}&open=true&pageSize=100`);
    const before = (await open()).json<{ items: DossierSummary[] }>().items.map((i) => i.id);
    const filed = (await file(citizen)).json<DossierDetail>();
    const withdrawn = (await file(citizen)).json<DossierDetail>();
    expect((await command(citizen, withdrawn.id, 'withdraw')).statusCode).toBe(200);

    const res = await open();
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: DossierSummary[] }>().items;
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([...before, filed.id]));
    expect(items.map((i) => i.id)).not.toContain(withdrawn.id);
    expect(items.every((i) => i.procedureCode === TEMP)).toBe(true);
    const others = (await open(levelOne)).json<{ items: DossierSummary[] }>().items;
    expect(others.map((i) => i.id)).not.toContain(filed.id); // someone else's
    expect((await citizen.inject('/api/v1/dossiers/mine?procedureCode=x')).statusCode).toBe(400);
  });
});

describe('how the applicant receives the result (chosen at filing)', () => {
  it('is online unless chosen; by post it needs the address, and the receipt slip says it', async () => {
    expect((await file(citizen)).json<DossierDetail>()).toMatchObject({
      resultDelivery: 'online',
      deliveryAddress: null,
    });

    const noAddress = await file(citizen, { resultDelivery: 'post' });
    expect(noAddress.statusCode).toBe(400);
    const fields = noAddress.json<{ error: { fields: Array<{ field: string; messageVi: string }> } }>().error.fields;
    expect(fields.map((f) => f.field)).toEqual(['deliveryAddress']);
    expect(fields[0]!.messageVi).toContain('địa chỉ');
    expect((await file(citizen, { resultDelivery: 'pigeon', deliveryAddress: 'x' })).statusCode).toBe(400);

    const posted = (
      await file(citizen, { resultDelivery: 'post', deliveryAddress: '  Số 5, bản Nậm Củm, xã Mường Tè  ' })
    ).json<DossierDetail>();
    expect(posted).toMatchObject({ resultDelivery: 'post', deliveryAddress: 'Số 5, bản Nậm Củm, xã Mường Tè' });
    expect((await command(police, posted.id, 'receive')).statusCode).toBe(200);
    const slip = await citizen.inject(`/api/v1/dossiers/${posted.id}/slips/receipt`);
    expect(extractText(slip.rawPayload).replace(/\s+/g, ' ')).toContain(
      'Đăng ký nhận kết quả tại: Nhận qua dịch vụ bưu chính công ích, đến địa chỉ: Số 5, bản Nậm Củm, xã Mường Tè.',
    );
    const counter = (
      await file(citizen, { resultDelivery: 'counter', deliveryAddress: 'ignored' })
    ).json<DossierDetail>();
    expect(counter).toMatchObject({ resultDelivery: 'counter', deliveryAddress: null });
  });
});

describe("a citizen's draft saved as they type", () => {
  it('keeps what was typed, only for its owner and only while a draft, on the version read', async () => {
    const created = await file(citizen, { draft: true });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<DossierDetail>();
    expect(draft).toMatchObject({ state: 'draft', code: null });
    const save = (session: typeof citizen, body: Record<string, unknown>) =>
      session.inject({ method: 'PATCH', url: `/api/v1/dossiers/${draft.id}/draft`, payload: body });
    const form = { ...draft.form, requestContent: 'Đăng ký tạm trú — đang điền dở' };

    const saved = await save(citizen, {
      form,
      resultDelivery: 'post',
      deliveryAddress: 'Bản Mường',
      version: draft.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<DossierDetail>()).toMatchObject({
      state: 'draft',
      resultDelivery: 'post',
      deliveryAddress: 'Bản Mường',
      form: { requestContent: 'Đăng ký tạm trú — đang điền dở' },
    });
    expect((await save(citizen, { form, version: draft.version })).statusCode).toBe(409); // read before the save
    expect((await save(levelOne, { form, version: draft.version + 1 })).statusCode).toBe(404); // someone else's
    expect((await save(police, { form, version: draft.version + 1 })).statusCode).toBe(403);
    const unknown = await save(citizen, { form: { ...form, shoeSize: 40 }, version: draft.version + 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('shoeSize');
    // A half-typed form is kept (no required check), and the saved answers are what submit files.
    const { requestContent: _dropped, ...partial } = form;
    expect((await save(citizen, { form: partial, version: draft.version + 1 })).statusCode).toBe(200);
    expect((await save(citizen, { form, version: draft.version + 2 })).statusCode).toBe(200);
    const submitted = await command(citizen, draft.id, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<DossierDetail>()).toMatchObject({
      resultDelivery: 'post',
      form: { requestContent: form.requestContent },
    });
    const late = await save(citizen, { form, version: submitted.json<DossierDetail>().version });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('không còn là bản nháp');
  });

  it('files a draft only whole: by post needs the address, even if the draft was saved without it', async () => {
    const draft = (await file(citizen, { draft: true })).json<DossierDetail>();
    const saved = await citizen.inject({
      method: 'PATCH',
      url: `/api/v1/dossiers/${draft.id}/draft`,
      payload: { form: draft.form, resultDelivery: 'post', version: draft.version },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const filed = await command(citizen, draft.id, 'submit');
    expect(filed.statusCode).toBe(400);
    expect(filed.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]!.field).toBe(
      'deliveryAddress',
    );
  });
});
