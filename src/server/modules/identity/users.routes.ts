import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { AssignBody, AssignmentParams, CreateUserBody, StaffUser, UserIdParams } from '../../../contracts/identity';
import * as users from './users.service';
import { rolesRoutes } from './roles.routes';
import { IDENTITY_ROUTE_ACTIONS } from './identity.policy';

const tags = ['identity'];

/** Administration of staff accounts and roles, mounted at /api/v1/identity. */
export function usersRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    await app.register(rolesRoutes(deps));

    app.get(
      '/users',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.readAccounts },
        schema: {
          tags,
          summary: 'Tài khoản cán bộ / staff accounts',
          response: { 200: z.object({ items: z.array(StaffUser) }) },
        },
      },
      async (request) => ({
        items: await users.listStaffUsers(db, request.access),
      }),
    );

    app.post(
      '/users',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.manageAccounts },
        schema: {
          tags,
          summary: 'Tạo tài khoản cán bộ / create a staff account',
          body: CreateUserBody,
          response: { 200: z.object({ user: StaffUser, temporaryPassword: z.string().optional() }) },
        },
      },
      async (request) => users.createStaffUser(db, request.body),
    );

    app.post(
      '/users/:id/assignments',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.manageAccounts },
        schema: {
          tags,
          summary: 'Phân quyền theo đơn vị / assign a role in a unit',
          params: UserIdParams,
          body: AssignBody,
          response: { 200: StaffUser },
        },
      },
      async (request) => users.assignRole(db, request.access, request.params.id, request.body),
    );

    app.delete(
      '/users/:id/assignments/:assignmentId',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.manageAccounts },
        schema: {
          tags,
          summary: 'Thu hồi phân quyền / end an assignment',
          params: AssignmentParams,
          response: { 200: StaffUser },
        },
      },
      async (request) => users.removeAssignment(db, request.access, request.params.id, request.params.assignmentId),
    );

    app.post(
      '/users/:id/reset-password',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.manageAccounts },
        schema: {
          tags,
          summary: 'Cấp lại mật khẩu tạm / reset the password',
          params: UserIdParams,
          response: { 200: z.object({ temporaryPassword: z.string() }) },
        },
      },
      async (request) => users.resetPassword(db, request.access, request.params.id),
    );

    for (const [verb, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      app.post(
        `/users/:id/${verb}`,
        {
          config: { action: IDENTITY_ROUTE_ACTIONS.manageAccounts },
          schema: {
            tags,
            summary: disabled ? 'Khoá tài khoản / disable' : 'Mở khoá tài khoản / enable',
            params: UserIdParams,
            response: { 200: StaffUser },
          },
        },
        async (request) => users.setDisabled(db, request.access, request.params.id, disabled),
      );
    }
  };
}
