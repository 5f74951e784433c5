import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import type { CitizenLookup } from '../../../contracts/counter';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { lookupCitizen } from './counter-api';
import type { VisitFormValues } from './visit-form-model';

const TWELVE = /^\d{12}$/;

interface Props {
  /** The person found for the number now in the field (undefined until looked up). */
  found: CitizenLookup | undefined;
  onFound: (person: CitizenLookup | undefined) => void;
  label: string;
  required?: boolean;
}

/**
 * The citizen's 12-digit ID number, looked up as soon as it is complete (or on the button), showing
 * the name and birth year to confirm with the citizen. The lookup is logged on the server with the
 * purpose "at the citizen's request at the one-stop counter" — the officer does not choose one.
 */
export function CitizenLookupField({ found, onFound, label, required = true }: Props) {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance<VisitFormValues>();
  const nationalId = (Form.useWatch('nationalId', form) ?? '').trim();
  const [loading, setLoading] = useState(false);
  const looked = useRef<string | null>(null);

  const lookup = async (id: string) => {
    looked.current = id;
    setLoading(true);
    try {
      const person = await lookupCitizen(id);
      if (looked.current === id) onFound(person);
    } catch (e) {
      const error = toApiError(e);
      if (looked.current === id) {
        onFound(undefined);
        form.setFields([{ name: 'nationalId', errors: [pick(error.messageVi, error.messageEn)] }]);
      }
    } finally {
      setLoading(false);
    }
  };

  // A complete number is looked up once; editing it forgets the previous person.
  useEffect(() => {
    if (found && nationalId !== looked.current) onFound(undefined);
    if (TWELVE.test(nationalId) && nationalId !== looked.current) void lookup(nationalId);
    if (!nationalId) looked.current = null;
  }, [nationalId]);

  return (
    <>
      <Form.Item label={label} required={required} extra={t('counter.nationalIdHint')}>
        <Space.Compact className="full-width">
          <Form.Item
            name="nationalId"
            noStyle
            rules={[
              { required, message: t('counter.nationalIdRequired') },
              { pattern: /^\s*\d{12}\s*$/, message: t('counter.nationalIdInvalid') },
            ]}
          >
            <Input inputMode="numeric" maxLength={12} autoComplete="off" allowClear aria-label={label} />
          </Form.Item>
          <Button
            onClick={() => TWELVE.test(nationalId) && void lookup(nationalId)}
            loading={loading}
            disabled={!TWELVE.test(nationalId)}
          >
            {t('counter.lookup')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {found && (
        <Alert
          className="counter-found"
          type={found.deceased ? 'warning' : 'success'}
          showIcon
          title={t('counter.lookupFound', { name: found.fullName, year: found.birthYear })}
          description={
            found.deceased
              ? t('counter.lookupDeceased')
              : found.residenceUnitName
                ? t('counter.lookupResidence', { unit: found.residenceUnitName })
                : undefined
          }
        />
      )}
    </>
  );
}
