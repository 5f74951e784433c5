import { z } from 'zod';

/** A label or name in one language, as administrators write them in the catalog. */
export const Label = z.string().trim().min(1).max(300);
