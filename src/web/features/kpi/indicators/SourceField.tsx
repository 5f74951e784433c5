import { AutoComplete, Form, type FormRule } from 'antd';
import type { KpiSource } from '../../../../contracts/kpi';
import { useApi } from '../../../api/use-api';
import { useI18n } from '../../../shell/i18n';
import { fetchSources } from './indicators-api';
import { useIndicatorsText } from './indicators-text';

/** The sources whose key or description (in the language shown) contains what was typed; all when nothing or a whole key was. */
function matchingSources(
  sources: readonly KpiSource[],
  typed: string,
  describe: (s: KpiSource) => string,
): KpiSource[] {
  const q = typed.trim().toLowerCase();
  if (!q || sources.some((s) => s.key === q)) return [...sources];
  return sources.filter((s) => s.key.includes(q) || describe(s).toLowerCase().includes(q));
}

/**
 * The source of a computed indicator: a key the modules publish, picked from their list (each with
 * what it counts), or typed. A key no module publishes yet is allowed — the indicator is "no data"
 * until one does — and a hint under the field says so. Without the list (it failed to load) the
 * field is plain text, as before.
 */
export function SourceField(props: { rules: FormRule[] }) {
  const t = useIndicatorsText();
  const { pick } = useI18n();
  const form = Form.useFormInstance();
  const typed = (Form.useWatch('source', form) as string | null | undefined) ?? '';
  const list = useApi((signal) => fetchSources({ signal }), []);
  const describe = (s: KpiSource) => pick(s.descriptionVi ?? '', s.descriptionEn ?? '');
  const options = matchingSources(list.data ?? [], typed, describe).map((s) => ({
    value: s.key,
    label: (
      <div className="kpiind-source-option">
        <code>{s.key}</code>
        {describe(s) && <div className="kpiind-muted">{describe(s)}</div>}
      </div>
    ),
  }));
  const unpublished = !!list.data && typed.trim() !== '' && !list.data.some((s) => s.key === typed.trim());
  return (
    <Form.Item
      name="source"
      label={t('kpiInd.form.source')}
      rules={props.rules}
      extra={
        unpublished ? (
          <span data-testid="kpiind-source-unpublished">{t('kpiInd.form.sourceUnpublished')}</span>
        ) : undefined
      }
    >
      <AutoComplete
        options={options}
        maxLength={80}
        placeholder={t('kpiInd.form.sourcePlaceholder')}
        classNames={{ popup: { root: 'kpiind-source-popup' } }}
      />
    </Form.Item>
  );
}
