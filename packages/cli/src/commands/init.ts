import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type Command } from '../command.js';
import { STARTER_TEXTS } from '../init/starter-texts.js';
import { starterLocales, starterSpec } from '../init/starter-spec.js';

/** What the grammar takes as a spec name and as a locale code (cxspec.langium: ID, LocaleCode). */
const NAME = /^[_a-zA-Z]\w*$/;
const LOCALE = /^[_a-zA-Z]\w*(-\w+)*$/;
const FILE = 'spec.cx';

export const initCommand: Command = {
    usage: `Usage: cxspec init [--locales <codes>] [--name <Name>] [<dir>]

Writes <dir>/spec.cx (default: the current folder), a starter spec with one journey of two stages,
one survey after its last touchpoint (an NPS question, a follow-up shown to detractors, a CSAT
question about each touchpoint) and one NPS target, with every text in each locale asked for.
It validates with no diagnostic and compiles as it is.
  --locales <codes>  comma-separated locale codes, the first one the default (default: en);
                     texts exist for ${Object.keys(STARTER_TEXTS).join(', ')} (and their regional variants)
  --name <Name>      the spec's name (default: the folder's name in PascalCase)
An existing file is never overwritten.
Exit codes: 0 written, 2 the file exists, a locale has no starter texts, or bad usage.`,
    async run(args, io) {
        const { positionals, values } = parseArgs({
            args, allowPositionals: true, options: { locales: { type: 'string', default: 'en' }, name: { type: 'string' } }
        });
        if (positionals.length > 1) throw new UsageError('name at most one folder');
        const dir = positionals[0] ?? '.';
        const codes = values.locales.split(',').map(code => code.trim());
        const invalid = codes.filter(code => !LOCALE.test(code));
        if (invalid.length > 0) throw new UsageError(`--locales: '${invalid.join("', '")}' is not a locale code (e.g. --locales ja,en)`);
        const repeated = codes.filter((code, i) => codes.indexOf(code) !== i);
        if (repeated.length > 0) throw new UsageError(`--locales: '${repeated[0]}' is given twice`);
        const name = values.name ?? nameOf(dir);
        if (!NAME.test(name)) throw new UsageError(`--name: '${name}' is not a spec name (letters, digits and _, not starting with a digit)`);
        const found = starterLocales(codes);
        if ('missing' in found) {
            io.err(`cxspec init: no starter texts for locale${found.missing.length > 1 ? 's' : ''} '${found.missing.join("', '")}' (available: ${Object.keys(STARTER_TEXTS).join(', ')}); start with those and add the others' texts by hand`);
            return EXIT.badInput;
        }
        const file = path.join(dir, FILE);
        try {
            fs.mkdirSync(dir, { recursive: true });
            // 'wx' fails on an existing file: a starter must never replace a spec someone wrote.
            fs.writeFileSync(file, starterSpec(name, found.locales), { flag: 'wx' });
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            io.err(code === 'EEXIST'
                ? `cxspec init: ${file} already exists; nothing was written (choose another folder, or move the file away)`
                : `cxspec init: cannot write ${file} (${code ?? String(error)})`);
            return EXIT.badInput;
        }
        io.out(`wrote ${file} (spec ${name}, locales ${codes.join(', ')})`);
        io.out(`next: cxspec validate ${dir}`);
        return EXIT.ok;
    }
};

/** `hotel-cx` -> `HotelCx`; a folder name that makes no spec name gives `MySpec`. */
function nameOf(dir: string): string {
    const words = path.basename(path.resolve(dir)).split(/[^A-Za-z0-9]+/).filter(Boolean);
    const name = words.map(w => w[0].toUpperCase() + w.slice(1)).join('');
    return NAME.test(name) ? name : 'MySpec';
}
