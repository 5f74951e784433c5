import { timingSafeEqual } from 'node:crypto';
import type { Account, AccountClaims } from 'oidc-provider';
import type { Db } from '../../platform/db';
import { findPersonIdByNationalId, getPersonDetail } from '../population';
import { signInLevel, type EidAcr } from './eid-sandbox.policy';

/**
 * The sandbox's passcode for every person who has an e-ID account. A demo convention only:
 * the real VNeID asks for the citizen's own 6-digit passcode on their phone.
 */
export const DEMO_PASSCODE = '123456';

export { EID_ACR, type EidAcr } from './eid-sandbox.policy';

/** What the sandbox knows of a citizen, read from the population registry. */
export interface Citizen {
  nationalId: string;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: 'male' | 'female';
  phone: string | null;
  eIdLevel: number;
  alive: boolean;
}

export type LoginFailure = 'format' | 'unknown' | 'no_eid' | 'inactive' | 'wrong_passcode';
export type LoginOutcome = { ok: true; citizen: Citizen; acr: EidAcr } | { ok: false; reason: LoginFailure };

/** A citizen by personal ID number, through the population module's public face. */
export async function findCitizen(db: Db, nationalId: string): Promise<Citizen | undefined> {
  const personId = await findPersonIdByNationalId(db, nationalId);
  if (!personId) return undefined;
  const p = await getPersonDetail(db, personId);
  return {
    nationalId,
    fullName: p.fullName,
    birthDate: p.birthDate,
    birthYear: p.birthYear,
    sex: p.sex,
    phone: p.phone,
    eIdLevel: p.eId.level,
    alive: p.status === 'alive',
  };
}

/** The acr of a citizen who may sign in (level 1 or 2, alive: eid-sandbox.policy.ts); undefined otherwise. */
export function acrFor(citizen: Citizen): EidAcr | undefined {
  const level = signInLevel(citizen);
  return level.ok ? level.acr : undefined;
}

function passcodeMatches(passcode: string): boolean {
  const given = Buffer.from(passcode);
  const expected = Buffer.from(DEMO_PASSCODE);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Checks a sign-in: a 12-digit ID number of a living person with an e-ID account (level ≥ 1)
 * and the demo passcode. Level 0 means no e-ID account, so no sign-in at all.
 */
export async function authenticate(db: Db, nationalId: string, passcode: string): Promise<LoginOutcome> {
  if (!/^\d{12}$/.test(nationalId)) return { ok: false, reason: 'format' };
  const citizen = await findCitizen(db, nationalId);
  if (!citizen) return { ok: false, reason: 'unknown' };
  const level = signInLevel(citizen);
  if (!level.ok) return level;
  if (!passcodeMatches(passcode)) return { ok: false, reason: 'wrong_passcode' };
  return { ok: true, citizen, acr: level.acr };
}

/** A Vietnamese phone number in E.164 (OpenID Connect's recommended form): 0912… → +84912…. */
export function toE164(phone: string | null): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/[\s.-]/g, '');
  if (digits.startsWith('+')) return digits;
  return digits.startsWith('0') ? `+84${digits.slice(1)}` : undefined;
}

/** The claims the sandbox releases about a citizen; oidc-provider masks them by scope. */
export function citizenClaims(citizen: Citizen): AccountClaims {
  return {
    sub: citizen.nationalId,
    national_id: citizen.nationalId,
    name: citizen.fullName,
    birthdate: citizen.birthDate ?? String(citizen.birthYear),
    gender: citizen.sex,
    phone_number: toE164(citizen.phone),
  };
}

/**
 * oidc-provider's `findAccount`: the subject is the personal ID number (VNeID identifies people
 * by it). A person who lost their e-ID account (or died) is no longer found, so their tokens stop working.
 */
export function accountFinder(db: Db) {
  return async (_ctx: unknown, sub: string): Promise<Account | undefined> => {
    const citizen = /^\d{12}$/.test(sub) ? await findCitizen(db, sub) : undefined;
    if (!citizen || !acrFor(citizen)) return undefined;
    return { accountId: sub, claims: () => citizenClaims(citizen) };
  };
}
