// Builds the SDK with esbuild into dist/:
//  - oncaller.latest.sdk.bundle.min.js: one minified IIFE for a <script> tag, globals
//    OnCallerClient, OnCallerCall, OnCallerUtil and OnCaller, @stomp/stompjs included; the server serves it at
//    /assets/js/sdk/v1.0/, also as oncaller.<version>.sdk.bundle.min.js;
//  - oncaller.sdk.mjs: the ES module of the npm package, @stomp/stompjs left as a dependency.
import { copyFileSync, readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  target: ['es2020'],
  define: { __ONCALLER_SDK_VERSION__: JSON.stringify(version) },
  banner: { js: `/*! OnCaller JavaScript SDK ${version} | Apache-2.0 */` },
  logLevel: 'warning',
};

await esbuild.build({
  ...common,
  entryPoints: ['src/bundle.js'],
  format: 'iife',
  minify: true,
  legalComments: 'eof',
  outfile: 'dist/oncaller.latest.sdk.bundle.min.js',
});
copyFileSync('dist/oncaller.latest.sdk.bundle.min.js', `dist/oncaller.${version}.sdk.bundle.min.js`);

await esbuild.build({
  ...common,
  entryPoints: ['src/index.js'],
  format: 'esm',
  external: ['@stomp/stompjs'],
  outfile: 'dist/oncaller.sdk.mjs',
});
console.log(`OnCaller SDK ${version} built into dist/`);
