import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps';
import { diskFileStore } from '../../platform/files';
import { StoredDocumentList, StoredDocumentParams } from '../../../contracts/documents';
import { DOCUMENT_ACTIONS } from './documents.policy';
import { listMyDocuments, readMyDocumentFile } from './documents.service';

const tags = ['documents'];

/**
 * Routes of the `documents` module, mounted at /api/v1/documents: the signed-in citizen's store
 * (`/mine`) and a document's file (`/:id/file`), both `documents.own.read`, owner only.
 */
export function documentsRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const files = diskFileStore(join(config.DATA_DIR, 'files'));
  return async (app) => {
    app.get(
      '/mine',
      {
        config: { action: DOCUMENT_ACTIONS.ownRead },
        schema: {
          tags,
          summary: 'Kho dữ liệu của tôi: giấy tờ điện tử đã được cấp / my document store',
          response: { 200: StoredDocumentList },
        },
      },
      async (req) => listMyDocuments(db, req.access),
    );

    app.get(
      '/:id/file',
      {
        config: { action: DOCUMENT_ACTIONS.ownRead },
        schema: {
          tags,
          summary: 'Tải giấy tờ trong kho dữ liệu (chủ kho) / download a document of my store',
          params: StoredDocumentParams,
        },
      },
      async (req, reply) => {
        const { row, data } = await readMyDocumentFile(db, files, req.access, req.params.id);
        return reply
          .type(row.mediaType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(data);
      },
    );
  };
}
