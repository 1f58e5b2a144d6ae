// The shapes of the funding API's answers (see src/modules/funding/schemas.ts).
export interface Money {
  amount: number;
  currency: string;
}

export interface Shipping {
  groups: { name: string; countries: string[]; cost: number }[];
}

export interface Tier {
  id: string;
  title: string;
  description: string;
  price: number;
  currency: string;
  limit: number | null;
  remaining: number | null;
  backers: number;
  estimatedDelivery: string | null;
  shipping: Shipping | null;
}

export type CampaignStatus = 'draft' | 'live' | 'succeeded' | 'failed' | 'ended' | 'cancelled';
export type Model = 'all_or_nothing' | 'keep_it_all' | 'donation';

export interface Campaign {
  id: string;
  projectId: string;
  title: string;
  description: string;
  descriptionHtml: string;
  status: CampaignStatus;
  model: Model;
  currency: string;
  goal: Money;
  raised: Money;
  backers: number;
  pledges: number;
  deadline: string;
  launchedAt: string | null;
  closedAt: string | null;
  settledAt: string | null;
  stretchGoals: { amount: number; description: string; reached: boolean }[];
  tiers: Tier[];
  createdAt: string;
  viewer: { isHost: boolean; pledgeIds: string[] };
}

export type PledgeStatus = 'pending' | 'collected' | 'errored' | 'dropped' | 'voided' | 'cancelled' | 'refunded' | 'collecting' | 'charging';

export interface Pledge {
  id: string;
  campaignId: string;
  tierId: string | null;
  status: PledgeStatus;
  amount: Money;
  shippingCountry: string | null;
  shippingCost: number;
  paymentMethod: string;
  refunded: number;
  fixDeadline: string | null;
  failureMessage: string | null;
  createdAt: string;
  collectedAt: string | null;
}

export interface MyPledge extends Pledge {
  tierTitle: string | null;
  campaign: { id: string; title: string; status: CampaignStatus; deadline: string };
  project: { id: string; slug: string; title: string };
}

export interface HostPledge extends Pledge {
  backer: { id: string; name: string; email: string };
  tierTitle: string | null;
}

export interface Stats {
  campaignId: string;
  currency: string;
  goal: number;
  days: { date: string; amount: number; pledges: number; cumulative: number }[];
  byStatus: Record<string, { pledges: number; amount: number }>;
}

export interface LedgerView {
  campaignId: string;
  currency: string;
  totals: { received: number; refunded: number; paymentFees: number; platformFees: number; toHost: number; inEscrow: number };
  balanced: boolean;
  items: { id: string; kind: string; at: string; entries: { account: string; amount: number }[] }[];
  nextCursor: string | null;
}

/** The test cards of the built-in test payment provider. */
export const TEST_CARDS = [
  { number: '4242 4242 4242 4242', key: 'ok' },
  { number: '4000 0000 0000 0002', key: 'declined' },
  { number: '4000 0000 0000 9995', key: 'noFunds' },
  { number: '4000 0000 0000 0341', key: 'failsLater' },
] as const;
