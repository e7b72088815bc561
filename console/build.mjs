// Builds the console with esbuild into dist/, which the server jar carries as static/console/:
//  - console.js: one minified IIFE with uPlot and @noble/hashes inside, nothing fetched from elsewhere;
//  - console.css: the console's styles and uPlot's;
//  - index.html: the page the server serves at /console.
import { copyFileSync, mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';

mkdirSync('dist', { recursive: true });
await esbuild.build({
  entryPoints: { console: 'src/main.js' },
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  outdir: 'dist',
});
await esbuild.build({
  entryPoints: { console: 'src/console.css' },
  bundle: true,
  minify: true,
  logLevel: 'warning',
  outdir: 'dist',
});
copyFileSync('src/index.html', 'dist/index.html');
console.log('OnCaller console built into dist/');
