import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { parseVietnamTime, parseVnd } from './table-file';
import { readStatementFile, referencesIn } from './statement-file';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('bank statement file', () => {
  it('reads English headers, skips debits and keeps line numbers', async () => {
    const file = await readStatementFile(
      utf8(
        'transaction_time,amount,description,bank_transaction_id\n2026-10-05 14:03:09,15000,DVC0ABCDEFGHJKM chuyen tien,FT001\n2026-10-05 15:00,-2000,phi,FT002\n',
      ),
    );
    expect(file.skippedDebits).toBe(1);
    expect(file.credits).toEqual([
      {
        line: 2,
        bankTransactionId: 'FT001',
        transactionAt: new Date('2026-10-05T07:03:09Z'),
        amount: 15_000,
        description: 'DVC0ABCDEFGHJKM chuyen tien',
      },
    ]);
  });

  it('tolerates Vietnamese headers in another order, a BOM, semicolons and Vietnamese number formats', async () => {
    const csv =
      '\uFEFFSố bút toán;Ngày giao dịch;Nội dung;Số tiền ghi có\nFT9;05/10/2026 08:15;"Nguyễn Văn A; DVC0ABCDEFGHJKM";15.000\nFT10;5/10/2026;x;"1.234.000,00"\n';
    const file = await readStatementFile(utf8(csv));
    expect(file.credits.map((c) => [c.bankTransactionId, c.amount, c.transactionAt.toISOString()])).toEqual([
      ['FT9', 15_000, '2026-10-05T01:15:00.000Z'],
      ['FT10', 1_234_000, '2026-10-04T17:00:00.000Z'],
    ]);
    expect(file.credits[0]!.description).toBe('Nguyễn Văn A; DVC0ABCDEFGHJKM');
  });

  it('names the missing column of a wrong header in both languages', async () => {
    const e = await refusal(async () => readStatementFile(utf8('time,amount,description\n2026-10-05,1,x\n')));
    expect(e.code).toBe('PAYMENT.FILE_INVALID');
    expect(e.messageVi).toContain('thiếu cột "bank_transaction_id"');
    expect(e.messageEn).toContain('column "bank_transaction_id" is missing');
    expect(e.fields?.[0]?.field).toBe('header.bankTransactionId');
  });

  it('refuses a file that is not UTF-8 (Windows-1258) or is UTF-16', async () => {
    const cp1258 = Uint8Array.from([
      ...utf8('time,amount,description,transaction_id\n2026-10-05,1,'),
      0xd0,
      0xe3,
      ...utf8(',FT1\n'),
    ]);
    expect((await refusal(async () => readStatementFile(cp1258))).messageEn).toContain('not UTF-8');
    const utf16 = await refusal(async () => readStatementFile(Uint8Array.from([0xff, 0xfe, 0x74, 0x00])));
    expect(utf16.code).toBe('PAYMENT.FILE_INVALID');
    expect(utf16.messageEn).toContain('saved as UTF-16 text, not UTF-8');
    expect(utf16.messageVi).toContain('UTF-16');
    const utf16WithoutBom = Uint8Array.from([...'time'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect((await refusal(async () => readStatementFile(utf16WithoutBom))).messageEn).toContain('binary data');
    expect((await refusal(async () => readStatementFile(new Uint8Array()))).messageEn).toContain('empty');
  });

  it('refuses the whole file listing each bad line and column', async () => {
    const e = await refusal(async () =>
      readStatementFile(
        utf8(
          'time,amount,description,transaction_id\n31/02/2026,15000,x,FT1\n2026-10-05,15.5,x,FT2\n2026-10-05,1000,x,"FT3\'; drop table payments.payments;--"\n',
        ),
      ),
    );
    expect(e.fields?.map((f) => f.field)).toEqual([
      'line 2.transaction_time',
      'line 3.amount',
      'line 4.bank_transaction_id',
    ]);
    expect(e.messageVi).toContain('chưa nhập dòng nào');
  });

  it('refuses a broken quote with its line', async () => {
    expect(
      (
        await refusal(async () =>
          readStatementFile(utf8('time,amount,description,transaction_id\n2026-10-05,1,"open,FT1\n')),
        )
      ).messageEn,
    ).toContain('malformed');
  });
});

describe('statement values', () => {
  it.each([
    ['15000', 15_000],
    ['15.000', 15_000],
    ['15,000', 15_000],
    ['15.000,00', 15_000],
    ['+15 000 VND', 15_000],
    ['-2,000', -2_000],
    ['1.234.567', 1_234_567],
    ['15.00', 15],
    ['15.5', null],
    ['15.000,50', null],
    ['abc', null],
    ['', null],
    ['1e5', null],
  ])('parseVnd(%j) = %j', (text, value) => {
    expect(parseVnd(text)).toBe(value);
  });

  it('reads Vietnam times and refuses impossible dates', async () => {
    expect(parseVietnamTime('2026-10-05T14:03:09+07:00')?.toISOString()).toBe('2026-10-05T07:03:09.000Z');
    expect(parseVietnamTime('2026-10-05 00:30')?.toISOString()).toBe('2026-10-04T17:30:00.000Z');
    expect(parseVietnamTime('29/02/2026')).toBeNull();
    expect(parseVietnamTime('2026-13-01')).toBeNull();
  });

  it('matches headers written with or without diacritics, case or punctuation', async () => {
    const csv = 'SO TIEN GHI CO,ngay_giao_dich,NỘI DUNG,so-but-toan\n7000,2026-10-05 09:00,x,FT1\n';
    expect((await readStatementFile(utf8(csv))).credits.map((c) => c.amount)).toEqual([7000]);
  });

  it('finds references written plainly, in lower case or broken by spaces and dashes', async () => {
    expect(referencesIn('MBVCB.123.dvc0abcdefghjkm.CT tu 0123')).toEqual(['DVC0ABCDEFGHJKM']);
    expect(referencesIn('DVC 0ABC-DEFG HJKM thanh toan')).toEqual(['DVC0ABCDEFGHJKM']);
    expect(referencesIn('chuyen tien hoc phi')).toEqual([]);
  });
});
