import { describe, expect, it } from 'vitest';
import * as contract from '../../../contracts/dossiers';
import * as copy from './filing-limits';

describe("the web app's copy of the filing limits", () => {
  it("equals the contract's: result deliveries, attachment types, size and count", () => {
    expect(copy.RESULT_DELIVERIES).toEqual(contract.RESULT_DELIVERIES);
    expect(copy.ATTACHMENT_MEDIA_TYPES).toEqual(contract.ATTACHMENT_MEDIA_TYPES);
    expect(copy.ATTACHMENT_MAX_BYTES).toBe(contract.ATTACHMENT_MAX_BYTES);
    expect(copy.ATTACHMENTS_MAX_COUNT).toBe(contract.ATTACHMENTS_MAX_COUNT);
  });
});
