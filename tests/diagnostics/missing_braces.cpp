// A '}' left out: where it is most likely missing, read from the indentation
// (syntax/missing_braces.hpp), reported once (E0103) at the block it leaves
// open, and the lines after it read where they belong instead of a cascade of
// misnesting errors.
#include "support/test_support.hpp"

#include <yusuan/format.hpp>
#include <yusuan/syntax/missing_braces.hpp>

#include <string>
#include <string_view>
#include <vector>

using namespace yusuan_test;

namespace {

/// The guessed places as "line:opener-line" pairs, 1-based.
std::string guesses(std::string_view text) {
  const auto line_of = [&](const char* p) {
    return 1 + std::count(text.data(), p, '\n');
  };
  std::string s;
  for (const auto& m : yusuan::syntax::find_missing_braces(text))
    s += (s.empty() ? "" : " ") + std::string(m.extra ? "extra " : "") + std::to_string(line_of(m.before)) + ":" +
         std::to_string(line_of(m.opener));
  return s;
}

/// The reference budget without its line `n` (1-based).
std::string reference_without_line(std::size_t n, std::string_view expected_line) {
  const auto lines = lines_of(read_all(reference_path));
  EXPECT_GT(lines.size(), n);
  EXPECT_EQ(lines[n - 1], expected_line);
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (i != n - 1) text += lines[i] + "\n";
  return text;
}

std::string one_code(const yusuan::diagnostics& d) { return d.size() == 1 ? d[0].code : dump(d); }

compiled compile_reference_text(const std::string& text) {
  compile_options o = with_catalog();
  o.root = "budgets";
  return compile(text, o, reference_path);
}

}  // namespace

// --- The guess ------------------------------------------------------------------------------------

TEST(missing_braces, none_when_the_braces_balance) {
  EXPECT_EQ(guesses("基本支出 {\n  208 01 09 {\n    30101: 1.00\n  }\n}\n"), "");
  // loosely indented, but balanced: no guess
  EXPECT_EQ(guesses("基本支出 {\n  人员经费 {\n    30101: 1.00\n  30102: 1.00\n  }\n}\n"), "");
}

TEST(missing_braces, a_line_indented_like_the_opening_line) {
  EXPECT_EQ(guesses("基本支出 {\n  208 01 09 {\n    30101: 1.00\n  208 01 10 {\n    30101: 1.00\n  }\n}\n"), "4:2");
}

TEST(missing_braces, a_close_indented_less_than_the_opening_line) {
  // the inner block's '}' is missing: the outer '}' at column 1 closes the outer block
  EXPECT_EQ(guesses("基本支出 {\n  208 01 09 {\n    30101: 1.00\n}\n"), "4:2");
}

TEST(missing_braces, two_missing_before_one_line) {
  EXPECT_EQ(guesses("基本支出 {\n  208 01 09 {\n    30101: 1.00\n项目 \"甲\" {\n}\n"), "4:2 4:1");
}

TEST(missing_braces, none_when_the_indentation_does_not_account_for_the_file) {
  // a block whose lines are not indented deeper than it tells nothing
  EXPECT_EQ(guesses("基本支出 {\n208 01 09 {\n30101: 1.00\n}\n"), "");
  // the last '}' of the file is missing: no line after it to place it before
  EXPECT_EQ(guesses("基本支出 {\n  208 01 09 {\n    30101: 1.00\n  }\n"), "");
  // two blocks left open, one place found: the guess does not account for the file
  EXPECT_EQ(guesses("基本支出 {\n  208 01 09 {\n    30101: 1.00\n  208 01 10 {\n    30101: 1.00\n"), "");
}

TEST(missing_braces, braces_in_strings_and_comments_do_not_count) {
  EXPECT_EQ(guesses("项目 \"甲{\" {\n  # }\n  绩效 {\n    产出 a 1\n  项目 \"乙}\"\n  // }\n}\n"), "5:3");
  EXPECT_EQ(guesses("项目 \"甲\" {\n  208 01 09 30101: 1.00\n}\n# {\n"), "");
}

TEST(missing_braces, full_width_braces) {
  EXPECT_EQ(guesses("基本支出 ｛\n  208 01 09 ｛\n    30101: 1.00\n  208 01 10 ｛\n    30101: 1.00\n  ｝\n｝\n"), "4:2");
}

TEST(missing_braces, tabs_and_spaces_are_compared_as_written) {
  // a tab is not taken for any number of spaces: indentation that is neither
  // a prefix of the other (line 4 against line 2) leaves the file without a guess
  EXPECT_EQ(guesses("基本支出 {\n\t208 01 09 {\n\t\t30101: 1.00\n  208 01 10 {\n\t\t30101: 1.00\n\t}\n}\n"), "");
  EXPECT_EQ(guesses("基本支出 {\n\t208 01 09 {\n\t\t30101: 1.00\n\t208 01 10 {\n\t\t30101: 1.00\n\t}\n}\n"), "4:2");
}

TEST(missing_braces, a_close_indented_deeper_than_the_block_it_would_close_is_one_too_many) {
  // the second '}' of line 5 would close the block of line 1
  EXPECT_EQ(guesses("基本支出 {\n  人员经费 {\n    30101: 1.00\n    30102: 1.00\n  }}\n  公用经费 {\n    30201: 1.00\n  }\n}\n"),
            "extra 5:1");
  // a '{' left out: the '}' of 人员经费 would close 基本支出
  EXPECT_EQ(guesses("基本支出 {\n  人员经费\n    30101: 1.00\n  }\n  公用经费 {\n    30201: 1.00\n  }\n}\n"),
            "extra 4:1");
  // a '}' at the end of a block's last line, the file otherwise balanced: no guess
  EXPECT_EQ(guesses("基本支出 {\n  208 01 09 {\n    30101: 1.00 }\n}\n}\n"), "");
}

// --- What the compiler reports --------------------------------------------------------------------

TEST(missing_braces, reference_budget_without_a_blocks_close_has_one_error) {
  // once 8 errors: 4 × E0201 and 3 × E0205 for the lines read inside the
  // block of 208 01 09, then E0103 at the outermost block, line 30
  auto r = compile_reference_text(reference_without_line(42, "    }"));
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  const auto& d = one(r, "E0103");
  EXPECT_EQ(d.message, "unclosed '{'");
  EXPECT_EQ(d.label, "this block is not closed");
  EXPECT_EQ(where(d), "32:5");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message,
            "its '}' is most likely missing before line 42, which is indented no deeper than the line that opens "
            "the block");
  EXPECT_EQ(where(d.notes[0].span), "42:5");
}

TEST(missing_braces, reference_budget_without_a_projects_close_has_one_error) {
  auto r = compile_reference_text(reference_without_line(85, "}"));
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  const auto& d = one(r, "E0103");
  EXPECT_EQ(where(d), "72:1");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(where(d.notes[0].span), "86:1");  // the next 项目, on line 87 of the file, is line 86 now
}

TEST(missing_braces, the_lines_after_the_place_are_read_in_the_outer_block) {
  // the items after the guessed '}' are under 208 01 (the outer block), not
  // 208 01 09: 208 01 10 is no misnesting error
  auto r = compile(
      "金额单位 万元\n"
      "基本支出 {\n"
      "  208 01 09 {\n"
      "    30101: 1.00\n"
      "  208 01 10 {\n"
      "    30101: 2.00\n"
      "  }\n"
      "}\n");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  const auto& d = one(r, "E0103");
  EXPECT_EQ(where(d), "3:3");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(where(d.notes[0].span), "5:3");
}

TEST(missing_braces, a_close_one_too_many_is_reported_once_and_not_read) {
  auto r = compile(
      "金额单位 万元\n"
      "基本支出 {\n"
      "  人员经费 {\n"
      "    30101: 1.00\n"
      "  }}\n"
      "  公用经费 {\n"
      "    30201: 2.00\n"
      "  }\n"
      "}\n"
      "核对 支出合计 = 3.00\n");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  const auto& d = one(r, "E0103");
  EXPECT_EQ(d.message, "unexpected '}'");
  EXPECT_EQ(where(d), "5:4");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(where(d.notes[0].span), "2:1");
  // and fmt refuses the file, as it refuses one that lost a '}'
  yusuan::diagnostics diags;
  EXPECT_FALSE(yusuan::format_budget("基本支出 {\n  人员经费 {\n    30101: 1.00\n  }}\n}\n", "t.budget", diags));
  EXPECT_EQ(one_code(diags), "E0103");
}

TEST(missing_braces, without_a_guess_the_outermost_block_is_reported) {
  auto r = compile("金额单位 万元\n基本支出 {\n208 01 09 {\n30101: 1.00\n}\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0103");
  EXPECT_EQ(d.label, "this block is never closed");
  EXPECT_EQ(where(d), "2:1");
  EXPECT_TRUE(d.notes.empty());
}

TEST(missing_braces, in_an_unread_block) {
  // a block opened by a line with a syntax error is closed at the guessed
  // place too: the project after it is read
  auto r = compile(
      "金额单位 万元\n"
      "项目 \"甲\" 类型 其他运转类 功能 208 01 09 金额 abc {\n"
      "  30201: 1.00\n"
      "项目 \"乙\" 类型 其他运转类 功能 208 01 09 {\n"
      "  30201: 2.00\n"
      "}\n");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(with_code(r, "E0101").size(), 1u) << dump(r);
  const auto& d = one(r, "E0103");
  EXPECT_EQ(where(d), "2:1");
  EXPECT_EQ(r.diagnostics.error_count(), 2u) << dump(r);
}

TEST(missing_braces, no_guess_past_the_depth_limit) {
  const std::string text = "基本支出 {\n  208 01 09 {\n    人员经费 {\n      30101: 1.00\n  208 01 10 {\n  }\n}\n";
  EXPECT_EQ(yusuan::syntax::find_missing_braces(text).size(), 2u);
  EXPECT_TRUE(yusuan::syntax::find_missing_braces(text, 2).empty());
}
