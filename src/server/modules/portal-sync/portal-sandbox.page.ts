/**
 * The sandbox's page: what the stand-in national endpoint received, per dossier, in sequence order.
 * Server-rendered, Vietnamese first, no scripts (CSP script-src 'self').
 */
import type { sandboxReceived } from './portal-sync.schema';
import type { PortalSandboxSettings as SandboxSettings } from '../../../contracts/portal-sync';

type Row = typeof sandboxReceived.$inferSelect;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** "14:05:09 27/11/2026", Vietnam time. */
const vnTime = (date: Date) => {
  const t = new Date(date.getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(11, 19)} ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
};

/** Names of the national statuses (assumed codes, ADR 0035). */
const STATUS_NAMES: Record<string, string> = {
  '1': 'Mới đăng ký',
  '2': 'Được tiếp nhận',
  '3': 'Không được tiếp nhận',
  '4': 'Đang xử lý',
  '5': 'Yêu cầu bổ sung giấy tờ',
  '6': 'Yêu cầu thực hiện nghĩa vụ tài chính',
  '7': 'Rút hồ sơ',
  '8': 'Dừng xử lý',
  '9': 'Đã xử lý xong',
  '10': 'Đã trả kết quả',
};

const CSS = `body{margin:0;font-family:system-ui,"Noto Sans",Arial,sans-serif;line-height:1.45;color:#1a1a1a;background:#eef3f8}
.banner{background:#b3261e;color:#fff;padding:.6rem 1rem}.en{color:#555;font-size:.9em}.banner .en{color:#ffe0dc}
main{max-width:60rem;margin:1rem auto;padding:0 1rem}section{background:#fff;border-radius:.5rem;padding:1rem;margin:1rem 0;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.1rem;margin:0 0 .5rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}.warn{color:#8a4b00;font-weight:600}
.state{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;background:#e6f4ea}.state.bad{background:#fdecee}
input{font-size:1rem;padding:.4rem}button{font-size:1rem;padding:.4rem .8rem}`;

/** The page: the sandbox's behaviour, a dossier-code filter, then one table per dossier. */
export function sandboxPage(input: {
  prefix: string;
  settings: SandboxSettings;
  rows: Row[];
  dossierCode?: string;
}): string {
  const byDossier = new Map<string, Row[]>();
  for (const r of input.rows) byDossier.set(r.dossierCode, [...(byDossier.get(r.dossierCode) ?? []), r]);
  const behaviour = input.settings.failing
    ? `<span class="state bad">Đang trả lỗi 500 cho mọi lần đồng bộ</span> <span class="en" lang="en">answering 500 to every push</span>`
    : `<span class="state">Đang nhận bình thường</span> <span class="en" lang="en">accepting pushes</span>`;
  const slow =
    input.settings.delayMs > 0
      ? ` — chậm ${input.settings.delayMs} ms mỗi lần <span class="en" lang="en">(slow: ${input.settings.delayMs} ms each)</span>`
      : '';
  const dossiers = [...byDossier]
    .map(([code, rows]) => {
      const body = rows
        .map(
          (
            r,
          ) => `<tr><td>${r.seq}</td><td>${esc(r.status)} — ${esc(STATUS_NAMES[r.status] ?? '?')}</td><td>${vnTime(r.receivedAt)}</td>
<td>${r.outOfOrder ? '<span class="warn">Sai thứ tự <span class="en" lang="en">out of order</span></span>' : 'Đúng thứ tự'}</td><td>${r.duplicates}</td></tr>`,
        )
        .join('\n');
      return `<section><h2>Hồ sơ <a href="${esc(input.prefix)}?ma=${encodeURIComponent(code)}">${esc(code)}</a></h2>
<table><thead><tr><th>STT đồng bộ <span class="en" lang="en">seq</span></th><th>Trạng thái <span class="en" lang="en">status</span></th><th>Nhận lúc <span class="en" lang="en">received</span></th><th>Thứ tự <span class="en" lang="en">order</span></th><th>Gửi trùng <span class="en" lang="en">duplicates</span></th></tr></thead>
<tbody>${body}</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Hộp cát Cổng Dịch vụ công quốc gia — đồng bộ hồ sơ</title><style>${CSS}</style></head><body>
<div class="banner">Môi trường thử nghiệm — không phải Cổng Dịch vụ công quốc gia <span class="en" lang="en">Sandbox — not the National Public Service Portal</span></div>
<main><h1>Đồng bộ hồ sơ đã nhận</h1><p class="en" lang="en">Dossier sync pushes received</p>
<section><p>${behaviour}${slow}</p><p class="en" lang="en">Quản trị viên đổi chế độ này tại trang Đồng bộ Cổng DVC quốc gia. An administrator sets it on the national-portal sync page.</p>
<form method="get" action="${esc(input.prefix)}"><label>Mã hồ sơ <span class="en" lang="en">dossier code</span> <input name="ma" value="${esc(input.dossierCode ?? '')}"></label> <button type="submit">Xem <span lang="en">Show</span></button></form></section>
${dossiers || '<section><p>Chưa nhận lần đồng bộ nào. <span class="en" lang="en">Nothing received yet.</span></p></section>'}
</main></body></html>`;
}
