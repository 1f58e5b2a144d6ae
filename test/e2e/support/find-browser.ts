// Which Chromium-family browser the browser tests can drive on this machine. Never downloads one: a newcomer
// without a browser gets the API tests and one line saying how to get a browser.
import fs from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';

/** Where browsers are installed, by platform, in the order we prefer them (Chromium first, then Chrome). */
const SYSTEM_BROWSERS: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    `${os.homedir()}/Applications/Google Chrome.app/Contents/MacOS/Google Chrome`,
  ],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Playwright's own cache, filled only by someone who ran `npx playwright install chromium` themselves. */
function playwrightCachedBrowser(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

export interface FoundBrowser {
  executablePath: string;
  /** How it was found, for the test run's first line. */
  source: 'CHROMIUM_PATH' | 'system' | 'playwright cache';
}

/**
 * The browser to drive: `CHROMIUM_PATH` when set (an error if it is not an executable file), else the first
 * system Chromium or Chrome, else Playwright's cache; null when there is none.
 * @example findBrowser() // { executablePath: '/usr/bin/chromium', source: 'system' }
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): FoundBrowser | null {
  const asked = env.CHROMIUM_PATH;
  if (asked) {
    if (!isExecutable(asked)) throw new Error(`CHROMIUM_PATH=${asked} is not an executable file`);
    return { executablePath: asked, source: 'CHROMIUM_PATH' };
  }
  const system = (SYSTEM_BROWSERS[platform] ?? []).find(isExecutable);
  if (system) return { executablePath: system, source: 'system' };
  const cached = playwrightCachedBrowser();
  return cached && isExecutable(cached) ? { executablePath: cached, source: 'playwright cache' } : null;
}

/** One line saying how to get a browser on this system. */
export function howToGetBrowser(platform: string = process.platform, osRelease = readOsRelease()): string {
  const then = 'then run npm test again (or set CHROMIUM_PATH to a Chromium or Chrome you have)';
  if (platform === 'darwin') return `install Chrome, or Chromium with \`brew install --cask chromium\`, ${then}`;
  if (platform === 'win32') return `install Google Chrome, ${then}`;
  if (/^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(osRelease)) {
    const ubuntu = /^ID="?ubuntu"?$/m.test(osRelease);
    return `${ubuntu ? '`sudo snap install chromium`' : '`sudo apt-get install -y chromium`'}, ${then}`;
  }
  return `install Chromium or Chrome with your system's package manager (or \`npx playwright install chromium\`), ${then}`;
}

function readOsRelease(): string {
  try {
    return fs.readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}
