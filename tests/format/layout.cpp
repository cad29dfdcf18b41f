// The canonical layout of yusuan fmt (format_budget): one statement per
// line, indentation, aligned amounts, comments, blank lines, line endings,
// tokens kept as written, keyword spellings, and what it refuses.
#include "support/test_support.hpp"

#include <yusuan/format.hpp>
#include <yusuan/format/meaning.hpp>

using namespace yusuan_test;

namespace {

/// The text formatted; fails the test when it does not format, or when
/// formatting it again changes it.
std::string fmt(std::string_view text, yusuan::format_options o = {}) {
  yusuan::diagnostics diags;
  auto out = yusuan::format_budget(text, "t.budget", diags, o);
  if (!out) {
    ADD_FAILURE() << "did not format:\n" << dump(diags);
    return {};
  }
  auto again = yusuan::format_budget(*out, "t.budget", diags, o);
  EXPECT_TRUE(again && *again == *out) << "not idempotent:\n" << *out << "\n---\n" << (again ? *again : "");
  return *out;
}

/// What the text compiles to (no catalog, imports from nowhere).
std::string meaning(std::string_view text) {
  yusuan::diagnostics diags;
  auto b = yusuan::compile_string(text, "t.budget", diags, no_catalog());
  return yusuan::meaning_of(b, diags);
}

}  // namespace

TEST(fmt_layout, one_statement_per_line) {
  EXPECT_EQ(fmt("年度 2024; 金额单位 万元\n数值 a 1.00；计数 b 2 家\n"),
            "年度 2024;\n金额单位 万元\n数值 a 1.00；\n计数 b 2 家\n");
  // a block's brace and the statements inside it
  EXPECT_EQ(fmt("208 01 09 { 30101: 1.00 } 30102: 2.00\n"),
            "208 01 09 {\n  30101: 1.00\n}\n30102: 2.00\n");
}

TEST(fmt_layout, blocks_are_indented_two_spaces_a_level) {
  const std::string in =
      "基本支出 {\n"
      "人员经费 {\n"
      "        208 01 09 {\n"
      "30101: 1.00\n"
      "\t}\n"
      "}\n"
      "    }\n";
  EXPECT_EQ(fmt(in),
            "基本支出 {\n"
            "  人员经费 {\n"
            "    208 01 09 {\n"
            "      30101: 1.00\n"
            "    }\n"
            "  }\n"
            "}\n");
  yusuan::format_options four;
  four.indent = 4;
  EXPECT_EQ(fmt("208 {\n30101: 1.00\n}\n", four), "208 {\n    30101: 1.00\n}\n");
}

TEST(fmt_layout, amounts_of_consecutive_items_are_right_aligned) {
  // CJK characters take two columns: the colons need not line up, the amounts do
  EXPECT_EQ(fmt("208 01 09 {\n30101 基本工资: 1.00\n30102:100.00 人员经费\n30103 :  12.50\n}\n"),
            "208 01 09 {\n"
            "  30101 基本工资:   1.00\n"
            "  30102:          100.00 人员经费\n"
            "  30103:           12.50\n"
            "}\n");
  // a blank line, a comment or another statement ends a run
  EXPECT_EQ(fmt("30101: 1.00\n30102: 100.00\n\n30103 基本工资: 2.00\n# c\n30104: 3.00\n"),
            "30101:   1.00\n30102: 100.00\n\n30103 基本工资: 2.00\n# c\n30104: 3.00\n");
  // at the decimal point, and the coordinates after the amounts with them
  EXPECT_EQ(fmt("收入 一般公共预算 467.500037 其中 财政拨款 467.500037\n收入 事业收入 30.5 其中 财政拨款 1\n"),
            "收入 一般公共预算 467.500037 其中 财政拨款 467.500037\n"
            "收入 事业收入      30.5      其中 财政拨款 1\n");
  // 上年, 数值 and 计数 align among their own kind
  EXPECT_EQ(fmt("上年 三公经费 10.00\n上年 一般性支出 200.00\n数值 a 1.00\n"),
            "上年 三公经费    10.00\n上年 一般性支出 200.00\n数值 a 1.00\n");
}

TEST(fmt_layout, blanks_between_tokens_are_one_space_and_glued_tokens_stay_glued) {
  EXPECT_EQ(fmt("核对   合计(经济=30101)=1.00    容差  0.01\n"), "核对 合计(经济=30101)=1.00 容差 0.01\n");
  EXPECT_EQ(fmt("金额单位 元\n208 01 09 30101:   9,101.68万元\n"), "金额单位 元\n208 01 09 30101: 9,101.68万元\n");
  // strings keep their blanks; U+3000 between tokens is a blank like any other
  EXPECT_EQ(fmt("标题　\"甲  乙\"\n"), "标题 \"甲  乙\"\n");
  // one space joins the groups of a code (208 01 is 20801); a tab between
  // whole codes becomes a space (between the groups of one, 208<TAB>01, it
  // is a syntax error)
  EXPECT_EQ(fmt("208 01\t30101: 1.00\n"), "208 01 30101: 1.00\n");
  EXPECT_EQ(meaning(fmt("208 01\t30101: 1.00\n")), meaning("208 01\t30101: 1.00\n"));
  EXPECT_EQ(fmt("208 01   30101: 1.00\n"), "208 01 30101: 1.00\n");
}

TEST(fmt_layout, comments_stay_where_they_are) {
  EXPECT_EQ(fmt("# 标题\n年度 2024    # 行尾\n208 {\n# 块内\n  30101: 1.00 // 行尾   \n    # 块尾\n}\n"),
            "# 标题\n年度 2024 # 行尾\n208 {\n  # 块内\n  30101: 1.00 // 行尾\n  # 块尾\n}\n");
}

TEST(fmt_layout, blank_lines_are_one_at_most_and_none_at_the_ends) {
  EXPECT_EQ(fmt("\n\n年度 2024\n\n\n\n金额单位 万元\n208 {\n\n30101: 1.00\n\n}\n\n\n"),
            "年度 2024\n\n金额单位 万元\n208 {\n  30101: 1.00\n}\n");
}

TEST(fmt_layout, statements_over_several_lines_keep_their_line_breaks) {
  // continuation lines one level deeper; a closing bracket back at the statement's level
  EXPECT_EQ(fmt("核对 合计(\n经济 = 30101\n      ) = 1.00\n"), "核对 合计(\n  经济 = 30101\n) = 1.00\n");
  // the body of a statement that opens a block is one level in, its continuation lines two
  EXPECT_EQ(fmt("项目 \"甲\" 类型 其他运转类\n功能 208 01 09 {\n30201: 1.00\n}\n"),
            "项目 \"甲\" 类型 其他运转类\n    功能 208 01 09 {\n  30201: 1.00\n}\n");
  // a grouped constraint's rows
  EXPECT_EQ(fmt("核对 合计 按 功能.类 {\n208: 1.00\n  }\n"), "核对 合计 按 功能.类 {\n  208: 1.00\n}\n");
  // an item's trailing coordinates stay on its amount's line
  const std::string item = "208 01 09 30101: 1.00 人员经费\n资金 事业收入 30102: 2.00\n";
  EXPECT_EQ(meaning(fmt(item)), meaning(item));
}

TEST(fmt_layout, line_endings_become_line_feeds_and_a_byte_order_mark_stays) {
  EXPECT_EQ(fmt("年度 2024\r\n金额单位 万元\r\n"), "年度 2024\n金额单位 万元\n");
  EXPECT_EQ(fmt("年度 2024 # a\r金额单位 万元"), "年度 2024 # a\n金额单位 万元\n");
  EXPECT_EQ(fmt("\xEF\xBB\xBF年度 2024\n"), "\xEF\xBB\xBF年度 2024\n");
  EXPECT_EQ(fmt(""), "");
  EXPECT_EQ(fmt("  \n\n# only a comment  \n"), "# only a comment\n");
}

TEST(fmt_layout, tests_of_rules_are_laid_out_with_their_blocks) {
  EXPECT_EQ(fmt("年度 2024\n测试 \"甲\" {\n规则   \"r.budget\"\n  上年 三公经费 10.00\n208 01 09 30217: 12.00\n"
                "   应   报错 E0501 \"x\"\n}\n"),
            "年度 2024\n测试 \"甲\" {\n  规则 \"r.budget\"\n  上年 三公经费 10.00\n  208 01 09 30217: 12.00\n"
            "  应 报错 E0501 \"x\"\n}\n");
}

TEST(fmt_layout, keywords_keep_their_spelling_or_take_the_one_asked_for) {
  const std::string zh = "年度 2024\n核对 计数(经济 不属于 (30101) 且 类型 = 基本支出) = 0 警告\n";
  const std::string en = "year 2024\nexpect count(经济 not in (30101) and 类型 = 基本支出) = 0 warning\n";
  EXPECT_EQ(fmt(zh), zh);
  EXPECT_EQ(fmt(en), en);
  yusuan::format_options to_en, to_zh;
  to_en.spelling = yusuan::keyword_spelling_choice::english;
  to_zh.spelling = yusuan::keyword_spelling_choice::chinese;
  EXPECT_EQ(fmt(zh, to_en), en);
  EXPECT_EQ(fmt(en, to_zh), zh);
  EXPECT_EQ(yusuan::keywords_in_chinese(meaning(en)), yusuan::keywords_in_chinese(meaning(zh)));
  // 合计 is both the total of a block and a sum; 其中 both of-which and where
  EXPECT_EQ(fmt("收入 一般公共预算 1.00 其中 财政拨款 1.00\n208 合计 1.00 {\n30101: 1.00\n}\n核对 合计 其中 经济 = 301 = 1.00\n",
                to_en),
            "income 一般公共预算 1.00 of-which 财政拨款 1.00\n208 total 1.00 {\n  30101: 1.00\n}\n"
            "expect sum where 经济 = 301 = 1.00\n");
  // an English keyword respelled after a token it was glued to gets a blank (found by fuzz_fmt)
  const std::string glued = "收入 一般公共预算 100.00其中 财政拨款 100.00\n";
  EXPECT_EQ(fmt(glued, to_en), "income 一般公共预算 100.00 of-which 财政拨款 100.00\n");
  EXPECT_EQ(yusuan::keywords_in_chinese(meaning(fmt(glued, to_en))), yusuan::keywords_in_chinese(meaning(glued)));
  // the words of tests
  EXPECT_EQ(fmt("测试 \"甲\" {\n规则 \"r.budget\"\n应 通过\n}\n", to_en),
            "test \"甲\" {\n  rules \"r.budget\"\n  should pass\n}\n");
}

TEST(fmt_layout, a_file_that_does_not_parse_is_not_formatted) {
  yusuan::diagnostics diags;
  EXPECT_FALSE(yusuan::format_budget("年度 2024\n收入 一般公共预算 abc\n", "t.budget", diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "E0101");
  EXPECT_EQ(where(diags[0]), "2:11");
  EXPECT_EQ(diags[0].found, "'abc'");
  try {
    (void)yusuan::format_budget("核对 ((1) = 1\n");
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::budget_error& e) {
    EXPECT_EQ(e.code(), yusuan::errc::syntax_error);
  }
  yusuan::diagnostics bad;
  EXPECT_FALSE(yusuan::format_budget("标题 \"\xB2\xE2\"\n", "t.budget", bad));
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].code, "E0002");
  // a separator before any statement is a syntax error, as it is to the compiler (found by fuzz_fmt)
  yusuan::diagnostics leading;
  EXPECT_FALSE(yusuan::format_budget("；金额单位 元\n", "t.budget", leading));
  ASSERT_EQ(leading.size(), 1u);
  EXPECT_EQ(leading[0].code, "E0101");
  yusuan::diagnostics unclosed;
  EXPECT_FALSE(yusuan::format_budget("测试 \"甲\" {\n应 通过\n", "t.budget", unclosed));
  EXPECT_EQ(unclosed[0].code, "E0101");
  EXPECT_EQ(where(unclosed[0]), "1:1");  // located, as yusuan test locates it
  // a malformed 应 line and a test without one: each where it is, in the file's order
  yusuan::diagnostics malformed;
  EXPECT_FALSE(yusuan::format_budget("测试 \"甲\" {\n  应 报错 X9999\n}\n测试 \"乙\" {\n}\n", "t.budget", malformed));
  ASSERT_EQ(malformed.error_count(), 2u) << dump(malformed);
  EXPECT_EQ(where(malformed[0]), "2:3");
  EXPECT_EQ(where(malformed[1]), "4:1");
  EXPECT_EQ(file_of(malformed[0]), "t.budget");
}

TEST(fmt_layout, a_file_whose_indentation_places_a_missing_close_is_not_formatted) {
  // re-indenting by its braces would move the lines after the missing '}'
  // into the block and lose where it is missing: E0103 as the compiler says it
  const std::string text = "基本支出 {\n  208 01 09 {\n    30101: 1.00\n  208 01 10 {\n    30101: 2.00\n  }\n}\n";
  yusuan::diagnostics diags;
  EXPECT_FALSE(yusuan::format_budget(text, "t.budget", diags));
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].code, "E0103");
  EXPECT_EQ(where(diags[0]), "2:3");
  ASSERT_EQ(diags[0].notes.size(), 1u);
  EXPECT_EQ(where(diags[0].notes[0].span), "4:3");
  // the compiler reports the same
  yusuan::diagnostics compiled;
  EXPECT_FALSE(yusuan::compile_string(text, "t.budget", compiled, no_catalog()));
  ASSERT_EQ(compiled.error_count(), 1u) << dump(compiled);
  EXPECT_EQ(compiled[0].message, diags[0].message);
  EXPECT_EQ(compiled[0].notes[0].message, diags[0].notes[0].message);
  // braces that do not balance with nothing to place them by are formatted as before
  EXPECT_EQ(fmt("基本支出 {\n208 01 09 30101: 1.00\n"), "基本支出 {\n  208 01 09 30101: 1.00\n");
}

// --- found in review ------------------------------------------------------------------------------

TEST(fmt_layout, a_name_spelled_like_a_keyword_stays_a_name_when_respelled) {
  yusuan::format_options to_en, to_zh;
  to_en.spelling = yusuan::keyword_spelling_choice::english;
  to_zh.spelling = yusuan::keyword_spelling_choice::chinese;
  // 上年 / prior not followed by '(' is the name of a figure
  EXPECT_EQ(fmt("amounts 万元\nfigure prior 1.00\nexpect prior = 1.00\n", to_zh),
            "金额单位 万元\n数值 prior 1.00\n核对 prior = 1.00\n");
  EXPECT_EQ(fmt("金额单位 万元\n数值 \"上年\" 1.00\n数值 prior 1.00\n核对 上年 = 1.00\n", to_en),
            "amounts 万元\nfigure \"上年\" 1.00\nfigure prior  1.00\nexpect 上年 = 1.00\n");
}

TEST(fmt_layout, not_and_in_respelled) {
  yusuan::format_options to_en, to_zh;
  to_en.spelling = yusuan::keyword_spelling_choice::english;
  to_zh.spelling = yusuan::keyword_spelling_choice::chinese;
  const std::string head = "金额单位 万元\n208 01 09 30101: 1.00\n";
  // not … in with a dimension between: 非 … 属于
  const std::string apart = head + "expect sum where not fund in (事业收入) = 1.00\n";
  EXPECT_EQ(fmt(apart, to_zh), head + "核对 合计 其中 非 fund 属于 (事业收入) = 1.00\n");
  EXPECT_EQ(yusuan::keywords_in_chinese(meaning(fmt(apart, to_zh))), yusuan::keywords_in_chinese(meaning(apart)));
  // glued to its parenthesis
  const std::string glued = head + "核对 合计(经济 not in(30102)) = 1.00\n";
  EXPECT_EQ(fmt(glued, to_zh), head + "核对 合计(经济 不属于(30102)) = 1.00\n");
  // 非 属于 is 不属于
  const std::string two = head + "核对 合计(经济 非 属于 (30102)) = 1.00\n";
  EXPECT_EQ(fmt(two, to_en), "amounts 万元\n208 01 09 30101: 1.00\nexpect sum(经济 not in (30102)) = 1.00\n");
  EXPECT_EQ(yusuan::keywords_in_chinese(meaning(fmt(two, to_en))), yusuan::keywords_in_chinese(meaning(two)));
  // `in` alone on its line leaves no line of blanks
  EXPECT_EQ(fmt(head + "核对 合计(经济 not\nin\n(30102)) = 1.00\n", to_zh), head + "核对 合计(经济 不属于\n  (30102)) = 1.00\n");
}

TEST(fmt_layout, a_keyword_glued_to_an_amount_respelled_stays_aligned) {
  yusuan::format_options to_en;
  to_en.spelling = yusuan::keyword_spelling_choice::english;
  EXPECT_EQ(fmt("金额单位 万元\n208 01 09 {\n30101: 1.00资金 事业收入\n30102: 2.00 人员经费 资金 事业收入\n}\n", to_en),
            "amounts 万元\n208 01 09 {\n  30101: 1.00 fund 事业收入\n  30102: 2.00 人员经费 fund 事业收入\n}\n");
}

TEST(fmt_layout, a_blank_of_any_kind_at_the_end_of_an_item_line_ends_the_item) {
  // U+3000, a form feed or a byte order mark after the amount is a blank: the
  // kind on the next line begins the next item (§6.2), before and after formatting
  for (std::string blank : {"\xE3\x80\x80", "\f", "\v", "\xEF\xBB\xBF"}) {
    const std::string text = "金额单位 万元\n208 01 09 30101: 1.00" + blank + "\n人员经费 208 01 09 30102: 2.00\n";
    const auto r = compile(text);
    ASSERT_TRUE(r.ok()) << dump(r);
    ASSERT_EQ(r.value->items().size(), 2u);
    EXPECT_EQ(r.value->items()[0].kind, yusuan::spending_kind::unspecified);
    EXPECT_EQ(r.value->items()[1].kind, yusuan::spending_kind::personnel);
    EXPECT_EQ(meaning(fmt(text)), meaning(text));
  }
}

TEST(fmt_layout, a_budget_with_the_word_test_in_it_is_not_a_file_of_tests) {
  const std::string text = "amounts 万元\n208 01 09 30101: 1.00\nfigure test 1.00\nexpect sum =\n  test\n";
  EXPECT_EQ(fmt(text), "amounts 万元\n208 01 09 30101: 1.00\nfigure test 1.00\nexpect sum =\n  test\n");
}

TEST(fmt_layout, a_library_path_holds_no_blank) {
  yusuan::diagnostics diags;
  EXPECT_FALSE(yusuan::format_budget("导入 <std/measures.budget\xE3\x80\x80>\n", "t.budget", diags));
  EXPECT_EQ(diags[0].code, "E0101");
}

