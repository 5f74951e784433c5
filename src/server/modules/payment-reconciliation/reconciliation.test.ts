import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { findMismatches, readSettlementFile, type OurPayment } from './reconciliation';

const utf8 = (s: string) => new TextEncoder().encode(s);
const HEADER = 'transaction_no,txn_ref,type,amount,currency,transaction_time,bank_code,tmn_code\r\n';

describe('gateway settlement file', () => {
  it('reads the sandbox format: payments positive, refunds negative, GMT+7 times', async () => {
    const lines = await readSettlementFile(
      utf8(
        `${HEADER}14,DVC0AAAAAAAAAAA,payment,7000,VND,2026-10-05 09:00:00,NCB,DVC06SBX\r\nR3,DVC0AAAAAAAAAAA,refund,-2000,VND,2026-10-05 10:00:00,NCB,DVC06SBX\r\n`,
      ),
      '2026-10-05',
      'DVC06SBX',
    );
    expect(lines).toEqual([
      {
        line: 2,
        transactionNo: '14',
        reference: 'DVC0AAAAAAAAAAA',
        type: 'payment',
        amount: 7000,
        transactionAt: new Date('2026-10-05T02:00:00Z'),
        bankCode: 'NCB',
      },
      {
        line: 3,
        transactionNo: 'R3',
        reference: 'DVC0AAAAAAAAAAA',
        type: 'refund',
        amount: 2000,
        transactionAt: new Date('2026-10-05T03:00:00Z'),
        bankCode: 'NCB',
      },
    ]);
  });

  it('accepts a header-only file (no transactions that day)', async () => {
    expect(await readSettlementFile(utf8(HEADER), '2026-10-05', 'DVC06SBX')).toEqual([]);
  });

  it('refuses lines of another day, another merchant, a bad type or sign, and repeated transactions — naming each', async () => {
    const csv = `${HEADER}1,DVC0A,payment,7000,VND,2026-10-06 00:00:01,NCB,DVC06SBX\r\n2,DVC0B,payment,7000,VND,2026-10-05 09:00:00,NCB,OTHER\r\n3,DVC0C,chargeback,7000,VND,2026-10-05 09:00:00,NCB,DVC06SBX\r\n4,DVC0D,payment,-7000,VND,2026-10-05 09:00:00,NCB,DVC06SBX\r\n5,DVC0E,payment,7000,VND,2026-10-05 09:00:00,NCB,DVC06SBX\r\n5,DVC0E,payment,7000,VND,2026-10-05 09:00:00,NCB,DVC06SBX\r\n`;
    let error: unknown;
    try {
      await readSettlementFile(utf8(csv), '2026-10-05', 'DVC06SBX');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields?.map((f) => f.field)).toEqual([
      'line 2.transaction_time',
      'line 3.tmn_code',
      'line 4.type',
      'line 5.amount',
      'line 7.transaction_no',
    ]);
  });
});

describe('mismatches', () => {
  const day = '2026-10-05';
  const paidAt = new Date('2026-10-05T03:00:00Z');
  const file = [
    {
      line: 2,
      transactionNo: '1',
      reference: 'OK',
      type: 'payment' as const,
      amount: 7000,
      transactionAt: paidAt,
      bankCode: null,
    },
    {
      line: 3,
      transactionNo: '2',
      reference: 'PENDINGHERE',
      type: 'payment' as const,
      amount: 7000,
      transactionAt: paidAt,
      bankCode: null,
    },
    {
      line: 4,
      transactionNo: '3',
      reference: 'UNKNOWN',
      type: 'payment' as const,
      amount: 7000,
      transactionAt: paidAt,
      bankCode: null,
    },
    {
      line: 5,
      transactionNo: '4',
      reference: 'DIFF',
      type: 'payment' as const,
      amount: 9000,
      transactionAt: paidAt,
      bankCode: null,
    },
    {
      line: 6,
      transactionNo: 'R1',
      reference: 'OK',
      type: 'refund' as const,
      amount: 1000,
      transactionAt: paidAt,
      bankCode: null,
    },
  ];
  const p = (reference: string, state: OurPayment['state'], amount = 7000, at: Date | null = paidAt): OurPayment => ({
    id: reference,
    reference,
    amount,
    state,
    gatewayTransactionId: null,
    paidAt: at,
    dossierCode: null,
    unitCode: '03445',
  });
  const ours = [
    p('OK', 'partially_refunded'),
    p('PENDINGHERE', 'pending', 7000, null),
    p('DIFF', 'succeeded'),
    p('ONLYHERE', 'succeeded'),
    p('YESTERDAY', 'succeeded', 7000, new Date('2026-10-04T03:00:00Z')),
  ];

  it('finds each kind once and nothing for matching or out-of-day payments', async () => {
    expect(findMismatches(file, ours, day).map((m) => [m.kind, m.reference, m.fileAmount, m.ourAmount])).toEqual([
      ['missing_here', 'PENDINGHERE', 7000, 7000],
      ['missing_here', 'UNKNOWN', 7000, null],
      ['amount_differs', 'DIFF', 9000, 7000],
      ['missing_in_file', 'ONLYHERE', null, 7000],
    ]);
  });

  it('finds nothing when both sides agree', async () => {
    expect(findMismatches(file.slice(0, 1), [p('OK', 'succeeded')], day)).toEqual([]);
  });
});
