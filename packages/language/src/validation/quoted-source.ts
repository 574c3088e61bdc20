import { CstUtils, isLeafCstNode, type AstNode } from 'langium';
import { oneLine } from '@cxspec/model';

const NO_SPACE_AFTER = new Set(['(', '[', '.', '-']);
const NO_SPACE_BEFORE = new Set([')', ']', ',', '.']);

/**
 * A node's source as a message quotes it: its tokens on one line with single spaces, comments and
 * line breaks dropped, and control characters escaped, so a spec cannot write lines of its own into
 * the output (CI logs take a line starting `::` for a workflow command). `fallback` when the node
 * has no text.
 */
export function quotedSource(node: AstNode | undefined, fallback = ''): string {
    if (!node?.$cstNode) return fallback;
    let text = '';
    let previous = '';
    for (const leaf of CstUtils.streamCst(node.$cstNode)) {
        if (!isLeafCstNode(leaf) || leaf.hidden) continue;
        if (text && !NO_SPACE_AFTER.has(previous) && !NO_SPACE_BEFORE.has(leaf.text)) text += ' ';
        text += leaf.text;
        previous = leaf.text;
    }
    return text ? oneLine(text) : fallback;
}
