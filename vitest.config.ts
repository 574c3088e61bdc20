import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        // Suites start real servers, browsers and databases; two cores run two files at a time.
        maxWorkers: 2
    }
});
