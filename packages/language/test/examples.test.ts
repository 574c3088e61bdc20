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
