// `npm run scenarios:schema` (see scripts/scenarios-cli.ts).
import { schemaCommand } from './scenarios-cli';

process.exitCode = schemaCommand();
