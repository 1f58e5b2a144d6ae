import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode, VALIDATION_ISSUE_CODES } from './error-codes.js';

const I18N = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src/i18n');
const LANGUAGES = ['en', 'fr'] as const;

interface ErrorsFile {
  code: Record<string, string>;
  issue: Record<string, string>;
}

function errorsFile(lang: string): ErrorsFile {
  return JSON.parse(fs.readFileSync(path.join(I18N, lang, 'errors.json'), 'utf8')) as ErrorsFile;
}

/**
 * The keys that translate nothing known: a key is a known name, or a known name with an i18next context
 * (`challenge_phase_closed_vote`, `too_small_string`) whose plain key is translated too.
 */
function unknownKeys(keys: string[], known: readonly string[]): string[] {
  const present = new Set(keys);
  return keys.filter((key) => !known.includes(key) && !known.some((name) => key.startsWith(`${name}_`) && present.has(name)));
}

describe('ERROR_CODES', () => {
  it('names codes in snake_case, each with a kind and a one-line meaning', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(entry.meaning, code).toMatch(/^\S.*[.!]$/);
      expect(entry.meaning, code).not.toContain('\n');
    }
  });

  it('tells a catalogued code from another string', () => {
    expect(isErrorCode('campaign_closed')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('no_such_code')).toBe(false);
  });

  describe.each(LANGUAGES)('web/src/i18n/%s/errors.json', (lang) => {
    const file = errorsFile(lang);

    it('translates every catalogued code', () => {
      const missing = Object.keys(ERROR_CODES).filter((code) => !file.code?.[code]?.trim());
      expect(missing).toEqual([]);
    });

    it('translates no code that is not catalogued', () => {
      expect(unknownKeys(Object.keys(file.code ?? {}), Object.keys(ERROR_CODES))).toEqual([]);
    });

    it('translates every zod issue code that validation_failed passes on, and no other', () => {
      expect(VALIDATION_ISSUE_CODES.filter((code) => !file.issue?.[code]?.trim())).toEqual([]);
      expect(unknownKeys(Object.keys(file.issue ?? {}), VALIDATION_ISSUE_CODES)).toEqual([]);
    });

    it('holds nothing but these two groups', () => {
      expect(Object.keys(file).sort()).toEqual(['code', 'issue']);
    });
  });

  it('gives English and French the same keys (contexts included)', () => {
    const [en, fr] = LANGUAGES.map(errorsFile);
    expect(Object.keys(fr!.code).sort()).toEqual(Object.keys(en!.code).sort());
    expect(Object.keys(fr!.issue).sort()).toEqual(Object.keys(en!.issue).sort());
  });

  it('uses in French the same interpolation params as in English', () => {
    const [en, fr] = LANGUAGES.map(errorsFile);
    const params = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const group of ['code', 'issue'] as const) {
      for (const [key, text] of Object.entries(en![group])) expect(params(fr![group][key] ?? ''), `${group}.${key}`).toEqual(params(text));
    }
  });
});
