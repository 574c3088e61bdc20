import type { Command } from '../command.js';
import { validateCommand } from './validate.js';
import { modelCommand } from './model.js';
import { compileCommand } from './compile.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { previewCommand } from './preview.js';
import { scoreCommand } from './score.js';
import { sqlCommand } from './sql.js';

/** Every command of `cxspec`, in the order `--help` lists them. */
export const COMMANDS: Command[] = [
    validateCommand,
    modelCommand,
    compileCommand,
    checkCommand,
    diffCommand,
    previewCommand,
    scoreCommand,
    sqlCommand
];
