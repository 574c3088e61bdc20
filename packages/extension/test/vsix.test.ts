/**
 * `npm run package` output: the .vsix holds the bundles, the grammar, the language configuration,
 * the icon and the manifest, and nothing else (no node_modules, no sources). Snippets come from the
 * language server, in the spec's locales, so none are packed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const vsix = path.join(root, 'dist/cxspec.vsix');
let zip: JSZip;

beforeAll(async () => {
    // The bundles come from `npm run build` (run before the tests); this packs them as `npm run package` does.
    execFileSync('npm', ['run', '-s', '-w', 'cxspec', 'vsix'], { cwd: root, stdio: 'pipe' });
    zip = await JSZip.loadAsync(fs.readFileSync(vsix));
}, 120_000);

describe('cxspec.vsix', () => {
    it('holds exactly the files the extension needs', () => {
        const files = Object.keys(zip.files).filter(f => !zip.files[f].dir).sort();
        expect(files).toEqual([
            '[Content_Types].xml',
            'extension.vsixmanifest',
            'extension/LICENSE.txt',
            'extension/dist/extension.cjs',
            'extension/dist/media/preview-client.js',
            'extension/dist/media/preview.css',
            'extension/dist/server.cjs',
            'extension/dist/syntaxes/cxspec.tmLanguage.json',
            'extension/icons/cxspec-file.svg',
            'extension/language-configuration.json',
            'extension/package.json',
            'extension/readme.md'
        ]);
        expect(files.filter(f => f.includes('node_modules') || /\.ts$|\.map$/.test(f))).toEqual([]);
    });

    it('points every contribution of the manifest at a packed file', async () => {
        const manifest = JSON.parse(await zip.file('extension/package.json')!.async('string'));
        const packed = (p: string) => zip.file(`extension/${path.posix.normalize(p)}`) !== null;
        expect(manifest.main).toBe('./dist/extension.cjs');
        expect(packed(manifest.main)).toBe(true);
        expect(manifest.contributes.grammars.map((g: { path: string }) => packed(g.path))).toEqual([true]);
        expect(manifest.contributes.snippets).toBeUndefined();
        const language = manifest.contributes.languages[0];
        expect([language.id, language.extensions, packed(language.configuration), packed(language.icon.light), packed(language.icon.dark)])
            .toEqual(['cxspec', ['.cx'], true, true, true]);
        // The serializer that revives the preview after a restart must get the chance to register.
        expect(manifest.activationEvents).toContain('onWebviewPanel:cxspec.preview');
        // Restricted Mode: the language works, the CLI (workspace code) does not run, and no
        // workspace setting can name the script it would run.
        expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
        expect(manifest.contributes.configuration.properties['cxspec.cli.path'].scope).toBe('machine');
        expect(manifest.contributes.commands.map((c: { command: string }) => c.command)).toEqual([
            'cxspec.openPreview', 'cxspec.previewSurvey', 'cxspec.previewJourney', 'cxspec.compile', 'cxspec.score'
        ]);
    });

    it('starts a client bundle that loads the server bundle it ships', async () => {
        const client = await zip.file('extension/dist/extension.cjs')!.async('string');
        expect(client).toContain('dist/server.cjs');
        expect(client).toMatch(/require\("vscode"\)/);
        const language = JSON.parse(await zip.file('extension/language-configuration.json')!.async('string'));
        expect(language.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    });
});
