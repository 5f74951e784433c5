import type { FastifyRequest } from 'fastify';
import { CommandBody, SubmissionBody, type DossierCommand, type DossierDetail } from '../../../../contracts/dossiers';
import { assistanceOf } from '../../counter';
import { parseOr400, readBody } from '../dossiers.request';
import type { DossierDeps } from './deps';
import { runCommand } from './run-command';
import { submitDossier } from './submit-dossier';

/**
 * A filing as the HTTP request carries it: the JSON (or multipart `dossier` field and its files),
 * and — for a citizen — the counter device the browser is, if any (one read, only when the browser
 * holds a device cookie): a filing on it is assisted by the device's officer.
 */
export async function submitFromRequest(deps: DossierDeps, req: FastifyRequest): Promise<DossierDetail> {
  const { json, files } = await readBody(req, 'dossier');
  const body = parseOr400(SubmissionBody, json, '');
  const assistance = req.access.actor?.kind === 'citizen' ? await assistanceOf(deps.db, req, deps.now?.()) : null;
  return submitDossier(deps, req.access, body, files, assistance);
}

/** A lifecycle command as the HTTP request carries it (JSON, or multipart `command` field and files). */
export async function commandFromRequest(
  deps: DossierDeps,
  req: FastifyRequest,
  id: string,
  command: DossierCommand,
): Promise<DossierDetail> {
  const { json, files } = await readBody(req, 'command');
  const body = parseOr400(CommandBody, json, '');
  return runCommand(deps, req.access, id, command, body, files);
}
