import { describe, expect, it } from 'vitest';
import { t, officer, as, quote, expectFieldError, useFeesApp } from './fees.routes.test-support';

useFeesApp();

describe('GET /api/v1/fees/quote (a signed-in citizen, before filing)', () => {
  it('charges a resident of a border commune nothing without being asked, and says why', async () => {
    const { calculation, procedure, registryRecordFound } = await quote('border', 'procedureCode=1.004222');
    expect(registryRecordFound).toBe(true);
    expect(procedure).toMatchObject({ code: '1.004222', nameVi: 'Đăng ký thường trú' });
    expect(calculation).toMatchObject({
      base: 10_000,
      amount: 0,
      channel: 'online',
      exemption: { code: 'border_commune', status: 'granted', check: 'registry', provisional: true },
    });
    expect(calculation.exemption!.reasonVi).toContain('Xã Mù Cả');
    expect(calculation.explanationVi.join(' ')).toContain('danh sách tạm');
  });

  it('quotes the online, assisted and paper rates and per-person fees for a citizen no reason covers', async () => {
    expect((await quote('plain', 'procedureCode=1.004222')).calculation).toMatchObject({
      amount: 10_000,
      exemption: null,
    });
    expect((await quote('plain', 'procedureCode=1.004222&channel=assisted')).calculation.amount).toBe(10_000);
    expect((await quote('plain', 'procedureCode=1.004222&channel=paper')).calculation.amount).toBe(20_000);
    expect((await quote('plain', 'procedureCode=1.004194&persons=3&variant=list')).calculation).toMatchObject({
      base: 15_000,
      amount: 15_000,
      persons: 3,
    });
    expect((await quote('plain', 'procedureCode=1.010041')).calculation).toMatchObject({
      base: 0,
      amount: 0,
      lines: [],
    });
  });

  it('exempts an ethnic-minority resident of an extremely difficult commune but not a Kinh neighbour', async () => {
    expect((await quote('mong', 'procedureCode=1.004222')).calculation.exemption).toMatchObject({
      code: 'ethnic_minority_difficult_commune',
      status: 'granted',
    });
    const kinh = (await quote('kinh', 'procedureCode=1.004222')).calculation;
    expect(kinh).toMatchObject({ exemption: null, amount: 10_000 });
  });

  it('leaves a claimed proof-based reason pending with nothing due yet', async () => {
    const { calculation } = await quote('plain', 'procedureCode=1.004222&claim=disability');
    expect(calculation).toMatchObject({
      amount: 0,
      claim: 'disability',
      exemption: { code: 'disability', check: 'proof', status: 'pending', proofVi: 'Giấy xác nhận khuyết tật' },
    });
  });

  it('quotes a citizen the province registry does not hold without automatic exemptions', async () => {
    const q = await quote('stranger', 'procedureCode=1.004222');
    expect(q.registryRecordFound).toBe(false);
    expect(q.calculation.amount).toBe(10_000);
    expect(q.calculation.explanationVi.join(' ')).toContain('Không tìm thấy bạn trong cơ sở dữ liệu dân cư');
  });

  it.each([
    ['an unknown procedure', 'procedureCode=9.999999', 'procedureCode'],
    ['no procedure', 'channel=online', 'procedureCode'],
    ['a malformed procedure code', 'procedureCode=abc', 'procedureCode'],
    ['no person', 'procedureCode=1.004222&persons=0', 'persons'],
    ['too many persons', 'procedureCode=1.004222&persons=51', 'persons'],
    ['persons not a number', 'procedureCode=1.004222&persons=many', 'persons'],
    ['an unknown claim', 'procedureCode=1.004222&claim=student', 'claim'],
    ['an unknown channel', 'procedureCode=1.004222&channel=fax', 'channel'],
    ['an unknown fee variant', 'procedureCode=1.004222&variant=group', 'variant'],
  ])('answers %s with a bilingual 400 naming the field', async (_what, params, field) => {
    expectFieldError(await as('plain').inject(`/api/v1/fees/quote?${params}`), 400, field);
  });

  it('is for signed-in citizens only', async () => {
    expect((await t.app.inject('/api/v1/fees/quote?procedureCode=1.004222')).statusCode).toBe(401);
    expect((await officer.inject('/api/v1/fees/quote?procedureCode=1.004222')).statusCode).toBe(403);
  });
});
