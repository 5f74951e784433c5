import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './platform/app-deps';
import { loggerOptions } from './platform/logger';
import { registerErrorHandler } from './platform/http-errors';
import { registerInputGuard } from './platform/input-guard';
import { registerHealth } from './platform/health';
import { registerWeb, spaFallback } from './platform/web';
import { registerCompression } from './platform/compression';
import { apiDocsUiOptions, openApiOptions } from './platform/openapi';
import { unitsRoutes } from './modules/units';
import { populationRoutes } from './modules/population';
import {
  authRoutes,
  DEFAULT_ROLES,
  describeRouteAccess,
  registerAuthHooks,
  SECURITY_SCHEMES,
  usersRoutes,
} from './modules/identity';
import { auditRoutes } from './modules/audit';
import { registerEidSandbox } from './modules/eid-sandbox';
import { counterRoutes } from './modules/counter';
import { calendarRoutes } from './modules/calendar';
import { procedureRoutes } from './modules/procedures';
import { dossiersRoutes } from './modules/dossiers';
import { closePaymentsOfWithdrawnDossier, paymentsRoutes } from './modules/payments';
import { paymentReconciliationRoutes } from './modules/payment-reconciliation';
import { registerPaymentSandbox } from './modules/payment-sandbox';
import { cashlessRoutes } from './modules/cashless';
import { feesRoutes } from './modules/fees';
import { overviewRoutes } from './modules/overview';
import { kpiRoutes } from './modules/kpi';
import { indicatorSources } from './indicator-sources';
import { pilotsRoutes } from './modules/pilots';
import { sectorDataRoutes } from './modules/sector-data';
import { notificationsRoutes, registerSmsSandbox } from './modules/notifications';
import { jobsRoutes } from './modules/jobs';
import { serviceIndexRoutes } from './modules/service-index';
import { portalSyncRoutes, registerPortalSandbox } from './modules/portal-sync';
import { documentsRoutes, resolveReusableDocument } from './modules/documents';

export type { AppDeps };

/** Builds the Fastify application: platform plugins, then each module's routes under /api/v1. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : loggerOptions(config.LOG_LEVEL),
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, {
    notFoundFallback: deps.serveWeb ? (req, reply) => spaFallback(req, reply, deps.webDir) : undefined,
  });

  registerInputGuard(app);
  // Before any route (the plugin hooks each route as it is declared): JSON and text answers of 1 KiB
  // or more are sent compressed to a browser that accepts it; the web app's files are pre-compressed.
  await registerCompression(app);
  // API answers carry personal data or the session's CSRF token: no browser or shared cache keeps
  // them. Answers that set their own Cache-Control (reference data, web files, PDFs) keep it.
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  // Before any route: every route must declare its action, and every request is authorized.
  await registerAuthHooks(app, deps);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects component styles at run time (CSS-in-JS): styles only, never scripts.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.PUBLIC_URL.startsWith('https:') ? [] : null,
      },
    },
    hsts: config.PUBLIC_URL.startsWith('https:') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(
    swagger,
    openApiOptions({
      publicUrl: config.PUBLIC_URL,
      securitySchemes: SECURITY_SCHEMES,
      describeAccess: describeRouteAccess,
    }),
  );
  await app.register(swaggerUi, apiDocsUiOptions(config.PUBLIC_URL));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerHealth(app, deps.database);
  await app.register(authRoutes(deps), { prefix: '/api/v1/auth' });
  await app.register(usersRoutes(deps), { prefix: '/api/v1/identity' });
  await app.register(
    auditRoutes(deps, {
      citizenOf: (request) => {
        const actor = request.access.actor;
        return actor?.kind === 'citizen'
          ? { accountId: actor.accountId, nationalId: actor.nationalId, personId: actor.personId }
          : null;
      },
      roleName: (code) => {
        const role = DEFAULT_ROLES.find((r) => r.code === code);
        return role ? { vi: role.nameVi, en: role.nameEn } : undefined;
      },
    }),
    { prefix: '/api/v1/audit' },
  );
  await app.register(unitsRoutes(deps), { prefix: '/api/v1/units' });
  await app.register(populationRoutes(deps), { prefix: '/api/v1/population' });
  await app.register(calendarRoutes(deps), { prefix: '/api/v1/calendar' });
  await app.register(procedureRoutes(deps), { prefix: '/api/v1/procedures' });
  await app.register(
    dossiersRoutes(deps, { onWithdraw: closePaymentsOfWithdrawnDossier, reuseDocument: resolveReusableDocument }),
    {
      prefix: '/api/v1/dossiers',
    },
  );
  await app.register(paymentsRoutes(deps), { prefix: '/api/v1/payments' });
  await app.register(paymentReconciliationRoutes(deps), { prefix: '/api/v1/payments' });
  await app.register(cashlessRoutes(deps), { prefix: '/api/v1/cashless' });
  await app.register(counterRoutes(deps), { prefix: '/api/v1/counter' });
  await app.register(feesRoutes(deps), { prefix: '/api/v1/fees' });
  await app.register(overviewRoutes(deps), { prefix: '/api/v1/overview' });
  await app.register(kpiRoutes(deps, { sources: indicatorSources() }), { prefix: '/api/v1/kpi' });
  await app.register(pilotsRoutes(deps), { prefix: '/api/v1/pilots' });
  await app.register(sectorDataRoutes(deps), { prefix: '/api/v1/sector-data' });
  // Ratings (/api/v1/ratings/…) and the service index (/api/v1/service-index).
  await app.register(serviceIndexRoutes(deps), { prefix: '/api/v1' });
  await app.register(notificationsRoutes(deps), { prefix: '/api/v1/notifications' });
  await app.register(jobsRoutes(deps), { prefix: '/api/v1/jobs' });
  await app.register(portalSyncRoutes(deps), { prefix: '/api/v1/portal-sync' });
  await app.register(documentsRoutes(deps), { prefix: '/api/v1/documents' });
  if (config.EID_SANDBOX === 'on') await registerEidSandbox(app, deps); // development/demo stand-in for VNeID at /eid
  if (config.PAYMENT_SANDBOX === 'on') await registerPaymentSandbox(app, deps); // development/demo payment gateway at /pay-sandbox
  if (config.SMS_SANDBOX === 'on') await registerSmsSandbox(app, deps); // development/demo SMS gateway at /sms-sandbox
  if (config.PORTAL_SANDBOX === 'on') await registerPortalSandbox(app, deps); // development/demo national portal sync at /portal-sandbox
  if (deps.serveWeb) await registerWeb(app, deps.webDir);
  return app;
}
