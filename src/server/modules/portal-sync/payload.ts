import type { TransitionFeedItem } from '../dossiers';

/*
 * What one push carries to the National Public Service Portal (ADR 0035). The field names, the
 * status codes, the channel codes and the date format follow what public descriptions of the
 * portal's dossier sync show; none of it is confirmed against the portal's current integration
 * specification (marked UNCONFIRMED below). Everything that depends on it is in this file.
 */

/**
 * The portal's dossier status codes (TrangThaiHoSo) for our lifecycle states. UNCONFIRMED: the
 * ten statuses are those DOMAIN.md §5 lists for the national sync, numbered in that order.
 * `refused` (a refusal decided after processing) is sent as 8 "stopped" — UNCONFIRMED, it may be
 * 9 "processed" with a refusal result.
 */
export const NATIONAL_STATUS = {
  submitted: '1', // Mới đăng ký (new)
  received: '2', // Được tiếp nhận
  not_accepted: '3', // Không được tiếp nhận
  in_processing: '4', // Đang xử lý
  supplement_requested: '5', // Yêu cầu bổ sung giấy tờ
  awaiting_payment: '6', // Yêu cầu thực hiện nghĩa vụ tài chính
  withdrawn: '7', // Công dân yêu cầu rút hồ sơ
  refused: '8', // Dừng xử lý (UNCONFIRMED for a refusal)
  approved: '9', // Đã xử lý xong
  result_issued: '9', // Đã xử lý xong (the result document exists)
  returned: '10', // Đã trả kết quả
} as const satisfies Record<string, string>;

/** Channel codes (KenhThucHien). UNCONFIRMED: 1 direct, 2 online, 3 postal; a counter device with an officer counts as direct. */
export const NATIONAL_CHANNEL = { paper: '1', assisted: '1', online: '2' } as const satisfies Record<string, string>;

/** One push's body. */
export interface PortalSyncPayload {
  /** Dossier code (Circular 01/2018 form, DOMAIN.md §5). */
  MaHoSo: string;
  /** Our sequence of this dossier's changes, from 1: with MaHoSo, the idempotency key. */
  SoThuTuDongBo: number;
  /** The procedure's national code. */
  MaTTHC: string;
  /** Receiving agency code (QCVN 102:2016). */
  MaCoQuan: string;
  /** The commune (5-digit administrative unit code) that received the dossier. */
  MaDonViHanhChinh: string;
  KenhThucHien: string;
  TrangThaiHoSo: string;
  /** When the change happened (yyyyMMddHHmmss, Vietnam time). */
  ThoiGianThayDoi: string;
  NgayTiepNhan: string | null;
  NgayHenTra: string | null;
  NgayKetThucXuLy: string | null;
  /** Decided on time: '1' yes, '0' late, null not decided yet. */
  DungHan: '1' | '0' | null;
  /** The fee was paid online (through the payment platform): '1' yes, '0' no or no fee. */
  ThanhToanTrucTuyen: '1' | '0';
}

/** yyyyMMddHHmmss in Vietnam time (UTC+7, no daylight saving); null stays null. UNCONFIRMED format. */
export function portalTime(at: Date | null): string | null {
  if (!at) return null;
  const t = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return t.slice(0, 19).replace(/[-T:]/g, '');
}

/** The national status of a lifecycle state; undefined for states the portal does not see (a draft). */
export function nationalStatus(state: string): string | undefined {
  return (NATIONAL_STATUS as Record<string, string>)[state];
}

/** Fee states that mean the fee went through the online payment platform (a refund keeps it an online payment). */
const PAID_ONLINE = new Set(['paid', 'refunded']);

/** States before a reception (or without one): no reception date is sent with them. */
const BEFORE_RECEPTION = new Set(['submitted', 'awaiting_payment', 'not_accepted']);

/**
 * The payload of one transition, or undefined when it is not sent (a draft, or no dossier code yet).
 * The status is the transition's target state; the due date is the one the transition left (none
 * while paused for a supplement); the reception date is the dossier's once received; the decision
 * date, on-time flag and payment are the dossier's when the feed is read, the decision only when it
 * came no later than this transition. Pure.
 */
export function payloadOf(item: TransitionFeedItem, seq: number): PortalSyncPayload | undefined {
  const status = nationalStatus(item.toState);
  const d = item.dossier;
  if (!status || !d.code) return undefined;
  const decided = d.decidedAt !== null && d.decidedAt.getTime() <= item.at.getTime() ? d.decidedAt : null;
  return {
    MaHoSo: d.code,
    SoThuTuDongBo: seq,
    MaTTHC: d.procedureCode,
    MaCoQuan: d.agencyCode,
    MaDonViHanhChinh: d.unitCode,
    KenhThucHien: (NATIONAL_CHANNEL as Record<string, string>)[d.channel] ?? '1',
    TrangThaiHoSo: status,
    ThoiGianThayDoi: portalTime(item.at)!,
    NgayTiepNhan: portalTime(BEFORE_RECEPTION.has(item.toState) ? null : d.receivedAt),
    NgayHenTra: portalTime(item.dueAt),
    NgayKetThucXuLy: portalTime(decided),
    DungHan: decided ? (d.late ? '0' : '1') : null,
    ThanhToanTrucTuyen: PAID_ONLINE.has(d.feeStatus) ? '1' : '0',
  };
}
