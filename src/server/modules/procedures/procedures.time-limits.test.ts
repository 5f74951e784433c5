import { describe, expect, it } from 'vitest';
import type { ProcedureList, ProcedureVersion } from '../../../contracts/procedures';
import { admin, get, useCatalogApp, type ErrorBody } from './procedures.routes.test-support';
import { versionBody } from './test-support';

useCatalogApp();

const version = async (code: string, asOf: string) =>
  (await get(`/api/v1/procedures/${code}?asOf=${asOf}`)).json<ProcedureVersion>();

describe('civil status: the same working day, the next one after 15:00 (Civil Status Law 2014 Art. 5(3))', () => {
  it.each([
    ['1.001193', 'birth, Art. 16(2)', 'Điều 16 khoản 2'],
    ['1.000656', 'death, Art. 34(2)', 'Điều 34 khoản 2'],
    ['1.000894', 'marriage, Art. 18(2)', 'Điều 18 khoản 2'],
  ])(
    '%s (%s): from 2026-12-05 a same-day limit with a 15:00 cut-off; before, the old "0.5 day"',
    async (code, _w, art) => {
      const before = await version(code, '2026-12-04');
      expect(before).toMatchObject({ timeLimitWorkingDays: 0.5, sameDayCutoff: null, effectiveTo: '2026-12-04' });
      const now = await version(code, '2026-12-05');
      expect(now).toMatchObject({ timeLimitWorkingDays: 0, sameDayCutoff: '15:00', version: 2 });
      expect(now.legalBasis.join(' ')).toContain(`Điều 5 khoản 3; ${art}`);
    },
  );

  it('keeps the marriage verification extension (up to 5 working days) in the note', async () => {
    expect((await version('1.000894', '2026-12-05')).timeLimitNote).toMatch(/không quá 05 ngày làm việc/);
  });

  it('shows the cut-off in the catalog line', async () => {
    const { items } = (await get('/api/v1/procedures?field=civil_status&asOf=2026-12-05')).json<ProcedureList>();
    expect(items.every((i) => i.sameDayCutoff === '15:00' && i.timeLimitWorkingDays === 0)).toBe(true);
  });

  it('refuses a cut-off beside a limit in working days, naming the field, in both languages', async () => {
    const body = await versionBody('1.001193', '2099-01-01', { timeLimitWorkingDays: 1, sameDayCutoff: '15:00' });
    const res = await admin.inject({ method: 'POST', url: '/api/v1/procedures/1.001193/versions', payload: body });
    expect(res.statusCode).toBe(400);
    const field = res.json<ErrorBody>().error.fields!.find((f) => f.field === 'sameDayCutoff')!;
    expect(field.messageVi).toMatch(/Giờ chốt/);
    expect(field.messageEn).toMatch(/cut-off/);
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/v1/procedures/1.001193/versions',
      payload: { ...body, timeLimitWorkingDays: 0, sameDayCutoff: '3pm' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('interlinked groups from 2026-09-01 (public copies of Decree 301/2026/NĐ-CP amending Decree 63/2024, unconfirmed)', () => {
  it('group 1 (key LT.01): national code 3.000722, adds the identity card for a child under 6, steps with result and limit', async () => {
    const old = await version('LT.01', '2026-08-31');
    expect(old).toMatchObject({ version: 1, nationalCode: null, effectiveTo: '2026-08-31' });
    const v = await version('LT.01', '2026-09-01');
    expect(v).toMatchObject({ version: 2, nationalCode: '3.000722', effectiveTo: '2026-12-05' });
    expect(v.components.map((c) => c.nameVi)).toEqual([
      'Đăng ký khai sinh',
      'Đăng ký thường trú',
      'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
      'Cấp thẻ căn cước cho trẻ em dưới 6 tuổi',
    ]);
    expect(v.components[0]).toMatchObject({ code: '1.001193', timeLimitWorkingDays: 0, sameDayCutoff: '15:00' });
    expect(v.components.every((c) => c.agencyVi && c.producesVi && c.timeLimitNoteVi)).toBe(true);
    expect(v.unconfirmed).toEqual(expect.arrayContaining(['nationalCode', 'components']));
    expect(v.legalBasis[0]).toMatch(/301\/2026\/NĐ-CP.*chưa đối chiếu/);
  });

  it('version 3 (6/12/2026) of each group says, for every step, who performs it and what completing it does', async () => {
    const birth = await version('LT.01', '2026-12-06');
    expect(birth).toMatchObject({ version: 3, nationalCode: '3.000722', effectiveTo: null });
    expect(birth.components.map((c) => [c.role, c.sector ?? null, c.step?.kind])).toEqual([
      ['civil_status_officer', null, 'registry'],
      ['commune_police', null, 'registry'],
      ['sector_officer', 'health_insurance', 'adapter'],
      ['commune_police', null, 'adapter'],
    ]);
    const death = await version('1.011537', '2026-12-06');
    expect(death.components.map((c) => (c.step?.kind === 'registry' ? c.step.effect.kind : c.step?.kind))).toEqual([
      'record_death',
      'end_residence_of_deceased',
      'adapter',
    ]);
    expect(death.components[2]).toMatchObject({ role: 'sector_officer', sector: 'social_protection' });
  });

  it('group 2 (key 1.011537): national code 2.002913, with the survivors’ allowance; the first step same-day', async () => {
    const v = await version('1.011537', '2026-09-01');
    expect(v).toMatchObject({ version: 2, nationalCode: '2.002913' });
    expect(v.nameVi).toMatch(/tử tuất/);
    expect(v.components[0]).toMatchObject({ code: '1.000656', timeLimitWorkingDays: 0, sameDayCutoff: '15:00' });
    expect(v.components[2]!.nameVi).toMatch(/trợ cấp tuất/);
    expect((await version('1.011537', '2026-08-31')).nationalCode).toBeNull();
  });

  it('keeps the catalog keys, so dossiers and fees of either version find their procedure', async () => {
    const { items } = (await get('/api/v1/procedures?field=interlinked')).json<ProcedureList>();
    expect(items.map((i) => [i.code, i.nationalCode]).sort()).toEqual([
      ['1.011537', '2.002913'],
      ['LT.01', '3.000722'],
    ]);
  });
});
