import type { ReactNode } from 'react';
import { PageTitle } from '../components/PageTitle';
import { PlainShell } from './PlainShell';

/**
 * The frame of a page that works signed out (sign-in, status lookup, the checks of a receipt or a
 * result document opened from their QR codes): skip link, header, the page's title and its content.
 * Plain elements (no antd): a visitor's first load of these pages carries no antd.
 */
export function PublicFrame({
  title,
  description,
  className,
  footer,
  children,
}: {
  title: string;
  description?: string;
  /** The content area's class (e.g. `lookup-content`, `login-content`). */
  className: string;
  /** Show the footer (the sign-in page does). */
  footer?: boolean;
  children: ReactNode;
}) {
  return (
    <PlainShell className={className} footer={footer}>
      <PageTitle title={title} description={description} />
      {children}
    </PlainShell>
  );
}
