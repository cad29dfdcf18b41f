// The TextMate grammar of editors/vscode tokenises every .budget file of the
// repository with no unrecognised keyword: every keyword is scoped as one,
// nothing else is, and every line starts with something the grammar knows.
// Its keyword list is that of include/yusuan/syntax/keywords.hpp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { root, filesUnder } from './lib.mjs';

const gen = await import(pathToFileURL(join(root, 'editors/vscode/generate.mjs')).href);
const require = createRequire(import.meta.url);
const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm')).buffer;
await oniguruma.loadWASM(wasm);
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (p) => new oniguruma.OnigScanner(p),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async () => vsctm.parseRawGrammar(readFileSync(gen.grammarPath, 'utf8'), gen.grammarPath),
});
const grammar = await registry.loadGrammar('source.budget');
const keywords = new Set(gen.keywordSpellings());
const word = new RegExp(`${gen.wordChar.replaceAll('\\x{', '\\u{')}+`, 'gu');

test('the grammar is generated from keywords.hpp and kinds.hpp and is up to date', () => {
  assert.equal(readFileSync(gen.grammarPath, 'utf8'), gen.render());
  const src = readFileSync(join(root, 'include/yusuan/syntax/keywords.hpp'), 'utf8');
  for (const k of ['标题', 'title', '绩效目标', '比上年', 'limit', 'of-which', '不属于', 'year-end-balance']) {
    assert.ok(src.includes(`"${k}"`), k);
    assert.ok(keywords.has(k), k);
  }
  const pkg = JSON.parse(readFileSync(join(root, 'editors/vscode/package.json'), 'utf8'));
  assert.equal(pkg.contributes.grammars[0].scopeName, 'source.budget');
  assert.deepEqual(pkg.contributes.languages[0].extensions, ['.budget']);
});

/// The tokens of a file, line by line: [{text, scopes}].
function tokenise(text) {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n|\r/).map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

const has = (t, prefix) => t.scopes.some((s) => s.startsWith(prefix));
const opaque = (t) => has(t, 'comment') || has(t, 'string');
/// What a line may start with: a keyword, a value, a code, a number, a
/// dimension, a tag, the key of a row of a grouped constraint, an operator
/// or punctuation.
const known = (t) =>
  ['keyword', 'constant', 'variable', 'punctuation', 'comment', 'string', 'entity.name.key'].some((p) => has(t, p));

// tests/hostile/ holds malformed input on purpose: not budgets to tokenise.
const files = filesUnder(root, '.budget').filter((f) => !relative(root, f).startsWith(join('tests', 'hostile')));

test('there are budget files to tokenise', () => assert.ok(files.length >= 25, String(files.length)));

for (const file of files) {
  test(`tokenises ${relative(root, file)} with no unrecognised keyword`, () => {
    const problems = [];
    tokenise(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')).forEach((tokens, i) => {
      let first = true;
      for (const t of tokens) {
        if (!t.text.trim()) continue;
        const at = `${relative(root, file)}:${i + 1}: '${t.text}'`;
        if (first && !known(t)) problems.push(`${at} starts the line and is not recognised (${t.scopes.join(' ')})`);
        first = false;
        if (opaque(t)) continue;
        const isKeyword = has(t, 'keyword.control');
        if (isKeyword && !keywords.has(t.text.replace(/\s+/g, ' '))) problems.push(`${at} is scoped as a keyword`);
        for (const w of t.text.match(word) || [])
          if (keywords.has(w) && !isKeyword && !has(t, 'entity.name') && w !== t.text.trim())
            problems.push(`${at}: keyword '${w}' inside another token`);
          else if (keywords.has(w) && w === t.text.trim() && !isKeyword && !has(t, 'entity.name'))
            problems.push(`${at} is a keyword not scoped as one (${t.scopes.join(' ')})`);
      }
    });
    assert.deepEqual(problems, []);
  });
}
