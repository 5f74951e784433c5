import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useSession } from '../../api/session';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useAdminT } from './use-admin-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { roleLabel, sectorLabel } from '../../components/role-labels';
import { useCurrentUnits } from '../../components/unit-names';
import { foldVietnamese } from '../../components/vietnamese';
import { listRoles, listUsers, removeAssignment, resetPassword, setDisabled, type StaffUser } from './admin-api';
import { AssignRoleModal } from './AssignRoleModal';
import { CreateUserModal } from './CreateUserModal';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';

/** /admin/users — staff accounts: create, roles per unit, reset password, disable/enable. */
export default function UsersPage() {
  const { pick } = useI18n();
  const t = useAdminT();
  const { message } = App.useApp();
  const { can } = useSession();
  const manage = can('identity.users.manage');
  const users = useApi((signal) => listUsers({ signal }), []);
  const roles = useApi((signal) => listRoles({ signal }), []);
  const { units, nameOf } = useCurrentUnits();
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<StaffUser | null>(null);
  const [temp, setTemp] = useState<{ who: string; password: string } | null>(null);

  const roleName = (code: string) => {
    const role = roles.data?.items.find((r) => r.code === code);
    return role ? pick(role.nameVi, role.nameEn) : roleLabel(t, code);
  };
  const replace = (user: StaffUser) =>
    users.setData({ items: (users.data?.items ?? []).map((u) => (u.id === user.id ? user : u)) });
  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      const error = toApiError(e);
      void message.error(pick(error.messageVi, error.messageEn));
    }
  };

  const columns: TableColumnsType<StaffUser> = [
    {
      title: t('users.col.account'),
      key: 'account',
      render: (_: unknown, u) => (
        <>
          <strong>{u.displayName}</strong>
          {u.jobTitle && <div>{u.jobTitle}</div>}
          <div className="me-muted">{u.username}</div>
        </>
      ),
    },
    {
      title: t('users.col.roles'),
      key: 'roles',
      render: (_: unknown, u) =>
        u.assignments.length === 0 ? (
          <Typography.Text type="secondary">{t('account.noRoles')}</Typography.Text>
        ) : (
          <ul className="plain-list assignment-list">
            {u.assignments.map((a) => {
              const text = [roleName(a.role), nameOf(a.unitCode), sectorLabel(t, a.sector)].filter(Boolean).join(' · ');
              return (
                <li key={a.id}>
                  <span>{text}</span>
                  {manage && (
                    <Popconfirm
                      title={t('users.assign.removeConfirm')}
                      okText={t('users.assign.remove')}
                      cancelText={t('purpose.cancel')}
                      onConfirm={() => act(async () => replace(await removeAssignment(u.id, a.id)))}
                    >
                      <Button
                        size="small"
                        type="link"
                        danger
                        aria-label={t('users.assign.removeLabel', { role: text, who: u.displayName })}
                      >
                        {t('users.assign.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </li>
              );
            })}
          </ul>
        ),
    },
    {
      title: t('users.col.status'),
      key: 'status',
      render: (_: unknown, u) => (
        <Space size={[0, 4]} wrap>
          {u.disabled ? (
            <StatusTag kind="danger">{t('users.status.disabled')}</StatusTag>
          ) : (
            <StatusTag kind="ok">{t('users.status.active')}</StatusTag>
          )}
          {u.locked && <StatusTag kind="warn">{t('users.status.locked')}</StatusTag>}
          {u.totpEnabled && <StatusTag kind="info">{t('users.status.totp')}</StatusTag>}
        </Space>
      ),
    },
    {
      title: t('users.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      className: 'nowrap',
      render: (v: string | null) => (v ? formatDateTime(v) : t('users.never')),
    },
  ];
  if (manage) {
    columns.push({
      title: t('users.col.actions'),
      key: 'actions',
      render: (_: unknown, u) => (
        <Space size={[8, 8]} wrap className="user-actions">
          <Button
            size="small"
            onClick={() => setAssigning(u)}
            aria-label={t('users.assign.buttonLabel', { who: u.displayName })}
          >
            {t('users.assign.button')}
          </Button>
          <Popconfirm
            title={t('users.reset.confirm', { who: u.displayName })}
            description={t('users.reset.explain')}
            okText={t('users.reset.button')}
            cancelText={t('purpose.cancel')}
            onConfirm={() =>
              act(async () => setTemp({ who: u.displayName, password: (await resetPassword(u.id)).temporaryPassword }))
            }
          >
            <Button size="small" aria-label={t('users.reset.buttonLabel', { who: u.displayName })}>
              {t('users.reset.button')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={
              u.disabled
                ? t('users.enable.confirm', { who: u.displayName })
                : t('users.disable.confirm', { who: u.displayName })
            }
            okText={u.disabled ? t('users.enable.button') : t('users.disable.button')}
            cancelText={t('purpose.cancel')}
            onConfirm={() => act(async () => replace(await setDisabled(u.id, !u.disabled)))}
          >
            <Button
              size="small"
              danger={!u.disabled}
              aria-label={`${u.disabled ? t('users.enable.button') : t('users.disable.button')}: ${u.displayName}`}
            >
              {u.disabled ? t('users.enable.button') : t('users.disable.button')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  const needle = foldVietnamese(filter);
  const rows = (users.data?.items ?? []).filter(
    (u) => !needle || foldVietnamese(`${u.displayName} ${u.username ?? ''}`).includes(needle),
  );

  return (
    <>
      <PageTitle
        title={t('users.title')}
        description={t('users.intro')}
        extra={
          manage && (
            <Button type="primary" size="large" onClick={() => setCreating(true)}>
              {t('users.create.button')}
            </Button>
          )
        }
      />
      {users.error && <ErrorAlert error={users.error} onRetry={users.reload} />}
      {roles.error && <ErrorAlert error={roles.error} onRetry={roles.reload} />}
      <Card className="section-card">
        <Input
          className="user-filter"
          placeholder={t('users.filter')}
          aria-label={t('users.filter')}
          allowClear
          onChange={(e) => setFilter(e.target.value)}
        />
        <ScrollRegion label={t('users.title')}>
          <Table<StaffUser>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={users.loading}
            size="middle"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="users-table"
          />
        </ScrollRegion>
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user, password) => {
          setCreating(false);
          users.setData({ items: [...(users.data?.items ?? []), user] });
          if (password) setTemp({ who: user.displayName, password });
          else void message.success(t('users.create.done'));
        }}
      />
      <AssignRoleModal
        user={assigning}
        roles={roles.data?.items ?? []}
        units={units}
        onClose={() => setAssigning(null)}
        onSaved={(user) => {
          setAssigning(null);
          replace(user);
          void message.success(t('users.assign.done'));
        }}
      />
      <TemporaryPasswordModal shown={temp} onClose={() => setTemp(null)} />
    </>
  );
}
