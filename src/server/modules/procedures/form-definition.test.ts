import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureForm } from '../../../contracts/procedures';
import { validateFormDefinition } from './form-definition';
import { checkDefinition } from './procedures.service';
import { referenceProcedure, referenceProcedures } from './test-support';

let base: ProcedureForm;
beforeAll(async () => {
  base = (await referenceProcedure('1.004222')).form;
});

type Props = Record<string, Record<string, unknown>>;
/** A copy of CT01 with a change applied. */
function variant(change: (form: ProcedureForm, props: Props) => void): ProcedureForm {
  const form = structuredClone(base);
  change(form, form.schema.properties as Props);
  return form;
}

describe('validateFormDefinition (what an administrator may store as a form)', () => {
  it('accepts every form of the reference catalog, and every reference definition passes all checks', async () => {
    for (const p of await referenceProcedures()) expect(checkDefinition(p), p.code).toEqual([]);
  });

  it.each<[string, (f: ProcedureForm, p: Props) => void, RegExp]>([
    [
      'an invalid JSON Schema (unknown keyword)',
      (_f, p) => {
        p.fullName!.maxLenght = 10;
      },
      /JSON Schema không hợp lệ/,
    ],
    [
      'a required name without a property',
      (f) => {
        (f.schema.required as string[]).push('ghost');
      },
      /JSON Schema không hợp lệ/,
    ],
    [
      'a reference to another schema',
      (_f, p) => {
        p.email = { $ref: 'https://example.org/email.json' };
      },
      /Không dùng "\$ref"/,
    ],
    [
      'an $id (would clash in the validator cache)',
      (f) => {
        f.schema.$id = 'urn:ct01';
      },
      /Không dùng "\$id"/,
    ],
    [
      'another draft',
      (f) => {
        f.schema.$schema = 'http://json-schema.org/draft-07/schema#';
      },
      /draft 2020-12/,
    ],
    [
      'an open object (no additionalProperties: false)',
      (f) => {
        delete f.schema.additionalProperties;
      },
      /additionalProperties/,
    ],
    [
      'a property without metadata',
      (_f, p) => {
        p.nickname = { type: 'string', maxLength: 50 };
      },
      /Thiếu mô tả .* nickname/,
    ],
    [
      'metadata without a property',
      (f) => {
        f.fields.ghost = { ...f.fields.email! };
      },
      /ghost không có trong JSON Schema/,
    ],
    [
      'a field shown in two sections',
      (f) => {
        f.sections[0]!.fields.push('requestContent');
      },
      /requestContent phải nằm trong đúng một nhóm/,
    ],
    [
      'a field shown in no section',
      (f) => {
        f.sections[0]!.fields = f.sections[0]!.fields.filter((x) => x !== 'email');
      },
      /email phải nằm trong đúng một nhóm/,
    ],
    [
      'an unknown registry path',
      (f) => {
        f.fields.fullName!.path = 'nickName';
      },
      /registry.person không có "nickName"/,
    ],
    [
      'an unknown e-ID claim',
      (f) => {
        f.fields.nationalId!.path = 'passport';
      },
      /eid không có "passport"/,
    ],
    [
      'a typed field with a path',
      (f) => {
        f.fields.requestContent!.path = 'fullName';
      },
      /trường tự nhập/,
    ],
    [
      'a typed field that is locked',
      (f) => {
        f.fields.requestContent!.editable = false;
      },
      /trường tự nhập/,
    ],
    [
      'a widget that does not fit the type',
      (f) => {
        f.fields.consentHead!.widget = 'text';
      },
      /không hợp với kiểu boolean/,
    ],
    [
      'a date widget without format date',
      (_f, p) => {
        p.birthDate = { type: 'string', maxLength: 10 };
      },
      /"format": "date"/,
    ],
    [
      'an unbounded string',
      (_f, p) => {
        p.requestContent = { type: 'string', minLength: 1 };
      },
      /maxLength/,
    ],
    [
      'a select value without a label',
      (f) => {
        f.fields.sex!.options = f.fields.sex!.options!.slice(0, 1);
      },
      /nhãn \(options\)/,
    ],
    [
      'an object property',
      (_f, p) => {
        p.email = { type: 'object' };
      },
      /chỉ dùng kiểu string/,
    ],
    [
      'a table without maxItems',
      (_f, p) => {
        delete p.members!.maxItems;
      },
      /maxItems/,
    ],
    [
      'table columns that differ from the row properties',
      (f) => {
        f.fields.members!.columns = f.fields.members!.columns!.slice(1);
      },
      /các cột phải đúng bằng/,
    ],
    [
      'a members table with a column the registry does not give',
      (f, p) => {
        ((p.members!.items as Record<string, unknown>).properties as Props).job = { type: 'string', maxLength: 50 };
        f.fields.members!.columns!.push({
          key: 'job',
          labelVi: 'Nghề',
          labelEn: 'Job',
          widget: 'text',
          editable: true,
        });
      },
      /chỉ có các cột/,
    ],
    [
      'a scalar field sourced from "members"',
      (f) => {
        f.fields.address = { ...f.fields.address!, source: 'registry.household', path: 'members' };
      },
      /chỉ bảng mới lấy "members"/,
    ],
    [
      'a commune field without the 5-digit code pattern',
      (f, p) => {
        f.fields.address = { ...f.fields.address!, widget: 'commune' };
        p.address = { type: 'string', maxLength: 300 };
      },
      /ô xã, phường cần "pattern"/,
    ],
    [
      'a receiving commune that is not a commune field',
      (f) => {
        f.receivingUnitField = 'address';
      },
      /receivingUnitField: trường address phải là một trường "commune"/,
    ],
    [
      "a household head's check on a field that is not an ID number",
      (f, p) => {
        f.fields.address = { ...f.fields.address!, widget: 'commune' };
        p.address = { type: 'string', pattern: '^[0-9]{5}$' };
        f.householdHeadCheck = { nationalIdField: 'phone', communeField: 'address' };
      },
      /nationalIdField: trường phone phải là một trường "nationalId"/,
    ],
  ])('refuses %s', (_name, change, message) => {
    const problems = validateFormDefinition(variant(change));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.messageVi).join(' | ')).toMatch(message);
    for (const p of problems) {
      expect(p.messageEn).toBeTruthy();
      expect(p.field).toMatch(/^(form\.|[a-zA-Z])/);
    }
  });
});

describe('checkDefinition (the rest of a version)', () => {
  it('refuses a residence procedure handled by the civil-status officer', async () => {
    const def = structuredClone(await referenceProcedure('1.004222'));
    def.handledByRole = 'civil_status_officer';
    expect(checkDefinition(def).map((p) => p.field)).toEqual(['handledByRole']);
  });

  it('refuses an interlinked group with one component or a level-1 e-ID', async () => {
    const def = structuredClone(await referenceProcedure('LT.01'));
    def.components = def.components.slice(0, 1);
    expect(checkDefinition(def).map((p) => p.field)).toEqual(['components']);
    const level1 = structuredClone(await referenceProcedure('LT.01'));
    level1.requiredEidLevel = 1;
    expect(checkDefinition(level1).map((p) => p.field)).toEqual(['components']);
  });

  it('refuses fees without a "standard" item and repeated codes', async () => {
    const def = structuredClone(await referenceProcedure('1.004194'));
    def.fees.items = def.fees.items.filter((i) => i.code !== 'standard');
    def.documents.push({ ...def.documents[0]! });
    expect(
      checkDefinition(def)
        .map((p) => p.field)
        .sort(),
    ).toEqual(['documents', 'fees.items']);
  });
});
