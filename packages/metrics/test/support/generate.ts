/**
 * Seeded responses for examples/coffee-mobile-order: ratings driven by one latent satisfaction so
 * the drivers correlate, visit reasons for the segments, times over six months.
 */
import { seeded } from '../../../../scripts/seeded.mjs';

const REASONS = ['commute', 'work_break', 'weekend', 'meetup', 'other'];
export const COFFEE_HEADER = ['respondent_id', 'submitted_at', 'recommend', 'reason', 'menu_ease', 'payment', 'ready_notice',
    'ready_on_arrival', 'pickup', 'drink', 'rewards', 'visit_reason'];

export function coffeeRows(n: number, seed = 7): string[][] {
    const rnd = seeded(seed);
    const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
    const rows: string[][] = [];
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i < n; i++) {
        const latent = rnd();
        const rate = (lo: number, hi: number, skipped = 0.05) => (rnd() < skipped ? '' : String(clamp(lo + (hi - lo) * (0.7 * latent + 0.3 * rnd()), lo, hi)));
        const time = new Date(start + Math.floor(rnd() * 181 * 86_400_000)).toISOString().replace('.000Z', 'Z');
        rows.push([
            `r${i + 1}`, time, String(clamp(10 * (0.8 * latent + 0.2 * rnd()) + 0.5, 0, 10)),
            rnd() < 0.1 ? '"slow, ""cold"" drink\nat 8am"' : '',
            rate(1, 7), rate(1, 5), rate(1, 5), rnd() < 0.88 ? 'true' : 'false',
            rate(1, 5), rate(1, 5, 0.02), rate(1, 5, 0.2), REASONS[Math.floor(rnd() * REASONS.length)]
        ]);
    }
    return rows;
}

export function coffeeCsv(n: number, seed = 7): string {
    return [COFFEE_HEADER, ...coffeeRows(n, seed)].map(r => r.join(',')).join('\r\n') + '\r\n';
}
