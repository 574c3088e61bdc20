// Node-only entry (reads the built page bundle from disk); the webview host needs only index.ts.
export * from './assets.js';
export * from './standalone.js';
