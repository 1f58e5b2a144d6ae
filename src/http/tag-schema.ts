// A tag as people type it on an idea or a question, shared so that both read and check tags the same way.
import { z } from 'zod';

/** One tag: trimmed, lower-cased, letters and digits first, then also + # . - (e.g. `c++`, `.net`, `covid-19`). */
export const ZTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}+#.-]*$/u, 'must be letters, digits, and + # . -');

/**
 * Tags once each, in the order given.
 * @example uniqueTags(['a', 'b', 'a']) // ['a', 'b']
 */
export const uniqueTags = (tags: string[]) => [...new Set(tags)];
