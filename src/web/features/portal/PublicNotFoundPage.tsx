import NotFoundPage from '../../shell/NotFoundPage';
import { PublicShell } from '../procedures/public';

/** An address the app does not know, for a visitor: "not found" in the public frame (not the sign-in page). */
export default function PublicNotFoundPage() {
  return (
    <PublicShell>
      <NotFoundPage />
    </PublicShell>
  );
}
