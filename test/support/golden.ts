/**
 * Golden files: outputs checked in byte for byte. UPDATE_GOLDEN=1 is the one switch for the whole
 * repo: every golden test then rewrites its files with what it computed, and `git diff` shows the
 * change to review, e.g. `UPDATE_GOLDEN=1 npx vitest run packages/sql/test/golden.test.ts`.
 */
import fs from 'node:fs';
import { expect } from 'vitest';

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** Expects `actual` to be the bytes of `file`; with UPDATE_GOLDEN=1 it writes them there first. */
export function expectGolden(file: string, actual: string, message?: string): void {
    if (UPDATE_GOLDEN) fs.writeFileSync(file, actual);
    expect(actual, message).toBe(fs.readFileSync(file, 'utf8'));
}
