import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import {
  FeeExemption,
  Fees,
  ProcedureCode,
  ProcedureDefinition,
  ProcedureForm,
  type NewVersionBody,
} from '../../../contracts/procedures';
import { IsoDate } from '../../../contracts/common';
import { expandForm, FormTemplateRef } from './form-template';
import * as repo from './procedures.repository';
import { createVersion } from './procedures.service';

/** Where the catalog's reference data lives (law as data, with sources: see ATTRIBUTION.md there). */
export const PROCEDURES_REFERENCE_DIR = fileURLToPath(new URL('../../../../reference/procedures', import.meta.url));

/** One procedure version in a reference file: the form may be a template reference, exemptions a named list. */
const ReferenceEntry = ProcedureDefinition.omit({ form: true, fees: true }).extend({
  code: ProcedureCode,
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable().optional(),
  changeNote: z.string().optional(),
  fees: Fees.omit({ exemptions: true }).extend({ exemptions: z.union([z.string(), z.array(FeeExemption)]) }),
  form: z.union([FormTemplateRef, ProcedureForm]),
});
const ReferenceFile = z.object({ description: z.string(), procedures: z.array(ReferenceEntry) });
const ExemptionLists = z.object({ description: z.string(), lists: z.record(z.string(), z.array(FeeExemption)) });

/** A reference version ready to store. */
export type ReferenceProcedure = NewVersionBody & { code: string };

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/**
 * Reads every reference file (`forms/*.json` templates, `fee-exemptions.json`, the procedure
 * files), expands templates and named exemption lists, and validates the result (throws naming the
 * file on a bad entry). Sorted by code then start date.
 */
export async function loadReferenceProcedures(dir = PROCEDURES_REFERENCE_DIR): Promise<ReferenceProcedure[]> {
  const templates: Record<string, ProcedureForm> = {};
  for (const f of (await readdir(`${dir}/forms`)).filter((n) => n.endsWith('.json'))) {
    templates[f.replace(/\.json$/, '')] = ProcedureForm.parse(await readJson(`${dir}/forms/${f}`));
  }
  const { lists } = ExemptionLists.parse(await readJson(`${dir}/fee-exemptions.json`));
  const out: ReferenceProcedure[] = [];
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.json') && n !== 'fee-exemptions.json').sort()) {
    const parsed = ReferenceFile.safeParse(await readJson(`${dir}/${f}`));
    if (!parsed.success) throw new Error(`reference/procedures/${f}: ${parsed.error.message}`);
    for (const e of parsed.data.procedures) {
      const exemptions = typeof e.fees.exemptions === 'string' ? lists[e.fees.exemptions] : e.fees.exemptions;
      if (!exemptions)
        throw new Error(
          `reference/procedures/${f}: ${e.code}: unknown exemption list ${JSON.stringify(e.fees.exemptions)}`,
        );
      const form = 'template' in e.form ? expandForm(e.form, templates) : e.form;
      out.push({ ...e, fees: { ...e.fees, exemptions }, form, changeNote: e.changeNote ?? `Dữ liệu tham chiếu: ${f}` });
    }
  }
  return out.sort((a, b) => a.code.localeCompare(b.code) || a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/**
 * Loads the catalog's reference data: every (code, effective date) of the reference files that is
 * not stored yet becomes a version (closing the previous open one). Idempotent — run at every start;
 * a stored version is never changed, so correcting the law means adding a dated entry.
 */
export async function seedProcedures(
  db: Db,
  dir = PROCEDURES_REFERENCE_DIR,
): Promise<{ created: number; existing: number }> {
  const reference = await loadReferenceProcedures(dir);
  const stored = new Set((await repo.listVersionKeys(db)).map((k) => `${k.code}@${k.effectiveFrom}`));
  let created = 0;
  for (const { code, ...body } of reference) {
    if (stored.has(`${code}@${body.effectiveFrom}`)) continue;
    await createVersion(db, code, body, { createdBy: null, allowPast: true });
    created++;
  }
  return { created, existing: reference.length - created };
}
