import type { Me } from '../../contracts/identity';
import type { MessageKey } from './dictionary';

/** Who a group of pages is for; the menu shows a group when the session may use one of its pages. */
export type Audience =
  'citizen' | 'registry-officer' | 'dossier-officer' | 'sector-officer' | 'project06-office' | 'admin' | 'account';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** Other paths that belong to this item (for the selected state), as prefixes. */
  matches?: string[];
  /** The page is shown when the session may perform any of these actions (GET /auth/me `actions`). */
  requires: string[];
  /** Only for this kind of account (e.g. password settings are for staff). */
  kind?: 'staff' | 'citizen';
}

export interface NavGroup {
  audience: Audience;
  label: MessageKey;
  items: NavItem[];
}

/** The home page link shown above the groups (staff only: a citizen's home is /me). */
export const HOME_ITEM: NavItem = { path: '/', label: 'nav.home', requires: ['authenticated'], kind: 'staff' };

/** Menu groups by audience, in the order shown. */
export const NAV_GROUPS: NavGroup[] = [
  {
    audience: 'citizen',
    label: 'nav.group.citizen',
    items: [
      { path: '/me', label: 'nav.myRecord', requires: ['citizen.self.read'], kind: 'citizen' },
      { path: '/me/access-log', label: 'nav.accessLog', requires: ['citizen.self.read'], kind: 'citizen' },
      { path: '/me/consents', label: 'nav.consents', requires: ['citizen.consent.manage'], kind: 'citizen' },
      { path: '/me/dossiers', label: 'nav.myDossiers', requires: ['dossiers.own.read'], kind: 'citizen' },
      { path: '/me/thong-bao', label: 'nav.notifications', requires: ['citizen.self.read'], kind: 'citizen' },
      { path: '/procedures', label: 'nav.procedures', requires: ['dossiers.own.file'], kind: 'citizen' },
    ],
  },
  {
    audience: 'registry-officer',
    label: 'nav.group.registry',
    items: [
      {
        path: '/population/search',
        label: 'nav.personSearch',
        matches: ['/population/persons/'],
        requires: ['population.person.search'],
      },
      { path: '/population/stays', label: 'nav.stays', requires: ['population.person.search'] },
    ],
  },
  {
    audience: 'dossier-officer',
    label: 'nav.group.dossiers',
    items: [
      { path: '/dossiers', label: 'nav.workqueue', requires: ['dossiers.read', 'dossiers.steps.process'] },
      { path: '/counter', label: 'nav.counter', requires: ['counter.visit.record', 'counter.visit.read'] },
      { path: '/fees/payments', label: 'nav.payments', requires: ['dossiers.read'], kind: 'staff' },
      { path: '/fees/reconciliation', label: 'nav.reconciliation', requires: ['payments.reconcile'], kind: 'staff' },
    ],
  },
  {
    audience: 'sector-officer',
    label: 'nav.group.sector',
    // Sector lists (issue 16 §6); the change requests are also the commune police's (who decide them).
    items: [
      { path: '/du-lieu-chuyen-nganh', label: 'nav.sectorBatches', requires: ['sector.read'] },
      { path: '/du-lieu-chuyen-nganh/nhap', label: 'nav.sectorImport', requires: ['sector.import'] },
      { path: '/du-lieu-chuyen-nganh/ra-soat', label: 'nav.sectorReview', requires: ['sector.read'] },
      {
        path: '/du-lieu-chuyen-nganh/dieu-chinh',
        label: 'nav.sectorCorrections',
        // As the server lists them: deciders, readers of a sector's lists, and importers (who propose).
        requires: ['population.person.correct', 'sector.read', 'sector.import'],
      },
    ],
  },
  {
    audience: 'project06-office',
    label: 'nav.group.project06',
    items: [
      { path: '/chi-tieu', label: 'nav.kpi', requires: ['kpi.read'] },
      { path: '/chi-tieu/bao-cao', label: 'nav.kpiReported', requires: ['kpi.report.submit', 'kpi.report.approve'] },
      { path: '/chi-tieu/chi-so', label: 'nav.kpiIndicators', requires: ['kpi.indicators.manage'] },
      { path: '/quality', label: 'nav.quality', requires: ['population.quality.read'] },
      { path: '/cashless', label: 'nav.cashless', requires: ['cashless.stats.read'] },
      { path: '/pilots', label: 'nav.pilots', requires: ['pilots.read'] },
    ],
  },
  {
    audience: 'admin',
    label: 'nav.group.admin',
    items: [
      { path: '/units', label: 'nav.units', requires: ['units.read'] },
      { path: '/admin/users', label: 'nav.users', requires: ['identity.users.read'] },
      { path: '/admin/calendar', label: 'nav.calendar', requires: ['calendar.manage'] },
      { path: '/admin/facilities', label: 'nav.facilities', requires: ['cashless.facilities.manage'] },
      { path: '/cashless/import', label: 'nav.cashlessImport', requires: ['cashless.figures.import'] },
      { path: '/admin/pilot-due-dates', label: 'nav.pilotDueDates', requires: ['pilots.settings.manage'] },
      { path: '/admin/roles', label: 'nav.roles', requires: ['identity.users.read'] },
      { path: '/admin/procedures', label: 'nav.adminProcedures', requires: ['procedures.manage'] },
      { path: '/admin/fee-lists', label: 'nav.feeLists', requires: ['fees.lists.read'] },
      { path: '/admin/jobs', label: 'nav.jobs', requires: ['jobs.manage'] },
      { path: '/admin/notifications', label: 'nav.outbox', requires: ['notifications.outbox.read'] },
      {
        path: '/admin/notification-templates',
        label: 'nav.notificationTemplates',
        requires: ['notifications.templates.manage'],
      },
      { path: '/admin/portal-sync', label: 'nav.portalSync', requires: ['portal_sync.manage'] },
    ],
  },
  {
    audience: 'account',
    label: 'nav.group.account',
    items: [{ path: '/account', label: 'nav.account', requires: ['authenticated'], kind: 'staff' }],
  },
];

/** May this session open the page? */
export function allows(me: Me | undefined, item: Pick<NavItem, 'requires' | 'kind'>): boolean {
  if (!me?.authenticated || !me.account) return false;
  if (item.kind && me.account.kind !== item.kind) return false;
  return item.requires.some((action) => me.actions.includes(action));
}

/** The groups and pages this session may use (empty groups left out). */
export function visibleGroups(me: Me | undefined): NavGroup[] {
  return NAV_GROUPS.map((group) => ({ ...group, items: group.items.filter((item) => allows(me, item)) })).filter(
    (g) => g.items.length > 0,
  );
}

/** The menu item of a path, for the page guard and the selected state. */
export function navItemFor(pathname: string): NavItem | undefined {
  if (pathname === '/') return HOME_ITEM;
  let best: NavItem | undefined;
  for (const group of NAV_GROUPS) {
    for (const item of group.items) {
      const hit =
        pathname === item.path ||
        pathname.startsWith(`${item.path}/`) ||
        item.matches?.some((prefix) => pathname.startsWith(prefix));
      if (hit && (!best || item.path.length > best.path.length)) best = item;
    }
  }
  return best;
}

/** The menu key (a path) selected for the current location. */
export function selectedNavKey(pathname: string): string {
  return navItemFor(pathname)?.path ?? '';
}
