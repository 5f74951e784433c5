import { useNavigate } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { useT } from './i18n';
import '../components/plain.css';

/** Shown for any address the app does not know (plain elements: a visitor sees it without antd). */
export default function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle title={t('notFound.title')} />
      <div className="not-found">
        <p className="not-found-code" aria-hidden="true">
          404
        </p>
        <p>{t('notFound.text')}</p>
        <button type="button" className="btn btn-primary" onClick={() => void navigate('/')}>
          {t('notFound.home')}
        </button>
      </div>
    </>
  );
}
