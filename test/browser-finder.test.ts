import { describe, expect, it } from 'vitest';
import { findBrowser, howToGetBrowser } from './e2e/support/find-browser.js';

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, and refuses one that is not an executable file', () => {
    expect(findBrowser({ CHROMIUM_PATH: process.execPath }, 'linux')).toEqual({
      executablePath: process.execPath,
      source: 'CHROMIUM_PATH',
    });
    expect(() => findBrowser({ CHROMIUM_PATH: '/nonexistent/chrome' }, 'linux')).toThrow(/CHROMIUM_PATH=\/nonexistent\/chrome/);
    expect(() => findBrowser({ CHROMIUM_PATH: '/tmp' }, 'linux')).toThrow(/not an executable file/);
  });

  it("looks only in Playwright's own cache where no system browser is known", () => {
    const found = findBrowser({}, 'plan9');
    expect(found === null || found.source === 'playwright cache').toBe(true);
  });
});

describe('howToGetBrowser', () => {
  it('names the way to install one on each system', () => {
    expect(howToGetBrowser('linux', 'ID=debian\n')).toMatch(/^`sudo apt-get install -y chromium`, then run npm test again/);
    expect(howToGetBrowser('linux', 'ID=ubuntu\nID_LIKE=debian\n')).toMatch(/^`sudo snap install chromium`/);
    expect(howToGetBrowser('linux', 'ID=fedora\n')).toMatch(/package manager/);
    expect(howToGetBrowser('darwin', '')).toMatch(/brew install --cask chromium/);
    expect(howToGetBrowser('linux', 'ID=debian\n')).toMatch(/CHROMIUM_PATH/);
  });
});
