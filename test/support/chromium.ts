/**
 * Starts Debian's Chromium through playwright-core for the tests that render HTML (preview, report).
 * `npm test` installs Chromium first (scripts/ensure-tools.sh), so a missing browser is a failure,
 * never a skip. The flags keep Chromium off this machine's closed network.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
    if (!fs.existsSync(CHROMIUM_PATH)) {
        throw new Error(`Chromium not found at ${CHROMIUM_PATH}; run 'npm test' (it installs it) or 'apt-get install -y chromium'.`);
    }
    return chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
            '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'
        ]
    });
}

/** A fresh folder under the OS temp dir for a test's files (screenshots, written reports). */
export function tempDir(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), `cxspec-${prefix}-`));
}
