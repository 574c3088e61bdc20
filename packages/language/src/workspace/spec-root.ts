/**
 * The folder a spec's source paths are written relative to in its CX model when no root is given,
 * so `cxspec model` and `cxspec compile` print the same bytes from whichever folder they run in:
 * the repository holding the spec's files (the nearest folder above them with a `.git`), or else
 * the deepest folder holding all of them.
 */
import fs from 'node:fs';
import path from 'node:path';

export function specRoot(files: readonly string[]): string {
    const common = commonFolder(files.map(f => path.dirname(path.resolve(f))));
    for (let dir = common; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, '.git'))) return dir;
        if (path.dirname(dir) === dir) return common;
    }
}

function commonFolder(folders: string[]): string {
    if (folders.length === 0) return path.resolve('/');
    let common = folders[0];
    for (const folder of folders.slice(1)) {
        while (folder !== common && !folder.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) common = path.dirname(common);
    }
    return common;
}
