// The one export of @cxspec/language that main.ts needs, imported only when a command fails: a
// dynamic import of the whole package would make its bundle chunk hold every module of it (zod too).
export { InputError } from '@cxspec/language';
