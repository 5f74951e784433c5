/**
 * Server-rendered pages of the sandbox e-ID provider: Vietnamese first, English second,
 * no scripts at all (CSP script-src 'self'), one small stylesheet served by the module.
 */
import { DEMO_PASSCODE, type LoginFailure } from './eid-sandbox.accounts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A Vietnamese/English message pair. */
export interface Bilingual {
  vi: string;
  en: string;
}

function bilingual(m: Bilingual, tag: 'p' | 'span' = 'span'): string {
  return `<${tag}>${escapeHtml(m.vi)}</${tag}> <${tag} lang="en" class="en">${escapeHtml(m.en)}</${tag}>`;
}

/** Where the pages live: the provider's mount path (e.g. `/eid`). */
export interface PageContext {
  mountPath: string;
}

function layout(ctx: PageContext, title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(ctx.mountPath)}/assets/sandbox.css">
</head>
<body>
<div class="banner" role="note"><strong>Môi trường thử nghiệm — không phải VNeID thật</strong> <span lang="en" class="en">Test environment — not the real VNeID</span></div>
<main class="card">
${main}
</main>
</body>
</html>`;
}

/** Vietnamese/English text for each reason a sign-in is refused. */
export const LOGIN_ERRORS: Record<LoginFailure, Bilingual> = {
  format: {
    vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    en: 'The personal ID number must have exactly 12 digits.',
  },
  unknown: {
    vi: 'Không có tài khoản định danh điện tử nào ứng với số định danh cá nhân này.',
    en: 'No e-ID account matches this personal ID number.',
  },
  no_eid: {
    vi: 'Công dân này chưa có tài khoản định danh điện tử (mức 0) nên không thể đăng nhập. Hãy đăng ký tài khoản định danh điện tử mức 1 hoặc mức 2 trên ứng dụng VNeID hoặc tại Công an cấp xã.',
    en: 'This person has no e-ID account (level 0) and cannot sign in. Register for a level 1 or level 2 e-ID account first.',
  },
  inactive: {
    vi: 'Tài khoản định danh điện tử này không còn hoạt động.',
    en: 'This e-ID account is no longer active.',
  },
  wrong_passcode: {
    vi: `Mật mã không đúng. Trong môi trường thử nghiệm, mật mã của mọi tài khoản là ${DEMO_PASSCODE}.`,
    en: `Wrong passcode. In the sandbox every account's passcode is ${DEMO_PASSCODE}.`,
  },
};

export interface LoginPageInput {
  uid: string;
  clientName: string;
  nationalId?: string;
  error?: Bilingual;
}

/** The sign-in form: personal ID number + passcode, with a cancel button. */
export function loginPage(ctx: PageContext, input: LoginPageInput): string {
  const action = `${ctx.mountPath}/interaction/${encodeURIComponent(input.uid)}`;
  const invalid = input.error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const error = input.error
    ? `<div id="login-error" class="error" role="alert">${bilingual(input.error, 'p')}</div>`
    : '';
  return layout(
    ctx,
    'Đăng nhập bằng tài khoản định danh điện tử (sandbox)',
    `<h1>Đăng nhập bằng tài khoản định danh điện tử (sandbox)</h1>
<p class="en" lang="en">Sign in with your electronic identification account (sandbox)</p>
<p>Dịch vụ <strong>${escapeHtml(input.clientName)}</strong> đề nghị xác thực danh tính của bạn.</p>
${error}
<form method="post" action="${action}/login" novalidate>
<label for="nationalId">Số định danh cá nhân <span class="en" lang="en">Personal ID number</span></label>
<input id="nationalId" name="nationalId" type="text" inputmode="numeric" autocomplete="username" maxlength="12" required
  value="${escapeHtml(input.nationalId ?? '')}"${invalid}>
<label for="passcode">Mật mã (6 chữ số) <span class="en" lang="en">Passcode (6 digits)</span></label>
<input id="passcode" name="passcode" type="password" inputmode="numeric" autocomplete="current-password" maxlength="6" required aria-describedby="passcode-hint">
<p id="passcode-hint" class="hint">Thử nghiệm: mật mã của mọi tài khoản là <strong>${DEMO_PASSCODE}</strong>. <span class="en" lang="en">Demo: every account's passcode is ${DEMO_PASSCODE}.</span></p>
<button type="submit" class="primary">Đăng nhập <span class="en" lang="en">Sign in</span></button>
</form>
<form method="post" action="${action}/abort">
<button type="submit" class="secondary">Huỷ <span class="en" lang="en">Cancel</span></button>
</form>`,
  );
}

export interface ConsentPageInput {
  uid: string;
  clientName: string;
  /** The information to be shared, one line each. */
  items: Bilingual[];
}

/** The consent form: lists what the service receives; approve or refuse (no pre-ticked boxes). */
export function consentPage(ctx: PageContext, input: ConsentPageInput): string {
  const action = `${ctx.mountPath}/interaction/${encodeURIComponent(input.uid)}`;
  const items = input.items.map((i) => `<li>${bilingual(i)}</li>`).join('\n');
  return layout(
    ctx,
    'Đồng ý chia sẻ thông tin',
    `<h1>Đồng ý chia sẻ thông tin</h1>
<p class="en" lang="en">Consent to share your information</p>
<p>Dịch vụ <strong>${escapeHtml(input.clientName)}</strong> sẽ nhận các thông tin sau từ tài khoản định danh điện tử của bạn:</p>
<ul class="claims">
${items}
</ul>
<p class="hint">Thông tin chỉ dùng để giải quyết thủ tục hành chính bạn yêu cầu (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).</p>
<form method="post" action="${action}/consent">
<button type="submit" class="primary">Đồng ý <span class="en" lang="en">Allow</span></button>
</form>
<form method="post" action="${action}/abort">
<button type="submit" class="secondary">Từ chối <span class="en" lang="en">Deny</span></button>
</form>`,
  );
}

/** RP-initiated logout confirmation; `form` is oidc-provider's hidden form (id `op.logoutForm`). */
export function logoutPage(ctx: PageContext, form: string, clientName: string | undefined): string {
  const from = clientName ? ` khỏi <strong>${escapeHtml(clientName)}</strong>` : '';
  return layout(
    ctx,
    'Đăng xuất',
    `<h1>Đăng xuất tài khoản định danh điện tử?</h1>
<p class="en" lang="en">Sign out of your e-ID account?</p>
<p>Bạn muốn đăng xuất${from} và khỏi tài khoản định danh điện tử (sandbox) trên thiết bị này?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" class="primary">Đăng xuất <span class="en" lang="en">Sign out</span></button>
<button type="submit" form="op.logoutForm" class="secondary">Chỉ đăng xuất khỏi dịch vụ <span class="en" lang="en">Sign out of the service only</span></button>`,
  );
}

/** Shown after a logout that named no return address. */
export function logoutDonePage(ctx: PageContext): string {
  return layout(
    ctx,
    'Đã đăng xuất',
    `<h1>Bạn đã đăng xuất</h1>
<p class="en" lang="en">You have signed out.</p>`,
  );
}

/** An error page; `details` is shown escaped (OAuth error code and description, never a stack). */
export function errorPage(ctx: PageContext, message: Bilingual, details?: string): string {
  const more = details ? `<p class="hint"><code>${escapeHtml(details)}</code></p>` : '';
  return layout(
    ctx,
    'Có lỗi xảy ra',
    `<h1>Có lỗi xảy ra</h1>\n<div class="error" role="alert">${bilingual(message, 'p')}</div>\n${more}`,
  );
}
