import { createHash } from 'node:crypto';

/**
 * Whether a customer is in a survey's sample: the first 4 bytes of SHA-256 over the UTF-8 text
 * `salt NUL survey NUL customer`, read as a big-endian unsigned integer h, select the customer
 * when h < floor(percent / 100 * 2^32). The same customer, survey and salt give the same answer
 * on every run and machine, and each survey draws its own sample.
 */
export function inSample(salt: string, survey: string, customer: string, percent: number): boolean {
    if (percent >= 100) return true;
    const h = createHash('sha256').update(`${salt}\u0000${survey}\u0000${customer}`).digest().readUInt32BE(0);
    return h < Math.floor((percent / 100) * 2 ** 32);
}
