import { useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import { homeFor, useSession } from '../api/session';
import { PageTitle } from '../components/PageTitle';
import { useT } from './i18n';

/** Shown instead of a page the signed-in account may not use. */
export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useSession();
  return (
    <>
      <PageTitle title={t('forbidden.title')} />
      <Result
        status="403"
        subTitle={t('forbidden.text')}
        extra={
          <Button type="primary" onClick={() => void navigate(me ? homeFor(me) : '/')}>
            {t('notFound.home')}
          </Button>
        }
      />
    </>
  );
}
