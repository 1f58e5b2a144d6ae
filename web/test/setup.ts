// Every component test renders in English, starts from a clean document and a fresh fetch stub.
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import i18n from '../src/i18n';

await i18n.changeLanguage('en');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
