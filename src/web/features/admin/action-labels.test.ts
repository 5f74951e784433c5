import { describe, expect, it } from 'vitest';
import { enAdmin as en } from './messages.en';
import { viAdmin as vi } from './messages.vi';
import {
  ASSIGNABLE_ACTIONS,
  isSelfServiceAction as serverSelfService,
} from '../../../server/modules/identity/roles.service';
import { actionKey, actionModule, groupActions, isSelfServiceAction } from './action-labels';

describe('names of the actions in the permission matrix', () => {
  it.each([...ASSIGNABLE_ACTIONS])('%s has a Vietnamese and an English name', (action) => {
    const key = actionKey(action);
    expect(key).toBeDefined();
    expect(vi[key!]).toMatch(/\S/);
    expect(en[key!]).toMatch(/\S/);
    expect(en[key!]).not.toBe(vi[key!]);
  });

  it('names every module group', () => {
    for (const module of new Set(ASSIGNABLE_ACTIONS.map(actionModule)))
      expect(`actionGroup.${module}` in vi, module).toBe(true);
  });

  it('groups actions by module in the order they come', () => {
    expect(groupActions(['units.read', 'population.person.read', 'units.manage'])).toEqual([
      { module: 'units', actions: ['units.read', 'units.manage'] },
      { module: 'population', actions: ['population.person.read'] },
    ]);
  });

  it('applies the same self-service rule as the server', () => {
    for (const action of ASSIGNABLE_ACTIONS)
      expect(isSelfServiceAction(action), action).toBe(serverSelfService(action));
  });
});
