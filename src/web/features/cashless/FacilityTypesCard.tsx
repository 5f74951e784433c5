import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Switch, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FacilityKind, FacilityType } from '../../../contracts/cashless';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { changeFacilityType, createFacilityType } from './cashless-api';

interface NewType {
  code: string;
  kind: FacilityKind;
  nameVi: string;
  nameEn: string;
}

/** The sub-kinds of facility, as data: a province administrator adds one or retires it. */
export function FacilityTypesCard({
  types,
  canEdit,
  onChanged,
}: {
  types: FacilityType[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewType>();
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      void message.success(done);
      onChanged();
    } catch (e) {
      const error = toApiError(e);
      void message.error(pick(error.messageVi, error.messageEn));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<FacilityType> = [
    {
      title: t('cashless.types.kind'),
      dataIndex: 'kind',
      render: (k: FacilityKind) => t(k === 'school' ? 'cashless.kind.school' : 'cashless.kind.health_facility'),
    },
    { title: t('cashless.types.name'), key: 'name', render: (_: unknown, ty) => pick(ty.nameVi, ty.nameEn) },
    { title: t('cashless.types.code'), dataIndex: 'code', responsive: ['md'], render: (c: string) => <code>{c}</code> },
    {
      title: t('cashless.types.active'),
      dataIndex: 'active',
      render: (active: boolean, ty) => (
        <Switch
          checked={active}
          disabled={!canEdit || busy}
          aria-label={t('cashless.types.activeLabel', { name: pick(ty.nameVi, ty.nameEn) })}
          onChange={(v) => void act(() => changeFacilityType(ty.code, { active: v }), t('cashless.saved'))}
        />
      ),
    },
  ];

  return (
    <Card className="section-card" title={t('cashless.types.title')}>
      <Table<FacilityType> rowKey="code" columns={columns} dataSource={types} pagination={false} size="small" />
      {canEdit && (
        <Form<NewType>
          form={form}
          layout="inline"
          style={{ marginTop: 16 }}
          onFinish={(v) =>
            void act(async () => {
              await createFacilityType({
                code: v.code.trim(),
                kind: v.kind,
                nameVi: v.nameVi.trim(),
                nameEn: v.nameEn.trim(),
              });
              form.resetFields();
            }, t('cashless.saved'))
          }
        >
          <Space wrap>
            <Form.Item name="kind" rules={[{ required: true, message: t('cashless.required') }]}>
              <Select
                placeholder={t('cashless.types.kind')}
                style={{ width: 160 }}
                options={[
                  { value: 'school', label: t('cashless.kind.school') },
                  { value: 'health_facility', label: t('cashless.kind.health_facility') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="code"
              rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('cashless.types.codeInvalid') }]}
            >
              <Input placeholder={t('cashless.types.codePlaceholder')} autoComplete="off" />
            </Form.Item>
            <Form.Item name="nameVi" rules={[{ required: true, whitespace: true, message: t('cashless.required') }]}>
              <Input placeholder={t('cashless.types.nameVi')} autoComplete="off" />
            </Form.Item>
            <Form.Item name="nameEn" rules={[{ required: true, whitespace: true, message: t('cashless.required') }]}>
              <Input placeholder={t('cashless.types.nameEn')} autoComplete="off" />
            </Form.Item>
            <Button htmlType="submit" loading={busy}>
              {t('cashless.types.add')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
