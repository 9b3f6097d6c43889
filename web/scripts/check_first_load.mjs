// The first load of the login and home pages: every JS and CSS file the browser must fetch before
// the page works (the entry, its static imports and their CSS, then the page's own chunk and
// its static imports), gzipped as the server sends them. Fails past the budget, so that the
// first load cannot grow back unnoticed. Reads Vite's manifest (build.manifest in vite.config.ts).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = 350;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));

/** The files a manifest entry needs at once: itself, its static imports, and their CSS. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const css of chunk.css ?? []) seen.add(css);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}

function gzipSize(file) {
  return gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;
}

// The login page is part of the entry (router/index.ts imports it eagerly); home is a chunk of its own.
const pages = {
  login: null,
  home: 'src/views/home/HomePage.vue',
};
let failed = false;
for (const [name, page] of Object.entries(pages)) {
  if (page && !manifest[page]) {
    console.error(`first load: no chunk for ${page} in the manifest`);
    failed = true;
    continue;
  }
  const files = page ? closure(page, closure('index.html')) : closure('index.html');
  let total = 0;
  const rows = [...files].map((file) => {
    const size = gzipSize(file);
    total += size;
    return `  ${(size / 1024).toFixed(1).padStart(7)} KiB  ${file}`;
  });
  const verdict = total / 1024 <= BUDGET_KIB ? 'within' : 'OVER';
  console.log(
    `first load of the ${name} page: ${(total / 1024).toFixed(1)} KiB gzipped JS + CSS in ${files.size} files (${verdict} the ${BUDGET_KIB} KiB budget)`,
  );
  if (verdict === 'OVER') {
    console.log(rows.sort().reverse().join('\n'));
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
