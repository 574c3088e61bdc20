/**
 * Set of respondent ids for duplicate detection, stored as 64-bit hashes in two open-addressing
 * Uint32Arrays: 8 bytes a slot instead of a string per row, so a million ids take 8-16 MB. It is
 * the one structure of the evaluator that grows with the number of rows. Two different ids share
 * a hash with probability about n²/2⁶⁵ (3e-8 for a million ids); that would report a false
 * duplicate, and the message names the id so it can be checked.
 */
export class IdSet {
    private lo = new Uint32Array(1 << 16);
    private hi = new Uint32Array(1 << 16);
    private count = 0;

    /** Adds the id; false when it was already there. */
    add(id: string): boolean {
        // Up to 7/8 full: linear probing stays short with a good hash, and memory stays ~10 B an id.
        if (this.count * 8 >= this.lo.length * 7) this.grow();
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
        const added = insert(this.lo, this.hi, (a >>> 0) || 1, b >>> 0);
        if (added) this.count++;
        return added;
    }

    private grow(): void {
        const { lo, hi } = this;
        this.lo = new Uint32Array(lo.length * 2);
        this.hi = new Uint32Array(lo.length * 2);
        for (let i = 0; i < lo.length; i++) if (lo[i] !== 0) insert(this.lo, this.hi, lo[i], hi[i]);
    }
}

function insert(los: Uint32Array, his: Uint32Array, lo: number, hi: number): boolean {
    const mask = los.length - 1;
    for (let i = lo & mask; ; i = (i + 1) & mask) {
        const s = los[i];
        if (s === 0) { los[i] = lo; his[i] = hi; return true; }
        if (s === lo && his[i] === hi) return false;
    }
}
