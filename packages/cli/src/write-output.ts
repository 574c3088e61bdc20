import fs from 'node:fs';
import path from 'node:path';
import type { CliIO } from './command.js';

/**
 * Writes a command's `--out` file (creating its folder) and says on stdout what it wrote, so a run
 * whose output went to a file is never silent; false, after saying why, when it cannot be written.
 */
export function writeOutput(command: string, file: string, content: string, what: string, io: CliIO): boolean {
    try {
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        fs.writeFileSync(file, content);
    } catch (error) {
        io.err(`cxspec ${command}: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        return false;
    }
    io.out(`wrote ${file} (${what})`);
    return true;
}
