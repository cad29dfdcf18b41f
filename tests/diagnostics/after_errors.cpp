// What is reported after an error that left part of the input out: the checks
// that need the whole budget (stated totals, project and group amounts,
// income against expenditure, constraints) are not run, and one note says how
// many were not; a string not closed on its line, and a block opened by a line
// with a syntax error.
#include "support/test_support.hpp"

#include <yusuan/syntax/recovery.hpp>

#include <regex>
#include <string>
#include <tuple>

using namespace yusuan_test;

namespace {

/// The note-level diagnostics (the count of checks not run).
std::vector<const diagnostic*> notes_of(const compiled& r) {
  std::vector<const diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.level == severity::note) out.push_back(&d);
  return out;
}

/// The codes of the errors, in order, joined by blanks.
std::string error_codes(const compiled& r) {
  std::string s;
  for (const auto& d : r.diagnostics)
    if (d.level == severity::error) s += (s.empty() ? "" : " ") + d.code;
  return s;
}

/// How many checks the note says were not run; 0 without the note.
std::size_t not_run(const compiled& r) {
  const auto ns = notes_of(r);
  if (ns.size() != 1) return 0;
  std::smatch m;
  const std::string& msg = ns[0]->message;
  if (!std::regex_match(msg, m, std::regex(R"((\d+) checks? (was|were) not run because of the errors above)")))
    return 0;
  return std::stoul(m[1]);
}

/// The reference budget compiled with `from` replaced by `to` on its line `n`
/// (1-based); the test fails when the line does not hold `from`.
compiled reference_edited(std::size_t n, const std::string& from, const std::string& to) {
  const auto lines = lines_of(read_all(reference_path));
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (i + 1 == n) {
      const auto at = line.find(from);
      EXPECT_NE(at, std::string::npos) << "line " << n << ": " << line;
      if (at != std::string::npos) line.replace(at, from.size(), to);
    }
    text += line + "\n";
  }
  EXPECT_GE(lines.size(), n);
  compile_options o = with_catalog();
  o.root = "budgets";
  return compile(text, o, reference_path);
}

}  // namespace

// --- Checks of the whole budget after an error ----------------------------------------------------

TEST(diag_after_errors, reference_budget_with_one_colon_missing_has_one_error) {
  // once 29 errors: the E0101, then E0404 and 27 E0501 computed without the
  // item the E0101 left out
  auto r = reference_edited(40, "工资奖金津补贴:", "工资奖金津补贴");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(error_codes(r), "E0101") << dump(r);
  EXPECT_EQ(where(one(r, "E0101")), "40:44");
  EXPECT_GE(not_run(r), 94u) << dump(r);  // its 93 constraints and income against expenditure, at least
  EXPECT_EQ(r.diagnostics.error_count(), 1u);
}

TEST(diag_after_errors, a_missing_brace_gives_no_constraint_failure) {
  // the items do sum to 21.00: E0501 came from items read into the wrong blocks
  auto r = compile("金额单位 万元\n"
                   "208 01 09 基本支出 {\n"
                   "  人员经费 {\n"
                   "    30101 基本工资: 10.00\n"
                   "    30102 津贴补贴: 5.00\n"
                   "  公用经费 {\n"
                   "    30201 办公费: 6.00\n"
                   "  }\n"
                   "}\n"
                   "208 05 01 项目支出 {\n"
                   "  30201 办公费: 0.00\n"
                   "}\n"
                   "核对 支出合计 = 21.00\n"
                   "核对 合计(类型 = 公用经费) = 6.00\n");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(with_code(r, "E0501").empty()) << dump(r);
  EXPECT_EQ(with_code(r, "E0103").size(), 1u) << dump(r);
  EXPECT_EQ(not_run(r), 2u) << dump(r);
}

TEST(diag_after_errors, a_repeated_income_line_gives_no_balance_error) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 50.00\n收入 一般公共预算 100.00\n208 01 09 30101: 100.00\n");
  EXPECT_EQ(error_codes(r), "E0206") << dump(r);
  EXPECT_EQ(not_run(r), 1u) << dump(r);
}

TEST(diag_after_errors, a_unit_after_a_blank_gives_no_constraint_failure) {
  // `1.00 万元` is the constraint `= 1.00` (in 元) and a statement `万元`
  auto r = compile("金额单位 元\n208 01 09 30101: 10,000.00\n核对 支出合计 = 1.00 万元\n");
  EXPECT_EQ(error_codes(r), "E0101") << dump(r);
  EXPECT_EQ(not_run(r), 1u) << dump(r);
}

TEST(diag_after_errors, a_block_total_is_not_checked_after_an_error_in_the_block) {
  auto r = compile("金额单位 万元\n208 01 09 合计 3.00 {\n  30101: 1.00\n  30102 2.00\n}\n");
  EXPECT_EQ(error_codes(r), "E0101") << dump(r);
  EXPECT_EQ(not_run(r), 1u) << dump(r);
  // an error before the block does not leave out any of its items
  auto before = compile("金额单位 万元\n标题 1\n208 01 09 合计 3.00 {\n  30101: 1.00\n  30102: 1.00\n}\n");
  EXPECT_EQ(error_codes(before), "E0101 E0401") << dump(before);
}

TEST(diag_after_errors, errors_of_checks_leave_the_other_checks_running) {
  // a stated total, a project amount and a constraint that fail leave nothing
  // out: every check still runs and says what it finds
  auto r = compile("金额单位 万元\n收入 一般公共预算 9.00\n"
                   "208 01 09 合计 5.00 {\n  30101: 1.00\n}\n"
                   "项目 \"甲\" 金额 2.00 {\n  208 01 09 30201: 1.00\n}\n"
                   "核对 支出合计 = 3.00\n");
  EXPECT_EQ(error_codes(r), "E0401 E0402 E0404 E0501") << dump(r);
  EXPECT_TRUE(notes_of(r).empty()) << dump(r);
}

TEST(diag_after_errors, the_note_is_printed_once_after_the_errors) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 1.00\n208 01 09 30101 1.00\n核对 支出合计 = 1.00\n");
  ASSERT_EQ(notes_of(r).size(), 1u) << dump(r);
  const diagnostic& n = r.diagnostics.list().back();
  EXPECT_EQ(n.level, severity::note);
  EXPECT_EQ(n.message, "2 checks were not run because of the errors above");
  EXPECT_TRUE(note_has(n, "fix them and check again")) << dump(r);
  EXPECT_EQ(r.diagnostics.error_count(), 1u);
  EXPECT_TRUE(has(dump(r), "note: 2 checks were not run because of the errors above\n")) << dump(r);
}

// --- A string not closed on its line ------------------------------------------------------------

TEST(diag_after_errors, a_string_not_closed_is_reported_at_its_quote) {
  for (const auto& [text, at] : std::vector<std::pair<std::string, std::string>>{
           {"标题 \"2024年预算\n", "1:4"},
           {"标题 “2024年预算\n", "1:4"},
           {"金额单位 万元\n208 01 09 30101: 10.00\n核对 支出合计 = 10.00 \"支出合计不符\n", "3:17"},
           {"项目 \"就业/创业 {\n}\n", "1:4"}}) {
    auto r = compile(text);
    ASSERT_EQ(r.diagnostics.error_count(), 1u) << text << dump(r);
    const auto& d = one(r, "E0101");
    EXPECT_EQ(d.message, "string not closed") << text;
    EXPECT_EQ(d.found, "the end of the line") << text;
    EXPECT_TRUE(has(d.expected, "a closing ") && has(d.expected, " before the end of the line")) << d.expected;
    EXPECT_EQ(where(d), at) << text;
  }
}

TEST(diag_after_errors, a_string_closed_by_the_other_kind_of_quote_says_so) {
  for (const auto& [text, note, at] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"标题 \"2024年预算”\n", "a string opened with '\"' is closed with '\"', not with '”'", "1:12"},
           {"标题 “2024年预算\"\n", "a string opened with '“' is closed with '”', not with '\"'", "1:12"}}) {
    auto r = compile(text);
    const auto& d = one(r, "E0101");
    EXPECT_EQ(d.message, "string not closed") << text;
    ASSERT_EQ(d.notes.size(), 1u) << dump(r);
    EXPECT_EQ(d.notes[0].message, note);
    EXPECT_EQ(where(d.notes[0].span), at) << text;
  }
  // a quotation inside the string (“无”) or two quotes of the other kind: the string lacks its own quote
  for (const char* text : {"表注 预算09表 \"本单位说明：“无”。\n", "标题 “他说\"好\"\n"}) {
    const auto r = compile(text);
    const auto& d = one(r, "E0101");
    ASSERT_EQ(d.notes.size(), 1u) << text;
    EXPECT_TRUE(d.notes[0].message.starts_with("a string is written on one line")) << d.notes[0].message;
  }
}

TEST(diag_after_errors, a_project_whose_name_is_not_closed_keeps_its_block) {
  // once E0101 "expected a name", then E0207 (绩效 outside a project) and
  // E0103 (unexpected '}')
  auto r = compile("金额单位 万元\n"
                   "项目 \"就业服务专项 编码 410300200000000033610 类型 其他运转类 功能 208 01 09 金额 1.00 {\n"
                   "  绩效 {\n    产出 完成率 ≥95%\n  }\n"
                   "  208 01 09 30201: 1.00\n"
                   "}\n"
                   "208 01 09 30101: 2.00\n");
  EXPECT_EQ(error_codes(r), "E0101") << dump(r);
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.message, "string not closed");
  EXPECT_EQ(where(d), "2:4");
}

TEST(diag_after_errors, a_string_not_closed_before_the_brace_of_a_one_line_block_closes_the_block) {
  // the quote not closed is read as text, so that the '}' after it closes
  // the block (each line was also E0103 "unclosed '{'", the next lines read
  // inside the block)
  auto r = compile("金额单位 元\n"
                   "208 01 09 基本支出 { 人员经费 { 30101: 100.00 备注=\"甲 } }\n"
                   "208 01 09 基本支出 { 30201: 50.00 备注=“乙 }\n"
                   "项目 \"丙\" 类型 特定目标类 功能 2080109 { 30227: 60.00 备注=\"丁 }\n"
                   "208 01 09 公用经费 30202: 1.00\n");
  EXPECT_EQ(error_codes(r), "E0101 E0101 E0101") << dump(r);
  for (const auto* d : with_code(r, "E0101")) EXPECT_EQ(d->message, "string not closed") << dump(r);
  // a string closed on its line keeps its '}' (a string's text, not a close)
  auto closed = compile("金额单位 元\n208 01 09 基本支出 { 30101: 1.00 备注=\"甲 }\" }\n");
  EXPECT_EQ(closed.diagnostics.error_count(), 0u) << dump(closed);
}

TEST(diag_after_errors, the_block_of_a_line_that_did_not_parse_is_still_read_for_errors) {
  // its lines are read (a syntax error in them is reported) but not lowered;
  // its '}' closes it, and left open it is unclosed
  auto r = compile("项目 \"甲 {\n  绩效 {\n    产出 完成率 ≥ 95%\n  }\n}\n208 01 09 30101: 2.00\n");
  EXPECT_EQ(error_codes(r), "E0101 E0101") << dump(r);
  ASSERT_EQ(with_code(r, "E0101").size(), 2u);
  EXPECT_EQ(where(*with_code(r, "E0101")[1]), "3:12");
  auto open = compile("208 01 09 合计 abc {\n  30101: 1.00\n");
  EXPECT_EQ(error_codes(open), "E0101 E0103") << dump(open);
  EXPECT_EQ(where(one(open, "E0103")), "1:1");
}

// --- Names a statement that did not parse may have declared -----------------------------------------

TEST(diag_after_errors, a_project_left_out_by_a_syntax_error_is_not_reported_unknown) {
  // the reference budget with a colon after 编码 on a project's line: once
  // E0101 and E0301 for the group that lists the project
  auto r = reference_edited(87, "项目 \"社保公共服务经费\" 编码 ", "项目 \"社保公共服务经费\" 编码: ");
  EXPECT_EQ(error_codes(r), "E0101") << dump(r);
  EXPECT_EQ(where(one(r, "E0101")), "87:17");
}

TEST(diag_after_errors, names_and_codes_left_out_are_not_reported_where_used) {
  // by name in a block, in a group and in a filter; by code in a filter; a unit
  auto r = compile("金额单位 万元\n"
                   "单位 801003 \"甲单位\" 类型: 行政\n"
                   "项目 \"甲\" 编码 12345 类型 其他运转类 功能 208 01 09 金额 abc\n"
                   "208 01 09 项目 \"甲\" {\n  30201: 1.00\n}\n"
                   "208 01 09 30202 项目 12345: 1.00\n"
                   "项目组 \"组\" (\"甲\") 208 01 09 其他运转类 {\n  30201: 1.00\n}\n"
                   "口径 甲的 = 合计(项目 = \"甲\")\n"
                   "口径 甲的2 = 合计(项目 = 12345)\n"
                   "口径 甲单位的 = 合计(单位 = \"甲单位\")\n"
                   "口径 甲单位的2 = 合计(单位 = 801003)\n");
  EXPECT_EQ(error_codes(r), "E0101 E0101") << dump(r);  // the lines of 单位 and 项目
  // a name no statement left out is still unknown
  auto other = compile("金额单位 万元\n"
                       "项目 \"甲\" 编码 12345 类型 其他运转类 功能 208 01 09 金额 abc\n"
                       "项目组 \"组\" (\"乙\") 208 01 09 其他运转类 {\n  30201: 1.00\n}\n");
  EXPECT_EQ(error_codes(other), "E0101 E0301") << dump(other);
}

TEST(diag_after_errors, the_names_a_broken_line_declares) {
  const auto names = [](std::string_view s) {
    std::string out;
    for (const auto& n : yusuan::syntax::names_declared_by(s.data(), s.data() + s.size()))
      out += (out.empty() ? "" : "|") + n;
    return out;
  };
  EXPECT_EQ(names("项目 \"甲\" 编码 12345 类型 x 金额 abc {"), "甲|12345");
  EXPECT_EQ(names("project “甲 乙” code 12345"), "甲 乙|12345");
  EXPECT_EQ(names("项目 \"a\\\"b\" 金额 1..0"), "a\"b");
  EXPECT_EQ(names("单位 801003 \"甲单位\" 类型 行政 abc"), "801003|甲单位");
  EXPECT_EQ(names("单位 801003 类型 abc"), "801003");
  EXPECT_EQ(names("项目 \"甲 编码 12345"), "");  // a string not closed names nothing
  EXPECT_EQ(names("口径 甲 = 合计(项目 = \"乙\""), "");
  EXPECT_EQ(names("项目 甲 # 编码 12345\n编码 678"), "甲");
}
