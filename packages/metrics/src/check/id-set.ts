/**
 * Set of respondent ids for duplicate detection, stored as 62-bit hashes in one open-addressing
 * Uint32Array (the two halves of a hash side by side, so a lookup touches one cache line).
 *
 * Memory is fixed up to a bound: the table is allocated at DEFAULT_SLOTS slots (32 MB of address
 * space) and holds up to 7/8 of that, 3,670,016 ids, without ever resizing, so the evaluator's
 * peak memory is the same for a thousand or three million rows. The allocation is zero-filled
 * memory the operating system maps on first touch, so a small file costs only the pages its ids
 * land on. Past the bound the table doubles to 64 MB (the old 32 MB is held while it copies).
 *
 * Two different ids share a hash with probability about n²/2⁶³ (1.1e-7 for a million ids, 1e-6 for
 * three million); that would report a false duplicate, and the message names the id so it can be
 * checked. A hash is kept as 62 bits: the stored high half is 30 hash bits shifted up with its low
 * bit set (never 0, so a half-written slot shows) and its top bit free for SharedIds' thread tag.
 */
export const DEFAULT_SLOTS = 1 << 22;

/** States of the ids of a batch (IdSink.addHashes): no id, hashed, then added or seen before. */
export const NO_ID = 0, HASHED = 1, ADDED = 2, SEEN = 3;

/** Where the row checker puts each respondent id; false when the id was seen before. */
export interface IdSink {
    add(id: string): boolean;
    /**
     * Adds, in order, the hashes i < n whose state is HASHED (put in `lo` and `hi` by hashIdBytes
     * or hashIdText), and sets each state to ADDED or SEEN. One tight loop over a batch lets the
     * table's cache misses overlap, where one lookup per row waits for each in turn.
     */
    addHashes(lo: Uint32Array, hi: Uint32Array, state: Uint8Array, n: number): void;
}

/** The 64-bit hash of the last `hashId` call, as two 32-bit halves (no allocation per id). */
let hashLo = 0, hashHi = 0;

function hashId(id: string): void {
    let a = 0x811c9dc5, b = 0x01000193 ^ id.length;
    for (let i = 0; i < id.length; i++) {
        const c = id.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
    }
    finishHash(a, b);
}

/** Sets hashLo and hashHi from the two running halves of hashId or hashIdBytes. */
function finishHash(a: number, b: number): void {
    // Final avalanche (murmur3 fmix32) so the low bits that pick the slot depend on every char.
    a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13; a = Math.imul(a, 0xc2b2ae35); a ^= a >>> 16;
    // lo is never 0, so an empty slot (lo = 0) cannot be mistaken for a hash.
    hashLo = (a >>> 0) || 1;
    hashHi = ((b >>> 2) << 1) | 1;
}

/** hashId of `id` into lo[i] and hi[i]. */
export function hashIdText(id: string, lo: Uint32Array, hi: Uint32Array, i: number): void {
    hashId(id);
    lo[i] = hashLo;
    hi[i] = hashHi;
}

/**
 * hashIdText of the text of bytes [start, end) into lo[i] and hi[i], when they are printable ASCII
 * without spaces (what ids are, and then bytes and text hash alike); false, storing nothing, else.
 */
export function hashIdBytes(bytes: Uint8Array, start: number, end: number, lo: Uint32Array, hi: Uint32Array, i: number): boolean {
    if (start === end) return false;
    let a = 0x811c9dc5, b = 0x01000193 ^ (end - start);
    for (let k = start; k < end; k++) {
        const c = bytes[k];
        if (c < 0x21 || c > 0x7e) return false;
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
    }
    finishHash(a, b);
    lo[i] = hashLo;
    hi[i] = hashHi;
    return true;
}

const TAG = 0x80000000, KEY = 0x7fffffff;
/** SharedIds' control words: the abort flag and each thread's count, 64 bytes (16 words) apart. */
const ABORTED = 0, COUNT = 16, CONTROL_WORDS = 48;

export class IdSet implements IdSink {
    /** Slot i holds the hash's low half at 2i (0 = empty) and its high half at 2i + 1. */
    private table: Uint32Array;
    private count = 0;
    private limit: number;

    /** `slots` (a power of two) is the table's size before any growth. */
    constructor(slots = DEFAULT_SLOTS, table?: Uint32Array, count = 0) {
        if (!(slots >= 2 && (slots & (slots - 1)) === 0)) throw new RangeError(`IdSet slots must be a power of two, got ${slots}`);
        this.table = table ?? new Uint32Array(2 * slots);
        this.limit = loadLimit(slots);
        this.count = count;
    }

    /** The set the two threads of a split pass filled (see SharedIds), for the files after it. */
    static adopt(shared: SharedIds): IdSet {
        return new IdSet(shared.slots, new Uint32Array(shared.table), shared.size);
    }

    /** Adds the id; false when it was already there. */
    add(id: string): boolean {
        hashId(id);
        return this.addHash(hashLo, hashHi);
    }

    addHashes(lo: Uint32Array, hi: Uint32Array, state: Uint8Array, n: number): void {
        warm(this.table, lo, n);
        for (let i = 0; i < n; i++) if (state[i] === HASHED) state[i] = this.addHash(lo[i], hi[i]) ? ADDED : SEEN;
    }

    private addHash(lo: number, hi: number): boolean {
        if (this.count >= this.limit) this.grow();
        const added = insert(this.table, lo, hi);
        if (added) this.count++;
        return added;
    }

    get size(): number {
        return this.count;
    }

    private grow(): void {
        const old = this.table;
        this.table = new Uint32Array(old.length * 2);
        this.limit = loadLimit(old.length);
        for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) insert(this.table, old[i], old[i + 1]);
    }
}

/**
 * Reads the home slot of each hash of a batch before any is inserted: the reads are independent,
 * so their cache and TLB misses overlap, and the inserts that follow find the lines in cache. An
 * insert alone waits for its miss (a compare-and-swap also lets no later read start early);
 * on two threads this halved the time spent in the id table.
 */
function warm(table: Uint32Array | Int32Array, lo: Uint32Array, n: number): void {
    const mask = (table.length >>> 1) - 1;
    let read = 0;
    for (let i = 0; i < n; i++) read ^= table[2 * (lo[i] & mask)];
    warmed ^= read;
}

/** What warm() read, kept where the optimizer cannot drop the reads. */
let warmed = 0;

/** Up to 7/8 full: linear probing stays short with a good hash. */
function loadLimit(slots: number): number {
    return slots - slots / 8;
}

/** `hi` is a stored high half; the thread tag of a stored one is not part of the hash. */
function insert(table: Uint32Array, lo: number, hi: number): boolean {
    const mask = (table.length >>> 1) - 1;
    for (let i = lo & mask; ; i = (i + 1) & mask) {
        const s = table[2 * i];
        if (s === 0) { table[2 * i] = lo; table[2 * i + 1] = hi; return true; }
        if (s === lo && (table[2 * i + 1] & KEY) === (hi & KEY)) return false;
    }
}

/**
 * The id table of a split pass (eval/split-pass.ts), shared by the main thread (tag 0) and the worker
 * (tag 1) in one SharedArrayBuffer, each slot claimed with compare-and-swap. A duplicate within a
 * thread's own part is one in a single pass too (its rows are in order); a duplicate across the two
 * parts, or more ids than the table holds without growing, throws SplitAbort, and the file is
 * scored on one thread, which reports it in row order.
 *
 * Each thread counts its own ids and publishes the count in its own cache line of the control
 * words once per call: one counter both threads incremented per id made the line bounce between
 * the cores and tripled the cost of an insert. Each thread may fill half the table's limit.
 */
export class SharedIds implements IdSink {
    private readonly slotsView: Int32Array;
    /** Int32 words: [ABORTED] is 1 once a thread aborts, [COUNT + 16 * tag] the ids each thread added. */
    private readonly control: Int32Array;
    private readonly mask: number;
    private readonly limit: number;
    private count = 0;

    constructor(readonly slots: number, readonly table: SharedArrayBuffer, controlBuffer: SharedArrayBuffer, private readonly tag: 0 | 1) {
        this.slotsView = new Int32Array(table);
        this.control = new Int32Array(controlBuffer);
        this.mask = slots - 1;
        this.limit = loadLimit(slots) / 2;
    }

    static create(slots = DEFAULT_SLOTS): { table: SharedArrayBuffer; control: SharedArrayBuffer } {
        return { table: new SharedArrayBuffer(8 * slots), control: new SharedArrayBuffer(4 * CONTROL_WORDS) };
    }

    /** Ids both threads added (each publishes its count at the end of each call). */
    get size(): number {
        return Atomics.load(this.control, COUNT) + Atomics.load(this.control, COUNT + 16);
    }

    get aborted(): boolean {
        return Atomics.load(this.control, ABORTED) === 1;
    }

    add(id: string): boolean {
        hashId(id);
        const added = this.addHash(hashLo, hashHi);
        this.publish();
        return added;
    }

    addHashes(lo: Uint32Array, hi: Uint32Array, state: Uint8Array, n: number): void {
        warm(this.slotsView, lo, n);
        for (let i = 0; i < n; i++) if (state[i] === HASHED) state[i] = this.addHash(lo[i], hi[i]) ? ADDED : SEEN;
        this.publish();
    }

    private publish(): void {
        Atomics.store(this.control, COUNT + 16 * this.tag, this.count);
    }

    private addHash(hashLow: number, hashHigh: number): boolean {
        const t = this.slotsView, lo = hashLow | 0, stored = (hashHigh | (this.tag ? TAG : 0)) | 0;
        for (let i = hashLow & this.mask; ; i = (i + 1) & this.mask) {
            let s = Atomics.load(t, 2 * i);
            if (s === 0) {
                s = Atomics.compareExchange(t, 2 * i, 0, lo);
                if (s === 0) {
                    Atomics.store(t, 2 * i + 1, stored);
                    if (++this.count >= this.limit) this.abort('the id table is full');
                    return true;
                }
            }
            if (s !== lo) continue;
            let h: number;
            // The other thread claimed the slot and is about to write the high half.
            while ((h = Atomics.load(t, 2 * i + 1)) === 0);
            if ((h & KEY) !== hashHigh) continue;
            if ((h >>> 31) !== this.tag) this.abort('an id appears in both parts');
            return false;
        }
    }

    private abort(why: string): never {
        this.publish();
        Atomics.store(this.control, ABORTED, 1);
        throw new SplitAbort(why);
    }
}

/** A split pass cannot give the one-thread result; the file is scored on one thread instead. */
export class SplitAbort extends Error {}
