import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** Tag colours with a text contrast above 4.5:1 (antd's preset green/orange/red tags fall below). */
const COLOURS = {
  ok: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  danger: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  neutral: { color: 'rgba(0, 0, 0, 0.8)', background: '#fafafa', borderColor: '#d9d9d9' },
} as const;

export type StatusKind = keyof typeof COLOURS;

/** A small status label (e.g. "Đang có hiệu lực", "Đã khoá"). */
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
    <Tag style={COLOURS[kind]} className={className}>
      {children}
    </Tag>
  );
}
