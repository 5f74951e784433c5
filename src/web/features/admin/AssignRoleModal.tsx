import { useState } from 'react';
import { Form, Modal, Select } from 'antd';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useAdminT } from './use-admin-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SECTOR_CODES, sectorLabel } from '../../components/role-labels';
import { foldVietnamese } from '../../components/vietnamese';
import type { Unit } from '../../../contracts/units';
import { assignRole, type Role, type StaffUser } from './admin-api';

interface Values {
  role: string;
  unitCode: string;
  sector?: string;
}

interface Props {
  user: StaffUser | null;
  roles: Role[];
  units: Unit[];
  onClose: () => void;
  onSaved: (user: StaffUser) => void;
}

/** Gives a staff member a role in a unit (the province or a commune), with a sector when the role needs one. */
export function AssignRoleModal({ user, roles, units, onClose, onSaved }: Props) {
  const { pick } = useI18n();
  const t = useAdminT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const roleCode = Form.useWatch('role', form);
  const needsSector = roles.find((r) => r.code === roleCode)?.needsSector ?? false;
  const unitOptions = [...units]
    .filter((u) => u.level !== 'district')
    .sort((a, b) =>
      a.level === b.level ? a.fullName.localeCompare(b.fullName, 'vi') : a.level === 'province' ? -1 : 1,
    )
    .map((u) => ({
      value: u.code,
      label: `${u.fullName} (${u.code})`,
      search: foldVietnamese(`${u.fullName} ${u.code}`),
    }));

  const submit = async (values: Values) => {
    if (!user) return;
    setBusy(true);
    setError(undefined);
    try {
      const saved = await assignRole(user.id, {
        role: values.role,
        unitCode: values.unitCode,
        sector: needsSector ? values.sector : null,
      });
      form.resetFields();
      onSaved(saved);
    } catch (e) {
      const apiError = toApiError(e);
      const fields = new Set(['role', 'unitCode', 'sector']);
      const onFields = apiError.fields.filter((f) => fields.has(f.field));
      form.setFields(
        onFields.map((f) => ({ name: f.field as keyof Values, errors: [pick(f.messageVi, f.messageEn)] })),
      );
      if (onFields.length === 0) setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.assign.title', { who: user?.displayName ?? '' })}
      okText={t('users.assign.submit')}
      cancelText={t('purpose.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'assign-role-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        id="assign-role-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="role"
          label={t('users.assign.role')}
          rules={[{ required: true, message: t('users.assign.roleRequired') }]}
        >
          <Select
            options={roles.filter((r) => r.staff).map((r) => ({ value: r.code, label: pick(r.nameVi, r.nameEn) }))}
          />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label={t('users.assign.unit')}
          rules={[{ required: true, message: t('users.assign.unitRequired') }]}
        >
          <Select
            options={unitOptions}
            showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldVietnamese(input)) }}
            notFoundContent={t('communeSelect.none')}
          />
        </Form.Item>
        {needsSector && (
          <Form.Item
            name="sector"
            label={t('users.assign.sector')}
            rules={[{ required: true, message: t('users.assign.sectorRequired') }]}
          >
            <Select options={SECTOR_CODES.map((code) => ({ value: code, label: sectorLabel(t, code) }))} />
          </Form.Item>
        )}
        {error && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
