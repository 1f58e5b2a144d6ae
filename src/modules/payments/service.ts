import type { AppContext } from '../../context.js';
import { invalid } from '../../lib/errors.js';
import type { PaymentMethodInput, PaymentProvider } from './provider.js';
import { TestPaymentProvider } from './test-provider.js';

export type { PaymentProvider, PaymentMethodInput, SavedMethod, Decline, ChargeResult } from './provider.js';
export { TEST_CARDS } from './test-provider.js';

type ProviderFactory = (ctx: Pick<AppContext, 'db'>) => PaymentProvider;

const factories = new Map<string, ProviderFactory>([['test', (ctx) => new TestPaymentProvider(ctx.db)]]);

/**
 * Adds a payment provider (a card processor's adapter) under its name.
 * @example registerPaymentProvider('acme', (ctx) => new AcmeProvider(ctx.config))
 */
export function registerPaymentProvider(name: string, factory: ProviderFactory): void {
  factories.set(name, factory);
}

/**
 * The provider with this name (saved methods remember theirs), or a 400.
 * @example await paymentProvider(ctx, pledge.provider).charge({ … })
 */
export function paymentProvider(ctx: Pick<AppContext, 'db'>, name: string): PaymentProvider {
  const factory = factories.get(name);
  if (!factory)
    throw invalid('unknown_payment_provider', `No payment provider named "${name}" on this instance.`, { field: 'body.payment.provider' });
  return factory(ctx);
}

/** The provider that handles a request's `payment`: `test_card` goes to the built-in test provider. */
export function providerForPayment(ctx: Pick<AppContext, 'db'>, payment: PaymentMethodInput): PaymentProvider {
  return paymentProvider(ctx, payment.type === 'test_card' ? 'test' : payment.provider);
}
