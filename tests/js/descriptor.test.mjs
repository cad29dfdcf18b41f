// The descriptor of `yusuan export` validates against the Frictionless
// tabular-data-package profile (schemas/tabular-data-package.json, a JSON
// Schema draft-04; see schemas/README.md for its source).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import { reference, example, run, tempDir } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const profile = JSON.parse(readFileSync(join(here, 'schemas/tabular-data-package.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(profile);

function exported(budget, ...flags) {
  const dir = tempDir('descriptor');
  run('export', budget, '--to', dir, ...flags);
  return JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
}

for (const [name, budget] of [['reference', reference], ['example', example]]) {
  test(`the descriptor of the ${name} budget is a valid tabular data package`, () => {
    const d = exported(budget);
    assert.ok(validate(d), JSON.stringify(validate.errors, null, 2));
    assert.equal(d.profile, 'tabular-data-package');
    const r = d.resources[0];
    assert.equal(r.profile, 'tabular-data-resource');
    for (const key of ['delimiter', 'doubleQuote', 'quoteChar', 'lineTerminator', 'header']) assert.ok(key in r.dialect, key);
    for (const f of r.schema.fields) assert.ok(['string', 'integer', 'number'].includes(f.type), f.name);
    const type = Object.fromEntries(r.schema.fields.map((f) => [f.name, f.type]));
    for (const code of ['function_code', 'function_class', 'econ_code', 'gov_econ_code', 'unit_code', 'project_code'])
      assert.equal(type[code], 'string', code);
    assert.equal(type.amount_fen, 'integer');
    assert.equal(type.amount, 'number');
    assert.equal(d.fiscal.currency, 'CNY');
    assert.ok(d.fiscal.model.dimensions['functional-classification']);
  });
}

test('the profile check rejects what breaks the profile', () => {
  const d = exported(reference, '--bom');
  assert.ok(validate(d));
  assert.equal(d.resources[0].encoding, 'utf-8-sig');
  const broken = [
    (x) => { delete x.resources[0].dialect.doubleQuote; },
    (x) => { x.resources[0].profile = 'data-resource'; },
    (x) => { delete x.resources[0].schema; },
    (x) => { x.resources[0].schema.fields[0].type = 'decimal'; },
    (x) => { x.name = 'Not A Name'; },
  ];
  for (const breakIt of broken) {
    const copy = structuredClone(d);
    breakIt(copy);
    assert.equal(validate(copy), false, breakIt.toString());
  }
});
