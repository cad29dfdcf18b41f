// syntax::parse_statement reads lines of coordinates (items and blocks) by
// calling the rules of grammar::item and grammar::block_open one after the
// other, not through grammar::statement.  These tests hold it to the
// grammar (support/parse_agreement.hpp) at every statement of every .budget
// file of the repository, of the formatter's fuzzing corpus and of a list of
// odd lines.
#include "support/test_support.hpp"
#include "support/parse_agreement.hpp"

using namespace yusuan_test;
using yusuan_test::parse_agreement::disagreement;

namespace {

std::size_t agree(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  const auto d = disagreement(text, &n);
  EXPECT_FALSE(d.has_value()) << what << ": " << d.value_or("");
  return n;
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
  for (const auto& f : repository_budgets()) {
    statements += agree(read_all(f), f.string());
    ++files;
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
