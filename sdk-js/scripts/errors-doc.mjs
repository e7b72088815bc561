// Writes every file made from the error catalog, docs/errors.json (see catalog.mjs): `npm run errors-doc`.
// test/errors.test.js fails when one of them is out of date.
import { writeFileSync } from 'node:fs';

import { generatedFiles, readCatalog } from './catalog.mjs';

for (const { file, text } of generatedFiles(readCatalog())) {
  writeFileSync(file, text);
  console.log(`wrote ${file.pathname}`);
}
