import { Navigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, Layout, Row, Typography } from 'antd';
import { homeFor, safeReturnTo, useSession } from '../../api/session';
import { AppHeader } from '../../shell/AppHeader';
import { useT } from '../../shell/i18n';
import { PageTitle } from '../../components/PageTitle';
import { eIdLoginUrl } from './auth-api';
import { StaffLoginForm } from './StaffLoginForm';

/**
 * /login: two clear choices — citizens sign in with VNeID (a full-page trip to the e-ID
 * provider), staff with the account they were given. Afterwards back to `returnTo`.
 */
export default function LoginPage() {
  const t = useT();
  const { me, reason, signedIn } = useSession();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const eIdError = params.get('error');

  if (me?.authenticated && me.account) {
    // A citizen goes back to their own pages or to filing a procedure; a staff page would only say "forbidden".
    const citizenOnStaffPage =
      me.account.kind === 'citizen' && returnTo && !/^\/(me|procedures|tra-cuu)(\/|$)/.test(returnTo);
    const target = me.account.mustChangePassword
      ? '/account'
      : citizenOnStaffPage
        ? homeFor(me)
        : (returnTo ?? homeFor(me));
    return <Navigate to={target} replace />;
  }

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <AppHeader />
      <Layout.Content id="main" tabIndex={-1} className="app-content login-content">
        <PageTitle title={t('login.title')} description={t('login.intro')} />
        {reason === 'expired' && <Alert type="info" showIcon className="login-notice" title={t('login.expired')} />}
        {reason === 'signedOut' && (
          <Alert type="success" showIcon className="login-notice" title={t('login.signedOut')} />
        )}
        {eIdError === 'eid_unavailable' && (
          <Alert type="error" showIcon className="login-notice" role="alert" title={t('login.eidUnavailable')} />
        )}
        {eIdError === 'eid_failed' && (
          <Alert type="warning" showIcon className="login-notice" role="alert" title={t('login.eidFailed')} />
        )}
        <Row gutter={[24, 24]}>
          <Col xs={24} lg={12}>
            <Card className="login-card" role="region" aria-labelledby="login-citizen">
              <Typography.Title level={2} id="login-citizen" className="login-card-title">
                {t('login.citizen.title')}
              </Typography.Title>
              <Typography.Paragraph>{t('login.citizen.text')}</Typography.Paragraph>
              <Button type="primary" size="large" block className="vneid-button" href={eIdLoginUrl(returnTo ?? '/me')}>
                {t('login.citizen.button')}
              </Button>
              <Alert type="info" showIcon className="login-level-note" title={t('login.citizen.level')} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card className="login-card" role="region" aria-labelledby="login-staff">
              <Typography.Title level={2} id="login-staff" className="login-card-title">
                {t('login.staff.title')}
              </Typography.Title>
              <Typography.Paragraph>{t('login.staff.text')}</Typography.Paragraph>
              <StaffLoginForm onSignedIn={signedIn} />
            </Card>
          </Col>
        </Row>
      </Layout.Content>
      <Layout.Footer className="app-footer">{t('layout.footer')}</Layout.Footer>
    </Layout>
  );
}
