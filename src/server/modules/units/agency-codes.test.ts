import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AdminUnitsFile } from '../../../contracts/admin-units-file';
import { AGENCY_CODE_FORM, CommuneAgency, DEMO_PROVINCE_AGENCY_CODE } from '../../../contracts/agency-codes';
import { agencyCodeOfEntry, readAgencyCodes, receivingAgencyCode } from './agency-codes';
import { REFERENCE_DIR } from './units.loader';

const units = AdminUnitsFile.parse(JSON.parse(readFileSync(`${REFERENCE_DIR}/admin-units/12.json`, 'utf8'))).units;
const currentCommunes = units.filter((u) => u.level === 'commune' && u.validTo === null).map((u) => u.code);

describe('receiving-agency codes of Lai Châu (QCVN 102:2016; reference/admin-units/12-agency-codes.json)', () => {
  it('lists exactly the 38 communes in force, each once, none confirmed until the official list is loaded', async () => {
    const file = await readAgencyCodes('12');
    expect(file.agencies.map((a) => a.unitCode).sort()).toEqual([...currentCommunes].sort());
    expect(file.agencies.filter((a) => a.confirmed)).toEqual([]);
  });

  it('builds a placeholder code under the province code of the form, never an official-looking one of another province', async () => {
    expect(await receivingAgencyCode('12', '03388', DEMO_PROVINCE_AGENCY_CODE)).toEqual({
      code: '000.00.01.X99',
      confirmed: false,
    });
    expect(await receivingAgencyCode('12', '03445', '000.00.00.Z01')).toEqual({
      code: '000.00.12.Z01',
      confirmed: false,
    });
    for (const a of (await readAgencyCodes('12')).agencies)
      expect(agencyCodeOfEntry(a, DEMO_PROVINCE_AGENCY_CODE).code).toMatch(AGENCY_CODE_FORM);
  });

  it('uses the official code once the list gives it', () => {
    const official = CommuneAgency.parse({
      unitCode: '03388',
      name: 'UBND phường Đoàn Kết',
      agencyCode: '000.00.07.Z01',
      confirmed: true,
    });
    expect(agencyCodeOfEntry(official, '000.00.00.Z01')).toEqual({ code: '000.00.07.Z01', confirmed: true });
  });

  it.each([
    [{ unitCode: '03388', name: 'x', confirmed: false }, 'give either level2 or agencyCode'],
    [{ unitCode: '03388', name: 'x', level2: '01', agencyCode: '000.00.01.Z01', confirmed: false }, 'give either'],
    [{ unitCode: '03388', name: 'x', level2: '01', confirmed: true }, 'a confirmed entry gives the official'],
    [{ unitCode: '03388', name: 'x', agencyCode: '03388.H29', confirmed: true }, 'Invalid string'],
  ])('refuses an entry that is not a code of the form or mixes placeholder and official (%#)', (entry, message) => {
    const result = CommuneAgency.safeParse(entry);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });

  it('refuses to make up a code for a commune the list lacks: 503, the configuration not the citizen', async () => {
    await expect(receivingAgencyCode('12', '99999', DEMO_PROVINCE_AGENCY_CODE)).rejects.toMatchObject({
      code: 'UNIT.AGENCY_CODE_UNAVAILABLE',
    });
    await expect(receivingAgencyCode('98', '03388', DEMO_PROVINCE_AGENCY_CODE)).rejects.toMatchObject({
      code: 'UNIT.AGENCY_CODES_UNAVAILABLE',
    });
  });
});
