import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MEDIA_TYPES, ATTACHMENTS_MAX_COUNT } from './filing-limits';
import type { FieldProblem } from '../../../contracts/messages';
import type { RequiredDocument } from '../../../contracts/procedures';
import type { FilesByDocument } from './dossiers-api';

/** The file picker's `accept`: the media types the server takes, with their usual extensions (phones filter by both). */
export const ACCEPT = [...ATTACHMENT_MEDIA_TYPES, '.pdf', '.jpg', '.jpeg', '.png'].join(',');

/** Why a chosen file cannot be sent. */
export type FileProblem = 'type' | 'size' | 'empty' | 'count';

const EXTENSION_TYPES: Record<string, (typeof ATTACHMENT_MEDIA_TYPES)[number]> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/**
 * The media type the browser reports, or, when it reports none (some phones), the one of the
 * file's extension. The server checks the content itself; this only spares a useless upload.
 */
export function mediaTypeOf(file: Pick<File, 'name' | 'type'>): string {
  if (file.type) return file.type;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return EXTENSION_TYPES[ext] ?? '';
}

/** Checks one file against the limits of the contract (type, size, not empty). */
export function checkFile(file: Pick<File, 'name' | 'type' | 'size'>): FileProblem | null {
  if (!(ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(mediaTypeOf(file))) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'size';
  return null;
}

/** How many files are chosen in all. */
export function countFiles(files: FilesByDocument): number {
  return Object.values(files).reduce((n, list) => n + list.length, 0);
}

/** May one more file be added without passing the per-dossier limit? */
export function roomForMore(files: FilesByDocument): boolean {
  return countFiles(files) < ATTACHMENTS_MAX_COUNT;
}

/** A document the citizen must attach: required by the procedure and not answered by the registry. */
export function mustAttach(doc: Pick<RequiredDocument, 'required' | 'replaceableByRegistry'>): boolean {
  return doc.required && !doc.replaceableByRegistry;
}

/** Codes of the documents that must be attached and have no file yet. */
export function missingDocuments(documents: readonly RequiredDocument[], files: FilesByDocument): string[] {
  return documents.filter((d) => mustAttach(d) && (files[d.code]?.length ?? 0) === 0).map((d) => d.code);
}

/**
 * The document an API field problem is about, when it names one: `file:<key>`, `files.<key>`,
 * `attachments.<key>` (with an optional index after it) or the bare key. Undefined otherwise.
 */
export function documentOfField(field: string, documentCodes: readonly string[]): string | undefined {
  const m = /^(?:file:|files\.|attachments\.)?([a-z][a-z0-9_]*)(?:[.[]\d+\]?)?$/.exec(field);
  const key = m?.[1];
  return key && documentCodes.includes(key) ? key : undefined;
}

/** Splits API field problems into the form's (field name without `form.`), the documents' and the rest. */
export function splitFieldProblems(
  problems: readonly FieldProblem[],
  documentCodes: readonly string[],
): { form: FieldProblem[]; documents: Record<string, FieldProblem[]>; other: FieldProblem[] } {
  const out = {
    form: [] as FieldProblem[],
    documents: {} as Record<string, FieldProblem[]>,
    other: [] as FieldProblem[],
  };
  for (const p of problems) {
    if (p.field.startsWith('form.')) {
      out.form.push({ ...p, field: p.field.slice('form.'.length) });
      continue;
    }
    const doc = documentOfField(p.field, documentCodes);
    if (doc) (out.documents[doc] ??= []).push(p);
    else out.other.push(p);
  }
  return out;
}

/** A file size for people: "850 KB", "2,4 MB" (Vietnamese decimal comma) / "2.4 MB". */
export function formatBytes(bytes: number, lang: 'vi' | 'en'): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return `${lang === 'vi' ? mb.replace('.', ',') : mb} MB`;
}
