import { describe, expect, it } from 'vitest';
import { isEmailAddress, maskAddress, normalizeMobile } from './addresses';
import { errorText } from './deliver';
import { eventOf, vnd, vnDateTime } from './events';
import { placeholdersIn, render, templateProblems } from './templates';
import { DEFAULT_TEMPLATES } from './default-templates';
import { NOTIFICATION_EVENTS } from '../../../contracts/notifications';

const texts = { subjectVi: 'a', subjectEn: 'b', bodyVi: 'c', bodyEn: 'd', smsVi: 'e' };

describe('template texts', () => {
  it('finds placeholders, spaces inside the braces allowed, each once', () => {
    expect(placeholdersIn('{{ dossierCode }} / {{dossierCode}} {{amount}}')).toEqual(['dossierCode', 'amount']);
  });

  it('renders values, and an unknown name as empty text', () => {
    expect(render('Hồ sơ {{dossierCode}}{{nothing}}.', { dossierCode: 'X-1' })).toBe('Hồ sơ X-1.');
  });

  it.each([
    ['a placeholder of another event', { bodyVi: 'Hẹn {{appointmentDate}}' }, 'bodyVi', 'Unknown placeholder'],
    ['a misspelt one', { smsVi: '{{dossierCod}}' }, 'smsVi', '{{dossierCod}}'],
    ['a brace left open', { subjectEn: 'Dossier {{dossierCode' }, 'subjectEn', 'Unbalanced'],
  ])('refuses %s, naming the field', (_what, over, field, text) => {
    const problems = templateProblems('payment_received', { ...texts, ...over });
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0]!.messageEn).toContain(text);
    expect(problems[0]!.messageVi.length).toBeGreaterThan(10);
  });

  it('accepts every default template for its own event', () => {
    for (const event of NOTIFICATION_EVENTS) expect(templateProblems(event, DEFAULT_TEMPLATES[event])).toEqual([]);
  });
});

describe('addresses', () => {
  it.each([
    ['0912345678', '84912345678'],
    ['+84 912 345 678', '84912345678'],
    ['84-912-345-678', '84912345678'],
    ['0212345678', undefined], // a landline prefix
    ['091234567', undefined],
    ['phone', undefined],
  ])('mobile %s → %s', (raw, expected) => expect(normalizeMobile(raw)).toBe(expected));

  it.each([
    ['lo.thuy@example.vn', true],
    ['tong van ba@', false],
    ['a@b', false],
    ['"x"@example.vn', false],
  ])('e-mail %s valid: %s', (raw, ok) => expect(isEmailAddress(raw)).toBe(ok));

  it('masks addresses for the outbox page, and addresses in error texts', () => {
    expect(maskAddress('lo.thuy@example.vn')).toBe('l***@example.vn');
    expect(maskAddress('84912345678')).toBe('***678');
    expect(errorText(new Error('550 <lo.thuy@example.vn> unknown; 84912345678 barred'))).toBe(
      '550 <***@***> unknown; *** barred',
    );
  });
});

describe('events and values', () => {
  it.each([
    ['receive', 'intake', 'dossier_received'],
    ['request_supplement', 'processor', 'supplement_requested'],
    ['extend', 'processor', 'overdue_apology'],
    ['issue_result', 'processor', 'result_ready'],
    ['pay', 'system', 'payment_received'],
    ['refund', 'system', 'payment_refunded'],
    ['refuse', 'system', 'automatic_refusal'],
    ['refuse', 'processor', null],
    ['start_processing', 'processor', null],
  ])('%s by %s → %s', (command, actorRole, event) => expect(eventOf({ command, actorRole })).toBe(event));

  it('writes dates in Vietnam time and amounts in đồng', () => {
    expect(vnDateTime(new Date('2026-12-07T17:30:00Z'))).toBe('08/12/2026 00:30');
    expect(vnd(1_250_000)).toBe('1.250.000 đ');
  });
});
