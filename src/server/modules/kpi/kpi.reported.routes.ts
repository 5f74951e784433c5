import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import { ReportedDecisionBody, ReportedExpected, ReportedExpectedQuery, ReportedValue } from '../../../contracts/kpi';
import { KPI_ACTIONS } from './kpi.policy';
import { decideReported } from './reported';
import { expectedReported } from './reported-expected';

const tags = ['kpi'];

/**
 * Routes of reported values beside those in kpi.routes.ts (a sub-plugin mounted there, so under
 * /api/v1/kpi): what each unit owes for a period, entered or not, and un-approving a value.
 */
export function kpiReportedRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reported/expected',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary:
            'Số liệu các đơn vị phải báo cáo trong kỳ, kể cả chưa nhập (trạng thái, hạn, quá hạn) / what units owe for a period, entered or not',
          querystring: ReportedExpectedQuery,
          response: { 200: ReportedExpected },
        },
      },
      async (req) => expectedReported(db, req.access, req.query),
    );

    app.post(
      '/reported/:id/unapprove',
      {
        config: { action: KPI_ACTIONS.approve },
        schema: {
          tags,
          summary:
            'Bỏ duyệt số liệu đã duyệt, kèm lý do: trả lại đơn vị để sửa / un-approve a value with a comment (back to returned)',
          params: z.object({ id: z.string().uuid() }),
          body: ReportedDecisionBody,
          response: { 200: ReportedValue },
        },
      },
      async (req) => decideReported(db, req.access, req.params.id, 'unapprove', req.body),
    );
  };
}
