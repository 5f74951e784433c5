import { useState } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useSession } from '../../api/session';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useAdminT } from './use-admin-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { listRoleEvents, listRoles, setRoleActions, type Role } from './admin-api';
import { CreateRoleModal } from './CreateRoleModal';
import { RoleHistory } from './RoleHistory';
import { RoleMatrix } from './RoleMatrix';
import './roles.css';

/** The citizen role first, then the staff roles in the server's order. */
const ordered = (roles: Role[]) => [...roles.filter((r) => !r.staff), ...roles.filter((r) => r.staff)];
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * /admin/roles — the permission matrix (role × action) as data: everyone with
 * identity.users.read sees it; administrators tick boxes, then save (one request per changed
 * role). The server refuses what would break the rules and records each change.
 */
export default function RolesPage() {
  const { pick } = useI18n();
  const t = useAdminT();
  const { message } = App.useApp();
  const { can, refresh } = useSession();
  const manage = can('identity.users.manage');
  const roles = useApi((signal) => listRoles({ signal }), []);
  const events = useApi((signal) => listRoleEvents({ signal }), []);
  const [draft, setDraft] = useState<Map<string, Set<string>>>(new Map());
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const items = ordered(roles.data?.items ?? []);
  const saved = (role: Role) => new Set(role.actions);
  const actionsOf = (role: Role): ReadonlySet<string> => draft.get(role.code) ?? saved(role);
  const isChanged = (role: Role, action: string) =>
    draft.has(role.code) && actionsOf(role).has(action) !== role.actions.includes(action);
  const pending = items.reduce((n, r) => n + (roles.data?.actions ?? []).filter((a) => isChanged(r, a)).length, 0);

  const toggle = (role: Role, action: string, on: boolean) => {
    const next = new Set(actionsOf(role));
    if (on) next.add(action);
    else next.delete(action);
    const copy = new Map(draft);
    if (sameSet(next, saved(role))) copy.delete(role.code);
    else copy.set(role.code, next);
    setDraft(copy);
  };

  const save = async () => {
    setSaving(true);
    const failed: string[] = [];
    const left = new Map(draft);
    let list = roles.data!.items;
    for (const [code, actions] of draft) {
      const role = list.find((r) => r.code === code)!;
      try {
        const updated = await setRoleActions(code, [...actions]);
        list = list.map((r) => (r.code === code ? updated : r));
        left.delete(code);
      } catch (e) {
        const error = toApiError(e);
        failed.push(
          t('roles.saveFailed', {
            role: pick(role.nameVi, role.nameEn),
            message: pick(error.messageVi, error.messageEn),
          }),
        );
      }
    }
    roles.setData({ ...roles.data!, items: list });
    setDraft(left);
    setProblems(failed);
    setSaving(false);
    events.reload();
    if (failed.length === 0) void message.success(t('roles.saved'));
    await refresh(); // the administrator's own actions may have changed
  };

  return (
    <>
      <PageTitle
        title={t('roles.title')}
        description={t('roles.intro')}
        extra={
          manage && (
            <Button type="primary" size="large" onClick={() => setCreating(true)}>
              {t('roles.create.button')}
            </Button>
          )
        }
      />
      {!manage && <Alert type="info" showIcon className="section-card" title={t('roles.readOnly')} />}
      {roles.error && <ErrorAlert error={roles.error} onRetry={roles.reload} />}
      <Card className="section-card" loading={roles.loading && !roles.data}>
        <Typography.Paragraph type="secondary">{t('roles.citizenNote')}</Typography.Paragraph>
        {roles.data && (
          <ScrollRegion label={t('roles.matrix')} maxHeight={640} wide>
            <RoleMatrix
              roles={items}
              actions={roles.data.actions}
              actionsOf={actionsOf}
              isChanged={isChanged}
              editable={manage && !saving}
              onToggle={toggle}
            />
          </ScrollRegion>
        )}
        {problems.map((p) => (
          <Alert key={p} type="error" showIcon role="alert" className="role-matrix-problem" title={p} />
        ))}
        {manage && (
          <Space className="role-matrix-bar" wrap>
            <Typography.Text strong={pending > 0} aria-live="polite">
              {pending > 0 ? t('roles.pending', { count: pending }) : ''}
            </Typography.Text>
            <Button type="primary" disabled={pending === 0} loading={saving} onClick={() => void save()}>
              {t('roles.save')}
            </Button>
            <Button disabled={pending === 0 || saving} onClick={() => setDraft(new Map())}>
              {t('roles.discard')}
            </Button>
          </Space>
        )}
      </Card>
      {events.error && <ErrorAlert error={events.error} onRetry={events.reload} />}
      {events.data && <RoleHistory events={events.data.items} roles={items} />}
      <CreateRoleModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(role) => {
          setCreating(false);
          roles.setData({ ...roles.data!, items: [...roles.data!.items, role] });
          events.reload();
          void message.success(t('roles.create.done'));
        }}
      />
    </>
  );
}
