// Prints the Markdown table of every diagnostic code, for docs/language.md (a test checks the doc
// against DIAGNOSTIC_RULES, so regenerate and paste after adding or changing a rule).
import { DIAGNOSTIC_RULES } from '../packages/model/src/diagnostics.ts';

const rows = DIAGNOSTIC_RULES.map(r => `| \`${r.code}\` | ${r.severity} | ${r.name} | ${r.help.replace(/\|/g, '\\|')} |`);
process.stdout.write(['| Code | Severity | Name | What it checks |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n');
