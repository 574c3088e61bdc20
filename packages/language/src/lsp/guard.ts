import { isOperationCancelled, type MaybePromise } from 'langium';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/**
 * Runs one request's work so that its failure is answered, not fatal: cancellation and deliberate
 * `ResponseError`s pass through; anything else is logged and answered with a one-sentence error.
 */
export async function guarded<T>(feature: string, work: () => MaybePromise<T>): Promise<T> {
    try {
        return await work();
    } catch (error) {
        if (isOperationCancelled(error) || error instanceof ResponseError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        console.error(`CXSpec ${feature} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
        throw new ResponseError(ErrorCodes.InternalError, `CXSpec ${feature} failed: ${message}`);
    }
}
