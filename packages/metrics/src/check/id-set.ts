/**
 * Set of respondent ids for duplicate detection, stored as 64-bit hashes in one open-addressing
 * Uint32Array (the two halves of a hash side by side, so a lookup touches one cache line).
 *
 * Memory is fixed up to a bound: the table is allocated at DEFAULT_SLOTS slots (32 MB of address
 * space) and holds up to 7/8 of that, 3,670,016 ids, without ever resizing, so the evaluator's
 * peak memory is the same for a thousand or three million rows. The allocation is zero-filled
 * memory the operating system maps on first touch, so a small file costs only the pages its ids
 * land on. Past the bound the table doubles to 64 MB (the old 32 MB is held while it copies).
 *
 * Two different ids share a hash with probability about n²/2⁶⁵ (3e-8 for a million ids, 2.4e-7 for
 * three million); that would report a false duplicate, and the message names the id so it can be
 * checked.
 */
export const DEFAULT_SLOTS = 1 << 22;

export class IdSet {
    /** Slot i holds the hash's low half at 2i (0 = empty) and its high half at 2i + 1. */
    private table: Uint32Array;
    private count = 0;
    private limit: number;

    /** `slots` (a power of two) is the table's size before any growth. */
    constructor(slots = DEFAULT_SLOTS) {
        if (!(slots >= 2 && (slots & (slots - 1)) === 0)) throw new RangeError(`IdSet slots must be a power of two, got ${slots}`);
        this.table = new Uint32Array(2 * slots);
        this.limit = loadLimit(slots);
    }

    /** Adds the id; false when it was already there. */
    add(id: string): boolean {
        if (this.count >= this.limit) this.grow();
        let a = 0x811c9dc5, b = 0x01000193 ^ id.length;
        for (let i = 0; i < id.length; i++) {
            const c = id.charCodeAt(i);
            a = Math.imul(a ^ c, 0x01000193);
            b = Math.imul(b ^ c, 0x5bd1e995);
            b ^= b >>> 15;
        }
        // Final avalanche (murmur3 fmix32) so the low bits that pick the slot depend on every char.
        a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13; a = Math.imul(a, 0xc2b2ae35); a ^= a >>> 16;
        // lo is never 0, so an empty slot (lo = 0) cannot be mistaken for a hash.
        const added = insert(this.table, (a >>> 0) || 1, b >>> 0);
        if (added) this.count++;
        return added;
    }

    private grow(): void {
        const old = this.table;
        this.table = new Uint32Array(old.length * 2);
        this.limit = loadLimit(old.length);
        for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) insert(this.table, old[i], old[i + 1]);
    }
}

/** Up to 7/8 full: linear probing stays short with a good hash. */
function loadLimit(slots: number): number {
    return slots - slots / 8;
}

function insert(table: Uint32Array, lo: number, hi: number): boolean {
    const mask = (table.length >>> 1) - 1;
    for (let i = lo & mask; ; i = (i + 1) & mask) {
        const s = table[2 * i];
        if (s === 0) { table[2 * i] = lo; table[2 * i + 1] = hi; return true; }
        if (s === lo && table[2 * i + 1] === hi) return false;
    }
}
