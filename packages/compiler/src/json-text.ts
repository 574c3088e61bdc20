/**
 * The one way compiled artefacts are written as text: 2-space JSON with a trailing newline. Key
 * order is the order the builders create keys in, which is fixed, so equal inputs give equal bytes.
 */
export function toJsonText(value: unknown): string {
    return JSON.stringify(value, null, 2) + '\n';
}
