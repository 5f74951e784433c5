import type { ReactNode } from 'react';
import './plain.css';

/**
 * Plain parts for the public pages and the citizen's filing form (issue 14 §6): native elements
 * drawn as the antd theme draws them (plain.css), so a first load carries neither antd's code nor
 * its run-time styles. Most signed-in pages keep antd; the plain parts also show well inside them.
 */

/** A titled box (antd's Card look) whose title is a real heading. */
export function PlainCard({
  title,
  titleId,
  level = 2,
  className,
  testId,
  children,
}: {
  title?: ReactNode;
  /** The heading's id: the box is then a region named by its title. */
  titleId?: string;
  level?: 2 | 3;
  className?: string;
  /** `data-testid` (the journeys find some boxes by it). */
  testId?: string;
  children: ReactNode;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={`plain-card${className ? ` ${className}` : ''}`} aria-labelledby={titleId} data-testid={testId}>
      {title && (
        <Heading id={titleId} className="plain-card-title">
          {title}
        </Heading>
      )}
      <div className="plain-card-body">{children}</div>
    </section>
  );
}

export type NoticeType = 'error' | 'warning' | 'info' | 'success';

const MARK: Record<NoticeType, string> = {
  // A circle with "!", "!", "i" and a tick (as antd's filled alert icons).
  error: 'M10 1a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-1 4h2v6H9V5Zm0 8h2v2H9v-2Z',
  warning: 'M10 1a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-1 4h2v6H9V5Zm0 8h2v2H9v-2Z',
  info: 'M10 1a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-1 4h2v2H9V5Zm0 4h2v6H9V9Z',
  success: 'M10 1a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-1.2 13L4.5 9.7l1.4-1.4 2.9 2.9 5.3-5.3 1.4 1.4-6.7 6.7Z',
};

/** A message box (antd's Alert with its icon): error, warning, info or success. */
export function Notice({
  type,
  title,
  description,
  action,
  role,
  className,
  testId,
}: {
  type: NoticeType;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  role?: 'alert' | 'status';
  className?: string;
  /** `data-testid` (the journeys find some messages by it). */
  testId?: string;
}) {
  return (
    <div
      className={`plain-alert plain-alert-${type}${className ? ` ${className}` : ''}`}
      role={role}
      data-testid={testId}
    >
      <svg className="plain-alert-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path fill="currentColor" fillRule="evenodd" d={MARK[type]} />
      </svg>
      <div className="plain-alert-content">
        <div className="plain-alert-title">{title}</div>
        {description && <div className="plain-alert-description">{description}</div>}
      </div>
      {action && <div className="plain-alert-action">{action}</div>}
    </div>
  );
}

/** Grey lines standing in for content that is loading (antd's Skeleton look). */
export function PlainSkeleton({ rows = 3, label }: { rows?: number; label: string }) {
  return (
    <div className="plain-skeleton" role="status" aria-label={label}>
      {Array.from({ length: rows + 1 }, (_, i) => (
        <span key={i} />
      ))}
    </div>
  );
}

/** The spinner shown while the session or a part of the app loads. */
export function PlainSpinner({ label }: { label: string }) {
  return (
    <div className="plain-spinner page-spinner" role="status">
      {label}
    </div>
  );
}
