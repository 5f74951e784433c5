/**
 * Roles and the permission matrix of DVC06. These are the defaults seeded into
 * identity.roles and identity.role_permissions; administrators may extend them as data.
 * An action is `<module>.<thing>.<verb>`; `public` and `authenticated` are pseudo-actions for
 * routes anyone (or any signed-in account) may call.
 */
export const ACTIONS = [
  'public',
  'authenticated',
  'units.read',
  'units.manage',
  'population.person.search',
  'population.person.read',
  'population.quality.read',
  'population.quality.run',
  'population.person.correct',
  'citizen.self.read',
  'citizen.consent.manage',
  'identity.users.read',
  'identity.users.manage',
  'audit.log.read',
  'audit.chain.verify',
  'calendar.read',
  'calendar.manage',
  'procedures.read',
  'procedures.manage',
  'dossiers.own.file',
  'dossiers.own.read',
  'dossiers.read',
  'dossiers.receive',
  'dossiers.process',
  'dossiers.enter',
  'dossiers.deadline.extend',
  'dossiers.steps.process',
  'counter.visit.record',
  'counter.visit.read',
  'payments.refund',
  'payments.reconcile',
  'fees.lists.read',
  'fees.lists.manage',
  'cashless.stats.read',
  'cashless.facilities.manage',
  'cashless.figures.import',
  'overview.read',
  'kpi.read',
  'kpi.run',
  'kpi.indicators.manage',
  'kpi.report.submit',
  'kpi.report.approve',
  'pilots.read',
  'pilots.manage',
  'pilots.evaluate',
  'pilots.settings.manage',
  'sector.read',
  'sector.import',
  'ratings.own.rate',
  'ratings.read',
  'service_index.read',
  'notifications.outbox.read',
  'notifications.outbox.retry',
  'notifications.templates.manage',
  'portal_sync.manage',
  'jobs.manage',
  'documents.own.read',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface RoleDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  staff: boolean;
  /** Scoped roles act within their unit and the units below it (as of today's tree). */
  scoped: boolean;
  needsSector?: boolean;
  actions: Action[];
}

const registryRead: Action[] = ['units.read', 'population.person.search', 'population.person.read'];
/** Officers who receive and process dossiers of the procedures their role handles. */
const dossierWork: Action[] = [
  'calendar.read',
  'procedures.read',
  'dossiers.read',
  'dossiers.receive',
  'dossiers.process',
  'dossiers.enter',
  'dossiers.deadline.extend',
  // The citizen's rating, on the dossier's page.
  'ratings.read',
];

/** Exemption lists of the fee engine: read at the counter, edited province-wide. */
const feesLists: Action[] = ['fees.lists.read', 'fees.lists.manage'];
/** Cashless payment in schools and health facilities (plan target 7): statistics, register, monthly figures. */
const cashless: Action[] = ['cashless.stats.read', 'cashless.facilities.manage', 'cashless.figures.import'];

/** The default roles (Vietnamese names as on the counter). */
export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  {
    code: 'citizen',
    nameVi: 'Công dân',
    nameEn: 'Citizen',
    staff: false,
    scoped: false,
    actions: [
      'citizen.self.read',
      'citizen.consent.manage',
      'dossiers.own.file',
      'dossiers.own.read',
      // Rating the service once a dossier's result is returned (issue 17 §5).
      'ratings.own.rate',
      // The document store (kho dữ liệu, issue 17 §3): one's own result documents, listed and downloaded.
      'documents.own.read',
    ],
  },
  {
    code: 'commune_police',
    nameVi: 'Công an cấp xã (cư trú)',
    nameEn: 'Commune police (residence)',
    staff: true,
    scoped: true,
    actions: [
      ...registryRead,
      'population.quality.read',
      ...dossierWork,
      'counter.visit.record',
      'counter.visit.read',
      'payments.refund',
      'payments.reconcile',
      'fees.lists.read',
      // The commune's targets and the lists behind them (people without an activated e-ID…): what they act on.
      'kpi.read',
      'kpi.report.submit',
      'service_index.read',
      // Change requests from sector lists (sector-data/corrections): correct a resident's name, birth date or sex.
      'population.person.correct',
    ],
  },
  {
    code: 'one_stop_officer',
    nameVi: 'Cán bộ bộ phận một cửa',
    nameEn: 'One-stop officer',
    staff: true,
    scoped: true,
    actions: [
      ...registryRead,
      'calendar.read',
      'procedures.read',
      'dossiers.read',
      'dossiers.receive',
      'dossiers.enter',
      'counter.visit.record',
      'counter.visit.read',
      'payments.reconcile',
      'fees.lists.read',
      // The commune's targets, and the values it reports (issue 15 §3).
      'kpi.read',
      'kpi.report.submit',
      // The citizen's rating on the dossier's page; the service index of the unit (issue 17 §5).
      'ratings.read',
      'service_index.read',
    ],
  },
  {
    code: 'civil_status_officer',
    nameVi: 'Công chức tư pháp – hộ tịch',
    nameEn: 'Civil-status officer',
    staff: true,
    scoped: true,
    actions: [
      ...registryRead,
      ...dossierWork,
      'counter.visit.record',
      'counter.visit.read',
      'payments.refund',
      'payments.reconcile',
      'fees.lists.read',
    ],
  },
  {
    code: 'sector_officer',
    nameVi: 'Cán bộ ngành (BHYT, an sinh, hội, thuế)',
    nameEn: 'Sector officer',
    staff: true,
    scoped: true,
    needsSector: true,
    // The sector's step of an interlinked group (the child's health-insurance card, the allowances);
    // the lists of the officer's sector (sector-data), within the unit, imported and read.
    actions: ['units.read', 'population.person.search', 'dossiers.steps.process', 'sector.read', 'sector.import'],
  },
  {
    code: 'standing_agency',
    nameVi: 'Cơ quan thường trực Đề án 06 (Công an tỉnh)',
    nameEn: 'Standing Agency (provincial police)',
    staff: true,
    scoped: true,
    actions: [
      ...registryRead,
      'population.quality.read',
      'population.quality.run',
      'audit.log.read',
      'calendar.read',
      'procedures.read',
      'dossiers.read',
      'counter.visit.read',
      'cashless.stats.read',
      'overview.read',
      'kpi.read',
      'kpi.run',
      'ratings.read',
      'service_index.read',
      'kpi.report.approve',
      'pilots.read',
      'pilots.evaluate',
      'pilots.settings.manage',
      // Every sector's lists (sector-data): the Standing Agency follows how they are cleaned.
      'sector.read',
    ],
  },
  {
    code: 'leader',
    nameVi: 'Lãnh đạo (xem báo cáo)',
    nameEn: 'Leader (dashboards)',
    staff: true,
    scoped: true,
    actions: [
      'units.read',
      'population.quality.read',
      'calendar.read',
      'procedures.read',
      'counter.visit.read',
      'cashless.stats.read',
      'overview.read',
      'kpi.read',
      'service_index.read',
      'pilots.read',
    ],
  },
  {
    code: 'auditor',
    nameVi: 'Kiểm tra, giám sát',
    nameEn: 'Auditor',
    staff: true,
    scoped: true,
    actions: [
      'units.read',
      'audit.log.read',
      'audit.chain.verify',
      'identity.users.read',
      'population.quality.read',
      'cashless.stats.read',
      'fees.lists.read',
      'kpi.read',
      'service_index.read',
    ],
  },
  {
    code: 'admin',
    nameVi: 'Quản trị hệ thống',
    nameEn: 'Administrator',
    staff: true,
    scoped: true,
    actions: [
      'units.read',
      'units.manage',
      'identity.users.read',
      'identity.users.manage',
      'audit.chain.verify',
      'calendar.read',
      'calendar.manage',
      'procedures.read',
      'procedures.manage',
      ...feesLists,
      ...cashless,
      'kpi.read',
      'kpi.indicators.manage',
      'service_index.read',
      'pilots.settings.manage',
      // Notifications (issue 17 §2): the message templates' versions and the outbox of every message; retrying a failed one.
      'notifications.outbox.read',
      'notifications.outbox.retry',
      'notifications.templates.manage',
      // The sync to the National Public Service Portal (issue 17 §4): every push, its attempts and errors; retry a dead one.
      'portal_sync.manage',
      // The job queue (issue 17 §1): queues and their counts, failed jobs (identifiers only), retrying one.
      'jobs.manage',
    ],
  },
  {
    // An agency's focal officer for its pilot models (target 14): registers them and reports on them, in its unit.
    code: 'pilot_officer',
    nameVi: 'Cán bộ đầu mối mô hình điểm (cơ quan, đơn vị)',
    nameEn: 'Pilot-model focal officer (agency)',
    staff: true,
    scoped: true,
    actions: ['units.read', 'pilots.read', 'pilots.manage'],
  },
];

/** Sectors of sector officers (DVC06 brief): health insurance, social protection, associations, tax, civil status. */
export const SECTORS = ['health_insurance', 'social_protection', 'associations', 'tax', 'civil_status'] as const;
export type Sector = (typeof SECTORS)[number];

/** True when `value` names a known action. */
export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

/** The role → actions matrix of a list of role definitions (the defaults, before any administrator's change). */
export function matrixOf(roles: readonly RoleDefinition[]): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map(roles.map((r) => [r.code, new Set<string>(r.actions)]));
}
