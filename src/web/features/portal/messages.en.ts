import type { viPortal } from './messages.vi';

/** English text of the public front door. The compiler checks that every Vietnamese key has one. */
export const enPortal: Record<keyof typeof viPortal, string> = {
  'portal.title': 'Online public services of Lai Châu province',
  'portal.intro':
    'Do residence, civil-status and interlinked procedures from your phone, with your VNeID electronic identity.',
  'portal.search.label': 'Which procedure do you need?',
  'portal.search.placeholder': 'E.g. temporary residence, birth (no accents needed)',
  'portal.search.submit': 'Find a procedure',
  'portal.signIn.citizen': 'Sign in with VNeID to file',
  'portal.signIn.staff': 'Staff sign-in',
  'portal.lookup.title': 'Follow a dossier',
  'portal.lookup.text': 'See where your dossier is with the code on your receipt and your personal ID number.',
  'portal.lookup.button': 'Follow a dossier',
  'portal.groups.title': 'Most used procedures by field',
  'portal.groups.all': 'See all {n} {field} procedures',
  'portal.help.title': 'Need help?',
  'portal.help.text':
    "Go to the one-stop desk of your commune's People's Committee: an officer shows you how to file yourself on your phone or on the counter's device, free of charge.",
  'portal.help.commune': 'Which commune or ward do you live in?',
  'portal.help.commune.none': '— Choose a commune or ward —',
  'portal.help.none': 'No contact of {name} is listed here yet.',
  'portal.desk.kind.one_stop_counter': 'One-stop counter',
  'portal.desk.kind.police': 'Police',
  'portal.desk.kind.service_centre': 'Public Administration Service Centre',
  'portal.desk.address': 'Address',
  'portal.desk.phone': 'Phone',
  'portal.desk.email': 'E-mail',
  'portal.desk.hours': 'Opening hours',
  'portal.help.verify':
    'Result documents, refusal slips and electronic receipts carry a QR code: scan it to check the paper is genuine.',
};
