import type { FieldProblem } from '../../../contracts/messages';
import {
  EVENT_PLACEHOLDERS,
  type NotificationEvent,
  type TemplatePreview,
  type TemplateTexts,
} from '../../../contracts/notifications';

/*
 * Template texts (pure): `{{name}}` placeholders, rendered as plain text (e-mails are text/plain,
 * the inbox is shown as text, an SMS is text), checked on save against the event's placeholders.
 */

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const TEXT_FIELDS = ['subjectVi', 'subjectEn', 'bodyVi', 'bodyEn', 'smsVi'] as const;

/** The placeholder names a text uses, in order of appearance (duplicates kept once). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Replaces every `{{name}}` by its value; a name without a value becomes empty text. */
export function render(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => values[name] ?? '');
}

/**
 * What is wrong with a template's texts for `event`: each placeholder the event does not know,
 * and stray braces (a `{{` that is not closed), one problem per field, in both languages.
 */
export function templateProblems(event: NotificationEvent, texts: TemplateTexts): FieldProblem[] {
  const allowed = EVENT_PLACEHOLDERS[event];
  const problems: FieldProblem[] = [];
  for (const field of TEXT_FIELDS) {
    const text = texts[field];
    const unknown = placeholdersIn(text).filter((name) => !allowed.includes(name));
    if (unknown.length) {
      const names = unknown.map((n) => `{{${n}}}`).join(', ');
      problems.push({
        field,
        code: 'NOTIFICATION.TEMPLATE_INVALID',
        messageVi: `Trường giữ chỗ không có trong mẫu này: ${names}. Được dùng: ${allowed.map((n) => `{{${n}}}`).join(', ')}`,
        messageEn: `Unknown placeholder for this template: ${names}. Allowed: ${allowed.map((n) => `{{${n}}}`).join(', ')}`,
      });
      continue;
    }
    const rest = text.replace(PLACEHOLDER, '');
    if (rest.includes('{{') || rest.includes('}}'))
      problems.push({
        field,
        code: 'NOTIFICATION.TEMPLATE_INVALID',
        messageVi: 'Dấu {{ hoặc }} không khớp: trường giữ chỗ viết dạng {{tenTruong}}',
        messageEn: 'Unbalanced {{ or }}: a placeholder is written {{name}}',
      });
  }
  return problems;
}

/** Example values for previews (GOV.UK Notify style): plausible, obviously not a real person. */
export const EXAMPLE_VALUES: Readonly<Record<string, string>> = {
  citizenName: 'Nguyễn Văn Mẫu',
  dossierCode: '000.00.00.X99-261207-0001',
  procedureCode: '1.004194',
  portalUrl: 'https://dichvucong.example/ho-so',
  receivedDate: '07/12/2026',
  appointmentDate: '14/12/2026 16:30',
  supplementItems: '- Bản sao giấy khai sinh: ảnh bị mờ',
  supplementDeadline: '16/12/2026 17:00',
  reason: 'Cần xác minh thêm thông tin cư trú',
  newAppointmentDate: '18/12/2026 16:30',
  collectionMethod: 'Nhận bản điện tử trong tài khoản / Download it from your account',
  amount: '20.000 đ',
  refundDetail: 'Hoàn 20.000 đ',
  legalBasis: 'Nghị định số 63/2024/NĐ-CP',
  ratingLink: 'https://dichvucong.example/danh-gia/AbCdEf',
};

/** The texts rendered with `values` (the example values for a preview). */
export function renderTexts(texts: TemplateTexts, values: Readonly<Record<string, string>>): TemplatePreview {
  return {
    subjectVi: render(texts.subjectVi, values),
    subjectEn: render(texts.subjectEn, values),
    bodyVi: render(texts.bodyVi, values),
    bodyEn: render(texts.bodyEn, values),
    smsVi: render(texts.smsVi, values),
  };
}
