import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, DOSSIER_COMMANDS, DOSSIER_STATES } from '../../../contracts/dossiers';
import type { RequiredDocument } from '../../../contracts/procedures';
import { COMMANDS } from '../../../server/modules/dossiers/lifecycle';
import {
  checkFile,
  documentOfField,
  formatBytes,
  mediaTypeOf,
  missingDocuments,
  roomForMore,
  splitFieldProblems,
} from './attachments';
import { COMMAND_FIELDS, commandBody } from './commands';
import { progressOf } from './dossier-labels';
import { multipartBody } from './dossiers-api';
import { valueText } from './form-values';

const doc = (code: string, required: boolean, replaceableByRegistry: boolean): RequiredDocument => ({
  code,
  nameVi: code,
  nameEn: code,
  required,
  replaceableByRegistry,
  noteVi: null,
  noteEn: null,
});

describe('attachment checks before upload', () => {
  it.each([
    [{ name: 'giay-to.pdf', type: 'application/pdf', size: 1000 }, null],
    [{ name: 'anh.JPG', type: 'image/jpeg', size: 1000 }, null],
    [{ name: 'anh.png', type: '', size: 1000 }, null],
    [
      {
        name: 'so-do.docx',
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: 1000,
      },
      'type',
    ],
    [{ name: 'anh.heic', type: 'image/heic', size: 1000 }, 'type'],
    [{ name: 'khong-duoi', type: '', size: 1000 }, 'type'],
    [{ name: 'rong.pdf', type: 'application/pdf', size: 0 }, 'empty'],
    [{ name: 'lon.jpg', type: 'image/jpeg', size: ATTACHMENT_MAX_BYTES + 1 }, 'size'],
    [{ name: 'vua.jpg', type: 'image/jpeg', size: ATTACHMENT_MAX_BYTES }, null],
  ])('%o → %s', (file, problem) => {
    expect(checkFile(file)).toBe(problem);
  });

  it('takes the media type from the extension only when the browser gives none', () => {
    expect(mediaTypeOf({ name: 'a.jpeg', type: '' })).toBe('image/jpeg');
    expect(mediaTypeOf({ name: 'a.pdf', type: 'text/plain' })).toBe('text/plain');
  });

  it('stops at ten files per submission', () => {
    const f = new File(['x'], 'a.pdf', { type: 'application/pdf' });
    expect(roomForMore({ a: Array.from({ length: 9 }, () => f) })).toBe(true);
    expect(roomForMore({ a: Array.from({ length: 5 }, () => f), b: Array.from({ length: 5 }, () => f) })).toBe(false);
  });

  it('lists required documents without a file, but not those the registry can replace or optional ones', () => {
    const docs = [
      doc('lawful_dwelling', true, false),
      doc('relationship', true, true),
      doc('written_consent', false, false),
    ];
    expect(missingDocuments(docs, {})).toEqual(['lawful_dwelling']);
    expect(missingDocuments(docs, { lawful_dwelling: [new File(['x'], 'a.pdf')] })).toEqual([]);
  });

  it("formats sizes with the language's decimal mark", () => {
    expect(formatBytes(2.5 * 1024 * 1024, 'vi')).toBe('2,5 MB');
    expect(formatBytes(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
    expect(formatBytes(300, 'vi')).toBe('1 KB');
  });
});

describe('server field problems are placed where the citizen can fix them', () => {
  const codes = ['lawful_dwelling', 'written_consent'];
  it('finds the document of a file field in its several spellings', () => {
    expect(documentOfField('file:lawful_dwelling', codes)).toBe('lawful_dwelling');
    expect(documentOfField('attachments.written_consent.0', codes)).toBe('written_consent');
    expect(documentOfField('files', codes)).toBeUndefined();
    expect(documentOfField('file:unknown_doc', codes)).toBeUndefined();
  });

  it('splits form fields (without the form. prefix), documents and the rest', () => {
    const p = (field: string) => ({ field, code: 'X', messageVi: field, messageEn: field });
    const split = splitFieldProblems(
      [p('form.phone'), p('form.members.0.fullName'), p('file:lawful_dwelling'), p('files'), p('expectedVersion')],
      codes,
    );
    expect(split.form.map((x) => x.field)).toEqual(['phone', 'members.0.fullName']);
    expect(Object.keys(split.documents)).toEqual(['lawful_dwelling']);
    expect(split.other.map((x) => x.field)).toEqual(['files', 'expectedVersion']);
  });
});

describe('multipart bodies', () => {
  it('carry the JSON part and one file:<documentKey> part per file', async () => {
    const a = new File(['%PDF-1.4'], 'so-do.pdf', { type: 'application/pdf' });
    const b = new File(['png'], 'anh.png', { type: 'image/png' });
    const form = multipartBody(
      'dossier',
      { procedureCode: '1.004194', form: { phone: '0912345678' } },
      { lawful_dwelling: [a, b], written_consent: [] },
    );
    expect(JSON.parse(form.get('dossier') as string)).toEqual({
      procedureCode: '1.004194',
      form: { phone: '0912345678' },
    });
    const files = form.getAll('file:lawful_dwelling') as File[];
    expect(files.map((f) => f.name)).toEqual(['so-do.pdf', 'anh.png']);
    expect(form.has('file:written_consent')).toBe(false);
    expect(await files[0]!.text()).toBe('%PDF-1.4');
  });
});

describe('command dialogs', () => {
  it('ask for exactly the fields the server requires of each command', () => {
    for (const command of DOSSIER_COMMANDS) {
      const asked = (['reason', 'legalBasis', 'items', 'newDueAt'] as const).filter((f) => COMMAND_FIELDS[command][f]);
      expect([...asked].sort(), command).toEqual([...COMMANDS[command].requires].sort());
    }
  });

  it('send only what the command takes, trimmed, with the new appointment in ISO 8601 with its offset', () => {
    const values = {
      note: '  ',
      reason: '  Chờ xác minh chỗ ở  ',
      legalBasis: 'Điều 27 Luật Cư trú',
      items: [{ item: ' Hợp đồng thuê nhà ', reason: ' bản chụp mờ ' }],
      newDueAt: dayjs('2026-03-02T09:17:45+07:00'),
    };
    expect(commandBody(values, COMMAND_FIELDS.request_supplement)).toEqual({
      items: [{ item: 'Hợp đồng thuê nhà', reason: 'bản chụp mờ' }],
    });
    const extend = commandBody(values, COMMAND_FIELDS.extend);
    expect(Object.keys(extend).sort()).toEqual(['newDueAt', 'reason']);
    expect(extend.reason).toBe('Chờ xác minh chỗ ở');
    expect(extend.newDueAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
    expect(new Date(extend.newDueAt!).getTime()).toBe(new Date('2026-03-02T09:17:00+07:00').getTime());
    expect(commandBody({ note: ' ok ' }, COMMAND_FIELDS.approve)).toEqual({ note: 'ok' });
  });
});

describe("the citizen's progress steps", () => {
  it('place every state on the path, and stop refused, not accepted and withdrawn dossiers', () => {
    const table = Object.fromEntries(DOSSIER_STATES.map((s) => [s, progressOf(s)]));
    expect(table).toEqual({
      draft: { step: 0, stopped: false },
      awaiting_payment: { step: 0, stopped: false },
      submitted: { step: 0, stopped: false },
      received: { step: 1, stopped: false },
      not_accepted: { step: 1, stopped: true },
      in_processing: { step: 2, stopped: false },
      supplement_requested: { step: 2, stopped: false },
      approved: { step: 3, stopped: false },
      refused: { step: 3, stopped: true },
      result_issued: { step: 4, stopped: false },
      returned: { step: 4, stopped: false },
      withdrawn: { step: 0, stopped: true },
    });
  });
});

describe('read-only form values', () => {
  const pick = (vi: string) => vi;
  const yesNo = { yes: 'Có', no: 'Không' };
  it('show option labels, dd/mm/yyyy dates, yes/no and a dash for empty values', () => {
    const sex = { widget: 'select' as const, options: [{ value: 'female', labelVi: 'Nữ', labelEn: 'Female' }] };
    expect(valueText(sex, 'female', pick, yesNo)).toBe('Nữ');
    expect(valueText({ widget: 'date' }, '1990-05-17', pick, yesNo)).toBe('17/05/1990');
    expect(valueText({ widget: 'checkbox' }, true, pick, yesNo)).toBe('Có');
    expect(valueText({ widget: 'text' }, '', pick, yesNo)).toBe('—');
    expect(valueText(undefined, 42, pick, yesNo)).toBe('42');
  });
});
