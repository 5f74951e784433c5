import type {
  AddFeeListMemberBody,
  EndFeeListMemberBody,
  FeeList,
  FeeListMember,
  FeeListMembers,
  FeeQuote,
} from '../../../contracts/fees';
import { apiGet, apiPost, query, type RequestOptions } from '../../api/client';

export type { FeeList, FeeListMember, FeeListMembers, FeeQuote };

const BASE = '/api/v1/fees';

/** The fee a signed-in citizen would owe if they filed now (registry-checked exemptions applied). */
export const getFeeQuote = (
  params: {
    procedureCode: string;
    channel?: 'online' | 'assisted' | 'paper';
    persons?: number;
    claim?: string;
    variant?: string;
  },
  options?: RequestOptions,
) => apiGet<FeeQuote>(`${BASE}/quote${query(params)}`, options);

export const getFeeLists = (asOf: string, options?: RequestOptions) =>
  apiGet<{ items: FeeList[] }>(`${BASE}/lists${query({ asOf })}`, options);

export const getFeeListMembers = (
  code: string,
  params: { asOf: string; show: 'active' | 'all' },
  options?: RequestOptions,
) => apiGet<FeeListMembers>(`${BASE}/lists/${encodeURIComponent(code)}/members${query(params)}`, options);

/** Adds a commune or a household to a list from a date, with its source. */
export const addFeeListMember = (
  code: string,
  body: Partial<AddFeeListMemberBody> & Pick<AddFeeListMemberBody, 'validFrom' | 'source'>,
) => apiPost<FeeListMember>(`${BASE}/lists/${encodeURIComponent(code)}/members`, body);

/** Ends an entry: its last day and the decision that ends it. */
export const endFeeListMember = (code: string, id: string, body: EndFeeListMemberBody) =>
  apiPost<FeeListMember>(`${BASE}/lists/${encodeURIComponent(code)}/members/${encodeURIComponent(id)}/end`, body);
