import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import { FEE_LIST_KINDS } from '../../../contracts/fees';
import { listUnits } from '../units';
import * as repo from './fees.repository';

/** The lists shipped for Lai Châu (provisional entries, method and sources inside). */
export const FEE_LISTS_REFERENCE_FILE = fileURLToPath(
  new URL('../../../../reference/fees/lai-chau-exemption-lists.json', import.meta.url),
);

const ReferenceFile = z.object({
  provinceCode: z.string(),
  lists: z.array(
    z.object({
      code: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/),
      kind: z.enum(FEE_LIST_KINDS),
      nameVi: z.string().min(1),
      nameEn: z.string().min(1),
      descriptionVi: z.string().nullable(),
      descriptionEn: z.string().nullable(),
      validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      source: z.string(),
      units: z.array(z.object({ code: z.string().regex(/^\d{5}$/), name: z.string() })),
    }),
  ),
});
export type FeeListsReference = z.infer<typeof ReferenceFile>;

/** Reads and checks the reference file. */
export async function readFeeListsReference(file = FEE_LISTS_REFERENCE_FILE): Promise<FeeListsReference> {
  return ReferenceFile.parse(JSON.parse(await readFile(file, 'utf8')));
}

/**
 * Stores the reference lists: each list not stored yet is created with its members (open from the
 * list's `validFrom`, provisional, with the file's source). A list already stored is left alone,
 * so administrators' edits are never overwritten. Members whose commune does not exist on that
 * day in the units table (another province loaded) are skipped. Idempotent; called at start.
 * Returns the lists created.
 */
export async function seedFeeLists(db: Db, file = FEE_LISTS_REFERENCE_FILE): Promise<string[]> {
  const reference = await readFeeListsReference(file);
  return db.transaction(async (tx) => {
    const created: string[] = [];
    for (const list of reference.lists) {
      const { code, kind, nameVi, nameEn, descriptionVi, descriptionEn } = list;
      if (!(await repo.insertList(tx, { code, kind, nameVi, nameEn, descriptionVi, descriptionEn, createdBy: null })))
        continue;
      created.push(code);
      if (list.units.length === 0) continue;
      const known = new Set((await listUnits(tx, list.validFrom, { level: 'commune' })).map((u) => u.code));
      const members = list.units
        .filter((u) => known.has(u.code))
        .map((u) => ({
          listCode: code,
          unitCode: u.code,
          validFrom: list.validFrom,
          source: list.source,
          provisional: true,
          createdBy: null,
        }));
      await repo.insertUnitMembers(tx, members);
    }
    return created;
  });
}
