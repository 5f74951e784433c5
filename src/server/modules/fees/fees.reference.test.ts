import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadReferenceProcedures } from '../procedures';
import { REFERENCE_DIR } from '../units';
import { readFeeListsReference } from './index';

interface UnitsFile {
  units: Array<{
    code: string;
    fullName: string;
    level: string;
    type: string;
    parentCode: string | null;
    validFrom: string | null;
    validTo: string | null;
  }>;
  mergers: Array<{ newCode: string; oldCode: string }>;
}

/** The four former districts on the border with Yunnan: Mường Tè, Sìn Hồ, Phong Thổ, Nậm Nhùn. */
const BORDER_DISTRICTS = new Set(['107', '108', '109', '112']);

describe('the reference exemption lists of Lai Châu (reference/fees)', () => {
  it('name current communes by their code and name, all from the four former border districts', async () => {
    const reference = await readFeeListsReference();
    const units = JSON.parse(await readFile(`${REFERENCE_DIR}/admin-units/12.json`, 'utf8')) as UnitsFile;
    const current = new Map(
      units.units.filter((u) => u.level === 'commune' && u.validTo === null).map((u) => [u.code, u]),
    );
    const old = new Map(units.units.filter((u) => u.level === 'commune' && u.validTo !== null).map((u) => [u.code, u]));
    for (const list of reference.lists) {
      for (const member of list.units) {
        const unit = current.get(member.code);
        expect(unit?.fullName, `${list.code} ${member.code}`).toBe(member.name);
        expect(unit!.type, member.name).toBe('xa');
        const predecessors = units.mergers.filter((m) => m.newCode === member.code).map((m) => old.get(m.oldCode)!);
        expect(predecessors.length).toBeGreaterThan(0);
        expect(predecessors.every((p) => BORDER_DISTRICTS.has(p.parentCode ?? ''))).toBe(true);
      }
    }
  });

  it('marks every seeded commune list as provisional, with the sentence the administrators look for', async () => {
    const reference = await readFeeListsReference();
    const byCode = new Map(reference.lists.map((l) => [l.code, l]));
    expect(byCode.get('border_communes')!.units).toHaveLength(9);
    expect(byCode.get('extremely_difficult_communes')!.units).toHaveLength(19);
    expect(byCode.get('poor_households')).toMatchObject({ kind: 'household', units: [] });
    for (const list of reference.lists.filter((l) => l.units.length > 0)) {
      expect(list.source.startsWith('Danh sách tạm — cần cập nhật theo quyết định của Thủ tướng/UBND tỉnh')).toBe(true);
      expect(list.validFrom).toBe('2025-07-01');
    }
  });

  it('holds every list the exemption criteria of the procedure catalog name, with the right kind', async () => {
    const reference = await readFeeListsReference();
    const kinds = new Map(reference.lists.map((l) => [l.code, l.kind]));
    const named = new Map<string, string>();
    for (const p of await loadReferenceProcedures()) {
      for (const e of p.fees.exemptions) {
        const c = e.criterion;
        if (c?.kind === 'household_in_list') named.set(c.list, 'household');
        if (c?.kind === 'resident_in_unit_list' || c?.kind === 'ethnic_minority_in_unit_list')
          named.set(c.list, 'unit');
      }
    }
    expect(named.size).toBe(3);
    for (const [code, kind] of named) expect(kinds.get(code), code).toBe(kind);
  });
});
