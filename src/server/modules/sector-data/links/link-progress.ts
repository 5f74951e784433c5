/**
 * Progress of the linkings running in this process, by batch id (links/link-job.ts writes it,
 * the batch presenter reads it). The batch row cannot carry it while the job runs: linkBatch holds
 * the row locked in its one transaction (one linking of a batch at a time), so a progress update
 * of the row would wait for the end.
 */
export interface LinkProgress {
  linked: number;
  total: number;
}

export const runningLinks = new Map<string, LinkProgress>();
