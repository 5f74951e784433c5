/**
 * Server-rendered pages of the sandbox gateway: Vietnamese first, English second, phone-first,
 * no scripts at all (CSP script-src 'self'), one small stylesheet served by the module.
 */
import type { SandboxTransaction } from './payment-sandbox.repository';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** 15000 → "15.000 ₫". */
export function formatVnd(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} ₫`;
}

/** A time as Vietnamese users read it, in Vietnam: "14:05 27/11/2026". */
export function formatVnTime(date: Date): string {
  const t = new Date(date.getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(11, 16)} ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
}

/** Banks offered on the demo page (codes as the gateway's vnp_BankCode). */
export const DEMO_BANKS: ReadonlyArray<[string, string]> = [
  ['NCB', 'Ngân hàng Quốc Dân (NCB)'],
  ['VCB', 'Vietcombank'],
  ['BIDV', 'BIDV'],
  ['AGRIBANK', 'Agribank'],
  ['VIETINBANK', 'VietinBank'],
];

function layout(mountPath: string, title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(mountPath)}/assets/sandbox.css">
</head>
<body>
<div class="banner" role="note"><strong>Cổng thanh toán thử nghiệm — không trừ tiền thật</strong> <span lang="en" class="en">Sandbox gateway — no real money</span></div>
<main class="card">
${main}
</main>
</body>
</html>`;
}

/** The payment page: the order, a bank, Pay / Decline / Cancel, and the test-mode options. */
export function paymentPage(mountPath: string, txn: SandboxTransaction): string {
  const action = `${mountPath}/paymentv2/${txn.id}/complete`;
  const banks = DEMO_BANKS.map(
    ([code, name]) =>
      `<option value="${escapeHtml(code)}"${(txn.bankCode ?? 'NCB') === code ? ' selected' : ''}>${escapeHtml(name)}</option>`,
  ).join('');
  return layout(
    mountPath,
    'Thanh toán trực tuyến (thử nghiệm)',
    `<h1>Thanh toán trực tuyến</h1>
<p class="en" lang="en">Online payment</p>
<dl class="order">
<dt>Số tiền <span class="en" lang="en">Amount</span></dt><dd class="amount">${escapeHtml(formatVnd(txn.amount))}</dd>
<dt>Nội dung <span class="en" lang="en">Description</span></dt><dd>${escapeHtml(txn.orderInfo)}</dd>
<dt>Mã giao dịch <span class="en" lang="en">Order reference</span></dt><dd><code>${escapeHtml(txn.txnRef)}</code></dd>
<dt>Thanh toán trước <span class="en" lang="en">Pay before</span></dt><dd>${escapeHtml(formatVnTime(txn.expiresAt))}</dd>
</dl>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="token" value="${escapeHtml(txn.pageToken)}">
<label for="bankCode">Ngân hàng <span class="en" lang="en">Bank</span></label>
<select id="bankCode" name="bankCode">${banks}</select>
<details class="test-mode">
<summary>Chế độ kiểm thử <span class="en" lang="en">Test mode</span></summary>
<p class="hint">Điều khiển cách cổng gửi thông báo kết quả (IPN) cho DVC06. <span class="en" lang="en">Controls how the gateway sends the IPN to DVC06.</span></p>
<label for="delaySeconds">Gửi IPN chậm (giây) <span class="en" lang="en">Delay the IPN (seconds)</span></label>
<input id="delaySeconds" name="delaySeconds" type="number" inputmode="numeric" min="0" max="600" value="0">
<label class="check"><input type="checkbox" name="twice" value="1"> Gửi IPN hai lần <span class="en" lang="en">Send the IPN twice</span></label>
<label class="check"><input type="checkbox" name="afterReturn" value="1"> Gửi IPN sau khi trình duyệt quay về <span class="en" lang="en">IPN after the browser's return</span></label>
<label class="check"><input type="checkbox" name="wrongAmount" value="1"> IPN sai số tiền <span class="en" lang="en">IPN with a wrong amount</span></label>
<label class="check"><input type="checkbox" name="wrongSignature" value="1"> IPN sai chữ ký <span class="en" lang="en">IPN with a wrong signature</span></label>
<label class="check"><input type="checkbox" name="manual" value="1"> Không tự gửi IPN <span class="en" lang="en">Do not send the IPN</span></label>
</details>
<button type="submit" name="choice" value="pay" class="primary">Thanh toán <span class="en" lang="en">Pay</span></button>
<button type="submit" name="choice" value="decline" class="secondary">Ngân hàng từ chối <span class="en" lang="en">Bank declines</span></button>
<button type="submit" name="choice" value="cancel" class="secondary">Huỷ thanh toán <span class="en" lang="en">Cancel</span></button>
</form>`,
  );
}

/** A Vietnamese/English message pair. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** An error page, with a way back to the merchant when one is known. */
export function errorPage(mountPath: string, message: Bilingual, back?: string): string {
  const link = back
    ? `<p><a class="button secondary" href="${escapeHtml(back)}">Quay lại dịch vụ <span class="en" lang="en">Back to the service</span></a></p>`
    : '';
  return layout(
    mountPath,
    'Không thể thanh toán',
    `<h1>Không thể thanh toán</h1>
<p class="en" lang="en">The payment cannot be made</p>
<div class="error" role="alert"><p>${escapeHtml(message.vi)}</p><p class="en" lang="en">${escapeHtml(message.en)}</p></div>
${link}`,
  );
}

export const SANDBOX_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#eef3f8}
.banner{background:#005baa;color:#fff;padding:.6rem 1rem;text-align:center}
.banner .en{color:#d6e9ff}
.card{max-width:30rem;margin:1rem auto;padding:1.25rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.35rem;line-height:1.3;margin:0 0 .25rem;color:#004a8c}
.en{color:#555;font-size:.9em}
.order{display:grid;grid-template-columns:1fr;gap:.1rem;margin:1rem 0}
.order dt{font-weight:600;margin-top:.5rem}
.order dd{margin:0;word-break:break-word}
.amount{font-size:1.6rem;font-weight:700;color:#c4161c}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
label.check{font-weight:400;margin:.6rem 0;display:flex;gap:.5rem;align-items:flex-start}
label.check input{width:1.25rem;height:1.25rem;margin-top:.15rem;flex:none}
input[type=number],select{width:100%;font-size:1.05rem;padding:.55rem .7rem;border:1px solid #767676;border-radius:.35rem;background:#fff}
button,.button{display:block;width:100%;min-height:2.75rem;margin-top:1rem;font-size:1rem;font-weight:600;border-radius:.35rem;cursor:pointer;text-align:center;text-decoration:none;padding:.6rem}
button .en,.button .en{color:inherit;font-weight:400;opacity:.9}
.primary{background:#005baa;color:#fff;border:0}
.secondary{background:#fff;color:#1a1a1a;border:1px solid #767676}
details.test-mode{margin:1.25rem 0 .5rem;border:1px dashed #8a4b00;border-radius:.35rem;padding:.5rem .75rem;background:#fff8ef}
details.test-mode summary{cursor:pointer;font-weight:600;color:#8a4b00;min-height:2rem}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.hint{font-size:.9rem;color:#444}
.error{border-left:4px solid #b00020;background:#fdecee;padding:.5rem .75rem;margin:1rem 0}
.error p{margin:.2rem 0}
code{word-break:break-all}
`;
