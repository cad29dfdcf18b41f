// E01xx: syntax errors (E0101), too many of them (E0102), braces (E0103), and
// how the parser recovers after a syntax error.
#include "language/full_budget.hpp"
#include "support/test_support.hpp"

#include <yusuan/syntax/parser.hpp>
#include <yusuan/syntax/template_parser.hpp>

#include <cctype>
#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

/// Whether what a syntax error expected reads as words: no name of the parser
/// library or of a C++ type (X3 calls a part it has no name for by its
/// mangled type, N5boost6spirit2x3…, and attr(…) "attr").
bool readable(const std::string& expected) {
  if (expected.empty()) return false;
  for (const char* w : {"boost", "spirit", "x3", "attr", "eps", "unused", "::"})
    if (expected.find(w) != std::string::npos) return false;
  // a mangled name: a count of letters glued to the letters (6spirit, 13and_predicate)
  for (std::size_t i = 0; i + 2 < expected.size(); ++i)
    if (std::isdigit(static_cast<unsigned char>(expected[i])) && std::isalpha(static_cast<unsigned char>(expected[i + 1])) &&
        std::isalpha(static_cast<unsigned char>(expected[i + 2])))
      return false;
  return true;
}

/// Every prefix of `line` that ends on a character boundary.
std::vector<std::string> prefixes(const std::string& line) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) out.push_back(line.substr(0, i));
  return out;
}

}  // namespace

// --- E0101: syntax errors ------------------------------------------------------------------------

TEST(diag_syntax, E0101_expected_and_found) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 abc\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.level, severity::error);
  EXPECT_EQ(d.message, "syntax error: expected an amount");
  EXPECT_EQ(d.expected, "an amount");
  EXPECT_EQ(d.found, "'abc'");
  EXPECT_EQ(where(d), "2:11");  // columns count characters, not bytes
  EXPECT_EQ(file_of(d), "t.budget");
}

TEST(diag_syntax, E0101_a_misspelt_statement_keyword_gets_the_keywords_it_is_close_to) {
  for (const auto& [line, note] : std::vector<std::pair<std::string, std::string>>{
           {"核队 支出合计 ≤ 5.00", "did you mean '核对'?"},
           {"口経 三公 = 合计(经济 = 30101)", "did you mean '口径'?"},
           {"mesure x = 支出合计", "did you mean 'measure'?"},
           {"expcet 支出合计 ≤ 5.00", "did you mean 'expect'?"}}) {
    auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n" + line + "\n");
    const auto& d = one(r, "E0101");
    EXPECT_EQ(d.expected, "a statement") << line;
    ASSERT_EQ(d.notes.size(), 1u) << dump(r);
    EXPECT_EQ(d.notes[0].message, note) << line;
  }
  // nothing close, a word after the statement's first, a word of one
  // character, a row's key: no note
  for (const char* line : {"随便写写 支出合计 ≤ 5.00", "年度 2024 年", "208 01 09 30103: 1.00 项"}) {
    auto r = compile(std::string("金额单位 万元\n208 01 09 30101: 1.00\n") + line + "\n");
    EXPECT_TRUE(one(r, "E0101").notes.empty()) << dump(r);
  }
  auto row = compile("金额单位 万元\n208 01 09 30101: 1.00 项目类别=综合定额\n核对 合计 按 项目类别 {\n"
                     "  综合定额: 1.00 x\n  核算: 2.00\n}\n");
  for (const auto* d : with_code(row, "E0101")) EXPECT_TRUE(d->notes.empty()) << dump(row);
}

// A grouped constraint whose '{' is left out: one error, at the end of its
// line; its rows and its '}' are passed over (no "unexpected '}'", no row
// read as an item), and what follows is read as usual.
TEST(diag_syntax, E0101_a_block_whose_brace_is_left_out_is_one_error_at_the_end_of_its_line) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n核对 合计 按 经济\n  30101: 1.00\n\n  # a comment\n"
                   "  \"甲\": 2.00\n}\n核对 支出合计 = 9.00\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.expected, "'{' or '｛'");
  EXPECT_EQ(d.found, "the end of the line");
  EXPECT_EQ(where(d), "3:11");
  EXPECT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  // a comment line between the statement and its rows: still at the end of the statement's line;
  // the constraint's options after its '}' are passed over with it
  auto c = compile("金额单位 万元\n208 01 09 30101: 1.00\n核对 合计 按 经济  # 按经济分类\n  # 表8\n  30101: 1.00\n"
                   "} 容差 0.01 警告 \"msg\"\n核对 支出合计 = 1.00\n");
  EXPECT_EQ(where(one(c, "E0101")), "3:11");
  EXPECT_EQ(c.diagnostics.error_count(), 1u) << dump(c);
  // rows not closed by a '}' at the statement's indentation are read as they are
  auto s = compile("金额单位 万元\n核对 合计 按 经济\n  208 01 09 30101: 1.00\n");
  EXPECT_EQ(where(one(s, "E0101")), "2:11");
  EXPECT_EQ(s.diagnostics.error_count(), 1u) << dump(s);
}

TEST(diag_syntax, E0101_a_statement_cut_short_by_the_end_of_the_file_is_shown_at_its_end) {
  // not at the line after it, which an editor may not show
  for (const std::string tail : {"\n", "\n\n  \n", ""}) {
    auto r = compile("208 01 09 30101: 1.00\n核对 支出合计 ≤ " + tail);
    const auto ds = with_code(r, "E0101");
    ASSERT_EQ(ds.size(), 1u) << dump(r);
    EXPECT_EQ(where(*ds[0]), "2:10");
    EXPECT_EQ(ds[0]->found, "the end of the file");
  }
}

TEST(diag_syntax, E0101_missing_colon_before_amount) {
  auto r = compile("208 01 09 30101 40.001\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.expected, "':' and an amount, or '{'");
  EXPECT_EQ(d.found, "'40.001'");
  EXPECT_EQ(where(d), "1:17");
}

TEST(diag_syntax, E0101_missing_colon_before_two_decimal_amount) {
  auto r = compile("208 01 09 30101 5.00\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.found, "'5.00'");
  EXPECT_EQ(where(d), "1:17");
}

TEST(diag_syntax, E0101_missing_colon_does_not_swallow_the_next_item) {
  auto r = compile("208 01 09 30101 40.00\n208 01 09 30102: 1.00\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(where(d), "1:17");
  EXPECT_TRUE(with_code(r, "E0201").empty()) << dump(r);
}

TEST(diag_syntax, E0101_a_block_total_not_followed_by_its_brace) {
  // once read as an empty statement, which then failed as an empty amount
  // at the end of the file and a code '100'
  auto r = compile("金额单位 元\n208 01 09 合计 100 200 {\n30101: 1\n}\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.expected, "'{' or '｛'");
  EXPECT_EQ(d.found, "'200'");
  EXPECT_EQ(where(d), "2:18");
  EXPECT_TRUE(with_code(r, "E0201").empty()) << dump(r);
  EXPECT_TRUE(with_code(r, "E0202").empty()) << dump(r);
}

TEST(diag_syntax, E0101_found_the_end_of_the_file) {
  auto r = compile("标题 ");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.expected, "a quoted string");
  EXPECT_EQ(d.found, "the end of the file");
  EXPECT_EQ(where(d), "1:3");  // right after the statement's last word
}

TEST(diag_syntax, E0101_found_names_the_token_at_the_caret) {
  // once the text up to the next blank: '301.01:', '人员经费:', '：万元', '/创业'
  const auto found = [](const std::string& text) { return one(compile(text), "E0101").found; };
  EXPECT_EQ(found("208 01 09 301.01: 1.00\n"), "'301.01'");
  EXPECT_EQ(found("208 01 09 基本支出 {\n  人员经废: 1.00\n}\n"), "'人员经废'");
  EXPECT_EQ(found("项目 就业/创业 {\n}\n"), "'/'");
  EXPECT_EQ(found("标题 ：万元\n"), "'：'");
  EXPECT_EQ(found("核对 合计(经济 in 30101) = 1.00\n"), "'30101'");
  EXPECT_EQ(found("核对 维修（护）费 x\n"), "'x'");
  EXPECT_EQ(found("项目组 \"g\" \"p\" 208 01 09 { }\n"), "'\"p\"'");  // a string, quotes and all
  EXPECT_EQ(found("核对 支出合计 = 1,234.50%%\n"), "'%'");
  EXPECT_EQ(found("收入 一般公共预算 一二三四五六七八九十一二三四\n"), "'一二三四五六七八九十一二…'");
}

TEST(diag_syntax, E0101_codes_in_full_width_digits) {
  // amounts read full-width digits, codes do not: say so, with the code in ASCII
  auto r = compile("２０８ ０１ ０９ 30101: 1.00\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.found, "'２０８'");
  EXPECT_TRUE(note_has(d, "codes are written in ASCII digits: 208 01 09")) << dump(r);
  auto item = compile("208 01 09 人员经费 ３０１０２: 50.00\n");
  const auto& e = one(item, "E0101");
  EXPECT_EQ(e.found, "'３０１０２'");
  EXPECT_EQ(where(e), "1:16");
  EXPECT_TRUE(note_has(e, "codes are written in ASCII digits: 30102")) << dump(item);
  // a name that starts with full-width digits is not a code
  auto name = compile("２０８号 01 09 30101: 1.00\n");
  EXPECT_EQ(one(name, "E0101").found, "'２０８号'");
  EXPECT_FALSE(note_has(one(name, "E0101"), "ASCII")) << dump(name);
}

TEST(diag_syntax, E0101_a_unit_after_a_blank) {
  auto r = compile("金额单位 元\n208 01 09 30101: 10,000.00\n核对 支出合计 = 1.00 万元\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.found, "'万元'");
  EXPECT_TRUE(note_has(d, "a unit is written right after its amount, without a blank: 1.00万元")) << dump(r);
}

TEST(diag_syntax, E0101_unknown_statement) {
  auto r = compile("金额单位 万元\n  ？？ 什么\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.message, "syntax error: expected a statement");
  EXPECT_EQ(where(d), "2:3");
}

TEST(diag_syntax, E0101_expects_words_not_parser_internals) {
  // a filter's value, a query's and an import's path: what each expects, in words
  const auto expected = [](const std::string& text) { return one(compile(text), "E0101").expected; };
  EXPECT_EQ(expected("核对 合计(经济 =\n"), "a value");
  EXPECT_EQ(expected("核对 合计(经济 =) = 1\n"), "a value");
  const std::string path = "a library path such as <std/measures.budget> or a quoted string";
  for (const char* text : {"导入\n", "导入 sub/x.budget\n", "导入 <>\n", "导入 <std/x\n", "导入 ＜std/x.budget＞\n"})
    EXPECT_EQ(expected(text), path) << text;
  yusuan::diagnostics qd;
  EXPECT_FALSE(yusuan::parse_query("sum where econ =", small_budget(), qd));
  ASSERT_EQ(qd.size(), 1u);
  EXPECT_EQ(qd[0].expected, "a value");
  EXPECT_EQ(qd[0].message, "syntax error: expected a value");
}

TEST(diag_syntax, E0101_every_prefix_of_every_statement_expects_words) {
  // every statement of the repository's budgets and templates, and of queries,
  // cut after each of its characters: whatever the error, it reads as words
  std::size_t errors = 0;
  const auto check = [&](const std::string& text, const yusuan::syntax::syntax_error& err, const char* what) {
    ++errors;
    EXPECT_TRUE(readable(err.expected)) << what << " '" << text << "': expected " << err.expected;
  };
  std::vector<std::string> budgets{full_zh};
  for (const auto& file : files_under("budgets", ".budget")) budgets.push_back(read_all(file));
  for (const auto& text : budgets)
    for (const auto& line : lines_of(text))
      for (const auto& cut : prefixes(line)) {
        yusuan::syntax::statement_slot slot;
        yusuan::syntax::syntax_error err;
        const char* p = cut.data();
        while (true) {
          const auto status = yusuan::syntax::parse_statement(p, cut.data() + cut.size(), slot, err);
          if (status == yusuan::syntax::parse_status::error) check(cut, err, "statement");
          if (status != yusuan::syntax::parse_status::ok) break;
        }
      }
  for (const auto& file : files_under("budgets/std/templates", ".template"))
    for (const auto& line : lines_of(read_all(file)))
      for (const auto& cut : prefixes(line)) {
        yusuan::syntax::ast::template_statement st;
        yusuan::syntax::syntax_error err;
        const char* p = cut.data();
        if (yusuan::syntax::parse_template_statement(p, cut.data() + cut.size(), st, err) ==
            yusuan::syntax::parse_status::error)
          check(cut, err, "template statement");
      }
  for (const std::string query :
       {"sum where econ = 30101 by function.款 pivot kind order by sum desc limit 5 rollup share",
        "合计 其中 (经济 属于 (30101, 30102) 且 非 类型 = 基本支出) 或 金额 >= 1,000.00 按 功能, 经济",
        "count where not kind in (basic, project) and 项目 != \"甲\" order by key asc",
        "max where (econ <= 302 or econ > 30101) by unit"})
    for (const auto& cut : prefixes(query)) {
      yusuan::syntax::ast::query q;
      yusuan::syntax::syntax_error err;
      const char* p = cut.data();
      if (yusuan::syntax::parse_query(p, cut.data() + cut.size(), q, err) == yusuan::syntax::parse_status::error)
        check(cut, err, "query");
    }
  EXPECT_GT(errors, 1000u);  // the sweep met many kinds of errors
}

// --- E0102: too many syntax errors ---------------------------------------------------------------

TEST(diag_syntax, E0102_more_than_max_errors) {
  auto o = no_catalog();
  o.max_errors = 2;
  auto r = compile("收入 一般公共预算 a1\n收入 一般公共预算 b2\n收入 一般公共预算 c3\n收入 一般公共预算 d4\n", o);
  EXPECT_FALSE(r.ok());
  const auto shown = with_code(r, "E0101");
  ASSERT_EQ(shown.size(), 2u) << dump(r);
  EXPECT_EQ(where(*shown[0]), "1:11");
  EXPECT_EQ(where(*shown[1]), "2:11");
  EXPECT_TRUE(shown[0]->notes.empty());
  EXPECT_TRUE(note_has(*shown[1], "stopping error reports here (limit 2)"));
  const auto& d = one(r, "E0102");
  EXPECT_EQ(d.message, "2 more errors not shown");
  EXPECT_EQ(where(d), "0:0");  // a summary, not a place
  EXPECT_EQ(d.level, yusuan::severity::error);  // the suppressed errors still fail the budget
  EXPECT_EQ(r.diagnostics.error_count(), 3u);
}

TEST(diag_syntax, E0102_exactly_max_errors_has_no_summary) {
  auto o = no_catalog();
  o.max_errors = 2;
  auto r = compile("收入 一般公共预算 a1\n收入 一般公共预算 b2\n", o);
  EXPECT_EQ(with_code(r, "E0101").size(), 2u);
  EXPECT_TRUE(with_code(r, "E0102").empty()) << dump(r);
}

TEST(diag_syntax, E0102_max_errors_zero_still_fails) {
  auto o = no_catalog();
  o.max_errors = 0;
  auto r = compile("收入 一般公共预算 abc\n", o);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.diagnostics.has_errors());
}

TEST(diag_syntax, E0102_max_errors_zero_keeps_every_error) {
  // 0 is no limit (as -fmax-errors=0): 150 errors, past the default 100, all
  // kept, with no E0102 and no note of a limit
  auto o = no_catalog();
  o.max_errors = 0;
  std::string text;
  for (int i = 0; i < 150; ++i) text += "收入 一般公共预算 a" + std::to_string(i) + "\n";
  auto r = compile(text, o);
  EXPECT_FALSE(r.ok());
  const auto shown = with_code(r, "E0101");
  ASSERT_EQ(shown.size(), 150u) << dump(r);
  EXPECT_TRUE(with_code(r, "E0102").empty());
  for (const auto* d : shown) EXPECT_TRUE(d->notes.empty()) << where(*d);
  EXPECT_EQ(r.diagnostics.error_count(), 150u);
}

TEST(diag_syntax, E0101_a_parenthesis_not_closed_is_pointed_at) {
  // the error is where the ')' was expected, often the next line; the note
  // names the '(' it would close (the innermost one left open)
  auto r = compile("金额单位 万元\n"
                   "口径 三公经费 = 合计(经济 属于 (30212, 30217, 30231, 31013)\n"
                   "核对 三公经费 = 0.00\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(where(d), "3:1");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "this parenthesis is not closed");
  EXPECT_EQ(where(d.notes[0].span), "2:13");
  // full-width, with a string holding a '(' and a closed pair before it
  auto fw = compile("核对 合计(经济 = 301) + 合计（项目 = \"甲(\" = 1.00\n");
  const auto& f = one(fw, "E0101");
  ASSERT_EQ(f.notes.size(), 1u);
  EXPECT_EQ(where(f.notes[0].span), "1:21");
  // another error: no note
  EXPECT_TRUE(one(compile("收入 一般公共预算 abc\n"), "E0101").notes.empty());
}

// --- E0103: braces -------------------------------------------------------------------------------

TEST(diag_syntax, E0103_unexpected_close) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n  }\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0103");
  EXPECT_EQ(d.message, "unexpected '}': no block is open");
  EXPECT_EQ(where(d), "3:3");
}

TEST(diag_syntax, E0103_unclosed_block) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  30101: 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0103");
  EXPECT_EQ(d.message, "unclosed '{'");
  EXPECT_EQ(d.label, "this block is never closed");
  EXPECT_EQ(where(d), "2:1");
}

TEST(diag_syntax, E0103_unclosed_block_in_an_imported_file) {
  temp_dir t;
  t.write("part.budget", "\n208 01 09 {\n  30101: 1.00\n");
  const auto p = t.write("main.budget", "金额单位 万元\n导入 \"part.budget\"\n}\n");
  auto r = compile_path(p);
  // The block of part.budget is closed at the end of part.budget, so the '}' of main is unexpected.
  const auto& unclosed = with_code(r, "E0103");
  ASSERT_EQ(unclosed.size(), 2u) << dump(r);
  EXPECT_EQ(unclosed[0]->message, "unclosed '{'");
  EXPECT_EQ(file_of(*unclosed[0]), (t.path() / "part.budget").string());
  EXPECT_EQ(where(*unclosed[0]), "2:1");
  EXPECT_EQ(unclosed[1]->message, "unexpected '}': no block is open");
  EXPECT_EQ(where(*unclosed[1]), "3:1");
}

// --- Recovery after syntax errors ----------------------------------------------------------------

TEST(diag_recovery, a_bad_row_of_a_grouped_constraint_keeps_its_block) {
  // the '}' after the rows closes the constraint's block: no "unexpected '}'"
  const std::string head = "金额单位 万元\n208 01 11 30101: 6.00\n208 01 11 30201: 4.00\n";
  auto r = compile(head + "核对 合计 按 经济 {\n  30101: 6.00\n  30201 4.00\n}\n核对 支出合计 = 10.00\n");
  EXPECT_EQ(with_code(r, "E0101").size(), 1u) << dump(r);
  EXPECT_EQ(where(one(r, "E0101")), "6:9");
  EXPECT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  // two bad rows, the second read again from its start: one error each
  auto two = compile(head + "核对 合计 按 经济 {\n  30101, 6.00\n  30201, 4.00\n}\n");
  EXPECT_TRUE(with_code(two, "E0103").empty()) << dump(two);
  // a '}' after the error on its line closes the block there
  auto same_line = compile(head + "核对 合计 按 经济 {\n  30101: 6.00\n  30201 4.00 }\n核对 支出合计 = 10.00\n");
  EXPECT_EQ(same_line.diagnostics.error_count(), 1u) << dump(same_line);
}

TEST(diag_recovery, a_last_row_without_its_colon_is_one_error_at_the_end_of_its_line) {
  // the row `30201` lacks ':' and its amount; the '}' on the next line
  // closes the block (no "unexpected '}'"), and the caret is after the key,
  // not at the '}'
  const std::string head = "金额单位 万元\n208 01 11 30101: 6.00\n208 01 11 30201: 4.00\n";
  auto r = compile(head + "核对 合计 按 经济 {\n  30101: 6.00\n  30201\n}\n核对 支出合计 = 10.00\n");
  EXPECT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  const auto& d = one(r, "E0101");
  EXPECT_EQ(where(d), "6:8");
  EXPECT_EQ(d.expected, "':'");
  EXPECT_EQ(d.found, "the end of the line");
  // full-width '｝' alike
  auto wide = compile(head + "核对 合计 按 经济 {\n  30101: 6.00\n  30201\n\xEF\xBD\x9D\n核对 支出合计 = 10.00\n");
  EXPECT_EQ(wide.diagnostics.error_count(), 1u) << dump(wide);
  EXPECT_TRUE(with_code(wide, "E0103").empty()) << dump(wide);
  // a row whose ':' is missing before the next row: at the end of its line too
  auto mid = compile(head + "核对 合计 按 经济 {\n  30101 6.00\n  30201: 4.00\n}\n");
  EXPECT_EQ(where(one(mid, "E0101")), "5:9");
  auto key_only = compile(head + "核对 合计 按 经济 {\n  30101\n  30201: 4.00\n}\n");
  EXPECT_EQ(where(one(key_only, "E0101")), "5:8");
  EXPECT_EQ(one(key_only, "E0101").found, "the end of the line");
  EXPECT_TRUE(with_code(key_only, "E0103").empty()) << dump(key_only);
}

TEST(diag_syntax, E0101_a_code_whose_groups_are_joined_by_spaces_and_points_both) {
  // `210 27.00` is a key and an amount without the ':' between them, not
  // the code 210 27 00
  auto row = compile("金额单位 万元\n210 27 01 30101: 6.00\n核对 合计 按 功能.类 {\n  210 6.00\n}\n");
  const auto& d = one(row, "E0101");
  EXPECT_EQ(where(d), "4:7");
  EXPECT_EQ(d.expected, "':'");
  EXPECT_EQ(d.found, "'6.00'");
  auto glued = compile("金额单位 万元\n210 27 01 30101: 6.00\n核对 合计 按 功能.款 {\n  210 27.00\n}\n");
  EXPECT_EQ(where(one(glued, "E0101")), "4:7") << dump(glued);
  // an item's code written 208.01 09 or 208 01.09: one error, with the two spellings
  for (const auto& [line, at] : std::vector<std::pair<std::string, std::string>>{{"208.01 09 30101: 1.00", "2:8"},
                                                                                {"208 01.09 30101: 1.00", "2:5"}}) {
    auto r = compile("金额单位 万元\n" + line + "\n");
    ASSERT_EQ(r.diagnostics.error_count(), 1u) << line << dump(r);
    const auto& e = *r.diagnostics.begin();
    EXPECT_EQ(where(e), at) << line;
    ASSERT_FALSE(e.notes.empty()) << line;
    EXPECT_EQ(e.notes.back().message,
              "the groups of a code are joined all by spaces or all by points: 208 01 09 or 208.01.09")
        << line;
  }
  // each alone reads as before
  EXPECT_TRUE(compile("金额单位 万元\n208.01.09 30101: 1.00\n208 01 09 30102: 1.00\n").ok());
}

TEST(diag_recovery, rows_run_on_past_a_missing_close_are_that_close_only) {
  // the rows' '}' is missing: the next statement is read as a row and fails;
  // the indentation places the '}', which is the one error, and the next
  // statement is read as a statement
  auto r = compile("金额单位 万元\n208 01 09 30101: 6.00\n核对 合计 按 经济 {\n  30101: 6.00\n核对 支出合计 = 7.00\n");
  EXPECT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  const auto& d = one(r, "E0103");
  EXPECT_EQ(where(d), "3:1");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(where(d.notes[0].span), "5:1");
}

TEST(diag_recovery, ten_errors_ten_diagnostics) {
  auto r = compile_path("tests/data/dsl/ten_syntax_errors.budget");
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.io_error);
  const auto ds = with_code(r, "E0101");
  ASSERT_EQ(ds.size(), 10u) << dump(r);
  EXPECT_EQ(r.diagnostics.size(), 10u) << dump(r);  // nothing else: the good lines are fine
  const char* const at[] = {"4:11", "6:4", "8:9", "10:6", "12:9", "14:9", "16:7", "18:6", "20:4", "22:13"};
  const char* const found[] = {"'abc'", "'没有引号'", "'?'", "'合计'", "'\"p\"'", "'多少'", "'四'", "'='", "'产出'", "'30101'"};
  for (std::size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(where(*ds[i]), at[i]) << i;
    EXPECT_EQ(ds[i]->found, found[i]) << i;
    EXPECT_EQ(file_of(*ds[i]), "tests/data/dsl/ten_syntax_errors.budget");
  }
  EXPECT_EQ(ds[0]->expected, "an amount");
  EXPECT_EQ(ds[1]->expected, "a quoted string");
  EXPECT_HAS(ds[2]->expected, "a comparison (=, ≠, ≤, ≥, <, >)");
  EXPECT_EQ(ds[7]->expected, "an amount");  // 数值 x = 1: the '=', not the name
}

TEST(diag_recovery, keeps_the_good_lines) {
  // The good items around the bad lines are still read: fixing the bad lines
  // gives a budget with every item.
  std::string text = read_all("tests/data/dsl/ten_syntax_errors.budget");
  auto r = compile(text);
  EXPECT_EQ(with_code(r, "E0101").size(), 10u);
  std::istringstream in(text);
  std::string line, good;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (n < 4 || n % 2 == 1 || n > 22) good += line + "\n";
  }
  auto ok = compile(good);
  ASSERT_TRUE(ok.ok()) << dump(ok);
  EXPECT_EQ(ok.value->items().size(), 10u);
}

TEST(diag_recovery, a_block_closed_on_the_line_of_an_error_is_closed) {
  // blocks written on one line: the '}'s after the error close them (three
  // E0103 "unclosed '{'" followed the one error), and the next lines are read
  for (const std::string& bad : std::vector<std::string>{"30101 10.00", "30101: 5.00 5.00", "30101: : 5.00",
                                                         std::string("30101: 5.00 \0", 13)}) {
    auto r = compile("金额单位 万元\n基本支出 { 人员经费 { 201 03 01 { " + bad + " } } }\n201 03 01 基本支出 30102: 1.00\n");
    EXPECT_EQ(r.diagnostics.error_count(), 1u) << bad << "\n" << dump(r);
    EXPECT_TRUE(with_code(r, "E0103").empty()) << bad << "\n" << dump(r);
  }
  // and on the line that closes blocks opened on earlier lines
  auto r = compile("金额单位 万元\n基本支出 {\n  人员经费 {\n    201 03 01 30101 10.00 } }\n201 03 01 基本支出 30102: 1.00\n");
  EXPECT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  // a '}' the erroneous statement opened itself is no enclosing block's
  auto own = compile("金额单位 万元\n基本支出 {\n  201 03 01 金额 x { 30101: 1.00 }\n}\n");
  EXPECT_TRUE(with_code(own, "E0103").empty()) << dump(own);
  EXPECT_EQ(with_code(own, "E0101").size(), 1u) << dump(own);
}

TEST(diag_recovery, error_at_the_first_token_of_a_line_restarts_there) {
  // 计数 needs a unit after the count, on its line: the error is at the end
  // of that line, and reading starts afresh at the next: the item is kept.
  // (Its name, not the catalog's, shows that it was read: the constraints
  // are not checked after an error.)
  auto r = compile("金额单位 万元\n计数 车辆 4\n208 01 09 30102 工资: 1.00\n", with_catalog());
  ASSERT_EQ(r.diagnostics.size(), 2u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, "E0101");
  EXPECT_EQ(r.diagnostics[0].expected, "the unit of the count (人, 辆, 个 …), on its line");
  EXPECT_EQ(r.diagnostics[0].found, "the end of the line");
  EXPECT_EQ(where(r.diagnostics[0]), "2:8");
  EXPECT_EQ(r.diagnostics[1].code, "W0604");  // the item of line 3 was read
  EXPECT_EQ(where(r.diagnostics[1]), "3:17");
}

TEST(diag_recovery, a_statement_short_of_its_last_word_does_not_take_the_next_lines) {
  // once the next line's first word was read in its place: a kind (no error
  // at all, the next item lost its kind), a keyword (the error on the next,
  // correct line)
  struct line_case {
    const char* text;
    const char* at;
    const char* expected;
  };
  for (const auto& c : {
           line_case{"计数 在职人员 68\n人员经费 208 01 11 30102: 5.00\n", "1:11", "the unit of the count (人, 辆, 个 …), on its line"},
           line_case{"部门 801\n收入 一般公共预算 10.00\n", "1:7", "a name, on the same line"},
           line_case{"单位 801003\n年度 2024\n", "1:10", "a name, on the same line"},
           line_case{"项目 \"甲\" {\n  绩效 {\n    效益 就业形势\n    产出 服务人次 ≥5000人次\n  }\n}\n", "3:12",
                     "an indicator value such as ≥95% or 按时足额发放, on the target's line"},
       }) {
    auto r = compile(c.text);
    ASSERT_EQ(r.diagnostics.error_count(), 1u) << c.text << dump(r);
    const auto& d = one(r, "E0101");
    EXPECT_EQ(where(d), c.at) << c.text;
    EXPECT_EQ(d.expected, c.expected) << c.text;
    EXPECT_EQ(d.found, "the end of the line") << c.text;
  }
  // the next line is read: its item keeps its kind
  auto r = compile("金额单位 万元\n计数 在职人员 68\n人员经费 208 01 11 30102: 5.00\n");
  EXPECT_TRUE(with_code(r, "W0407").empty()) << dump(r);
  // written on the line, each is read as before
  EXPECT_TRUE(compile("计数 在职人员 68 人\n部门 801 甲部门\n单位 801003 \"甲\"\n208 01 09 30101: 1.00\n").ok());
}

TEST(diag_syntax, E0101_a_figure_written_with_an_equals_sign) {
  // once "expected a name, found '支出合计'": a word before '=' was taken for a tag's key
  for (const char* text : {"上年 支出合计 = 9.00\n", "数值 政府采购 = 84.30\n", "计数 公务用车 ＝ 2 辆\n"}) {
    auto r = compile(std::string("金额单位 万元\n208 01 11 30101: 10.00\n") + text);
    const auto& d = one(r, "E0101");
    EXPECT_EQ(d.expected, "an amount") << text;
    EXPECT_EQ(where(d).substr(0, 2), "3:") << text;
    EXPECT_TRUE(d.found == "'='" || d.found == "'＝'") << d.found;
    ASSERT_EQ(d.notes.size(), 1u) << text;
    EXPECT_EQ(d.notes[0].message, "the amount follows the name without '=': 上年 支出合计 9.00 (or with ':')");
  }
}

// --- Line breaks and limits found by fuzzing ---------------------------------------------------------

TEST(diag_syntax, lone_carriage_returns_end_lines_and_comments) {
  // an old Mac file: CR alone ends each line, and a comment ends with its line
  auto r = compile("金额单位 元\r# 注释\r208 01 09 30101: 1.00\r208 01 09 30102: 2.00 # 注释\r核对 合计 = 2.00\r");
  ASSERT_FALSE(r.ok());
  const auto& d = one(r, "E0501");
  EXPECT_EQ(where(d), "5:1");
  EXPECT_EQ(d.found, "3.00 (difference +1.00 元)");
}

TEST(diag_syntax, max_errors_bounds_every_kind_of_error) {
  // 2,000 codes with two names each: at most --max-errors of them are kept
  std::string text = "金额单位 元\n";
  for (int i = 0; i < 2000; ++i) {
    text += "208 01 09 301" + std::to_string(10 + i % 90) + " 甲" + std::to_string(i) + ": 1.00\n";
  }
  auto o = no_catalog();
  o.max_errors = 10;
  auto r = compile(text, o);
  EXPECT_EQ(with_code(r, "E0204").size(), 10u);
  const auto& summary = one(r, "E0102");
  EXPECT_EQ(summary.message, std::to_string(2000 - 90 - 10) + " more errors not shown");
}

TEST(diag_syntax, E0101_a_figure_or_measure_named_by_an_expression_keyword) {
  // 核对 最大 = 1.00 would read 最大 as the keyword (the greatest item), never
  // as the figure: the declaration is the error, and quoted the name is fine
  for (const std::string decl : {"数值 最大 1.00", "计数 计数 1 家", "口径 合计 = 支出合计", "口径 share = 支出合计",
                                 "数值 增幅 1.00", "参数 最小 = 1.00", "数值 收入 1.00", "口径 项目金额 = 支出合计"}) {
    auto r = compile("金额单位 元\n208 01 09 30101: 5.00\n" + decl + "\n");
    const auto& d = one(r, "E0101");
    EXPECT_EQ(d.expected, "a name") << decl;
    EXPECT_NE(d.found.find("(a keyword)"), std::string::npos) << decl;
    EXPECT_EQ(where(d), "3:4") << decl;
    ASSERT_FALSE(d.notes.empty()) << decl;
    EXPECT_NE(d.notes[0].message.find("quote it"), std::string::npos) << decl;
  }
  auto quoted = compile("金额单位 元\n208 01 09 30101: 5.00\n数值 \"最大\" 1.00\n口径 “合计” = 支出合计\n"
                        "核对 \"最大\" = 1.00\n核对 “合计” = 5.00\n");
  ASSERT_TRUE(quoted.ok()) << dump(quoted);
  EXPECT_TRUE(quoted.value->constraints()[0].passed);
  EXPECT_TRUE(quoted.value->constraints()[1].passed);
  // a built-in name that is not a keyword may still be shadowed (§10.3)
  auto shadow = compile("金额单位 元\n208 01 09 30101: 5.00\n口径 项目数 = 支出合计\n核对 项目数 = 5.00\n");
  ASSERT_TRUE(shadow.ok()) << dump(shadow);
}

TEST(diag_syntax, E0101_an_unknown_operator_of_a_filter_is_pointed_at) {
  // 属於 (traditional 於) and 包含 are no operators: the caret is under them,
  // not under the dimension before them
  for (const std::string op : {"属於", "包含"}) {
    auto r = compile("金额单位 元\n208 01 09 30101: 1.00\n核对 合计(经济 " + op + " (301)) = 1.00\n");
    const auto& d = one(r, "E0101");
    EXPECT_EQ(where(d), "3:10") << op;
    EXPECT_EQ(d.expected, "a comparison (=, ≠, <, ≤, >, ≥, 属于 or 不属于)") << op;
    EXPECT_EQ(d.found, "'" + op + "'") << op;
  }
}

TEST(diag_syntax, E0101_when_glued_to_its_condition) {
  // 当单位类型 is one word: it was read as a tag starting an item, and the
  // error fell on the next line
  for (const std::string tail : {"", "核对 支出合计 ≤ 5.00\n"}) {
    auto r = compile("208 01 09 30101: 1.00\n核对 支出合计 ≤ 50.00 \"超\" 当单位类型 = 行政\n" + tail);
    EXPECT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
    const auto& d = one(r, "E0101");
    EXPECT_EQ(d.message, "syntax error: expected a blank after 当");
    EXPECT_EQ(where(d), "2:21");
    EXPECT_EQ(d.label, "write 当 单位类型");
  }
  // a statement of its own that starts with 当…: the usual error
  auto alone = compile("当前 = 1\n");
  EXPECT_NE(one(alone, "E0101").message, "syntax error: expected a blank after 当") << dump(alone);
}
