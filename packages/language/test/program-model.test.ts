import { describe, expect, it } from 'vitest';
import { buildFiles } from './support/spec-workspace.js';

describe('contact rules, salt and priority in the CX model', () => {
    it('carries them when declared and leaves them out when not, so older models keep their bytes', async () => {
        const built = await buildFiles({ 'spec.cx': `spec T {
    locales en
    contact at most 1 per 30d, at most 3 per 52w
    salt "2026-q1"
}
journey J { stage S { touchpoint Tp channel web } }
survey A { en "A" trigger after Tp delay 2h priority 1 question q: nps about Tp { en "Q?" } }
survey B { en "B" trigger after Tp question q: nps about Tp { en "Q?" } }
` });
        expect(built.lines).toEqual([]);
        const model = built.model('T');
        expect(model.spec.contact?.map(r => [r.count, r.window, r.loc.line, r.loc.column])).toEqual([
            [1, { value: 30, unit: 'd', seconds: 2592000 }, 3, 13],
            [3, { value: 52, unit: 'w', seconds: 31449600 }, 3, 32]
        ]);
        expect(model.spec.salt).toBe('2026-q1');
        expect(model.surveys.map(s => s.trigger?.priority)).toEqual([1, undefined]);
        expect('priority' in model.surveys[1].trigger!).toBe(false);

        const plain = (await buildFiles({ 'spec.cx': 'spec U { locales en }\n' })).model('U');
        expect('contact' in plain.spec || 'salt' in plain.spec).toBe(false);
    });
});
