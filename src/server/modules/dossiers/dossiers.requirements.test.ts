import { multipart } from '../../../../test/multipart';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, type DossierSummary } from '../../../contracts/dossiers';
import {
  t,
  hoa,
  lowLevel,
  prefilledForm,
  uniquePdf,
  inStore,
  pdfPart,
  submit,
  filed,
  detail,
  waitingForSupplement,
  counts,
  refusingInserts,
  useRequirementsApp,
  type ApiError,
} from './dossiers.requirements.test-support';

/**
 * Gaps left by dossiers.routes*.test.ts: files left behind by a failed write, bad attachments on
 * resubmission, top-level body validation, the e-ID level (the workqueues and the refusal record
 * are in dossiers.workqueues.test.ts, a new procedure version in dossiers.versions.test.ts).
 */

useRequirementsApp();

describe('a submission that fails after its files were stored leaves no file behind', () => {
  it('removes the new file of a filing whose insert the database refuses, keeps a file an earlier dossier holds', async () => {
    const shared = uniquePdf();
    const earlier = await filed(hoa, {}, [pdfPart(shared)]);
    expect(inStore(shared)).toBe(true);

    const fresh = uniquePdf();
    const before = await counts();
    const marker = `GAPS-REFUSE-${randomUUID()}`;
    const res = await refusingInserts('dossiers', `new.form->>'requestContent' = '${marker}'`, async () => {
      const form = await prefilledForm(hoa, marker);
      return submit(hoa, { form }, [pdfPart(fresh, 'moi.pdf'), pdfPart(shared, 'da-nop.pdf', 'file:written_consent')]);
    });

    expect(res.statusCode, res.body).toBe(500);
    expect(res.json<ApiError>().error.code).toBe('INTERNAL');
    expect(await counts()).toEqual(before); // no dossier, no code consumed, no attachment row, no file
    expect(inStore(fresh)).toBe(false);
    expect(inStore(shared)).toBe(true);
    const kept = await hoa.inject(`/api/v1/dossiers/${earlier.id}/attachments/${earlier.attachments[0]!.id}`);
    expect(kept.statusCode).toBe(200);
    expect(kept.rawPayload.equals(shared)).toBe(true);
  });

  it('removes the new file of a resubmission whose attachment insert fails, and leaves the dossier waiting', async () => {
    const shared = uniquePdf();
    const earlier = await filed(hoa, {}, [pdfPart(shared)]);
    const d = await waitingForSupplement(hoa);
    const fresh = uniquePdf();
    const before = await counts();
    const marker = `test-refuse-${randomUUID()}.pdf`;
    const res = await refusingInserts('attachments', `new.file_name = '${marker}'`, () =>
      hoa.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/commands/resubmit`,
        ...multipart('command', { note: 'Đã bổ sung' }, [
          pdfPart(fresh, marker),
          pdfPart(shared, 'da-nop.pdf', 'file:written_consent'),
        ]),
      }),
    );

    expect(res.statusCode, res.body).toBe(500);
    expect(res.json<ApiError>().error.code).toBe('INTERNAL');
    expect(await counts()).toEqual(before);
    expect(inStore(fresh)).toBe(false);
    expect(inStore(shared)).toBe(true);
    const after = await detail(hoa, d.id);
    expect(after).toMatchObject({ state: 'supplement_requested', version: d.version, flag: 'paused' });
    expect(after.timeline).toEqual(d.timeline);
    expect(after.attachments).toEqual(d.attachments);
    expect(
      (await hoa.inject(`/api/v1/dossiers/${earlier.id}/attachments/${earlier.attachments[0]!.id}`)).statusCode,
    ).toBe(200);
  });
});

describe('a resubmission with bad attachments is refused and changes nothing', () => {
  it.each([
    [
      'a file of the wrong type (text renamed .pdf)',
      pdfPart(Buffer.from('chỉ là văn bản, không phải PDF'), 'hop-dong.pdf'),
      400,
      'DOSSIER.ATTACHMENT_INVALID',
    ],
    [
      'an oversize file',
      pdfPart(Buffer.concat([uniquePdf(), Buffer.alloc(ATTACHMENT_MAX_BYTES + 10)]), 'to-qua.pdf'),
      413,
      'DOSSIER.ATTACHMENT_TOO_LARGE',
    ],
  ] as const)(
    'refuses %s naming the file field; the dossier still waits for the citizen',
    async (_name, part, status, code) => {
      const d = await waitingForSupplement(hoa);
      const before = await counts();
      const res = await hoa.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/commands/resubmit`,
        ...multipart('command', { note: 'Đã bổ sung hợp đồng' }, [part]),
      });
      expect(res.statusCode, res.body).toBe(status);
      const error = res.json<ApiError>().error;
      expect(error.code).toBe(code);
      expect(error.fields?.map((f) => f.field)).toEqual(['file:lawful_dwelling']);
      expect(await counts()).toEqual(before);
      const after = await detail(hoa, d.id);
      expect(after).toMatchObject({
        state: 'supplement_requested',
        version: d.version,
        pausedRemainingMinutes: d.pausedRemainingMinutes,
      });
      expect(after.attachments).toEqual(d.attachments);
      expect(after.allowedCommands).toEqual(['resubmit', 'withdraw']);
    },
  );
});

describe('the submission body is checked at the top level', () => {
  it('refuses an unknown top-level field with 400 naming it: no dossier, no code, no file', async () => {
    const before = await counts();
    const res = await submit(hoa, { hacker: true }, [pdfPart(uniquePdf())]);
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json<ApiError>().error;
    expect(error.code).toBe('VALIDATION.INVALID');
    expect(error.fields).toHaveLength(1);
    // The field is the unknown key; the message names it too, in both languages.
    const [problem] = error.fields ?? [];
    expect(problem?.field).toBe('hacker');
    expect(problem?.code).toBe('unrecognized_keys');
    expect(problem?.messageVi).toContain('"hacker"');
    expect(problem?.messageEn).toContain('"hacker"');
    expect(await counts()).toEqual(before);
  });

  it('refuses a wrong type at the top level (channel: 5) with 400 naming "channel"', async () => {
    const before = await counts();
    const res = await submit(hoa, { channel: 5 }, [pdfPart(uniquePdf())]);
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json<ApiError>().error;
    expect(error.code).toBe('VALIDATION.INVALID');
    expect(error.fields?.map((f) => f.field)).toEqual(['channel']);
    expect(await counts()).toEqual(before);
  });
});

describe('the e-ID level of the citizen', () => {
  it('refuses a level-1 citizen filing a level-2 procedure with exactly 403 DOSSIER.EID_LEVEL_FORBIDDEN', async () => {
    const level1 = await t.citizen({ nationalId: lowLevel.nationalId!, fullName: lowLevel.fullName }, 1);
    const before = await counts();
    const res = await submit(level1, {}, [pdfPart(uniquePdf())]);
    expect(res.statusCode, res.body).toBe(403);
    const error = res.json<ApiError>().error;
    expect(error.code).toBe('DOSSIER.EID_LEVEL_FORBIDDEN');
    expect(error.messageVi).toContain('mức độ 2');
    expect(error.messageEn).toContain('level 2');
    expect(await counts()).toEqual(before);
    expect((await level1.inject('/api/v1/dossiers/mine')).json<{ items: DossierSummary[] }>().items).toEqual([]);
  });
});
