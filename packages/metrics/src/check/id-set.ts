/**
 * Set of respondent ids for duplicate detection, stored as 52-bit hashes in one open-addressing
 * Float64Array: 8 bytes a slot instead of a string per row, so a million ids take 8-16 MB. It is
 * the one structure of the evaluator that grows with the number of rows. Two different ids share
 * a hash with probability about n²/2⁵³ (1e-4 for a million ids); that would report a false
 * duplicate, and the message names the id so it can be checked.
 */
export class IdSet {
    private slots = new Float64Array(1 << 16);
    private count = 0;

    /** Adds the id; false when it was already there. */
    add(id: string): boolean {
        // Up to 7/8 full: linear probing stays short with a good hash, and memory stays ~10 B an id.
        if (this.count * 8 >= this.slots.length * 7) this.grow();
        return insert(this.slots, hash52(id)) && ++this.count > 0;
    }

    private grow(): void {
        const old = this.slots;
        this.slots = new Float64Array(old.length * 2);
        for (const h of old) if (h !== 0) insert(this.slots, h);
    }
}

function insert(slots: Float64Array, h: number): boolean {
    const mask = slots.length - 1;
    for (let i = h % slots.length; ; i = (i + 1) & mask) {
        const s = slots[i];
        if (s === 0) { slots[i] = h; return true; }
        if (s === h) return false;
    }
}

/** Two independent 32-bit FNV-1a style hashes folded into a non-zero 52-bit integer. */
function hash52(s: string): number {
    let a = 0x811c9dc5, b = 0x01000193 ^ s.length;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
    }
    return ((a >>> 0) % 0x100000) * 0x100000000 + (b >>> 0) + 1;
}
