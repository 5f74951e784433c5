import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import type { Unit, UnitLink, UnitNode } from '../../../contracts/units';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('units API', () => {
  it('shows the three-tier tree (8 district-level units, 106 communes) on 30/06/2025', async () => {
    const res = await get('/api/v1/units/tree?asOf=2025-06-30');
    expect(res.statusCode).toBe(200);
    const tree = res.json<UnitNode>();
    expect(tree.code).toBe('12');
    expect(tree.children).toHaveLength(8);
    expect(tree.children.reduce((n, d) => n + d.children.length, 0)).toBe(106);
  });

  it('shows the two-tier tree (38 communes directly under the province) from 01/07/2025', async () => {
    const tree = (await get('/api/v1/units/tree?asOf=2025-07-01')).json<UnitNode>();
    expect(tree.children).toHaveLength(38);
    expect(tree.children.every((c) => c.level === 'commune' && c.children.length === 0)).toBe(true);
  });

  it.each([
    ['2024-05-01', 'Phường Quyết Tiến'],
    ['2026-01-01', 'Phường Đoàn Kết'],
  ])('resolves the reused code 03388 on %s to %s', async (asOf, fullName) => {
    const res = await get(`/api/v1/units/03388?asOf=${asOf}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Unit>().fullName).toBe(fullName);
  });

  it('names the periods a code was valid in when it is asked for on the wrong date', async () => {
    const res = await get('/api/v1/units/105?asOf=2026-01-01');
    expect(res.statusCode).toBe(404);
    const body = res.json<{ error: { code: string; messageVi: string; messageEn: string } }>();
    expect(body.error.code).toBe('UNIT.NOT_FOUND');
    expect(body.error.messageVi).toContain('Thành phố Lai Châu');
    expect(body.error.messageVi).toContain('đến 30/06/2025'); // dates as Vietnamese users read them
    expect(body.error.messageEn).toContain('2025-06-30');
  });

  it('gives the successor of an old commune and the predecessors of the new one', async () => {
    const successors = (await get('/api/v1/units/03388/successors')).json<{ items: UnitLink[] }>().items;
    expect(successors.map((l) => l.unit.fullName)).toEqual(['Phường Đoàn Kết']);
    const predecessors = (await get('/api/v1/units/03388/predecessors')).json<{ items: UnitLink[] }>().items;
    expect(predecessors.length).toBeGreaterThan(1);
    expect(predecessors.map((l) => l.unit.fullName)).toContain('Phường Quyết Tiến');
    expect(predecessors.every((l) => l.unit.validTo === '2025-06-30')).toBe(true);
  });

  it('finds communes by name ignoring diacritics', async () => {
    const res = await get('/api/v1/units?asOf=2026-01-01&level=commune&q=muong%20te');
    expect(res.json<{ items: Unit[] }>().items.map((u) => u.fullName)).toEqual(['Xã Mường Tè']);
  });

  it('ships a simplified map of the 38 current communes under 400 KB', async () => {
    const res = await get('/api/v1/units/geojson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.rawPayload.length).toBeLessThanOrEqual(400 * 1024);
    expect(res.json<{ features: unknown[] }>().features).toHaveLength(38);
  });

  it.each([
    ['/api/v1/units/tree?asOf=2025-02-30', 'asOf'],
    ['/api/v1/units/tree?asOf=yesterday', 'asOf'],
    ['/api/v1/units/abc', 'code'],
    ['/api/v1/units?level=village', 'level'],
    ['/api/v1/units?asOf=2025-13-01', 'asOf'],
    ['/api/v1/units/03388?asOf=31/12/2024', 'asOf'],
    ['/api/v1/units/0338x/successors', 'code'],
    ['/api/v1/units/123456/predecessors', 'code'],
  ])('answers %s with a 400 naming the field %s in both languages', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { fields: Array<{ field: string; messageVi: string; messageEn: string }> } }>();
    expect(error.fields[0]?.field).toContain(field);
    expect(error.fields[0]?.messageVi).toBeTruthy();
    expect(error.fields[0]?.messageEn).toBeTruthy();
    expect(error.fields[0]?.messageVi).not.toBe(error.fields[0]?.messageEn);
  });

  it('answers an unknown code with a 404, not a 500', async () => {
    expect((await get('/api/v1/units/99999')).statusCode).toBe(404);
    expect((await get('/api/v1/units/99999/successors')).statusCode).toBe(404);
  });
});
