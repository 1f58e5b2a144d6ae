import { z } from 'zod';

/** Shared request and response pieces, so every route names them the same way in the OpenAPI document. */
export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

export const ZIdParams = z.object({ id: z.string().min(1).max(100) });

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD'] as const;
export const ZCurrency = z.enum(CURRENCIES);

/** An amount of money: integer minor units and an ISO 4217 currency. */
export const ZMoney = z.object({
  amount: z.number().int().min(0).max(1_000_000_000_00),
  currency: ZCurrency,
});

export const ZLocale = z.enum(['en', 'fr']);

/** Standard error responses for the OpenAPI document. */
export const errorResponses = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
} as const;

export const paged = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
