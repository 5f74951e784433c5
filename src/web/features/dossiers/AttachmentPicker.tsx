import { useRef, useState } from 'react';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX_COUNT } from './filing-limits';
import type { RequiredDocument } from '../../../contracts/procedures';
import { useI18n } from '../../shell/i18n';
import { StatusTag } from '../../components/StatusTag';
import { Notice } from '../../components/plain';
import { ACCEPT, checkFile, formatBytes, mustAttach, roomForMore, type FileProblem } from './attachments';
import type { FilesByDocument } from './dossiers-api';

interface Props {
  documents: readonly RequiredDocument[];
  files: FilesByDocument;
  onChange: (files: FilesByDocument) => void;
  /** Messages to show under a document (missing file, the server's refusal), by document code. */
  problems?: Record<string, string[]>;
  /** Filing: documents the citizen must attach are marked "Bắt buộc". A resubmission marks none. */
  markRequired?: boolean;
}

const PROBLEM_KEY = {
  type: 'dossier.attach.problem.type',
  size: 'dossier.attach.problem.size',
  empty: 'dossier.attach.problem.empty',
  count: 'dossier.attach.problem.count',
} as const satisfies Record<FileProblem, string>;

/**
 * One block per document of the procedure: its name and note, a large "choose file" button
 * (a photo from the phone's camera or gallery, or a PDF), the files chosen with a remove
 * button each. Files of the wrong type or too large are refused here, before any upload.
 */
export function AttachmentPicker({ documents, files, onChange, problems = {}, markRequired = true }: Props) {
  const { t, pick, lang } = useI18n();
  const [refused, setRefused] = useState<Record<string, string[]>>({});
  const maxMb = String(Math.round(ATTACHMENT_MAX_BYTES / 1024 / 1024));

  // Several files picked at once arrive one call each before the parent re-renders: chain them here.
  const latest = useRef(files);
  latest.current = files;

  /** `first`: the first file of a new selection, which clears the previous selection's refusals. */
  const add = (code: string, file: File, first: boolean) => {
    const current = latest.current;
    const problem = checkFile(file) ?? (roomForMore(current) ? null : 'count');
    if (problem) {
      const message = t(PROBLEM_KEY[problem], {
        name: file.name,
        max: problem === 'count' ? ATTACHMENTS_MAX_COUNT : maxMb,
      });
      setRefused((r) => ({ ...r, [code]: [...(first ? [] : (r[code] ?? [])), message] }));
      return;
    }
    const next = { ...current, [code]: [...(current[code] ?? []), file] };
    latest.current = next;
    if (first) setRefused((r) => ({ ...r, [code]: [] }));
    onChange(next);
  };
  const remove = (code: string, index: number) => {
    const next = { ...latest.current, [code]: (latest.current[code] ?? []).filter((_, i) => i !== index) };
    latest.current = next;
    onChange(next);
  };

  return (
    <div className="attachment-picker">
      <p className="attach-limits">{t('dossier.attach.limits', { max: maxMb, count: ATTACHMENTS_MAX_COUNT })}</p>
      {documents.map((doc) => {
        const chosen = files[doc.code] ?? [];
        const messages = [...(refused[doc.code] ?? []), ...(problems[doc.code] ?? [])];
        const name = pick(doc.nameVi, doc.nameEn);
        const note = doc.noteVi ? pick(doc.noteVi, doc.noteEn ?? doc.noteVi) : null;
        const chooseText = chosen.length ? t('dossier.attach.chooseMore') : t('dossier.attach.choose');
        return (
          <section key={doc.code} className="attach-doc" data-document={doc.code} aria-label={name}>
            <div className="attach-doc-head">
              <span className="attach-doc-name">{name}</span>
              {markRequired && mustAttach(doc) && <StatusTag kind="warn">{t('dossier.attach.required')}</StatusTag>}
              {markRequired && doc.required && doc.replaceableByRegistry && (
                <StatusTag kind="ok">{t('dossier.attach.fromRegistry')}</StatusTag>
              )}
            </div>
            {note && <div className="attach-doc-note">{note}</div>}
            {chosen.length > 0 && (
              <ul className="attach-files">
                {chosen.map((f, i) => (
                  <li key={`${f.name}-${i}`}>
                    <span className="attach-file-name">{f.name}</span>
                    <span className="attach-file-size">{formatBytes(f.size, lang)}</span>
                    <button
                      type="button"
                      className="btn btn-text btn-danger"
                      onClick={() => remove(doc.code, i)}
                      aria-label={t('dossier.attach.removeNamed', { name: f.name })}
                    >
                      {t('dossier.attach.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <label className="btn btn-lg attach-button">
              <input
                type="file"
                className="visually-hidden"
                accept={ACCEPT}
                multiple
                aria-label={`${chooseText}: ${name}`}
                onChange={(e) => {
                  // Kept in the browser and sent with the dossier; the box is emptied so the same file can be chosen again.
                  [...(e.target.files ?? [])].forEach((file, i) => add(doc.code, file, i === 0));
                  e.target.value = '';
                }}
              />
              <span aria-hidden="true">{chooseText}</span>
            </label>
            {messages.length > 0 && (
              <Notice
                type="error"
                role="alert"
                className="attach-problem"
                title={
                  messages.length === 1 ? (
                    messages[0]
                  ) : (
                    <ul className="plain-list">
                      {messages.map((m, i) => (
                        <li key={i}>{m}</li>
                      ))}
                    </ul>
                  )
                }
              />
            )}
          </section>
        );
      })}
    </div>
  );
}
