import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../shell/i18n';
import { useCommuneOptions } from './commune-options';
import { foldVietnamese } from './vietnamese';
import './plain.css';

interface Props {
  id: string;
  value?: string;
  onChange: (code: string | undefined) => void;
  disabled?: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

/** At most this many communes are listed at once (a phone's screen): typing narrows them. */
const SHOWN = 40;

/**
 * CommuneSelect without antd (a form answer on the citizen's filing form): a text box that lists
 * the communes matching what is typed — without diacritics, or a name from before the 2025 merger —
 * to choose from by tap or by arrows and Enter (the ARIA combobox pattern). Leaving the box with a
 * text that names no commune puts the chosen one back (or none, when the text was cleared).
 */
export function PlainCommuneSelect({ id, value, onChange, disabled, ...aria }: Props) {
  const { t } = useI18n();
  const { options, loading, failed } = useCommuneOptions();
  const listId = useId();
  const chosen = options.find((o) => o.value === value);
  const [typed, setTyped] = useState<string | null>(null); // null: the box shows the chosen commune
  const [active, setActive] = useState(0);
  const open = typed !== null;
  const folded = foldVietnamese(typed ?? '');
  const matches = open ? options.filter((o) => o.search.includes(folded)).slice(0, SHOWN) : [];

  const choose = (code: string | undefined) => {
    setTyped(null);
    onChange(code);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setTyped('');
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.min(Math.max(a + step, 0), Math.max(matches.length - 1, 0)));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      const option = matches[active];
      if (option) choose(option.value);
    } else if (e.key === 'Escape' && open) {
      setTyped(null);
    }
  };
  const placeholder = failed ? t('communeSelect.error') : t('communeSelect.choose');

  return (
    <div className="combo">
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
        aria-busy={loading || undefined}
        autoComplete="off"
        className="plain-input plain-input-lg"
        disabled={disabled}
        placeholder={placeholder}
        value={typed ?? chosen?.label ?? ''}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
        }}
        onFocus={(e) => e.target.select()}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (typed !== null && typed.trim() === '') choose(undefined);
          else setTyped(null);
        }}
        {...aria}
      />
      <ul id={listId} role="listbox" className="combo-list" hidden={!open} aria-label={placeholder}>
        {matches.map((o, i) => (
          <li
            key={o.value}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="combo-option"
            // Chosen before the box loses focus (a blur would close the list first).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(o.value)}
          >
            <span>{o.label}</span>
            {o.former && <span className="commune-option-former">{o.former}</span>}
          </li>
        ))}
        {open && matches.length === 0 && (
          <li className="combo-empty" role="presentation">
            {loading ? t('common.loading') : t('communeSelect.none')}
          </li>
        )}
      </ul>
    </div>
  );
}
