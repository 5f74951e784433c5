import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SecurityNotice } from '../../../contracts/identity';
import { I18nProvider } from '../../shell/i18n';
import { SecurityNoticeAlert } from './SecurityNoticeAlert';

/** The notice as rendered (Vietnamese by default), as text. */
function text(notice: SecurityNotice | null): string {
  const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(SecurityNoticeAlert, { notice })));
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('SecurityNoticeAlert (/account)', () => {
  it('tells the owner how many sign-ins failed since the previous one, from where, and what to do', () => {
    const shown = text({ failedSignIns: 7, addresses: ['10.99.0.9', '2001:db8::'], since: '2026-03-10T01:30:00.000Z' });
    expect(shown).toContain('Có 7 lần đăng nhập sai vào tài khoản của bạn kể từ lần đăng nhập trước (10/03/2026');
    expect(shown).toContain('Từ địa chỉ: 10.99.0.9, 2001:db8::.');
    expect(shown).toContain('hãy đổi mật khẩu');
  });

  it('says since the account was created when there was no previous sign-in, and shows nothing without a notice', () => {
    expect(text({ failedSignIns: 3, addresses: ['10.0.0.1'], since: null })).toContain('kể từ khi tài khoản được tạo');
    expect(text(null)).toBe('');
  });
});
