import { Card, Typography } from 'antd';
import type { RoleEvent } from '../../../contracts/identity';
import { useI18n } from '../../shell/i18n';
import { useAdminT } from './use-admin-text';
import { formatDateTime } from '../../components/format';
import type { Role } from './admin-api';
import { actionLabel } from './action-labels';

interface Props {
  events: RoleEvent[];
  roles: Role[];
}

/** The latest changes of roles and the matrix: when, who, which role, actions added and removed. */
export function RoleHistory({ events, roles }: Props) {
  const { pick } = useI18n();
  const t = useAdminT();
  const roleName = (code: string) => {
    const role = roles.find((r) => r.code === code);
    return role ? pick(role.nameVi, role.nameEn) : code;
  };
  const list = (actions: string[]) => actions.map((a) => actionLabel(t, a)).join('; ');
  return (
    <Card title={t('roles.history')} className="section-card">
      {events.length === 0 ? (
        <Typography.Text type="secondary">{t('roles.history.empty')}</Typography.Text>
      ) : (
        <ul className="plain-list role-history" data-testid="role-history">
          {events.map((e) => {
            const who = e.actorName ?? t('roles.history.someone');
            const what =
              e.action === 'role.create'
                ? t('roles.history.create', { who, role: roleName(e.target) })
                : t('roles.history.update', { who, role: roleName(e.target) });
            return (
              <li key={`${e.at}-${e.target}-${e.action}`}>
                <span className="role-history-at">{formatDateTime(e.at)}</span> {what}
                {e.added.length > 0 && (
                  <div>
                    <strong>{t('roles.history.added')}:</strong> {list(e.added)}
                  </div>
                )}
                {e.removed.length > 0 && (
                  <div>
                    <strong>{t('roles.history.removed')}:</strong> {list(e.removed)}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
