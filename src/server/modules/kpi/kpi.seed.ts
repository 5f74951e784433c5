import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import { IndicatorVersionBody } from '../../../contracts/kpi';
import { REFERENCE_DIR } from '../units';
import * as repo from './kpi.repository';

/** The plan's indicators as shipped (reference/kpi/indicators.json, from ../shared/seed's plan). */
const IndicatorsFile = z.object({ source: z.string(), notes: z.string(), indicators: z.array(IndicatorVersionBody) });

export async function readIndicatorsFile(): Promise<z.infer<typeof IndicatorsFile>> {
  return IndicatorsFile.parse(JSON.parse(await readFile(join(REFERENCE_DIR, 'kpi', 'indicators.json'), 'utf8')));
}

/**
 * Adds the shipped indicators whose code the database does not hold yet (an administrator's later
 * versions are never touched); the number added.
 */
export async function seedIndicators(db: Db): Promise<number> {
  const file = await readIndicatorsFile();
  const present = await repo.indicatorCodes(db);
  const missing = file.indicators.filter((i) => !present.has(i.code));
  for (const indicator of missing) await repo.insertVersion(db, indicator, null);
  return missing.length;
}
