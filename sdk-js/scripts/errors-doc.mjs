// Writes docs/errors.md from the SDK's catalog (src/errors.js): `npm run errors-doc`.
// test/errors.test.js fails when the file is out of date.
import { writeFileSync } from 'node:fs';

import { errorsMarkdown } from '../src/errors-doc.js';

const target = new URL('../../docs/errors.md', import.meta.url);
writeFileSync(target, errorsMarkdown());
console.log(`wrote ${target.pathname}`);
