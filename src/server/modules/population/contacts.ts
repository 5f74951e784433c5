import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { persons } from './population.schema';

/** A person's phone and e-mail as the registry holds them (either may be missing or malformed). */
export interface RegistryContact {
  phone: string | null;
  email: string | null;
}

/**
 * The phone and e-mail the registry holds for a person, to tell them of their own dossiers
 * (notifications) or prefill their channel choices; undefined when the person is not in the
 * registry. Not an officer's access to a record: nothing is shown to staff, so not logged.
 */
export async function findRegistryContact(db: Db, personId: string): Promise<RegistryContact | undefined> {
  const [row] = await db
    .select({ phone: persons.phone, email: persons.email })
    .from(persons)
    .where(eq(persons.id, personId))
    .limit(1);
  return row;
}
