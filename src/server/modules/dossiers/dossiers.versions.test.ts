import { multipart } from '../../../../test/multipart';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createVersion, loadReferenceProcedures } from '../procedures';
import { todayInVietnam } from '../../../contracts/common';
import { type DossierDetail } from '../../../contracts/dossiers';
import {
  TEMP,
  t,
  hoa,
  police,
  versionInForce,
  uniquePdf,
  pdfPart,
  submit,
  filed,
  run,
  detail,
  counts,
  useRequirementsApp,
  type ApiError,
} from './dossiers.requirements.test-support';

useRequirementsApp();

describe('a new procedure version never changes filed dossiers (runs last: it replaces the version in force)', () => {
  let old: DossierDetail;
  let oldVersionId: string;
  let draft: DossierDetail;
  const newName = 'Đăng ký tạm trú (sửa đổi để kiểm thử)';

  beforeAll(async () => {
    oldVersionId = await versionInForce();
    old = await filed(hoa);
    expect(old.procedureVersionId).toBe(oldVersionId);
    // A draft saved under the old version, through the API (no files yet, no code, not submitted).
    const saved = await submit(hoa, { draft: true }, []);
    expect(saved.statusCode, saved.body).toBe(201);
    draft = await detail(hoa, saved.json<DossierDetail>().id);
    expect(draft).toMatchObject({
      state: 'draft',
      code: null,
      submittedAt: null,
      procedureVersionId: oldVersionId,
      allowedCommands: ['submit'],
    });
    const [row] = await t.database.rows<{ fee_is_sql_null: boolean }>(
      sql`select fee is null as fee_is_sql_null from dossiers.dossiers where id = ${draft.id}`,
    );
    expect(row!.fee_is_sql_null).toBe(draft.fee === null);
    const ref = (await loadReferenceProcedures()).filter((p) => p.code === TEMP).at(-1)!; // the latest form
    const { code: _code, ...body } = ref;
    const { version, closed } = await createVersion(
      t.database.db,
      TEMP,
      {
        ...body,
        effectiveFrom: todayInVietnam(),
        effectiveTo: null,
        nameVi: newName,
        changeNote: 'Phiên bản mới để kiểm thử',
      },
      { createdBy: null },
    );
    expect(closed).toBe(oldVersionId);
    expect(await versionInForce()).toBe(version.id);
  });

  it('refuses a submission under the old version with 409 DOSSIER.PROCEDURE_VERSION_CONFLICT and writes nothing', async () => {
    const before = await counts();
    const res = await submit(hoa, { procedureVersionId: oldVersionId }, [pdfPart(uniquePdf())]);
    expect(res.statusCode, res.body).toBe(409);
    const error = res.json<ApiError>().error;
    expect(error.code).toBe('DOSSIER.PROCEDURE_VERSION_CONFLICT');
    expect(error.fields?.map((f) => f.field)).toEqual(['procedureVersionId']);
    expect(await counts()).toEqual(before);
  });

  it('refuses to submit a draft saved under the old version (409), leaving it a draft without a code', async () => {
    const before = await counts();
    const res = await hoa.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${draft.id}/commands/submit`,
      ...multipart('command', {}, [pdfPart(uniquePdf())]),
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<ApiError>().error.code).toBe('DOSSIER.PROCEDURE_VERSION_CONFLICT');
    expect(await counts()).toEqual(before);
    expect(await detail(hoa, draft.id)).toMatchObject({
      state: 'draft',
      code: null,
      version: draft.version,
      procedureVersionId: oldVersionId,
    });
  });

  it('keeps the filed dossier on its version, with its form and name, and lets it move on', async () => {
    const now = await detail(hoa, old.id);
    expect(now).toMatchObject({
      procedureVersionId: oldVersionId,
      procedureNameVi: old.procedureNameVi,
      state: 'submitted',
      version: old.version,
    });
    expect(now.procedureNameVi).not.toBe(newName);
    expect(now.form).toEqual(old.form);
    expect((await run(police, old.id, 'receive')).procedureVersionId).toBe(oldVersionId);
  });

  it('files under the new version once the form is reloaded', async () => {
    const d = await filed(hoa);
    expect(d.procedureVersionId).not.toBe(oldVersionId);
    expect(d.procedureNameVi).toBe(newName);
  });
});
