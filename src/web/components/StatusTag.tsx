import type { ReactNode } from 'react';
import './plain.css';

/** Tag colours with a text contrast above 4.5:1 (antd's preset green/orange/red tags fall below): plain.css. */
export type StatusKind = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

/**
 * A small status label (e.g. "Đang có hiệu lực", "Đã khoá"), drawn as antd's Tag (plain.css): the
 * public status lookup shows it, and loads no antd.
 */
export function StatusTag({
  kind,
  children,
  className,
}: {
  kind: StatusKind;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span className={`plain-tag${kind === 'neutral' ? '' : ` plain-tag-${kind}`}${className ? ` ${className}` : ''}`}>
      {children}
    </span>
  );
}
