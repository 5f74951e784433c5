import { useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import { PageTitle } from '../components/PageTitle';
import { useT } from './i18n';

/** Shown for any address the app does not know. */
export default function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle title={t('notFound.title')} />
      <Result
        status="404"
        subTitle={t('notFound.text')}
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            {t('notFound.home')}
          </Button>
        }
      />
    </>
  );
}
