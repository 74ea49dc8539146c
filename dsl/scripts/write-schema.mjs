// Regenerate schemas/suite.schema.json from the zod schemas (run after a build: `npm run -w @atp/dsl schema`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { suiteJsonSchema } from '../dist/schema/json-schema.js';

const target = fileURLToPath(new URL('../schemas/suite.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(suiteJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
