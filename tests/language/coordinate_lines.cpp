// syntax::parse_statement reads lines of coordinates (items and blocks) by
// calling the rules of grammar::item and grammar::block_open one after the
// other, not through grammar::statement.  These tests hold it to the
// grammar: at every statement of every .budget file of the repository, of
// the fuzzing corpora and of a list of odd lines, parse_statement and
// phrase_parse(grammar::statement) agree on the outcome, on where the
// statement ends, on the error, and on the syntax tree of an item or block.
//
// This file instantiates the grammar itself (it includes grammar_def.hpp).
#include "support/test_support.hpp"

#include <yusuan/syntax/expected.hpp>
#include <yusuan/syntax/grammar_def.hpp>
#include <yusuan/syntax/parser.hpp>

#include <algorithm>
#include <sstream>

using namespace yusuan_test;
namespace ast = yusuan::syntax::ast;
namespace syn = yusuan::syntax;
namespace x3 = boost::spirit::x3;

namespace {

/// A slice as offsets into the text (or "-" when unset).
std::string at(const ast::slice& s, const char* base) {
  if (!s) return "-";
  return std::to_string(s.b - base) + ".." + std::to_string(s.e - base);
}

struct coordinate_printer {
  const char* base;
  std::ostream& os;
  void operator()(const ast::code_coord& c) const {
    os << "code " << at(c.code, base) << ' ' << at(c.name, base) << ' ' << at(c.mapped.code, base) << ' '
       << at(c.mapped.name, base);
  }
  void operator()(const ast::kind_coord& c) const { os << "kind " << at(c.word, base); }
  void operator()(const ast::fund_coord& c) const { os << "fund " << at(c.source, base); }
  void operator()(const ast::project_coord& c) const { os << "project " << at(c.project, base); }
  void operator()(const ast::tag_coord& c) const { os << "tag " << at(c.key, base) << ' ' << at(c.value, base); }
};

std::string print(const std::vector<ast::coordinate>& cs, const char* base) {
  std::ostringstream os;
  for (const auto& c : cs) {
    boost::apply_visitor(coordinate_printer{base, os}, c.get());
    os << "; ";
  }
  return os.str();
}

std::string print(const ast::item& i, const char* base) {
  return "item " + at(i.where, base) + " [" + print(i.coords, base) + "] " + at(i.amount, base) + " [" +
         print(i.trailing, base) + "]";
}
std::string print(const ast::block_open& b, const char* base) {
  return "block " + at(b.where, base) + " [" + print(b.coords, base) + "] " + at(b.total, base);
}

/// One statement as phrase_parse(grammar::statement) reads it, printed; the
/// position after it in `first`.  Mirrors parse_statement's handling of
/// blanks, errors and the statement that reads nothing.
std::string by_grammar(const char*& first, const char* last, const char* base) {
  syn::chars::skip_blank(first, last);
  if (first == last) return "end";
  const char* start = first;
  yusuan::syntax::tokens::blank_parser skipper;
  ast::statement st;
  try {
    const char* p = first;
    if (!x3::phrase_parse(p, last, syn::grammar::statement, skipper, st) || p == start)
      return "error " + std::to_string(start - base) + " a statement";
    first = p;
  } catch (const x3::expectation_failure<const char*>& e) {
    const char* w = e.where();
    syn::chars::skip_blank(w, last);
    return "error " + std::to_string(w - base) + ' ' + e.which();
  } catch (const syn::tokens::nesting_too_deep& e) {
    return "error " + std::to_string(e.where - base) + " nesting";
  } catch (const syn::tokens::name_too_long& e) {
    return "error " + std::to_string(e.where - base) + " long name";
  }
  if (const auto* i = boost::get<ast::item>(&st.get())) return print(*i, base);
  if (const auto* b = boost::get<ast::block_open>(&st.get())) return print(*b, base);
  return "other";
}

/// The same statement as parse_statement reads it.
std::string by_parser(const char*& first, const char* last, const char* base, syn::statement_slot& slot) {
  syn::syntax_error err;
  switch (syn::parse_statement(first, last, slot, err)) {
    case syn::parse_status::end:
      return "end";
    case syn::parse_status::error: {
      std::string what = err.nesting_limit ? "nesting" : err.name_length ? "long name" : err.expected;
      return "error " + std::to_string(err.where - base) + ' ' + what;
    }
    case syn::parse_status::ok:
      break;
  }
  if (slot.is_item) return print(slot.item, base);
  if (const auto* b = boost::get<ast::block_open>(&slot.other.get())) return print(*b, base);
  if (boost::get<ast::item>(&slot.other.get())) return "item outside the slot's item";
  return "other";
}

/// Compares the two readings statement by statement; returns the number of
/// statements read.  Stops at the first error (as the compiler does not: it
/// skips to the next line; the comparison then goes on from there).
std::size_t agree(const std::string& text, const std::string& what) {
  const char* base = text.data();
  const char* last = base + text.size();
  const char* a = base;
  syn::statement_slot slot;  // reused, as the compiler reuses it
  std::size_t n = 0;
  while (true) {
    const char* b = a;
    const std::string want = by_grammar(b, last, base);
    const char* p = a;
    const std::string got = by_parser(p, last, base, slot);
    EXPECT_EQ(got, want) << what << " at offset " << (a - base);
    if (got != want) return n;
    if (want == "end") return n;
    ++n;
    if (want.rfind("error", 0) == 0) {
      // go on after the line of the error
      const char* nl = std::find(a, last, '\n');
      if (nl == last) return n;
      a = nl + 1;
      continue;
    }
    EXPECT_EQ(p - base, b - base) << what << ": where the statement ends";
    a = b;
  }
}

std::vector<fs::path> files_under(const fs::path& under, std::string_view extension) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(under))
    if (e.is_regular_file() && e.path().extension() == extension) out.push_back(e.path().lexically_normal());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(lang_coordinate_lines, odd_lines_read_as_the_grammar_reads_them) {
  const char* lines[] = {
      "208 01 09 30101 基本工资: 412.16\n",
      "30101 基本工资 → 50101 工资奖金津补贴: 40.00 项目 P1 资金 一般公共预算 类别=甲\n",
      "208 01 09 基本支出 合计 100.00 {\n  30101: 100.00\n}\n",
      "基本支出 人员经费 {\n30101: 1;\n}；\n",
      "人员经费 30101 基本工资: 1.00\n",
      "30101 基本工资 → : 1.00\n",
      "30101: \n",
      "30101 合计 {\n",
      "30101 合计 abc {\n",
      "208 01 09 合计 100 200 {\n30101: 1\n}\n",
      "30101 基本工资\n",
      "30101 基本工资 50101\n",
      "资金 一般公共预算 {\n}\n",
      "项目 P1 {\n",
      "项目 \"P1\" 30101: 1.00\n",
      "合计 100 {\n",
      "金额 1.00\n",
      "类别=甲 30101: 1.00\n",
      "类别 = 甲 {\n}\n",
      "基本支出: 5\n",
      "30101: 1.00 # comment\n30102: 2.00 // comment\n",
      "30101: 1.00　\n30102: 2.00\f\n",
      "30101 基本工资: 1.00 基本支出\n项目支出 {\n",
      "208 01 09 30101 : 1 . 00\n",
      "208 05 07\u00a030101: 1.00\n",
      "（无）: 1\n",
      "}\n}\n",
      "标题 \"x\"\n金额单位 万元\n",
      "title \"x\"\namounts 万元\nbasic {\n30101: 1\n}\n",
      "核对 合计(经济 属于 (30217)) = 2.20\n",
      "30101: 1.00;30102: 2.00\n",
      "30101 名称 名称2: 1\n",
      "\"带引号\" 30101: 1\n",
      "30101 \"带引号的名称\": 1\n",
      "30101: 1,234.56\n",
      "30101: abc\n",
  };
  std::size_t n = 0;
  for (const char* l : lines) n += agree(l, l);
  EXPECT_GT(n, 50u);
}

TEST(lang_coordinate_lines, every_budget_of_the_repository_reads_as_the_grammar_reads_it) {
  std::size_t files = 0, statements = 0;
  for (const char* dir : {"budgets", "examples", "tests"}) {
    for (const auto& f : files_under(dir, ".budget")) {
      statements += agree(read_all(f), f.string());
      ++files;
    }
  }
  EXPECT_GT(files, 20u);
  EXPECT_GT(statements, 1000u);
}

TEST(lang_coordinate_lines, every_input_of_the_fuzzing_corpus_reads_as_the_grammar_reads_it) {
  std::size_t files = 0;
  for (const auto& f : files_under("tests/format/corpus", ".fuzz")) {
    agree(read_all(f), f.string());
    ++files;
  }
  EXPECT_GT(files, 100u);
}
