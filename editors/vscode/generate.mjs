// editors/vscode/generate.mjs -- writes syntaxes/budget.tmLanguage.json, the
// TextMate grammar of .budget files.  The keywords (both spellings) come from
// include/yusuan/syntax/keywords.hpp, the vocabularies (kinds of spending,
// sources of funds, unit types, target categories) from
// include/yusuan/model/kinds.hpp and the units of amounts from
// include/yusuan/money/unit.hpp, so the grammar follows the language.
//
//   node editors/vscode/generate.mjs            rewrite the grammar
//   node editors/vscode/generate.mjs --check    exit 1 if it is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');
export const grammarPath = join(here, 'syntaxes', 'budget.tmLanguage.json');

/// Every spelling of every keyword of keywords.hpp's keyword_table.
export function keywordSpellings(root = repoRoot) {
  const src = readFileSync(join(root, 'include/yusuan/syntax/keywords.hpp'), 'utf8');
  const table = src.slice(src.indexOf('keyword_table{{'), src.indexOf('}};', src.indexOf('keyword_table{{')));
  const words = new Set();
  for (const line of table.split('\n')) {
    if (!line.includes('{keyword::')) continue;
    for (const m of line.replace(/\/\/.*$/, '').matchAll(/"([^"]+)"/g)) words.add(m[1]);
  }
  words.add('not in');  // the English spelling of 不属于 (two words)
  return [...words];
}

/// The vocabularies that are values, not keywords.
export function vocabulary(root = repoRoot) {
  const words = new Set();
  for (const file of ['include/yusuan/model/kinds.hpp', 'include/yusuan/money/unit.hpp']) {
    const src = readFileSync(join(root, file), 'utf8');
    for (const m of src.matchAll(/"([^"\s]+)"/g)) if (!/^[a-z_]+$/.test(m[1]) || m[1].includes('-')) words.add(m[1]);
  }
  for (const w of ['yuan', 'wan-yuan', 'yi-yuan', 'basic', 'personnel', 'public', 'operating', 'specific']) words.add(w);
  // built-in names (docs/language.md §10.3)
  for (const w of ['支出合计', '本年支出合计', '支出总计', '收入合计', '本年收入合计', '收入总计', '项目金额合计', '项目数',
                   'total-expenditure', 'expenditure-grand-total', 'total-income', 'income-grand-total',
                   'project-amount-total', 'project-count']) words.add(w);
  for (const k of keywordSpellings(root)) words.delete(k);
  return [...words];
}

const blank = '\\s\\x{3000}\\x{FEFF}';
const punct = '{}()\\[\\]:;,"\'=<>!+*%#/&|：；，、。“”‘’→≠≤≥＝％｛｝（）';
/// A character that continues a word (docs/language.md §2.1).
export const wordChar = `[^${blank}${punct}]`;
const notWord = `(?<!${wordChar})`;
const endWord = `(?!${wordChar})`;

const escape = (w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&').replace(/ /g, '\\s+');
const alternation = (words) => [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join('|');

export function grammar(root = repoRoot) {
  const keywords = alternation(keywordSpellings(root));
  const values = alternation(vocabulary(root));
  const code = '(?:2\\d{2}(?:[ .]\\d{2}){1,2}|[35]\\d{2} \\d{2}|[235]\\d{2}(?:\\d{2}){0,2})';
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'yusuan budget',
    scopeName: 'source.budget',
    fileTypes: ['budget'],
    patterns: [
      { include: '#comment' }, { include: '#string' }, { include: '#percentage' }, { include: '#item-code' },
      { include: '#keyword' }, { include: '#value' }, { include: '#row-key' }, { include: '#tag' }, { include: '#dimension' },
      { include: '#amount' }, { include: '#operator' }, { include: '#punctuation' },
    ],
    repository: {
      comment: { name: 'comment.line.budget', match: '(?:#|//).*$' },
      string: {
        patterns: [
          { name: 'string.quoted.double.budget', begin: '"', end: '"|$', patterns: [{ name: 'constant.character.escape.budget', match: '\\\\["\\\\]' }] },
          { name: 'string.quoted.other.budget', begin: '“', end: '”|$' },
        ],
      },
      percentage: { name: 'constant.numeric.percentage.budget', match: `${notWord}[+-]?\\d[\\d,]*(?:\\.\\d+)?[%％]` },
      'item-code': {
        comment: 'a classification code, and the name written after it',
        match: `${notWord}(${code})${endWord}(?:[ \\t\\x{3000}]+(?!(?:${keywords}|${values})${endWord})(?![+\\-]?\\d)(${wordChar}+))?`,
        captures: { 1: { name: 'constant.other.code.budget' }, 2: { name: 'entity.name.budget' } },
      },
      keyword: { name: 'keyword.control.budget', match: `${notWord}(?:${keywords})${endWord}` },
      value: { name: 'constant.language.budget', match: `${notWord}(?:${values})${endWord}` },
      'row-key': {
        comment: 'the key of a row of a grouped constraint (培训费: 3.35)',
        name: 'entity.name.key.budget',
        match: `${notWord}${wordChar}+(?=[ \\t]*[:：][ \\t]*[+-]?\\d)`,
      },
      tag: {
        match: `${notWord}(${wordChar}+)\\s*(=)(?!=)\\s*(${wordChar}+)`,
        captures: { 1: { name: 'variable.other.tag.budget' }, 2: { name: 'keyword.operator.budget' }, 3: { name: 'string.unquoted.tag.budget' } },
      },
      dimension: { name: 'variable.other.dimension.budget', match: `${notWord}${wordChar}+\\.(?:类|款|项|class|section|item)${endWord}` },
      amount: { name: 'constant.numeric.amount.budget', match: `${notWord}[+-]?\\d[\\d,]*(?:\\.\\d+)?${endWord}` },
      operator: { name: 'keyword.operator.budget', match: '→|->|=>|<=|>=|!=|≤|≥|≠|==?|＝|<|>|(?<=\\s)[+\\-*/](?=\\s)' },
      punctuation: {
        patterns: [
          { name: 'punctuation.section.block.budget', match: '[{}｛｝]' },
          { name: 'punctuation.section.parens.budget', match: '[()（）]' },
          { name: 'punctuation.separator.budget', match: '[:：;；,，、]' },
        ],
      },
    },
  };
}

export const render = (root = repoRoot) => JSON.stringify(grammar(root), null, 2) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = render();
  if (process.argv.includes('--check')) {
    const ok = readFileSync(grammarPath, 'utf8') === text;
    if (!ok) console.error(`${grammarPath} is out of date: run node editors/vscode/generate.mjs`);
    process.exit(ok ? 0 : 1);
  }
  writeFileSync(grammarPath, text);
}
