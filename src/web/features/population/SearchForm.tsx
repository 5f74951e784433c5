import { useEffect } from 'react';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Space } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CommuneSelect } from '../../components/CommuneSelect';
import { useT } from '../../shell/i18n';
import type { SearchCriteria } from './population-api';

/** The form's own values (the birth date is a dayjs while editing). */
export interface SearchFormValues {
  nationalId?: string;
  name?: string;
  birthDate?: Dayjs | null;
  birthYear?: number | null;
  unitCode?: string;
}

export function toCriteria(values: SearchFormValues): SearchCriteria {
  return {
    nationalId: values.nationalId?.trim() || undefined,
    name: values.name?.trim() || undefined,
    birthDate: values.birthDate ? values.birthDate.format('YYYY-MM-DD') : undefined,
    birthYear: values.birthYear ?? undefined,
    unitCode: values.unitCode || undefined,
  };
}

export function toFormValues(criteria: SearchCriteria): SearchFormValues {
  return { ...criteria, birthDate: criteria.birthDate ? dayjs(criteria.birthDate) : null };
}

interface Props {
  form: FormInstance<SearchFormValues>;
  loading: boolean;
  onSearch: (criteria: SearchCriteria) => void;
  onClear: () => void;
}

/** Search by 12-digit ID number, or by name with optional birth date/year and commune. */
export function SearchForm({ form, loading, onSearch, onClear }: Props) {
  const t = useT();
  const thisYear = new Date().getFullYear();

  // Typing in one of the two main fields clears the "enter an ID or a name" error on the other.
  const nationalId = Form.useWatch('nationalId', form);
  const name = Form.useWatch('name', form);
  useEffect(() => {
    if (nationalId || name) form.setFields([{ name: 'name', errors: [] }]);
  }, [nationalId, name, form]);

  const finish = (values: SearchFormValues) => {
    const criteria = toCriteria(values);
    if (!criteria.nationalId && !criteria.name) {
      form.setFields([{ name: 'name', errors: [t('search.needIdOrName')] }]);
      return;
    }
    onSearch(criteria);
  };

  return (
    <Form form={form} layout="vertical" size="large" onFinish={finish} requiredMark={false} className="search-form">
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            name="nationalId"
            label={t('search.nationalId')}
            rules={[{ pattern: /^\s*\d{12}\s*$/, message: t('search.nationalIdInvalid') }]}
            extra={t('search.nationalIdHint')}
          >
            <Input inputMode="numeric" maxLength={12} autoComplete="off" allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            name="name"
            label={t('search.name')}
            rules={[{ min: 2, whitespace: true, message: t('search.nameTooShort') }]}
            extra={t('search.nameHint')}
          >
            <Input autoComplete="off" allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name="birthDate" label={t('search.birthDate')}>
            <DatePicker
              format="DD/MM/YYYY"
              placeholder={t('common.datePlaceholder')}
              className="full-width"
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Form.Item name="birthYear" label={t('search.birthYear')}>
            <InputNumber min={1900} max={thisYear} controls={false} className="full-width" inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="unitCode" label={t('search.commune')}>
            <CommuneSelect />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" size="large" loading={loading}>
          {t('search.submit')}
        </Button>
        <Button size="large" onClick={onClear}>
          {t('search.clear')}
        </Button>
      </Space>
    </Form>
  );
}
