// CI guard: the Langium output committed under packages/language/src/generated (and the generated
// TextMate grammar) must be exactly what `langium generate` makes of the committed grammar. It runs
// before the build, which would otherwise regenerate the files and hide a stale commit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const config = JSON.parse(fs.readFileSync(path.join(repo, 'langium-config.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-langium-'));

try {
    // The same configuration, writing into the temporary folder instead of the repository.
    const committed = new Map([[path.join(tmp, 'generated'), path.join(repo, config.out)]]);
    const tmpConfig = {
        ...config,
        out: path.join(tmp, 'generated'),
        languages: config.languages.map((language, i) => {
            const textMate = language.textMate && { ...language.textMate, out: path.join(tmp, `textmate-${i}.json`) };
            if (textMate) committed.set(textMate.out, path.join(repo, language.textMate.out));
            return { ...language, grammar: path.join(repo, language.grammar), ...(textMate ? { textMate } : {}) };
        })
    };
    fs.writeFileSync(path.join(tmp, 'langium-config.json'), JSON.stringify(tmpConfig));
    const cli = path.join(repo, 'node_modules/langium-cli/bin/langium.js');
    const run = spawnSync(process.execPath, [cli, 'generate', '-f', path.join(tmp, 'langium-config.json')], { encoding: 'utf8' });
    if (run.status !== 0) {
        process.stderr.write(`check-generated: langium generate failed:\n${run.stdout}${run.stderr}`);
        process.exit(1);
    }

    const stale = [];
    for (const [fresh, ours] of committed) {
        const pairs = fs.statSync(fresh).isDirectory()
            ? [...new Set([...fs.readdirSync(fresh), ...(fs.existsSync(ours) ? fs.readdirSync(ours) : [])])].map(f => [path.join(fresh, f), path.join(ours, f)])
            : [[fresh, ours]];
        for (const [a, b] of pairs) {
            const same = fs.existsSync(a) && fs.existsSync(b) && fs.readFileSync(a).equals(fs.readFileSync(b));
            if (!same) stale.push(path.relative(repo, b));
        }
    }
    if (stale.length > 0) {
        process.stderr.write(`check-generated: ${stale.join(', ')} ${stale.length === 1 ? 'does' : 'do'} not match what 'langium generate' makes of ${config.languages.map(l => l.grammar).join(', ')}.\n`
            + `Fix: run 'npm run langium:generate' and commit ${config.out} and ${config.languages.map(l => l.textMate?.out).filter(Boolean).join(', ')} with the grammar change.\n`);
        process.exit(1);
    }
    process.stdout.write('check-generated: committed Langium output matches the grammar\n');
} finally {
    fs.rmSync(tmp, { recursive: true, force: true });
}
