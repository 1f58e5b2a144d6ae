// The shapes of the funding API's answers, named from the generated client (web/src/api/schema.d.ts).
import type { ApiItem, ApiResponse } from '../../api';

export type Campaign = ApiResponse<'/api/v1/campaigns/{id}'>;
export type Money = Campaign['goal'];
export type Tier = Campaign['tiers'][number];
export type Model = Campaign['model'];

export type Pledge = ApiResponse<'/api/v1/pledges/{id}'>;
export type MyPledge = ApiItem<'/api/v1/me/pledges'>;
export type HostPledge = ApiItem<'/api/v1/campaigns/{id}/pledges'>;
export type Stats = ApiResponse<'/api/v1/campaigns/{id}/stats'>;
export type LedgerView = ApiResponse<'/api/v1/campaigns/{id}/ledger'>;

/** The test cards of the built-in test payment provider. */
export const TEST_CARDS = [
  { number: '4242 4242 4242 4242', key: 'ok' },
  { number: '4000 0000 0000 0002', key: 'declined' },
  { number: '4000 0000 0000 9995', key: 'noFunds' },
  { number: '4000 0000 0000 0341', key: 'failsLater' },
] as const;
