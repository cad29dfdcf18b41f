// The export loads into DuckDB with the types of its descriptor, and the
// totals DuckDB computes are those of `yusuan query`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { reference, example, run, tempDir, parseCsv } from './lib.mjs';

/// The DuckDB type of a Table Schema field.
const sqlType = (f) => ({ string: 'VARCHAR', integer: 'BIGINT', number: 'DECIMAL(38,2)' })[f.type];

/// Loads DIR/items.csv as the table items, typed by DIR/datapackage.json.
async function load(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
  const res = pkg.resources[0];
  const columns = Object.fromEntries(res.schema.fields.map((f) => [f.name, sqlType(f)]));
  const d = res.dialect;
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const sql = `create table items as select * from read_csv(${lit(join(dir, res.path))}, header = ${d.header},
    delim = ${lit(d.delimiter)}, quote = ${lit(d.quoteChar)}, escape = ${lit(d.doubleQuote ? d.quoteChar : '\\')},
    auto_detect = false, columns = ${struct(columns)})`;
  await con.run(sql);
  return { con, pkg };
}
const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;
const struct = (o) => `{${Object.entries(o).map(([k, v]) => `${lit(k)}: ${lit(v)}`).join(', ')}}`;

async function rows(con, sql) {
  const r = await con.runAndReadAll(sql);
  return r.getRowsJS();
}

/// "383814600.00" (元) as a BigInt of 分.
const fen = (yuan) => BigInt(yuan.replace('.', ''));

for (const [name, budget, bom] of [['reference', reference, false], ['reference with --bom', reference, true], ['example', example, false]]) {
  test(`DuckDB reads the export of the ${name} budget with its types and the totals of yusuan query`, async () => {
    const dir = tempDir('duckdb');
    run('export', budget, '--to', dir, ...(bom ? ['--bom'] : []));
    const { con, pkg } = await load(dir);

    // Types as the descriptor says: codes are text, amount_fen an exact integer.
    const types = Object.fromEntries((await rows(con, 'select column_name, column_type from (describe items)')));
    assert.equal(types.function_code, 'VARCHAR');
    assert.equal(types.econ_code, 'VARCHAR');
    assert.equal(types.amount_fen, 'BIGINT');
    assert.equal(types.amount, 'DECIMAL(38,2)');
    assert.equal(types.item, 'BIGINT');
    assert.equal(Object.keys(types).length, pkg.resources[0].schema.fields.length);

    const [[count, sumFen, sumAmount]] = await rows(con, 'select count(*), sum(amount_fen)::VARCHAR, sum(amount)::VARCHAR from items');
    const total = parseCsv(run('query', budget, 'sum', '--format', 'csv', '--unit', '元'))[1][0];
    assert.equal(BigInt(sumFen), fen(total));
    assert.equal(sumAmount, total);
    const items = parseCsv(run('query', budget, 'count', '--format', 'csv'))[1][0];
    assert.equal(String(count), items);

    for (const [dim, column] of [['function.类', 'function_class'], ['econ.类', 'econ_class'], ['kind', 'kind']]) {
      const expected = parseCsv(run('query', budget, `sum by ${dim}`, '--format', 'csv', '--unit', '元')).slice(1);
      const got = await rows(con, `select ${column}, sum(amount_fen)::VARCHAR from items where ${column} is not null group by 1`);
      const byKey = new Map(got.map(([k, v]) => [k, BigInt(v)]));
      for (const row of expected) {
        const key = row[0].replaceAll(' ', '');
        const amount = fen(row[row.length - 1]);
        assert.equal(byKey.get(key === '(none)' ? null : key) ?? byKey.get(row[0]), amount, `${dim} ${row[0]}`);
      }
      const fromQuery = expected.reduce((s, r) => s + fen(r[r.length - 1]), 0n);
      assert.equal(fromQuery, fen(total), `${dim} adds up to the total`);
    }
  });
}
