import { Col, Form, Input, Radio, Row } from 'antd';
import { NOTE_MAX } from '../../../contracts/counter';
import { useT } from '../../shell/i18n';
import { outcomeOptions, typedByLabel, typedByOptions } from './counter-labels';
import { isFiled, type VisitFormValues } from './visit-form-model';
import { ProcedurePicker } from './ProcedurePicker';

/**
 * The facts of a visit, shared by the quick form and the correction dialog: procedure, guided
 * online, who typed, outcome, dossier code (for a filing) and a short note. Must sit inside a Form.
 */
export function VisitFactsFields() {
  const t = useT();
  const form = Form.useFormInstance<VisitFormValues>();
  const outcome = Form.useWatch('outcome', form);
  const filed = isFiled(outcome);
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Form.Item name="procedureCode" label={t('counter.procedure')} extra={t('counter.procedureHint')}>
          <ProcedurePicker />
        </Form.Item>
      </Col>
      <Col xs={24} xl={12}>
        <Form.Item
          name="guidedOnline"
          label={t('counter.guidedOnline')}
          rules={[{ required: true, message: t('counter.guidedRequired') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('counter.yes') },
              { value: false, label: t('counter.no') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name="outcome"
          label={t('counter.outcome')}
          rules={[{ required: true, message: t('counter.outcomeRequired') }]}
        >
          <Radio.Group options={outcomeOptions(t)} className="counter-radios" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="typedBy" label={t('counter.typedBy')} extra={filed ? t('counter.typedByHint') : undefined}>
          <Radio.Group
            options={[...typedByOptions(t), { value: 'none', label: typedByLabel(t, null) }]}
            className="counter-radios"
          />
        </Form.Item>
      </Col>
      {filed && (
        <Col xs={24} md={12}>
          <Form.Item name="dossierCode" label={t('counter.dossierCode')}>
            <Input autoComplete="off" allowClear placeholder="000.00.12.H30-260302-0001" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={filed ? 12 : 24}>
        <Form.Item name="note" label={t('counter.note')} extra={t('counter.noteHint')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={NOTE_MAX} />
        </Form.Item>
      </Col>
    </Row>
  );
}
