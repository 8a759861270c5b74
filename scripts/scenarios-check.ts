// `npm run scenarios:check [files…]` (see scripts/scenarios-cli.ts).
import { checkCommand } from './scenarios-cli';

process.exitCode = checkCommand(process.argv.slice(2));
