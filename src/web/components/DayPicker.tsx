import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/**
 * A day chosen with its label (dd/mm/yyyy shown, ISO YYYY-MM-DD given back), never empty: the
 * "as of" and "on" pickers of the staff pages.
 */
export function DayPicker({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (isoDate: string) => void;
}) {
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <DatePicker
        id={id}
        format="DD/MM/YYYY"
        allowClear={false}
        value={dayjs(value)}
        onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
      />
    </>
  );
}
