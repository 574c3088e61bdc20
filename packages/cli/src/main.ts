import { EXIT, UsageError, type CliIO } from './command.js';
import { COMMANDS } from './commands/index.js';
import { InputError, oneLine } from '@cxspec/model';
import cliPackage from '../package.json' with { type: 'json' };

const io: CliIO = {
    out: text => process.stdout.write(text + '\n'),
    err: text => process.stderr.write(text + '\n'),
    interactive: Boolean(process.stderr.isTTY) && !process.env.CI
};

function help(): string {
    const width = Math.max(...COMMANDS.map(c => c.name.length));
    return ['Usage: cxspec <command> [options]', '', 'Commands:',
        ...COMMANDS.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '', "Run 'cxspec help <command>' (or 'cxspec <command> --help') for a command's options, 'cxspec --version' for the version."].join('\n');
}

async function main(argv: string[]): Promise<number> {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-v') {
        io.out(`cxspec ${cliPackage.version}`);
        return EXIT.ok;
    }
    // `cxspec help <command>` is `cxspec <command> --help`.
    const asksHelp = first === 'help' && rest.length > 0;
    const [name, ...args] = asksHelp ? rest : argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        io.out(help());
        return name ? EXIT.ok : EXIT.badInput;
    }
    const entry = COMMANDS.find(c => c.name === name);
    if (!entry) {
        io.err(`cxspec: unknown command '${name}'\n\n${help()}`);
        return EXIT.badInput;
    }
    const command = await entry.load();
    if (asksHelp || args.includes('--help') || args.includes('-h')) {
        io.out(command.usage);
        return EXIT.ok;
    }
    try {
        return await command.run(args, io);
    } catch (error) {
        if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
            io.err(`cxspec ${name}: ${(error as Error).message}\n\n${command.usage}`);
            return EXIT.badInput;
        }
        if (error instanceof InputError) {
            // The message names a file, whose name may hold a line break or an escape character.
            io.err(`cxspec ${name}: ${oneLine(error.message)}`);
            return EXIT.badInput;
        }
        // An unexpected failure is a bug: say so plainly, keep the trace for the report.
        io.err(`cxspec ${name}: internal error: ${(error as Error).stack ?? String(error)}`);
        return 3;
    }
}

process.exitCode = await main(process.argv.slice(2));
