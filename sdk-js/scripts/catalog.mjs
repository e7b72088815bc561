// The files made from the one error catalog, docs/errors.json: the page docs/errors.md, the JavaScript
// SDK's copy src/errors-catalog.js and the table in media-client/README.md. They are committed and checked
// (test/errors.test.js) rather than made at build time, so that the SDK's sources run in any Node 18 or 20
// without JSON import attributes (Node 18.19, Debian's, has only the older `assert` form) and so that
// a change to the catalog shows in review as a change to every file it reaches.
import { readFileSync } from 'node:fs';

const CATALOG_FILE = new URL('../../docs/errors.json', import.meta.url);
const GENERATED = '<!-- Generated from docs/errors.json by `npm run errors-doc` in sdk-js; do not edit by hand. -->';
const README_END = '<!-- End of the generated table. -->';

/**
 * The parsed catalog:
 * `{about, scopes: [{scope, from, title, entries: [{code, name, server?, message, explanation}]}]}`.
 */
export function readCatalog() {
  return JSON.parse(readFileSync(CATALOG_FILE, 'utf8'));
}

/** Every file made from the catalog, with the text it must have. */
export function generatedFiles(catalog) {
  const readme = new URL('../../media-client/README.md', import.meta.url);
  return [
    { file: new URL('../../docs/errors.md', import.meta.url), text: errorsMarkdown(catalog) },
    { file: new URL('../src/errors-catalog.js', import.meta.url), text: sdkModule(catalog) },
    { file: readme, text: withTable(readFileSync(readme, 'utf8'), catalog) },
  ];
}

function table(entries, name) {
  return ['| code | name | message | explanation |', '|---|---|---|---|',
    ...entries.map((e) => `| ${e.code} | ${name(e)} | ${e.message} | ${e.explanation} |`)];
}

function errorsMarkdown(catalog) {
  const lines = [
    '# Result and error codes',
    '',
    GENERATED,
    '',
    'Every code of OnCaller and its words come from one catalog, [errors.json](errors.json). To change one,',
    'edit that file and run `npm run errors-doc` in `sdk-js/`: it rewrites this page, the JavaScript SDK\'s',
    'copy (`sdk-js/src/errors-catalog.js`) and the table in [media-client/README.md](../media-client/README.md).',
    'Tests fail when any of them is out of date, and when the server\'s `AuthCode` and `CallOutcome` (what',
    'goes on the wire) or the Java SDK\'s `OnCallerError` say other codes or words than the catalog.',
    '',
    'Every callback of the SDKs gets `{r, message, ...}`; `r` = 0 is success. The same number means',
    'different things for different verbs, so each verb has its own table. Any verb may also get a',
    'code of the server\'s table for every request (10-13) or, in JavaScript, one the SDK makes itself',
    '(negative). Then come the JavaScript call\'s `error` event and the Java SDK\'s own errors (1000 and up).',
    'The wire protocol is in [protocol.md](protocol.md).',
    'In JavaScript, `OnCaller.describe(scope, code)` returns the row (`name`, `message`, `explanation`).',
    '',
  ];
  for (const scope of catalog.scopes) {
    lines.push(`## ${scope.title}`, '', ...table(scope.entries, (e) => `\`${e.name}\``), '');
  }
  return lines.join('\n');
}

function sdkModule(catalog) {
  const entries = catalog.scopes.filter((s) => s.from !== 'media-client').flatMap((s) => s.entries.map(
    (e) => ({ scope: s.scope, code: e.code, name: e.name, message: e.message, explanation: e.explanation })));
  return '// Generated from docs/errors.json by `npm run errors-doc`; do not edit by hand. The entries the JavaScript\n'
    + '// SDK hands to apps (every scope but the Java SDK\'s), read by errors.js.\n'
    + `export default ${JSON.stringify(entries, null, 2)};\n`;
}

function withTable(readme, catalog) {
  const start = readme.indexOf(GENERATED);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) {
    throw new Error(`media-client/README.md lost the lines around its error table: ${GENERATED} ... ${README_END}`);
  }
  const java = table(catalog.scopes.find((s) => s.from === 'media-client').entries, (e) => e.name);
  return [readme.slice(0, start) + GENERATED, ...java, '', readme.slice(end)].join('\n');
}
