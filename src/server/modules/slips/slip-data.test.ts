import { describe, expect, it } from 'vitest';
import { AppError, statusForCode } from '../../platform/errors';
import { renderSlip, validateSlipData, type SlipData, type SlipKind } from './index';

const NAME = 'Giàng Thị Dợ';
const ID = '012309876543';

/** The smallest valid slip of each kind: only the fields the kind requires. */
function minimal(kind: SlipKind): SlipData {
  const base: SlipData = {
    kind,
    agencyName: 'Công an xã Tân Uyên',
    unitName: 'Bộ phận tiếp nhận và trả kết quả',
    provinceName: 'Lai Châu',
    dossierCode: '000.00.01.X99-261127-0001',
    procedureName: 'Khai báo tạm vắng',
    applicantName: NAME,
    applicantNationalId: ID,
    officerName: 'Lò Văn Pản',
    issuedAt: new Date('2026-11-27T02:00:00Z'),
  };
  const received = new Date('2026-11-27T02:00:00Z');
  const due = new Date('2026-11-30T02:00:00Z');
  switch (kind) {
    case 'receipt':
      return { ...base, receivedAt: received, dueAt: due, documents: ['Tờ khai CT01'] };
    case 'supplement':
      return { ...base, missing: [{ item: 'Tờ khai CT01', reason: 'Chưa ký' }], supplementDueAt: due };
    case 'refusal':
      return { ...base, reason: 'Không thuộc thẩm quyền', legalBasis: 'Điều 30 Luật Cư trú 2020' };
    case 'apology':
      return {
        ...base,
        receivedAt: received,
        dueAt: due,
        delayReason: 'Phải xác minh',
        newDueAt: new Date('2026-12-02T02:00:00Z'),
      };
  }
}

/** The fields named by the SLIP.INVALID error `fn` throws (fails the test when it does not throw one). */
function rejectedFields(data: SlipData): string[] {
  try {
    validateSlipData(data);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.code).toBe('SLIP.INVALID');
    return (err.fields ?? []).map((f) => f.field);
  }
  throw new Error('expected SLIP.INVALID');
}

describe('slip data validation', () => {
  it.each(['receipt', 'supplement', 'refusal', 'apology'] as const)(
    'accepts a minimal %s and renders it',
    async (kind) => {
      expect(() => validateSlipData(minimal(kind))).not.toThrow();
      const pdf = await renderSlip(minimal(kind));
      expect(pdf.length).toBeGreaterThan(1_000);
    },
  );

  it.each<[SlipKind, (keyof SlipData)[]]>([
    ['receipt', ['receivedAt']],
    ['receipt', ['dueAt']],
    ['receipt', ['documents']],
    ['supplement', ['missing']],
    ['supplement', ['supplementDueAt']],
    ['refusal', ['legalBasis']],
    ['refusal', ['reason']],
    ['apology', ['delayReason']],
    ['apology', ['newDueAt']],
    ['apology', ['dueAt']],
    ['apology', ['receivedAt']],
    ['receipt', ['dossierCode', 'officerName', 'issuedAt']],
  ])('rejects a %s without %j, naming each missing field', (kind, removed) => {
    const data = { ...minimal(kind) } as Record<string, unknown>;
    for (const field of removed) delete data[field];
    expect(rejectedFields(data as unknown as SlipData).sort()).toEqual([...removed].sort());
  });

  it('rejects a refusal without legal basis through renderSlip with a bilingual 400 error', async () => {
    const data = { ...minimal('refusal'), legalBasis: '   ' };
    const err = await renderSlip(data).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    const appError = err as AppError;
    expect(appError.code).toBe('SLIP.INVALID');
    expect(statusForCode(appError.code)).toBe(400);
    expect(appError.messageVi).toContain('Thiếu căn cứ pháp lý của việc từ chối');
    expect(appError.messageEn).toContain('Legal basis of the refusal is required');
    expect(appError.fields).toEqual([
      {
        field: 'legalBasis',
        code: 'SLIP.INVALID',
        messageVi: 'Thiếu căn cứ pháp lý của việc từ chối',
        messageEn: 'Legal basis of the refusal is required',
      },
    ]);
  });

  it.each<[string, Partial<SlipData>, string]>([
    ['a dossier code of the wrong shape', { dossierCode: 'HS 2026/1' }, 'dossierCode'],
    ['an invalid date', { receivedAt: new Date('not a date') }, 'receivedAt'],
    ['an appointment before the receipt', { dueAt: new Date('2026-11-26T02:00:00Z') }, 'dueAt'],
    ['an empty document line', { documents: ['Tờ khai CT01', ' '] }, 'documents.1'],
    ['an unknown form set', { formSet: 'other' as never }, 'formSet'],
    ['a lookup URL that is not http(s)', { lookupUrl: 'javascript:alert(1)' }, 'lookupUrl'],
    ['a time limit not in half days', { legalTimeLimitDays: 1.3 }, 'legalTimeLimitDays'],
    ['an over-long applicant name', { applicantName: 'A'.repeat(201) }, 'applicantName'],
  ])('rejects a receipt with %s', (_what, patch, field) => {
    expect(rejectedFields({ ...minimal('receipt'), ...patch })).toEqual([field]);
  });

  it('rejects a supplement item without its reason, and an apology whose new appointment is not later', () => {
    expect(rejectedFields({ ...minimal('supplement'), missing: [{ item: 'Tờ khai', reason: '' }] })).toEqual([
      'missing.0.reason',
    ]);
    expect(rejectedFields({ ...minimal('apology'), newDueAt: new Date('2026-11-30T02:00:00Z') })).toEqual(['newDueAt']);
  });

  it('rejects an unknown kind', () => {
    expect(rejectedFields({ ...minimal('receipt'), kind: 'receipt-2' as SlipKind })).toEqual(['kind']);
  });

  it('never puts personal data into the error', () => {
    try {
      validateSlipData({ ...minimal('refusal'), legalBasis: undefined, reason: undefined });
      expect.unreachable();
    } catch (e) {
      const serialised = JSON.stringify({ ...(e as AppError), message: (e as Error).message });
      expect(serialised).not.toContain(NAME);
      expect(serialised).not.toContain(ID);
    }
  });
});
