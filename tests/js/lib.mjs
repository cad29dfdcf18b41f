// tests/js/lib.mjs -- what the JavaScript tests share: the yusuan program,
// the repository, temporary directories.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/// The repository (YUSUAN_SOURCE_DIR, set by CTest).
export const root = process.env.YUSUAN_SOURCE_DIR;
/// The yusuan program (YUSUAN, set by CTest).
export const yusuan = process.env.YUSUAN;
if (!root || !yusuan) throw new Error('run through ctest: YUSUAN_SOURCE_DIR and YUSUAN must be set');

export const reference = join(root, 'budgets/luoyang-social-insurance-center-2024.budget');
export const example = join(root, 'examples/budgets/main.budget');
export const putuo = join(root, 'budgets/putuo-commerce-commission-2025.budget');

/// Runs yusuan with `args`; returns its standard output (throws on a non-zero exit).
export function run(...args) {
  return execFileSync(yusuan, args, { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 });
}

/// Runs yusuan with `args`; returns { status, stdout, stderr }.
export function runStatus(...args) {
  return spawnSync(yusuan, args, { encoding: 'utf8', cwd: root });
}

/// A fresh temporary directory.
export const tempDir = (name) => mkdtempSync(join(tmpdir(), `yusuan-${name}-`));

/// RFC 4180 CSV as rows of fields.
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false, any = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') { quoted = any = true; } else if (c === ',') { row.push(field); field = ''; any = true; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; any = false; }
    else if (c !== '\r') { field += c; any = true; }
  }
  if (any) { row.push(field); rows.push(row); }
  return rows;
}

/// Every file under `dir` whose name ends with `ext`, skipping build and
/// node_modules folders and hidden ones.
export function filesUnder(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') || name === 'build' || name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out.sort();
}
