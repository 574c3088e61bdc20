/**
 * What GitHub makes of plain text in a rendered comment beyond Markdown itself: `@name` mentions
 * (which notify people), `#123` and `GH-123` issue links, bare `https://` and `www.` links, e-mail
 * autolinks and `$...$` math. User text (labels, names, messages) in a pull-request comment or
 * job summary must render as written and ping nobody.
 */

/** A zero-width space as an entity: it breaks each pattern without changing what a reader sees (Dependabot writes `@&#8203;name` for the same reason). */
const BREAK = '&#8203;';

/**
 * Text already escaped for Markdown (`&` written as `&amp;`), with GitHub's mentions, references,
 * autolinks and math delimiters neutralised.
 */
export function mdNeutralizeReferences(escaped: string): string {
    // One pass, so the entities it inserts are never scanned again (`#8203` would read as a reference).
    return escaped.replace(PATTERN, m => (m === '$' ? '\\$' : m.endsWith('-') ? `${m.slice(0, -1)}${BREAK}-` : `${m}${BREAK}`));
}

/** A mention (or the `@` of an e-mail), an issue number, a URL scheme, `www.`, a math delimiter. */
const PATTERN = /@(?=[\p{L}\p{N}_-])|#(?=\d)|GH-(?=\d)|(?:https?|ftp)(?=:\/\/)|www(?=\.)|\$/giu;
