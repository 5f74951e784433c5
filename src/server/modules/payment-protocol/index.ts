/**
 * Public face of `payment-protocol`: the VNPAY v2.1-style wire protocol (DOMAIN.md §11), pure and
 * with no dependency on any other module, so the merchant side (`payments`) and the gateway side
 * (`payment-sandbox`) sign, read and answer exactly the same bytes. Signing (HMAC-SHA512 of the
 * sorted `vnp_*` parameters; the merchant API's `|`-joined fields), parameters (dates in GMT+7,
 * amounts × 100, ASCII order info) and the response codes.
 */
export {
  VNP_VERSION,
  VNP_RESULT,
  VNP_TXN_STATUS,
  VNP_API_CODE,
  API_HASH_FIELDS,
  signedData,
  signParams,
  signedQuery,
  verifyParams,
  vnpParamsOf,
  signApi,
  verifyApi,
  formatVnpDate,
  parseVnpDate,
  toVnpAmount,
  fromVnpAmount,
  asciiOrderInfo,
  hmacSha512,
  type VnpParams,
  type ApiHashKind,
} from './vnpay.protocol';
