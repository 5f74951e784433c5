import { afterEach, describe, expect, it, vi } from 'vitest';
import { t, officer, as, quote, expectFieldError, useFeesApp, people } from './fees.routes.test-support';
import { feeQuote } from './index';

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

describe('GET /api/v1/fees/quote under the temporary waiver (Circular 117/2026/TT-BTC Art. 1(3), unconfirmed)', () => {
  // Only the date moves (the quote is for today); timers and the database's clock do not.
  const on = (day: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${day}T03:00:00Z`)); // 10:00 in Vietnam
  };
  afterEach(() => vi.useRealTimers());

  it.each([
    ['2026-08-14', 'plain@2', 'online', 10_000],
    ['2026-08-15', 'plain@2', 'online', 0],
    ['2026-08-15', 'plain', 'online', 10_000], // level-1 e-ID
    ['2026-08-15', 'plain@2', 'assisted', 0],
    ['2026-08-15', 'plain@2', 'paper', 20_000],
  ])('Circular 117/2026 Art. 1(3): on %s, session %s, %s filing → %i VND', async (day, session, channel, due) => {
    on(day);
    const { calculation } = await quote(session, `procedureCode=1.004222&channel=${channel}`);
    expect(calculation.asOf).toBe(day);
    expect(calculation.amount).toBe(due);
    if (due === 0) {
      expect(calculation.waiver).toMatchObject({
        legalBasis: 'Thông tư 117/2026/TT-BTC, Điều 1 khoản 3',
        confirmed: false,
      });
      expect(calculation.explanationEn.join(' ')).toContain('117/2026/TT-BTC');
    } else expect(calculation.waiver ?? null).toBeNull();
  });

  // Sessions do not outlive a clock moved into the future: the last day and the day after, through the quote's service.
  it.each([
    ['2027-02-28', 2, 0],
    ['2027-02-28', 1, 10_000],
    ['2027-03-01', 2, 10_000],
  ])('Circular 117/2026 Art. 1(3): on %s with an e-ID of level %i, online → %i VND', async (day, eidLevel, due) => {
    const plain = people.find(([key]) => key === 'plain')![2];
    const q = await feeQuote(
      t.database.db,
      { nationalId: plain.nationalId!, eidLevel },
      { procedureCode: '1.004222', channel: 'online', persons: 1 },
      day,
    );
    expect(q.registryRecordFound).toBe(true);
    expect(q.calculation).toMatchObject({ asOf: day, amount: due, waived: 10_000 - due });
  });

  it('Circular 75/2022 Art. 4(1): the interlinked birth group is quoted for the child typed on the form, not the parent', async () => {
    on('2026-03-10');
    const groups = (await t.app.inject('/api/v1/procedures?field=interlinked')).json<{
      items: Array<{ code: string; feeOnline: number }>;
    }>();
    const group = groups.items.find((g) => g.feeOnline > 0)!;
    const parent = (await quote('plain@2', `procedureCode=${group.code}`)).calculation;
    expect(parent).toMatchObject({ amount: 10_000, subject: { party: 'newborn', facts: 'unknown' } });
    const child = (await quote('plain@2', `procedureCode=${group.code}&subjectBirthDate=2026-03-01`)).calculation;
    expect(child).toMatchObject({ amount: 0, exemption: { code: 'child', status: 'granted' } });
    expect(child.subject).toMatchObject({ party: 'newborn', facts: 'declared' });
    expectFieldError(
      await as('plain').inject(`/api/v1/fees/quote?procedureCode=${group.code}&subjectBirthDate=2026-02-30`),
      400,
      'subjectBirthDate',
    );
  });
});
