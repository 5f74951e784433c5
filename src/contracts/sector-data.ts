import { z } from 'zod';
import { bilingual } from './messages';
import { PageQuery, UnitCode, pageOf } from './common';

/** HTTP shapes of /api/v1/sector-data: dataset types, import batches, column mappings. */

/** Largest file the API accepts (the CLI has no such limit; both stream). */
export const SECTOR_IMPORT_MAX_BYTES = 200 * 1024 * 1024;

export const DatasetTypeCode = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,40}$/, bilingual('Mã loại dữ liệu không hợp lệ', 'Not a dataset type code'));

/** A field → header text mapping; as a query parameter it is JSON. */
export const ColumnMapping = z.record(
  z.string().max(60),
  z.string().min(1, bilingual('Tên cột không được trống', 'A column name may not be empty')).max(200),
);

export const ImportQuery = z.object({
  datasetType: DatasetTypeCode,
  unitCode: UnitCode.optional(),
  /** A mapping set by hand, as JSON: {"fullName": "Họ tên chủ hộ", …}. */
  mapping: z
    .string()
    .max(10_000)
    .transform((text, ctx) => {
      try {
        return ColumnMapping.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: bilingual(
            'mapping phải là JSON {"trường": "tên cột"}',
            'mapping must be JSON {"field": "column header"}',
          ),
        });
        return z.NEVER;
      }
    })
    .optional(),
  mappingName: z.string().min(1).max(100).optional(),
  /** true: answer when the import is finished (200); false (default): as soon as it is running (202), poll the batch. */
  wait: z
    .enum(['true', 'false'], { error: bilingual('wait phải là true hoặc false', 'wait must be true or false') })
    .default('false')
    .transform((v) => v === 'true'),
});

export const BatchState = z.enum(['importing', 'committed', 'failed', 'cancelled']);

/** Linking of a committed batch to the registry: none → linking → linked | failed (the earlier links are kept on failure). */
export const LinkState = z.enum(['none', 'linking', 'linked', 'failed']);

/** The batch's linking: its state, valid rows linked so far of the total (live while linking), when, and why it failed. */
export const BatchLink = z.object({
  state: LinkState,
  linked: z.number().int(),
  total: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  failure: z.object({ code: z.string(), vi: z.string(), en: z.string() }).nullable(),
});

export const Batch = z.object({
  id: z.string(),
  datasetType: z.string(),
  sector: z.string(),
  unitCode: z.string(),
  fileName: z.string(),
  format: z.string(),
  state: BatchState,
  rowsRead: z.number().int(),
  rowCount: z.number().int(),
  validCount: z.number().int(),
  errorCount: z.number().int(),
  diff: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }).nullable(),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  mapping: z.record(z.string(), z.string()),
  mappingName: z.string().nullable(),
  failure: z.object({ code: z.string(), vi: z.string(), en: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  link: BatchLink,
});
export type Batch = z.infer<typeof Batch>;

/** The answer to an upload: the batch, and whether the file had been imported already. */
export const ImportAnswer = z.object({ duplicate: z.boolean(), batch: Batch });

export const BatchParams = z.object({
  id: z.uuid({ error: bilingual('Mã lượt nhập không hợp lệ', 'Not a batch id') }),
});

export const BatchListQuery = PageQuery.extend({
  datasetType: DatasetTypeCode.optional(),
  state: BatchState.optional(),
});
export const BatchPage = pageOf(Batch);

export const DatasetTypeInfo = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  sector: z.string(),
  fields: z.array(
    z.object({
      key: z.string(),
      labelVi: z.string(),
      labelEn: z.string(),
      kind: z.string(),
      required: z.boolean(),
      aliases: z.array(z.string()),
    }),
  ),
});

export const MappingInput = z.object({
  datasetType: DatasetTypeCode,
  name: z.string().trim().min(1, bilingual('Tên không được trống', 'The name may not be empty')).max(100),
  columns: ColumnMapping,
});
export const Mapping = MappingInput.extend({ sector: z.string(), updatedAt: z.string() });
export const MappingQuery = z.object({ datasetType: DatasetTypeCode.optional() });
