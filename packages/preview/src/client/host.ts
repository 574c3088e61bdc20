/**
 * The page's link to whatever shows it. Inside a VS Code webview that is `acquireVsCodeApi()`
 * (messages and persisted state); opened as a standalone file there is no host, and state lives
 * only as long as the page.
 */
import type { HostMessage, PageMessage, PageState } from '../messages.js';

interface VsCodeApi {
    postMessage(message: PageMessage): void;
    getState(): PageState | undefined;
    setState(state: PageState): void;
}

declare global {
    // Defined by VS Code in webviews only; typeof-checked before use.
    function acquireVsCodeApi(): VsCodeApi;
}

export interface Host {
    post(message: PageMessage): void;
    savedState(): PageState | undefined;
    saveState(state: PageState): void;
    onMessage(listener: (message: HostMessage) => void): void;
}

export function connectHost(): Host {
    const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
    return {
        post: message => vscode?.postMessage(message),
        savedState: () => vscode?.getState(),
        saveState: state => vscode?.setState(state),
        onMessage: listener => {
            // A standalone file takes no messages: nothing but VS Code may feed the page new data.
            if (!vscode) return;
            window.addEventListener('message', event => {
                const message = event.data as HostMessage | undefined;
                if (message && (message.type === 'update' || message.type === 'error')) listener(message);
            });
        }
    };
}
