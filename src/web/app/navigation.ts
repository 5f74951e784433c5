import type { MessageKey } from './dictionary';

/**
 * Who a group of pages is for. The login issue will filter the menu by the signed-in
 * user's roles; until then every group is shown.
 */
export type Audience = 'registry-officer' | 'project06-office' | 'admin';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** Other paths that belong to this item (for the selected state), as prefixes. */
  matches?: string[];
}

export interface NavGroup {
  audience: Audience;
  label: MessageKey;
  items: NavItem[];
}

/** The home page link shown above the groups. */
export const HOME_ITEM: NavItem = { path: '/', label: 'nav.home' };

/** Menu groups by audience, in the order shown. */
export const NAV_GROUPS: NavGroup[] = [
  {
    audience: 'registry-officer',
    label: 'nav.group.registry',
    items: [{ path: '/population/search', label: 'nav.personSearch', matches: ['/population/'] }],
  },
  {
    audience: 'project06-office',
    label: 'nav.group.project06',
    items: [{ path: '/quality', label: 'nav.quality' }],
  },
  {
    audience: 'admin',
    label: 'nav.group.admin',
    items: [{ path: '/units', label: 'nav.units' }],
  },
];

/** The menu key (a path) selected for the current location. */
export function selectedNavKey(pathname: string): string {
  for (const group of NAV_GROUPS) {
    for (const item of group.items) {
      if (pathname === item.path || pathname.startsWith(`${item.path}/`)) return item.path;
      if (item.matches?.some((prefix) => pathname.startsWith(prefix))) return item.path;
    }
  }
  return pathname === '/' ? '/' : '';
}
