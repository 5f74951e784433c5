import type { viShell } from './messages.vi';

/** English text shared by the shell and by several features. The compiler checks that every Vietnamese key has one. */
export const enShell: Record<keyof typeof viShell, string> = {
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.datePlaceholder': 'dd/mm/yyyy',
  'error.requestId': 'Request id (for the help desk): {id}',
  'error.page.title': 'This page could not be opened',
  'error.page.text': 'The system may have just been updated. Please reload the page.',
  'error.page.reload': 'Reload the page',

  'layout.skipToContent': 'Skip to main content',
  'layout.openMenu': 'Open menu',
  'layout.menu': 'Menu',
  'layout.province': 'Lai Châu',
  'layout.language': 'Language',
  'layout.footer': 'DVC06 – public services on population data (Project 06), Lai Châu province',

  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.group.registry': 'Registry officers',
  'nav.group.project06': 'Project 06 standing office',
  'nav.group.admin': 'Administration',
  'nav.personSearch': 'Search persons',
  'nav.quality': 'Data quality',
  'nav.units': 'Administrative units',

  'home.title': 'DVC06 – Project 06 public services',
  'home.intro':
    'Helps the staff of Lai Châu province handle administrative procedures using the National Population Database.',
  'home.intro2': 'Choose what you need to do:',
  'home.card.workqueue':
    "Receive and process your unit's dossiers on time: new, due soon, overdue, waiting for the citizen.",
  'home.card.counter': 'Record each citizen helped at the counter: guided to file online or not, and who typed it.',
  'home.card.payments': 'See fees paid online, check them with the gateway, refund.',
  'home.card.reconciliation': 'Daily reconciliation with the gateway and the bank statement; Excel export.',
  'home.card.cashless': 'Cashless payment in schools and health facilities per commune (target 7).',
  'home.card.calendar': 'Public holidays, days off in lieu and working Saturdays used for dossier deadlines.',
  'home.card.adminProcedures':
    'Administrative procedures: time limits, fees, documents, forms; each change is a new version.',
  'home.card.feeLists': 'Lists of border and extremely difficult communes and poor households used for fee exemptions.',
  'home.card.facilities': "The register of the province's schools and health facilities.",
  'home.card.cashlessImport': 'Import the monthly cashless transaction figures of schools and health facilities.',
  'home.card.search': 'Find a person by ID number or name; see residence, household and ID card.',
  'home.card.quality': 'Assess population data as "correct, complete, clean, live" per commune, on a map.',
  'home.card.units':
    'See the administrative units before and after 1 July 2025, and which new commune each old one joined.',

  'notFound.title': 'Page not found',
  'notFound.text': 'This address does not exist. Check it or go back to the home page.',
  'notFound.home': 'Go to the home page',

  'communeSelect.placeholder': 'Choose a commune (optional)',
  'communeSelect.error': 'Could not load the communes',
  'communeSelect.none': 'No matching commune',

  'person.fullName': 'Full name',
  'person.nationalId': 'ID number',
  'person.birthDate': 'Birth date',
  'person.birthYear': 'Birth year',
  'person.sex': 'Sex',
  'person.sex.male': 'Male',
  'person.sex.female': 'Female',
  'person.section.household': 'Household',
  'person.idCard.cmnd': 'People’s ID card (9 digits)',
  'person.idCard.cmnd12': 'People’s ID card (12 digits)',
  'person.idCard.cccd': 'Citizen ID card',
  'person.idCard.cccdChip': 'Chip-based citizen ID card',
  'person.idCard.canCuoc': 'Identity card',
  'person.eId.level': 'Electronic identification (VNeID)',
  'person.eId.none': 'Not activated',
  'person.eId.level1': 'Level 1',
  'person.eId.level2': 'Level 2',
  'person.residence.permanent': 'Permanent',
  'person.residence.temporary': 'Temporary',
  'person.residence.none': 'No residence on record',
  'person.household.none': 'Not in any household',
  'person.household.address': 'Household address',

  'relation.head': 'Household head',
  'relation.spouse': 'Spouse',
  'relation.child': 'Child',
  'relation.parent': 'Parent',
  'relation.grandchild': 'Grandchild',
  'relation.sibling': 'Sibling',
  'relation.parentInLaw': 'Parent-in-law',
  'relation.childInLaw': 'Child-in-law',
  'relation.other': 'Other',

  'quality.class.correct': 'Correct',
  'quality.class.complete': 'Complete',
  'quality.class.clean': 'Clean',
  'quality.class.live': 'Live',
  'quality.severity.error': 'error',
  'quality.severity.warning': 'warning',

  'layout.signedInAs': 'Signed in as',
  'layout.signOut': 'Sign out',
  'nav.group.citizen': 'Mine',
  'nav.myRecord': 'My information',
  'nav.accessLog': 'Who viewed my data',
  'nav.consents': 'My consents',
  'nav.users': 'Staff accounts',
  'nav.group.account': 'Account',
  'nav.account': 'Password and security',
  'home.card.users': 'Create staff accounts, give roles per unit, reset passwords, disable accounts.',
  'home.card.account': 'Change your password, turn on two-step sign-in with a 6-digit code.',
  'forbidden.title': 'Access denied',
  'forbidden.text': 'Your account may not use this page. Ask an administrator for the role if you need it.',

  'login.username': 'Username',
  'login.passwordRequired': 'Enter your password',
  'login.totp': 'Authentication code (6 digits)',
  'login.totpInvalid': 'The code has exactly 6 digits',

  'purpose.cancel': 'Cancel',

  'account.noRoles': 'No role yet',

  'role.citizen': 'Citizen',
  'role.commune_police': 'Commune police (residence)',
  'role.one_stop_officer': 'One-stop officer',
  'role.civil_status_officer': 'Civil-status officer',
  'role.sector_officer': 'Sector officer',
  'role.standing_agency': 'Project 06 standing agency',
  'role.leader': 'Leader',
  'role.auditor': 'Auditor',
  'role.admin': 'Administrator',
  'sector.health_insurance': 'Health insurance',
  'sector.social_protection': 'Social protection',
  'sector.associations': 'Associations',
  'sector.tax': 'Tax',
  'sector.civil_status': 'Civil status',

  'nav.roles': 'Roles and permissions',
  'home.card.roles': 'See and edit the permission matrix: which role may do what.',

  'nav.cashless': 'Cashless payment',
  'nav.facilities': 'Schools and health facilities',
  'nav.cashlessImport': 'Import payment figures',

  'nav.myDossiers': 'My dossiers',
  'nav.group.dossiers': 'Dossier handling',
  'nav.workqueue': 'Dossiers to handle',

  'nav.calendar': 'Working-day calendar',

  'nav.procedures': 'Administrative procedures',
  'nav.adminProcedures': 'Procedure catalog',

  'nav.counter': 'Counter log',

  'nav.feeLists': 'Fee exemption lists',

  'nav.payments': 'Fee payments',

  'nav.reconciliation': 'Payment reconciliation',
};
