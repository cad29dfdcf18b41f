// A generated region's export (hive-partitioned: year=…/department=…/UNIT.csv)
// loads into DuckDB with the types of its descriptor, and the totals DuckDB
// computes per department are those of `yusuan consolidate`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { root, run, tempDir, parseCsv } from './lib.mjs';

const sqlType = (f) => ({ string: 'VARCHAR', integer: 'BIGINT', number: 'DECIMAL(38,2)' })[f.type];
const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;
const struct = (o) => `{${Object.entries(o).map(([k, v]) => `${lit(k)}: ${lit(v)}`).join(', ')}}`;
/// "1234.56" (元) as a BigInt of 分.
const fen = (yuan) => BigInt(yuan.replace('.', ''));

test('DuckDB reads a region export with hive partitions and reproduces the totals per department', async () => {
  const region = tempDir('region');
  execFileSync('python3', [join(root, 'scripts/gen-region'), region, '--units', '30', '--items', '40', '--seed', '11'],
    { stdio: 'ignore' });
  const out = join(region, 'export');
  run('export', region, '--to', out, '-j', '2');
  const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
  const res = pkg.resources[0];
  assert.equal(res.partitioning.style, 'hive');
  const columns = Object.fromEntries(res.schema.fields.map((f) => [f.name, sqlType(f)]));
  const partitions = Object.fromEntries(res.partitioning.fields.map((f) => [f.name, sqlType(f)]));

  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const d = res.dialect;
  await con.run(`create table items as select * from read_csv(${lit(join(out, '**', '*.csv'))},
    header = ${d.header}, delim = ${lit(d.delimiter)}, quote = ${lit(d.quoteChar)}, escape = ${lit(d.quoteChar)},
    auto_detect = false, columns = ${struct(columns)}, hive_partitioning = true, hive_types = ${struct(partitions)})`);
  const types = Object.fromEntries((await con.runAndReadAll('select column_name, column_type from (describe items)')).getRowsJS());
  assert.equal(types.amount_fen, 'BIGINT');
  assert.equal(types.function_code, 'VARCHAR');
  assert.equal(types.year, 'BIGINT');
  assert.equal(types.department, 'VARCHAR');

  // every file the descriptor names was read
  const [[files]] = (await con.runAndReadAll(`select count(distinct unit_code) from items`)).getRowsJS();
  assert.equal(Number(files), res.path.length);

  const report = parseCsv(run('consolidate', region, '--format', 'csv', '--unit', '元', '-j', '2'));
  const header = report[0];
  const col = (name) => header.indexOf(name);
  const expected = new Map(report.slice(1).filter((r) => r[0] === 'department')
    .map((r) => [r[col('department_code')], { total: fen(r[col('total')]), basic: fen(r[col('basic')]), items: BigInt(r[col('items')]) }]));
  assert.ok(expected.size >= 2);
  const got = (await con.runAndReadAll(`select department, sum(amount_fen)::VARCHAR, count(*)::VARCHAR,
      sum(amount_fen) filter (where kind_group = '基本支出')::VARCHAR
    from items group by department order by department`)).getRowsJS();
  assert.equal(got.length, expected.size);
  for (const [dept, total, count, basic] of got) {
    const e = expected.get(dept);
    assert.ok(e, `department ${dept}`);
    assert.equal(BigInt(total), e.total, `total of ${dept}`);
    assert.equal(BigInt(count), e.items, `items of ${dept}`);
    assert.equal(BigInt(basic), e.basic, `基本支出 of ${dept}`);
  }
  const region_row = report.slice(1).find((r) => r[0] === 'region');
  const [[all]] = (await con.runAndReadAll('select sum(amount_fen)::VARCHAR from items where year = 2025')).getRowsJS();
  assert.equal(BigInt(all), fen(region_row[col('total')]));
});
