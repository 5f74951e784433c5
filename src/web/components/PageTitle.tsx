import { useEffect, type ReactNode } from 'react';

interface Props {
  title: string;
  description?: ReactNode;
  extra?: ReactNode;
}

/**
 * The page's one h1 (also the browser tab title) with an optional short explanation. Plain elements
 * styled in app/styles.css (as antd's Typography looked): every page shows it, and Typography (with
 * its tooltip, copy and edit parts) would weigh on the public pages' first load.
 */
export function PageTitle({ title, description, extra }: Props) {
  useEffect(() => {
    document.title = `${title} – DVC06`;
  }, [title]);
  return (
    <div className="page-title">
      <div className="page-title-row">
        <h1>{title}</h1>
        {extra}
      </div>
      {description ? <div className="page-description">{description}</div> : null}
    </div>
  );
}
