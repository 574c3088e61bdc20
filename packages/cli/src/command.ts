/** A CLI command: parses its own arguments, does its work through the packages, returns the exit code. */
export interface Command {
    name: string;
    /** One line for `cxspec --help`. */
    summary: string;
    /** Full usage text for `cxspec <name> --help`. */
    usage: string;
    run(args: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
    out(text: string): void;
    err(text: string): void;
    /** True when stderr is a terminal and not in CI, so progress may be drawn. */
    interactive: boolean;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** A usage mistake: printed with the command's usage, exit 2. */
export class UsageError extends Error {}
