/**
 * Opens a preview file in Chromium with everything a test needs to see what the page did: every
 * request that tried to leave the file, dialogs, page errors, console errors and CSP violations.
 */
import type { Browser, Page } from 'playwright-core';

export interface OpenedPreview {
    page: Page;
    /** URLs the page asked for that are not the file itself (all aborted). */
    external: string[];
    /** Dialogs opened, page errors, console errors and CSP violations, in order. */
    incidents: string[];
    close(): Promise<void>;
}

export async function openPreview(browser: Browser, file: string): Promise<OpenedPreview> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const external: string[] = [];
    const incidents: string[] = [];
    const fileUrl = new URL(`file://${file}`).href;
    await context.route('**/*', route => {
        const url = route.request().url();
        if (url === fileUrl) return route.continue();
        external.push(url);
        return route.abort();
    });
    const page = await context.newPage();
    page.on('request', request => {
        const url = request.url();
        if (url !== fileUrl && !url.startsWith('data:') && !external.includes(url)) external.push(url);
    });
    page.on('dialog', dialog => {
        incidents.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
    });
    page.on('pageerror', error => incidents.push(`pageerror: ${error.message}`));
    page.on('console', message => {
        if (message.type() === 'error') incidents.push(`console: ${message.text()}`);
    });
    await page.exposeFunction('__cxReportViolation', (text: string) => incidents.push(`csp: ${text}`));
    await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', event => {
            (window as unknown as { __cxReportViolation(text: string): void })
                .__cxReportViolation(`${event.violatedDirective} ${event.sample}`);
        });
    });
    await page.goto(fileUrl);
    await page.waitForSelector('#cx-app .cx-header');
    return { page, external, incidents, close: () => context.close() };
}

/** Names of the survey questions SurveyJS currently shows, in page order. */
export function visibleQuestions(page: Page): Promise<string[]> {
    return page.$$eval('.sd-question[data-name]', nodes => nodes.map(n => n.getAttribute('data-name') ?? ''));
}
