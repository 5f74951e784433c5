import type { FieldMeta, PrefillStats, ProcedureVersion } from '../../../contracts/procedures';

/**
 * Inputs a field asks of a citizen who types it: 1 for a scalar or a checkbox, one per column for
 * a table (counted for one row: the typical "one other person" case, and the same on both sides).
 */
export function inputsOf(meta: FieldMeta): number {
  return meta.widget === 'table' ? Math.max(1, meta.columns?.length ?? 1) : 1;
}

export const PREFILL_METHOD = {
  vi:
    'Đếm theo định nghĩa tờ khai của phiên bản đang có hiệu lực: mỗi ô nhập hoặc ô đánh dấu là 1, bảng tính 1 ô cho mỗi cột (một dòng). ' +
    '"Trước" = mọi ô công dân phải tự nhập khi không có CSDL. "Sau" = các ô có nguồn "tự nhập"; ô có nguồn CSDL dân cư (cá nhân, hộ) ' +
    'hoặc tài khoản định danh điện tử được coi là đã điền sẵn. Với từng công dân, ô mà CSDL chưa có giá trị (ví dụ chưa có thư điện tử) ' +
    'vẫn phải nhập: số thực tế trả về trong typedCount của API điền sẵn.',
  en:
    'Counted from the form definition of the version in force: each input or checkbox is 1, a table counts 1 per column (one row). ' +
    '"Before" = every input a citizen types without the registry. "After" = inputs whose source is "typed"; inputs sourced from the ' +
    'population registry (person, household) or the e-ID are prefilled. For a given citizen, an input the registry holds no value for ' +
    "(e.g. no e-mail on record) is still typed: the prefill API's typedCount gives that citizen's real number.",
};

/** Inputs a citizen types before and after prefill, from the version's field definitions (pure). */
export function prefillStats(version: Pick<ProcedureVersion, 'id' | 'code' | 'form'>): PrefillStats {
  const byField = Object.entries(version.form.fields).map(([field, meta]) => ({
    field,
    labelVi: meta.labelVi,
    labelEn: meta.labelEn,
    source: meta.source,
    inputs: inputsOf(meta),
    prefilled: meta.source !== 'typed',
  }));
  const typedBefore = byField.reduce((n, f) => n + f.inputs, 0);
  const typedAfter = byField.filter((f) => !f.prefilled).reduce((n, f) => n + f.inputs, 0);
  const reductionPercent = typedBefore === 0 ? 0 : Math.round(((typedBefore - typedAfter) / typedBefore) * 1000) / 10;
  return {
    code: version.code,
    versionId: version.id,
    inputsTotal: typedBefore,
    typedBefore,
    typedAfter,
    reductionPercent,
    byField,
    methodVi: PREFILL_METHOD.vi,
    methodEn: PREFILL_METHOD.en,
  };
}
