import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../../test/app';
import { KpiSource } from '../../../contracts/kpi';
import { DEFAULT_ROLES } from '../identity';
import { indicatorSources } from '../../indicator-sources';

/*
 * GET /api/v1/kpi/sources through HTTP: the sources the modules publish today, for the administrator
 * who picks an indicator's source — each key with what it counts in both languages — for readers of
 * the indicators only.
 */

let t: TestApp;
const PROVINCE = '12';
const URL = '/api/v1/kpi/sources';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the sources the modules publish', () => {
  it('lists every published source once, sorted by key, each described in both languages', async () => {
    const admin = await t.staff('admin', PROVINCE);
    const res = await admin.inject(URL);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const sources = z.array(KpiSource).parse(res.json());
    const keys = sources.map((s) => s.key);
    expect(keys).toEqual([...indicatorSources().keys()].sort());
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of sources) {
      expect(s.key).toMatch(/^[a-z_]+\.[a-z0-9_]+$/);
      // One plain sentence per language, "numerator / denominator".
      expect(s.descriptionVi, s.key).toMatch(/^\S.* \/ .*\S$/);
      expect(s.descriptionEn, s.key).toMatch(/^\S.* \/ .*\S$/);
    }
    expect(sources.find((s) => s.key === 'population.eid_level2_14plus')).toEqual({
      key: 'population.eid_level2_14plus',
      descriptionVi: 'Người từ 14 tuổi đã kích hoạt định danh điện tử mức 2 / người từ 14 tuổi đang cư trú',
      descriptionEn: 'People aged 14 or over with an activated level-2 e-ID / people aged 14 or over living there',
      hasList: true,
      formerUnits: 'placed',
    });
    // The per-dataset-type keys, described with the type's name.
    expect(sources.find((s) => s.key === 'sector.linked_vaccination')?.descriptionVi).toContain('«Tiêm chủng»');
    expect(sources.find((s) => s.key === 'sector.covered_children')?.descriptionEn).toMatch(/^People under 6 /);
    expect(sources.find((s) => s.key === 'pilots.on_track')).toMatchObject({ hasList: true, formerUnits: null });
    expect(sources.find((s) => s.key === 'dossiers.data_reuse')).toMatchObject({
      hasList: false,
      formerUnits: 'as_recorded',
    });
  });

  it('is for readers of the indicators: not an officer without kpi.read, not a citizen, not someone signed out', async () => {
    const leader = await t.staff('leader', PROVINCE);
    expect((await leader.inject(URL)).statusCode).toBe(200);
    expect(DEFAULT_ROLES.find((r) => r.code === 'civil_status_officer')?.actions).not.toContain('kpi.read');
    expect((await (await t.staff('civil_status_officer', PROVINCE)).inject(URL)).statusCode).toBe(403);
    expect((await t.app.inject(URL)).statusCode).toBe(401);
    const citizen = await t.citizen({ nationalId: '012090000001', fullName: 'Người Thử 1' });
    expect((await citizen.inject(URL)).statusCode).toBe(403);
  });
});
