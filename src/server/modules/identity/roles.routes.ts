import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import {
  CreateRoleBody,
  RoleActionsBody,
  RoleCodeParams,
  RoleEvent,
  RoleList,
  RoleView,
} from '../../../contracts/identity';
import * as roles from './roles.service';
import { IDENTITY_ROUTE_ACTIONS } from './identity.policy';

const tags = ['identity'];

/** Roles and the permission matrix (as data), mounted with the user routes at /api/v1/identity. */
export function rolesRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/roles',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.readAccounts },
        schema: { tags, summary: 'Vai trò và quyền / roles and the permission matrix', response: { 200: RoleList } },
      },
      async () => roles.listRolesWithActions(db),
    );

    app.post(
      '/roles',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.manageAccounts },
        schema: {
          tags,
          summary: 'Tạo vai trò cán bộ / create a staff role',
          body: CreateRoleBody,
          response: { 200: RoleView },
        },
      },
      async (request) => roles.createRole(db, request.access, request.body),
    );

    app.post(
      '/roles/:code/actions',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.manageAccounts },
        schema: {
          tags,
          summary: 'Đặt quyền của vai trò / set the actions of a role',
          params: RoleCodeParams,
          body: RoleActionsBody,
          response: { 200: RoleView },
        },
      },
      async (request) => roles.setRoleActions(db, request.access, request.params.code, request.body.actions),
    );

    app.get(
      '/roles/events',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.readAccounts },
        schema: {
          tags,
          summary: 'Lịch sử thay đổi vai trò / changes of roles and the matrix',
          response: { 200: z.object({ items: z.array(RoleEvent) }) },
        },
      },
      async () => ({ items: await roles.listRoleEvents(db) }),
    );
  };
}
