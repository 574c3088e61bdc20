/** A CLI command: parses its own arguments, does its work through the packages, returns the exit code. */
export interface Command {
    /** Full usage text for `cxspec <name> --help`. */
    usage: string;
    run(args: string[], io: CliIO): Promise<number>;
}

/**
 * What `cxspec --help` lists of a command. The command's module (and the packages it uses) is
 * loaded only when that command runs, so one command does not pay for starting the others.
 */
export interface CommandEntry {
    name: string;
    /** One line for `cxspec --help`. */
    summary: string;
    load(): Promise<Command>;
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
