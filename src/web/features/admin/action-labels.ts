import type { FeatureTranslate } from '../../shell/i18n';
import { viAdmin } from './messages.vi';
import type { AdminKey } from './use-admin-text';

type AdminTranslate = FeatureTranslate<AdminKey>;

/** The dictionary key of an action's name, when there is one (`action.<code>`). */
export function actionKey(action: string): AdminKey | undefined {
  const key = `action.${action}`;
  return key in viAdmin ? (key as AdminKey) : undefined;
}

/** An action's name in the current language; an action added later without a name shows its code. */
export function actionLabel(t: AdminTranslate, action: string): string {
  const key = actionKey(action);
  return key ? t(key) : action;
}

/** The module an action belongs to: its first segment (`dossiers.receive` → `dossiers`). */
export function actionModule(action: string): string {
  return action.split('.')[0] ?? action;
}

/** The name of a module's group of actions; the module code when it has none. */
export function actionGroupLabel(t: AdminTranslate, module: string): string {
  const key = `actionGroup.${module}`;
  return key in viAdmin ? t(key as AdminKey) : module;
}
/** Actions grouped by module, modules in the order they first appear (the server's order). */
export function groupActions(actions: readonly string[]): Array<{ module: string; actions: string[] }> {
  const groups = new Map<string, string[]>();
  for (const a of actions) groups.set(actionModule(a), [...(groups.get(actionModule(a)) ?? []), a]);
  return [...groups].map(([module, list]) => ({ module, actions: list }));
}

/** Self-service actions (the citizen's own data and dossiers): only the citizen role holds them (same rule as the server). */
export function isSelfServiceAction(action: string): boolean {
  return action.startsWith('citizen.') || action.startsWith('dossiers.own.') || action.startsWith('ratings.own.');
}
