import type { ReactNode } from 'react';

interface Props {
  /** What the region holds, read out by screen readers. */
  label: string;
  /** Limit the height (the content scrolls vertically, with a sticky table header). */
  maxHeight?: number;
  /** Keep the table at its natural width (scroll sideways) instead of wrapping cell text. */
  wide?: boolean;
  children: ReactNode;
}

/**
 * A scrollable box that keyboard users can focus and scroll (WCAG 2.1.1), used around
 * wide or long tables instead of antd's own scroll containers, which are not focusable.
 */
export function ScrollRegion({ label, maxHeight, wide, children }: Props) {
  const className = ['scroll-region', maxHeight ? 'scroll-region-y' : '', wide ? 'scroll-region-wide' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={className}
      style={maxHeight ? { maxHeight } : undefined}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </div>
  );
}
