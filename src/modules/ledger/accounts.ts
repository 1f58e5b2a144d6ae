/**
 * Ledger account names. An account is a string key; its balance is the sum of its entries.
 * Sign convention: a positive entry adds to the account's balance, a negative one takes from it; every
 * transaction sums to zero. Accounts standing for the outside world (cards, bank payouts) go negative
 * by what came in from, or went out to, that world.
 */
export const LedgerAccounts = {
  /** Money that came in from a backer's card (outside world). */
  cardFunding: (userId: string) => `external:card:${userId}`,
  /** Money that went out to a bank account in a payout (outside world). */
  payoutDestination: (owner: string) => `external:payout:${owner}`,
  /** Money a host put in to fund a task batch (outside world). */
  hostFunding: (owner: string) => `external:host_funding:${owner}`,
  /** A campaign's collected money, held until fees and the host's share are settled. */
  campaignEscrow: (campaignId: string) => `campaign:${campaignId}:escrow`,
  /** What a host may pay out: `owner` is `org:<id>` or `user:<id>`. */
  hostBalance: (owner: string) => `host:${owner}:balance`,
  /** A task batch's budget, held until workers are paid or the rest returns to the host. */
  taskEscrow: (batchId: string) => `tasks:${batchId}:escrow`,
  /** What a worker earned and may withdraw. */
  workerBalance: (userId: string) => `worker:${userId}:balance`,
  platformFees: 'platform:fees',
  paymentFees: 'platform:payment_fees',
} as const;

/** The owner key of a project's host balance: its organization when it has one, else its owner. */
export function hostOwnerKey(project: { orgId: string | null; ownerId: string }): string {
  return project.orgId ? `org:${project.orgId}` : `user:${project.ownerId}`;
}
