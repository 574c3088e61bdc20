// Packs the cxspec CLI as an npm package that installs with no registry access: the built bundle
// (packages/cli/dist, from `npm run build`) and, bundled inside the tarball, the packages the bundle
// leaves external (found by reading its import specifiers) with everything they depend on, plus the
// preview page assets. Usage: node scripts/pack-cli.mjs [--out-dir <dir>] (default dist/); prints
// 'wrote <file> (...)'.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const REPO = path.resolve(import.meta.dirname, '..');
const CLI = path.join(REPO, 'packages/cli');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: path.join(REPO, 'dist') } } });
const outDir = path.resolve(values['out-dir']);

const bundleDir = path.join(CLI, 'dist');
const previewAssets = ['preview-client.js', 'preview.css'].map(f => path.join(REPO, 'packages/preview/dist', f));
for (const file of [path.join(bundleDir, 'cxspec.mjs'), ...previewAssets]) {
    if (!fs.existsSync(file)) fail(`${path.relative(REPO, file)} is missing; run 'npm run build' first ('npm run pack:cli' does)`);
}

const cliPackage = readJson(path.join(CLI, 'package.json'));
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-pack-'));
try {
    fs.cpSync(path.join(CLI, 'bin'), path.join(stage, 'bin'), { recursive: true });
    // Source maps would double the size; Node reads them only with --enable-source-maps.
    const chunks = fs.readdirSync(bundleDir).filter(f => f.endsWith('.mjs')).sort();
    for (const chunk of chunks) fs.cpSync(path.join(bundleDir, chunk), path.join(stage, 'dist', chunk));

    // The preview finds its page bundle through the @cxspec/preview package (packages/preview/src/assets.ts).
    const preview = path.join(stage, 'node_modules/@cxspec/preview');
    const previewPackage = readJson(path.join(REPO, 'packages/preview/package.json'));
    writeJson(path.join(preview, 'package.json'), { name: previewPackage.name, version: previewPackage.version, private: true });
    for (const asset of previewAssets) fs.cpSync(asset, path.join(preview, 'dist', path.basename(asset)));

    const externals = [...new Set(chunks.flatMap(chunk => importedPackages(fs.readFileSync(path.join(bundleDir, chunk), 'utf8'))))].sort();
    const dependencies = { [previewPackage.name]: previewPackage.version };
    const copied = new Map();
    for (const name of externals) dependencies[name] = copyWithDependencies(name, REPO, stage, copied).version;

    writeJson(path.join(stage, 'package.json'), {
        name: cliPackage.name,
        version: cliPackage.version,
        description: 'CXSpec command line: customer-experience specs validated, compiled to SurveyJS and scored (packed from a clone, dependencies bundled)',
        type: 'module',
        bin: cliPackage.bin,
        engines: { node: '>=22' },
        dependencies,
        bundleDependencies: Object.keys(dependencies)
    });
    fs.writeFileSync(path.join(stage, 'README.md'), `# ${cliPackage.name} ${cliPackage.version}

The \`cxspec\` command, packed from a clone of the CXSpec repository with \`npm run pack:cli\`:
\`npm install <this file>.tgz\`, then \`npx cxspec --help\`. Everything it needs is inside
(${Object.keys(dependencies).join(', ')} bundled), so it installs offline. Native parts (DuckDB,
for \`score --engine duckdb\`) are those of the machine it was packed on (${process.platform}-${process.arch}).
It runs on Node.js 22 or newer; on an older Node it uses a \`node\` package of version 22 that the
project has (\`npm install --save-dev node@22\`). The guide is docs/tutorial.md of the repository.
`);

    fs.mkdirSync(outDir, { recursive: true });
    const npm = spawnSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (npm.status !== 0) fail(`npm pack failed (exit ${npm.status}):\n${npm.stderr}`);
    const [packed] = JSON.parse(npm.stdout);
    const file = path.join(outDir, packed.filename);
    const shown = path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file);
    process.stdout.write(`wrote ${shown} (${packed.entryCount} files, ${(packed.size / 1048576).toFixed(1)} MB; bundled: ${Object.keys(dependencies).join(', ')})\n`);
} finally {
    fs.rmSync(stage, { recursive: true, force: true });
}

/** Bare package names a bundle chunk imports or requires at run time (Node built-ins left out). */
function importedPackages(code) {
    const names = [];
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g)) {
        const specifier = match[1];
        if (isBuiltin(specifier)) continue;
        names.push(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
    return names;
}

/**
 * Copies package `name`, as Node resolves it from `fromDir`, to `stage/node_modules/name`, then
 * the dependencies it resolves from the workspace's top level (a copy nested in its own
 * node_modules comes along with it). Optional dependencies that are not installed (other
 * platforms' binaries) are left out.
 */
function copyWithDependencies(name, fromDir, stage, copied, optional = false) {
    const dir = packageDir(name, fromDir);
    if (!dir) {
        if (optional) return undefined;
        fail(`${name} is not installed (needed from ${path.relative(REPO, fromDir) || '.'}); run npm install`);
    }
    const manifest = readJson(path.join(dir, 'package.json'));
    const previous = copied.get(name);
    if (previous) {
        if (previous.dir !== dir && previous.version !== manifest.version) fail(`${name} is needed at ${previous.version} and ${manifest.version}; the packed layout holds one`);
        return previous;
    }
    const entry = { dir, version: manifest.version };
    copied.set(name, entry);
    if (!dir.startsWith(path.join(REPO, 'node_modules') + path.sep)) fail(`${name} resolves outside the workspace's node_modules (${dir})`);
    fs.cpSync(dir, path.join(stage, 'node_modules', name), { recursive: true, dereference: true });
    for (const [deps, isOptional] of [[manifest.dependencies, false], [manifest.optionalDependencies, true]]) {
        for (const dep of Object.keys(deps ?? {})) {
            if (fs.existsSync(path.join(dir, 'node_modules', dep))) continue;
            copyWithDependencies(dep, dir, stage, copied, isOptional);
        }
    }
    return entry;
}

/** The folder of package `name` as Node's resolution from `fromDir` finds it. */
function packageDir(name, fromDir) {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, 'node_modules', name);
        if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
        if (dir === path.dirname(dir)) return undefined;
    }
}

function readJson(file) {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function fail(message) {
    process.stderr.write(`pack-cli: ${message}\n`);
    process.exit(2);
}
