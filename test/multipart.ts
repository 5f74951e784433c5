import { randomUUID } from 'node:crypto';

/** One file part of a multipart body. */
export interface FilePart {
  field: string;
  name: string;
  type: string;
  data: Buffer;
}

/** A multipart/form-data body for `app.inject`: one JSON part (`jsonField`) and the files. */
export function multipart(
  jsonField: string,
  json: unknown,
  files: readonly FilePart[] = [],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----dvc06${randomUUID()}`;
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${jsonField}"\r\n\r\n${JSON.stringify(json)}\r\n`,
    ),
  ];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
