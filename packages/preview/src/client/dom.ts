/**
 * The one way the preview page creates elements: text goes through `textContent` and attributes
 * through `setAttribute`, never through HTML parsing, so spec strings cannot become markup.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    ...children: Child[]
): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    append(node, ...children);
    return node;
}

export function append(parent: Node, ...children: Child[]): void {
    for (const child of children) {
        if (child === null || child === undefined || child === false) continue;
        parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
}

export function clear(node: Node): void {
    while (node.firstChild) node.removeChild(node.firstChild);
}
