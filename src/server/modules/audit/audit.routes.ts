import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps';
import { AppError } from '../../platform/errors';
import { PageQuery } from '../../../contracts/common';
import {
  ChainVerification,
  Consent,
  ConsentGrantBody,
  ConsentList,
  ConsentPurposeParams,
  PurposeList,
  SubjectAccessPage,
} from './audit.contracts';
import { AUDIT_ERRORS } from './audit.errors';
import { subjectFor, subjectsFor } from './audit.pseudonym';
import { AUDIT_ROUTE_ACTIONS, citizenRefOf, type CitizenRef } from './audit.policy';
import { grantConsent, listConsents, withdrawConsent } from './audit.consents';
import { listAccessForSubject, listPurposes, type SubjectAccessQuery } from './audit.service';
import { verifyChain } from './audit.verify';
import { sealPendingAccess } from './audit.sealer';
import { checkpointAnchorFromConfig, readCheckpoints } from './audit.checkpoints';

/** The signed-in citizen of a request (named here too: the routes' callers give it). */
export type { CitizenRef } from './audit.policy';

const tags = ['audit'];

export interface AuditRouteOptions {
  /**
   * The signed-in citizen, or null for staff and anonymous requests; by default the policy's
   * `citizenRefOf` over identity's request.access (tests without identity give their own).
   */
  citizenOf?(request: FastifyRequest): CitizenRef | null;
  /** Role names for the citizen's view (identity owns the roles). */
  roleName?: SubjectAccessQuery['roleName'];
}

function requireCitizen(options: AuditRouteOptions, request: FastifyRequest): CitizenRef {
  const citizen = options.citizenOf ? options.citizenOf(request) : citizenRefOf(request.access.actor);
  if (!citizen)
    throw new AppError(
      AUDIT_ERRORS.UNAUTHENTICATED,
      'Chức năng này dành cho công dân đã đăng nhập',
      'Sign in as a citizen to use this',
    );
  return citizen;
}

/**
 * Routes of the `audit` module, mounted at /api/v1/audit: purposes, the citizen's own access
 * log and consents, and chain verification. Each declares its action for identity's hooks.
 */
export function auditRoutes({ database, config }: AppDeps, options: AuditRouteOptions): FastifyPluginAsyncZod {
  const { db } = database;
  const key = config.AUDIT_PSEUDONYM_KEY;
  if (!key) throw new Error('AUDIT_PSEUDONYM_KEY is not configured');
  const anchor = checkpointAnchorFromConfig(config);
  const subjectsOf = (request: FastifyRequest) => subjectsFor(key, requireCitizen(options, request));
  return async (app) => {
    app.get(
      '/purposes',
      {
        config: { action: AUDIT_ROUTE_ACTIONS.purposes },
        schema: { tags, summary: 'Mục đích truy cập dữ liệu / access purposes', response: { 200: PurposeList } },
      },
      async () => ({ items: await listPurposes(db) }),
    );

    app.get(
      '/me/access-log',
      {
        config: { action: AUDIT_ROUTE_ACTIONS.ownAccessLog },
        schema: {
          tags,
          summary: 'Ai đã truy cập dữ liệu của tôi / who accessed my data',
          querystring: PageQuery,
          response: { 200: SubjectAccessPage },
        },
      },
      async (req) => listAccessForSubject(db, subjectsOf(req), { ...req.query, roleName: options.roleName }),
    );

    app.get(
      '/me/consents',
      {
        config: { action: AUDIT_ROUTE_ACTIONS.ownConsents },
        schema: { tags, summary: 'Sự đồng ý của tôi / my consents', response: { 200: ConsentList } },
      },
      async (req) => ({ items: await listConsents(db, subjectsOf(req)) }),
    );

    app.post(
      '/me/consents',
      {
        config: { action: AUDIT_ROUTE_ACTIONS.ownConsents },
        schema: {
          tags,
          summary: 'Đồng ý xử lý dữ liệu / give consent',
          body: ConsentGrantBody,
          response: { 201: Consent },
        },
      },
      async (req, reply) => {
        const citizen = requireCitizen(options, req);
        const consent = await grantConsent(db, {
          ...req.body,
          subject: subjectFor(key, citizen),
          accountId: citizen.accountId,
          channel: 'web',
        });
        return reply.status(201).send(consent);
      },
    );

    app.post(
      '/me/consents/:purposeCode/withdraw',
      {
        config: { action: AUDIT_ROUTE_ACTIONS.ownConsents },
        schema: {
          tags,
          summary: 'Rút lại sự đồng ý / withdraw consent',
          params: ConsentPurposeParams,
          response: { 200: Consent },
        },
      },
      async (req) => withdrawConsent(db, { subject: subjectsOf(req), purposeCode: req.params.purposeCode }),
    );

    app.post(
      '/chain/verify',
      {
        config: { action: AUDIT_ROUTE_ACTIONS.verifyChain },
        schema: {
          tags,
          summary: 'Kiểm tra tính toàn vẹn nhật ký truy cập / verify the access log chain',
          response: { 200: ChainVerification },
        },
      },
      async () => {
        await sealPendingAccess(db); // cover everything committed so far, not only what the job has chained
        return verifyChain(db, { checkpoints: await readCheckpoints(anchor) });
      },
    );
  };
}
