import { Checkbox } from 'antd';
import type { Role } from './admin-api';
import { useI18n } from '../../shell/i18n';
import { useAdminT } from './use-admin-text';
import { actionGroupLabel, actionLabel, groupActions, isSelfServiceAction } from './action-labels';

interface Props {
  roles: Role[];
  /** Every action a role may be given (the rows), in the server's order. */
  actions: string[];
  /** The actions each role would have (saved, or as edited and not yet saved). */
  actionsOf: (role: Role) => ReadonlySet<string>;
  /** True for a cell edited and not yet saved. */
  isChanged: (role: Role, action: string) => boolean;
  editable: boolean;
  onToggle: (role: Role, action: string, on: boolean) => void;
}

/** May this role hold this action at all (the server's rule: citizen role ↔ self-service actions)? */
const compatible = (role: Role, action: string) => role.staff !== isSelfServiceAction(action);

/**
 * The role × action matrix as a plain table: one column per role, rows grouped by module
 * (row-group headers), a labelled checkbox per cell. Cells a role can never hold are disabled.
 */
export function RoleMatrix({ roles, actions, actionsOf, isChanged, editable, onToggle }: Props) {
  const { pick } = useI18n();
  const t = useAdminT();
  return (
    <table className="role-matrix" data-testid="role-matrix">
      <caption className="visually-hidden">{t('roles.matrix')}</caption>
      <thead>
        <tr>
          <th scope="col" className="role-matrix-action">
            {t('roles.colAction')}
          </th>
          {roles.map((role) => (
            <th scope="col" key={role.code} className="role-matrix-role">
              {pick(role.nameVi, role.nameEn)}
            </th>
          ))}
        </tr>
      </thead>
      {groupActions(actions).map((group) => (
        <tbody key={group.module}>
          <tr className="role-matrix-group">
            <th scope="rowgroup" colSpan={roles.length + 1}>
              {actionGroupLabel(t, group.module)}
            </th>
          </tr>
          {group.actions.map((action) => (
            <tr key={action}>
              <th scope="row" className="role-matrix-action">
                {actionLabel(t, action)}
                <div className="role-matrix-code">{action}</div>
              </th>
              {roles.map((role) => {
                const label = t('roles.cell', { role: pick(role.nameVi, role.nameEn), action: actionLabel(t, action) });
                return (
                  <td key={role.code} className={isChanged(role, action) ? 'role-matrix-changed' : undefined}>
                    <Checkbox
                      aria-label={label}
                      title={label}
                      checked={actionsOf(role).has(action)}
                      disabled={!editable || !compatible(role, action)}
                      onChange={(e) => onToggle(role, action, e.target.checked)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
