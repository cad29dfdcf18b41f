// Notes for numbers and header values typed the way they are written
// elsewhere (compile/mistyped.hpp): each syntax error gets one note saying
// how the language writes it, and text that is no such case gets none.
#include "support/test_support.hpp"

#include <string>
#include <utility>
#include <vector>

using namespace yusuan_test;

namespace {

/// The notes of the one syntax error of a budget whose third line is `line`.
std::vector<std::string> notes_of(const std::string& line) {
  const auto r = compile("金额单位 万元\n208 01 09 30102: 1.00\n" + line + "\n");
  std::vector<std::string> out;
  for (const auto* d : with_code(r, "E0101"))
    for (const auto& n : d->notes) out.push_back(n.message);
  return out;
}

}  // namespace

TEST(diag_mistyped, each_common_mistyping_gets_a_note_with_the_written_form) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"208 01 09 30101: 100万", "the units of amounts are 元, 万元 and 亿元, written right after the amount: 100万元"},
      {"208 01 09 30101: 3亿", "the units of amounts are 元, 万元 and 亿元, written right after the amount: 3亿元"},
      {"208 01 09 30101: 10。00", "the decimal point is '.' (or '．'), not '。': 10.00"},
      {"208 01 09 30101: 10 000.00", "an amount is one word: its digits are grouped with ',' (10,000.00), not with a blank"},
      {"208 01 09 30101: 1 234 567.00",
       "an amount is one word: its digits are grouped with ',' (1,234,567.00), not with a blank"},
      {"208 01 09 30101: ¥10.00", "an amount is written without a currency sign: 10.00"},
      {"208 01 09 30101: ￥10.00", "an amount is written without a currency sign: 10.00"},
      {"核对 占比(基本支出, 支出合计) = 100 %", "a percentage is written without a blank before its '%': 100%"},
      {"年度 2024年", "the year is written without 年: 2024"},
      {"年度：2024", "a keyword is followed by its value after a blank, not after '：': 年度 …"},
      {"year: 2024", "a keyword is followed by its value after a blank, not after ':': year …"},
  };
  for (const auto& [line, note] : cases) {
    const auto notes = notes_of(line);
    ASSERT_EQ(notes.size(), 1u) << line;
    EXPECT_EQ(notes[0], note) << line;
  }
}

TEST(diag_mistyped, other_syntax_errors_get_no_such_note) {
  for (const std::string line :
       {"208 01 09 30101: abc", "208 01 09 30101: 1.00 )", "年度 二〇二四", "核对 支出合计 = 5 5",
        // codes before a missing ':' are no digits grouped by blanks; a count takes no separators
        "208 01 09 301 100.00", "2080109 301 150.00", "计数 人数 1 000 人",
        // 年 in a tag's value; ':' in a filter or after a keyword that starts no statement
        "208 01 09 30101: 1.00 批次=2024年", "核对 合计(资金: 事业收入) = 1.00", "核对 支出合计 = 1.00 当 金额: 1.00",
        // 容差 takes no percentage: no hint to write one
        "核对 支出合计 = 1.00 容差 1 %"}) {
    const auto r = compile("金额单位 万元\n208 01 09 30102: 1.00\n" + line + "\n");
    ASSERT_FALSE(with_code(r, "E0101").empty()) << line << dump(r);
    EXPECT_EQ(notes_of(line), std::vector<std::string>{}) << line;
  }
}
