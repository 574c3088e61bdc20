import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';

const examples = path.resolve(__dirname, '../../../examples');

describe('bundled examples', () => {
    it('validate without errors or warnings and build a CX model that matches its zod schema', async () => {
        const workspace = await loadWorkspace([examples]);
        expect(workspace.diagnostics.map(d => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
        expect(workspace.specNames).toEqual(['B2bSaas', 'CoffeeMobileOrder', 'D2cEcommerce', 'LifeInsuranceSales', 'MobileCarrierShop'].sort());
        for (const name of workspace.specNames) {
            const model = workspace.model(name);
            expect(CxModel.parse(model)).toEqual(model);
            expect(model.surveys.length).toBeGreaterThan(0);
        }
    });
});

describe('loading a workspace', () => {
    it('refuses a named pipe called x.cx, in a folder or named itself, instead of waiting for a writer', async () => {
        const fs = await import('node:fs');
        const os = await import('node:os');
        const { execFileSync } = await import('node:child_process');
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-fifo-'));
        try {
            const fifo = path.join(dir, 'x.cx');
            execFileSync('mkfifo', [fifo]);
            const message = `${fifo}: is a named pipe, not a .cx file; give the spec's files or folder`;
            await expect(loadWorkspace([fifo])).rejects.toThrow(message);
            await expect(loadWorkspace([dir])).rejects.toThrow(message);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
