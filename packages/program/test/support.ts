import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';

/** A folder under the system temp folder, for one test's files. */
export function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-program-'));
}

/** The CX model of a spec text, which must have no errors. */
export async function modelOf(text: string): Promise<CxModel> {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'spec.cx'), text);
    const workspace = await loadWorkspace([dir]);
    const errors = workspace.diagnostics.filter(d => d.severity === 'error');
    if (errors.length > 0) throw new Error(errors.map(e => e.message).join('\n'));
    return workspace.model(workspace.specNames[0]);
}

/**
 * Two surveys after one touchpoint: Quick (priority 1, every customer, no delay, quarantine 7d)
 * and Long (priority 2, every customer, delay 1h); one contact per 30 days across both.
 */
export const TWO_SURVEYS = `spec T {
    locales en
    contact at most 1 per 30d, at most 2 per 365d
    salt "test"
}
journey J { stage S { touchpoint Visit channel store touchpoint Browse channel web } }
survey Quick {
    en "Quick"
    trigger after Visit quarantine 7d priority 1
    question q: nps about Visit { en "Q?" }
}
survey Long {
    en "Long"
    trigger after Visit delay 1h priority 2
    question r: csat about Visit { en "R?" }
    question b: csat about Browse { en "B?" }
}
`;
