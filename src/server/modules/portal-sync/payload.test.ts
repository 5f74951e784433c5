import { describe, expect, it } from 'vitest';
import type { TransitionFeedItem } from '../dossiers';
import { nationalStatus, payloadOf, portalTime } from './payload';

const at = new Date('2026-12-07T03:04:05Z'); // 10:04:05 in Vietnam
const base: TransitionFeedItem = {
  id: 10,
  dossierId: '00000000-0000-4000-8000-000000000001',
  command: 'receive',
  fromState: 'submitted',
  toState: 'received',
  at,
  actorRole: 'commune_police',
  dueAt: new Date('2026-12-10T10:00:00Z'),
  reason: null,
  legalBasis: null,
  items: null,
  note: null,
  dossier: {
    code: '000.00.12.X99-261207-0001',
    agencyCode: '000.00.12.X99',
    procedureCode: '1.004194',
    unitCode: '03445',
    channel: 'online',
    state: 'returned',
    ownerAccountId: null,
    applicantPersonId: null,
    applicantName: 'Lò Thị Mai',
    applicantSubject: null,
    resultDelivery: 'online',
    feeAmount: 0,
    feeStatus: 'none',
    submittedAt: new Date('2026-12-07T01:00:00Z'),
    receivedAt: new Date('2026-12-07T03:04:05Z'),
    dueAt: new Date('2026-12-10T10:00:00Z'),
    decidedAt: new Date('2026-12-09T02:00:00Z'),
    late: false,
  },
};
const item = (t: Partial<TransitionFeedItem>, d: Partial<TransitionFeedItem['dossier']> = {}): TransitionFeedItem => ({
  ...base,
  ...t,
  dossier: { ...base.dossier, ...d },
});

describe('the payload of a state change for the national portal', () => {
  it.each([
    ['submitted', '1'],
    ['received', '2'],
    ['not_accepted', '3'],
    ['in_processing', '4'],
    ['supplement_requested', '5'],
    ['awaiting_payment', '6'],
    ['withdrawn', '7'],
    ['refused', '8'],
    ['approved', '9'],
    ['result_issued', '9'],
    ['returned', '10'],
    ['draft', undefined],
  ])('sends the state %s as status %s', (state, status) => {
    expect(nationalStatus(state)).toBe(status);
  });

  it('writes times as yyyyMMddHHmmss in Vietnam time (UTC+7), across midnight too', () => {
    expect(portalTime(at)).toBe('20261207100405');
    expect(portalTime(new Date('2026-12-31T17:30:00Z'))).toBe('20270101003000');
    expect(portalTime(null)).toBeNull();
  });

  it('carries the dossier code, sequence, procedure, agency, commune, channel, status and dates of a reception', () => {
    expect(payloadOf(base, 2)).toEqual({
      MaHoSo: '000.00.12.X99-261207-0001',
      SoThuTuDongBo: 2,
      MaTTHC: '1.004194',
      MaCoQuan: '000.00.12.X99',
      MaDonViHanhChinh: '03445',
      KenhThucHien: '2',
      TrangThaiHoSo: '2',
      ThoiGianThayDoi: '20261207100405',
      NgayTiepNhan: '20261207100405',
      NgayHenTra: '20261210170000',
      NgayKetThucXuLy: null, // decided after this change
      DungHan: null,
      ThanhToanTrucTuyen: '0',
    });
  });

  it('sends no reception date before the reception, and no due date while paused', () => {
    const submitted = payloadOf(item({ toState: 'submitted', dueAt: null }), 1)!;
    expect(submitted).toMatchObject({ TrangThaiHoSo: '1', NgayTiepNhan: null, NgayHenTra: null });
    const paused = payloadOf(item({ toState: 'supplement_requested', dueAt: null }), 3)!;
    expect(paused).toMatchObject({ TrangThaiHoSo: '5', NgayHenTra: null });
    expect(paused.NgayTiepNhan).toBe('20261207100405');
  });

  it.each([
    [false, '1'],
    [true, '0'],
  ])('marks a decided dossier late=%s as on time %s, with its decision date', (late, onTime) => {
    const decided = payloadOf(item({ toState: 'approved', at: new Date('2026-12-09T02:00:00Z') }, { late }), 4)!;
    expect(decided).toMatchObject({ TrangThaiHoSo: '9', NgayKetThucXuLy: '20261209090000', DungHan: onTime });
  });

  it.each([
    ['paid', '1'],
    ['refunded', '1'],
    ['cash', '0'],
    ['exempt', '0'],
    ['unpaid', '0'],
    ['none', '0'],
  ])('with fee state %s says paid online %s', (feeStatus, paid) => {
    expect(payloadOf(item({}, { feeStatus }), 1)!.ThanhToanTrucTuyen).toBe(paid);
  });

  it.each([
    ['online', '2'],
    ['assisted', '1'],
    ['paper', '1'],
  ])('sends the channel %s as %s', (channel, code) => {
    expect(payloadOf(item({}, { channel }), 1)!.KenhThucHien).toBe(code);
  });

  it('sends nothing for a draft or a dossier without a code', () => {
    expect(payloadOf(item({ toState: 'draft' }), 1)).toBeUndefined();
    expect(payloadOf(item({}, { code: null }), 1)).toBeUndefined();
  });
});
