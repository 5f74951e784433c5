import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { AppError } from '../../platform/errors';
import {
  ChangePasswordBody,
  LoginBody,
  LogoutResult,
  Me,
  ReturnToQuery,
  TotpEnableBody,
} from '../../../contracts/identity';
import { accessContext, actorOf } from './access';
import * as repo from './identity.repository';
import { citizenAccountFor, totpReplayed, verifyStaffLogin } from './auth.service';
import { endSessionUrl, finishLogin, issuerUrl, startLogin } from './oidc-client';
import { closeSession, openSession, SESSION_ABSOLUTE_MS, SESSION_COOKIE, tokenHash } from './sessions';
import { changePassword } from './users.service';
import { verifyPassword } from './passwords';
import { newTotpSecret, openSecret, sealSecret, totpStep } from './totp';
import { presentMe } from './me.presenter';
import { takeLoginAttempt } from './login-throttle';
import { clientAddress, rateLimited } from './rate-limits';
import { IDENTITY_ROUTE_ACTIONS, mayUseAuthenticator } from './identity.policy';

const tags = ['auth'];

/** Routes of sign-in and sign-out, mounted at /api/v1/auth. */
export function authRoutes({ config, database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const secure = config.PUBLIC_URL.startsWith('https:');
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });

  const me = (request: FastifyRequest): Promise<Me> => presentMe(db, request);

  return async (app) => {
    app.get(
      '/me',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.signIn },
        schema: { tags, summary: 'Tài khoản đang đăng nhập / who is signed in', response: { 200: Me } },
      },
      me,
    );

    app.post(
      '/login',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.signIn },
        schema: { tags, summary: 'Cán bộ đăng nhập / staff sign-in', body: LoginBody, response: { 200: Me } },
      },
      async (request, reply) => {
        // Growing delays per account, account × address and address, shared by every process (ADR 0004).
        const address = clientAddress(request);
        const waitMs = await takeLoginAttempt(db, request.body.username.toLowerCase(), address);
        if (waitMs > 0) {
          void reply.header('retry-after', Math.ceil(waitMs / 1000));
          throw rateLimited(waitMs);
        }
        const account = await verifyStaffLogin(db, config, request.body, address);
        const session = await openSession(db, account.id);
        setSessionCookie(reply, session.token);
        request.csrfToken = session.csrfToken;
        request.access = await accessContext(db, await actorOf(db, account, null), request.id);
        return me(request);
      },
    );

    app.post(
      '/logout',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.ownAccount },
        schema: { tags, summary: 'Đăng xuất / sign out', response: { 200: LogoutResult } },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE]!;
        const session = await repo.findLiveSession(db, tokenHash(token));
        await closeSession(db, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        const isCitizen = request.access.actor?.kind === 'citizen';
        return { endSessionUrl: isCitizen ? ((await endSessionUrl(config, session?.idToken ?? null)) ?? null) : null };
      },
    );

    app.get(
      '/eid/login',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.signIn },
        schema: { tags, summary: 'Đăng nhập bằng VNeID (chuyển hướng) / e-ID sign-in', querystring: ReturnToQuery },
      },
      async (request, reply) => {
        // A browser gets a page, not JSON: back to the login page with a clear message.
        const login = await startLogin(config).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'EID.PROVIDER_UNAVAILABLE') return undefined;
          throw error;
        });
        if (!login) return reply.redirect('/login?error=eid_unavailable');
        await repo.insertLoginTransaction(db, {
          state: login.state,
          nonce: login.nonce,
          codeVerifier: login.codeVerifier,
          returnTo: request.query.returnTo ?? '/',
        });
        return reply.redirect(login.url);
      },
    );

    app.get(
      '/eid/callback',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.signIn },
        schema: {
          tags,
          summary: 'Kết quả đăng nhập VNeID / e-ID callback',
          querystring: z.object({ state: z.string().max(200).optional() }).passthrough(),
        },
      },
      async (request, reply) => {
        const pending = request.query.state ? await repo.takeLoginTransaction(db, request.query.state, 10) : undefined;
        if (!pending)
          throw new AppError(
            'EID.STATE_INVALID',
            'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Hãy đăng nhập lại.',
            'This sign-in is invalid or expired. Please sign in again.',
          );
        const identity = await finishLogin(config, new URL(request.url, config.PUBLIC_URL), pending).catch(
          (error: unknown) => {
            if (
              error instanceof AppError &&
              (error.code === 'EID.PROVIDER_UNAVAILABLE' || error.code === 'EID.LOGIN_INVALID')
            )
              return error.code;
            throw error;
          },
        );
        if (typeof identity === 'string')
          return reply.redirect(
            `/login?error=${identity === 'EID.PROVIDER_UNAVAILABLE' ? 'eid_unavailable' : 'eid_failed'}`,
          );
        const account = await citizenAccountFor(db, issuerUrl(config), identity);
        const session = await openSession(db, account.id, { acr: identity.level, idToken: identity.idToken });
        setSessionCookie(reply, session.token);
        return reply.redirect(pending.returnTo);
      },
    );

    app.post(
      '/password',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.ownAccount },
        schema: { tags, summary: 'Đổi mật khẩu / change password', body: ChangePasswordBody },
      },
      async (request) => {
        const account = await repo.findAccountById(db, request.access.actor!.accountId);
        if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, request.body.currentPassword))) {
          throw new AppError('AUTH.PASSWORD_INVALID', 'Mật khẩu hiện tại không đúng', 'The current password is wrong', [
            {
              field: 'currentPassword',
              code: 'AUTH.PASSWORD_INVALID',
              messageVi: 'Mật khẩu hiện tại không đúng',
              messageEn: 'The current password is wrong',
            },
          ]);
        }
        await changePassword(db, account.id, account.username, request.body.newPassword);
        return { ok: true };
      },
    );

    app.post(
      '/totp/setup',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.ownAccount },
        schema: {
          tags,
          summary: 'Tạo mã xác thực hai lớp / start TOTP setup',
          response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
        },
      },
      async (request) => {
        const account = (await repo.findAccountById(db, request.access.actor!.accountId))!;
        if (!mayUseAuthenticator(account))
          throw new AppError(
            'AUTH.TOTP_FORBIDDEN',
            'Chỉ tài khoản cán bộ dùng mã xác thực',
            'Only staff accounts use authenticator codes',
          );
        // Starting over must not switch an active second factor off: an administrator resets it instead.
        if (account.totpEnabled)
          throw new AppError('AUTH.TOTP_ALREADY_EXISTS', 'Xác thực hai lớp đang bật', 'Two-step sign-in is already on');
        const { secret, uri } = newTotpSecret(account.username ?? account.id);
        await repo.updateAccount(db, account.id, {
          totpSecret: sealSecret(secret, config.SESSION_SECRET!),
          totpEnabled: false,
          totpLastStep: null,
        });
        return { secret, uri };
      },
    );

    app.post(
      '/totp/enable',
      {
        config: { action: IDENTITY_ROUTE_ACTIONS.ownAccount },
        schema: { tags, summary: 'Bật xác thực hai lớp / enable TOTP', body: TotpEnableBody },
      },
      async (request) => {
        const account = (await repo.findAccountById(db, request.access.actor!.accountId))!;
        const step = account.totpSecret
          ? totpStep(openSecret(account.totpSecret, config.SESSION_SECRET!), request.body.code)
          : null;
        if (step === null) {
          throw new AppError('AUTH.TOTP_INVALID', 'Mã xác thực không đúng', 'Wrong authentication code', [
            {
              field: 'code',
              code: 'AUTH.TOTP_INVALID',
              messageVi: 'Mã xác thực không đúng',
              messageEn: 'Wrong authentication code',
            },
          ]);
        }
        // The confirming code is used up too: it cannot then sign anyone in.
        if (!(await repo.consumeTotpStep(db, account.id, step))) throw totpReplayed('enable');
        await repo.updateAccount(db, account.id, { totpEnabled: true });
        return { ok: true };
      },
    );
  };
}
