import { useEffect, type ReactNode } from 'react';
import { Typography } from 'antd';

interface Props {
  title: string;
  description?: ReactNode;
  extra?: ReactNode;
}

/** The page's one h1 (also the browser tab title) with an optional short explanation. */
export function PageTitle({ title, description, extra }: Props) {
  useEffect(() => {
    document.title = `${title} – DVC06`;
  }, [title]);
  return (
    <div className="page-title">
      <div className="page-title-row">
        <Typography.Title level={1}>{title}</Typography.Title>
        {extra}
      </div>
      {description ? <Typography.Paragraph className="page-description">{description}</Typography.Paragraph> : null}
    </div>
  );
}
