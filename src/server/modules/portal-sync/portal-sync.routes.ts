import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { AppError } from '../../platform/errors';
import { PortalPush, PortalPushList, PortalPushQuery, PortalSandboxSettings } from '../../../contracts/portal-sync';
import { listPushes, presentPush, reopenDeadPush } from './admin.service';
import { readSandboxSettings, setSandboxSettings } from './portal-sandbox';
import { enqueueDossier } from './runtime';

const tags = ['portal-sync'];

/** The action of the module's routes (identity/permissions.ts). */
export const PORTAL_SYNC_ACTION = 'portal_sync.manage' as const;

/** Routes of the `portal-sync` module, mounted at /api/v1/portal-sync: the pushes, a dead push's retry, the sandbox's behaviour. */
export function portalSyncRoutes({ database, config, jobs }: AppDeps): FastifyPluginAsyncZod {
  const db = database.db;
  const atProvince = (req: FastifyRequest) => {
    if (!req.access.canInUnit(PORTAL_SYNC_ACTION, config.PROVINCE_CODE))
      throw new AppError(
        'PORTAL_SYNC.PROVINCE_FORBIDDEN',
        'Chỉ quản trị viên được giao quyền ở cấp tỉnh mới làm được việc này',
        'Only administrators granted this at the province level may do this',
      );
  };
  const sandboxOn = () => {
    if (config.PORTAL_SANDBOX !== 'on')
      throw new AppError(
        'PORTAL_SYNC.SANDBOX_NOT_FOUND',
        'Hộp cát Cổng Dịch vụ công quốc gia không chạy ở môi trường này',
        'The national portal sandbox does not run here',
      );
  };
  return async (app) => {
    app.get(
      '/pushes',
      {
        config: { action: PORTAL_SYNC_ACTION },
        schema: {
          tags,
          summary:
            'Các lần đồng bộ hồ sơ lên Cổng DVC quốc gia (trạng thái, số lần gửi, lỗi) / pushes to the national portal',
          querystring: PortalPushQuery,
          response: { 200: PortalPushList },
        },
      },
      async (req) => {
        atProvince(req);
        return listPushes(db, req.query);
      },
    );

    app.post(
      '/pushes/:id/retry',
      {
        config: { action: PORTAL_SYNC_ACTION },
        schema: {
          tags,
          summary: 'Gửi lại lần đồng bộ đã dừng / retry a dead push',
          params: z.object({ id: z.string().uuid() }),
          response: { 200: PortalPush },
        },
      },
      async (req) => {
        atProvince(req);
        const row = await reopenDeadPush(db, req.params.id);
        // Without the queue, the server's sync loop finds the pending push.
        if (jobs) await enqueueDossier(jobs, row.dossierId);
        return presentPush(row);
      },
    );

    app.get(
      '/sandbox',
      {
        config: { action: PORTAL_SYNC_ACTION },
        schema: {
          tags,
          summary: 'Chế độ của hộp cát Cổng DVC quốc gia (phát triển) / the national portal sandbox behaviour',
          response: { 200: PortalSandboxSettings },
        },
      },
      async (req) => {
        atProvince(req);
        sandboxOn();
        return readSandboxSettings(db);
      },
    );

    app.put(
      '/sandbox',
      {
        config: { action: PORTAL_SYNC_ACTION },
        schema: {
          tags,
          summary: 'Cho hộp cát trả lỗi 500 hoặc chậm (phát triển) / make the sandbox fail or slow',
          body: PortalSandboxSettings,
          response: { 200: PortalSandboxSettings },
        },
      },
      async (req) => {
        atProvince(req);
        sandboxOn();
        return setSandboxSettings(db, req.body);
      },
    );
  };
}
