// The browser-test harness: a real server process, Debian's Chromium, API shortcuts to prepare data, screenshots.
export { startServer, type E2EServer, type StartServerOptions } from './server.js';
export { launchBrowser, newPage, signInContext, screenshot, SCREENSHOT_DIR, type E2EPage, type NewPageOptions } from './browser.js';
export { apiCall, createUser, login, E2EApiError, type E2EUser } from './api.js';
