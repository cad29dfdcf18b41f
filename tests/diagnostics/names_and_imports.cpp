// E03xx: unknown projects (E0301), measures and figures (E0302), names declared
// twice (E0303), unknown levels (E0304), and imports that are missing (E0311),
// circular (E0312) or leave the root directory (E0313).
#include "support/test_support.hpp"

#include <yusuan/compile/library_hints.hpp>

using namespace yusuan_test;

// --- E0301: unknown project ----------------------------------------------------------------------

TEST(diag_names, E0301_unknown_project_in_an_item) {
  auto r = compile("金额单位 万元\n208 01 09 项目 \"无此项目\" 30201: 1.00\n");
  const auto& d = one(r, "E0301");
  EXPECT_EQ(d.message, "unknown project '无此项目'");
  EXPECT_EQ(d.label, "no 项目 of this name or code");
  EXPECT_EQ(where(d), "2:15");
}

TEST(diag_names, E0301_unknown_project_in_a_group) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 金额 1.00\n项目组 \"组\" (\"甲\", 无此项目) 208 01 09 {\n  30201: 1.00\n}\n");
  const auto& d = one(r, "E0301");
  EXPECT_EQ(d.message, "unknown project '无此项目'");
  EXPECT_EQ(d.label, "declare it with 项目 before the group");
  EXPECT_EQ(where(d), "3:15");
}

TEST(diag_names, E0301_unknown_project_in_a_block_and_a_filter) {
  auto r = compile("金额单位 万元\n208 01 09 项目 \"无\" {\n  30201: 1.00\n}\n核对 合计(项目 = 也无) = 0\n");
  const auto ds = with_code(r, "E0301");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "unknown project '无'");
  EXPECT_EQ(where(*ds[0]), "2:15");
  EXPECT_EQ(ds[1]->message, "unknown project '也无'");
  EXPECT_EQ(where(*ds[1]), "5:12");  // at the unknown name
}

TEST(diag_names, E0301_a_project_declared_after_the_block_or_group_using_it_is_pointed_at) {
  auto r = compile("金额单位 万元\n208 01 09 项目 \"甲\" {\n  30201: 1.00\n}\n"
                   "项目组 \"组\" (乙) 208 01 09 {\n  30201: 1.00\n}\n"
                   "项目 \"甲\" 类型 特定目标类 金额 1.00\n项目 乙 类型 特定目标类 金额 1.00\n");
  const auto ds = with_code(r, "E0301");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  for (std::size_t i = 0; i < 2; ++i) {
    ASSERT_EQ(ds[i]->notes.size(), 1u) << dump(r);
    EXPECT_EQ(ds[i]->notes[0].message,
              "declared here, after it is used: a project is declared before the blocks and groups that name it");
    EXPECT_EQ(where(ds[i]->notes[0].span), i == 0 ? "8:5" : "9:4");
  }
  // a project declared nowhere gets no such note
  auto none = compile("金额单位 万元\n208 01 09 项目 \"丙\" {\n  30201: 1.00\n}\n");
  EXPECT_TRUE(one(none, "E0301").notes.empty()) << dump(none);
}

// --- E0302: unknown names ------------------------------------------------------------------------

TEST(diag_names, E0302_unknown_measure_or_figure) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n核对 无此口径 = 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0302");
  EXPECT_EQ(d.message, "unknown measure or figure '无此口径'");
  EXPECT_EQ(where(d), "3:4");
}

TEST(diag_names, E0302_a_measure_of_the_standard_library_names_its_import) {
  // 三公经费 without 导入 <std/measures.budget>: the note says where it is defined
  auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n核对 三公经费 = 0\n核对 无此口径 = 1.00\n");
  const auto ds = with_code(r, "E0302");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_TRUE(note_has(*ds[0], "'三公经费' is a measure (口径) of the standard library: 导入 <std/measures.budget>"))
      << dump(r);
  EXPECT_TRUE(ds[1]->notes.empty()) << dump(r);  // a name the library does not define either
  // with the import, it is known
  auto imported = compile("金额单位 万元\n导入 <std/measures.budget>\n208 01 09 30101: 1.00\n核对 三公经费 = 0\n");
  EXPECT_TRUE(imported.ok()) << dump(imported);
  EXPECT_TRUE(yusuan::compile::defines_measure("口径 甲 = 1\nmeasure 乙=合计\n# 口径 丙 = 1\n", "乙"));
  EXPECT_FALSE(yusuan::compile::defines_measure("口径 甲 = 1\nmeasure 乙=合计\n# 口径 丙 = 1\n", "丙"));
  EXPECT_FALSE(yusuan::compile::defines_measure("口径 甲乙 = 1\n", "甲"));
}

TEST(diag_names, E0302_a_misspelt_name_gets_the_names_it_is_close_to) {
  auto r = compile("金额单位 万元\n口径 三公经费 = 合计(经济 = 30217)\n计数 编制人数 3 人\n208 01 09 30217: 1.00\n"
                   "核对 三公经废 ≤ 5.00\n核对 支出和计 ≤ 5.00\n核对 公用经废 ≤ 5.00\n核对 编制人术 ≤ 5\n"
                   "核对 total-expenditur ≤ 5.00\n核对 无此口径 = 1.00\n口径 电费 = 合计(经济 = 30206)\n核对 水费 = 0.00\n");
  const auto ds = with_code(r, "E0302");
  ASSERT_EQ(ds.size(), 7u) << dump(r);
  EXPECT_EQ(ds[6]->label, "");  // 水费 is one edit from 电费, as two-character words often are: no suggestion
  EXPECT_EQ(ds[0]->label, "did you mean '三公经费'?");                // a measure of the budget
  EXPECT_EQ(ds[1]->label, "did you mean '支出合计' or '支出总计'?");  // built in, both one edit away
  EXPECT_EQ(ds[2]->label, "did you mean '公用经费'?");                // a spending kind
  EXPECT_EQ(ds[3]->label, "did you mean '编制人数'?");                // a figure
  EXPECT_EQ(ds[4]->label, "did you mean 'total-expenditure'?");
  EXPECT_EQ(ds[5]->label, "");  // nothing close
}

TEST(diag_names, E0302_known_names_joined_by_a_dash_were_meant_to_be_subtracted) {
  auto r = compile("金额单位 万元\n口径 三公经费 = 合计(经济 = 30217)\n208 01 09 基本支出 30217: 1.00\n"
                   "核对 支出合计-基本支出 = 0.00\n核对 支出合计-基本支出-三公经费 = 0.00\n核对 支出合计-无此口径 = 0.00\n");
  const auto ds = with_code(r, "E0302");
  ASSERT_EQ(ds.size(), 3u) << dump(r);
  EXPECT_EQ(ds[0]->label, "'-' joins words into one name: to subtract, set it off by blanks: 支出合计 - 基本支出");
  EXPECT_EQ(ds[1]->label,
            "'-' joins words into one name: to subtract, set it off by blanks: 支出合计 - 基本支出 - 三公经费");
  EXPECT_EQ(ds[2]->label.find("'-' joins"), std::string::npos);  // 无此口径 is no name: nothing to set apart
  // set off by blanks, it is a subtraction
  EXPECT_TRUE(compile("金额单位 万元\n208 01 09 基本支出 30217: 1.00\n核对 支出合计 - 基本支出 = 0.00\n").ok());
}

TEST(diag_names, E0302_no_prior_figure) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n核对 支出总计 较上年 减少 1.00\n核对 上年(三公经费) = 1.00\n");
  const auto ds = with_code(r, "E0302");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "no prior-year (上年) figure named '支出总计'");
  EXPECT_EQ(where(*ds[0]), "3:4");
  EXPECT_EQ(ds[1]->message, "no prior-year (上年) figure named '三公经费'");
  EXPECT_EQ(where(*ds[1]), "4:7");
}

TEST(diag_names, E0302_an_unknown_quantity_compared_with_last_year_is_said_once) {
  auto r = compile("208 01 09 30101: 1.00\n上年 x 1.00\n核对 w 较上年 增加 1.00\n");
  const auto ds = with_code(r, "E0302");
  ASSERT_EQ(ds.size(), 1u) << dump(r);
  EXPECT_EQ(ds[0]->message, "unknown measure or figure 'w'");
  EXPECT_EQ(where(*ds[0]), "3:4");
}

TEST(diag_names, E0302_measure_defined_in_terms_of_itself) {
  auto r = compile("208 01 09 30101: 1.00\n口径 甲 = 乙 + 1.00\n口径 乙 = 甲\n核对 甲 = 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto ds = with_code(r, "E0302");
  ASSERT_FALSE(ds.empty()) << dump(r);
  EXPECT_HAS(ds[0]->message, "is defined in terms of itself");
  EXPECT_EQ(ds.size(), 1u) << dump(r);
  EXPECT_EQ(ds[0]->message, "measure '甲' is defined in terms of itself");
  EXPECT_EQ(where(*ds[0]), "3:8");  // 口径 乙 = |甲
}

// --- E0303: declared twice -----------------------------------------------------------------------

TEST(diag_names, E0303_project_declared_twice) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 金额 1.00\n项目 \"甲\" 金额 2.00\n");
  const auto& d = one(r, "E0303");
  EXPECT_EQ(d.message, "project '甲' is declared twice");
  EXPECT_EQ(where(d), "3:5");
  std::string at;
  EXPECT_TRUE(note_has(d, "first declared here", &at));
  EXPECT_EQ(at, "2:5");
}

TEST(diag_names, E0303_a_project_declared_twice_with_a_block_is_one_error) {
  // its block was no project's (E0207 "绩效 outside a project", E0103 "unexpected '}'")
  const std::string project = "项目 \"培训费\" 编码 918001001 类型 其他运转类 功能 201 03 01 {\n"
                              "  30216 → 50203: 100.00\n  绩效 { 产出 完成率 ≥90% }\n}\n";
  auto r = compile("年度 2024\n单位 918001 \"单位1\" 类型 行政\n" + project + project, no_catalog());
  ASSERT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  const auto& d = one(r, "E0303");
  EXPECT_EQ(d.message, "project '培训费' is declared twice");
  EXPECT_EQ(where(d), "7:5");
}

TEST(diag_names, E0303_a_project_field_given_twice) {
  // items naming either code were counted in the project, which showed only the second
  auto r = compile("项目 \"a\" 类型 特定目标类 功能 2080109 编码 P1 编码 P2 {\n  30227: 1.00\n}\n"
                   "项目 \"b\" 功能 2080109 功能 2080110 {\n  30227: 1.00\n}\n"
                   "项目 \"c\" 编码 P3 编码 P3 {\n  30227: 1.00\n}\n"
                   "208 01 09 30227 项目 P1: 2.00\n");
  const auto ds = with_code(r, "E0303");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "project 'a' is given a second 编码");
  EXPECT_EQ(where(*ds[0]), "1:37");
  EXPECT_EQ(ds[0]->label, "its 编码 is P1");
  ASSERT_EQ(ds[0]->notes.size(), 1u);
  EXPECT_EQ(where(ds[0]->notes[0].span), "1:31");
  EXPECT_EQ(ds[1]->message, "project 'b' is given a second 功能");
}

TEST(diag_names, E0303_measure_figure_prior_declared_twice) {
  auto r = compile("口径 甲 = 合计\n口径 甲 = 合计\n数值 乙 1.00\n数值 乙 2.00\n计数 丙 1 辆\n计数 丙 2 辆\n"
                   "上年 丁 1.00\n上年 丁 2.00\n");
  const auto ds = with_code(r, "E0303");
  ASSERT_EQ(ds.size(), 4u) << dump(r);
  EXPECT_EQ(ds[0]->message, "measure '甲' is defined twice");
  EXPECT_EQ(where(*ds[0]), "2:4");
  std::string at;
  EXPECT_TRUE(note_has(*ds[0], "first defined here", &at));
  EXPECT_EQ(at, "1:4");
  EXPECT_EQ(ds[1]->message, "figure '乙' is stated twice");
  EXPECT_EQ(where(*ds[1]), "4:4");
  EXPECT_EQ(ds[2]->message, "figure '丙' is stated twice");
  EXPECT_EQ(where(*ds[2]), "6:4");
  EXPECT_EQ(ds[3]->message, "prior-year figure '丁' is stated twice");
  EXPECT_EQ(where(*ds[3]), "8:4");
  EXPECT_TRUE(note_has(*ds[3], "first stated here", &at));
  EXPECT_EQ(at, "7:4");
}

TEST(diag_names, E0303_project_in_two_groups) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 金额 1.00\n项目组 \"一\" (\"甲\") 208 01 09 {\n  30201: 1.00\n}\n"
                   "项目组 \"二\" (甲) 208 01 09 {\n}\n");
  const auto& d = one(r, "E0303");
  EXPECT_EQ(d.message, "project '甲' is already in group '一'");
  EXPECT_EQ(where(d), "6:10");
}

// --- E0304: unknown level ------------------------------------------------------------------------

TEST(diag_names, E0304_unknown_level) {
  auto r = compile("208 01 09 30101: 1.00\n核对 合计(功能.节 = 208) = 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0304");
  EXPECT_HAS(d.message, "unknown level");
  EXPECT_HAS(d.message, "节");
  EXPECT_HAS(d.expected, "款");
  EXPECT_EQ(where(d), "2:7");
}

// --- E0311 / E0312 / E0313: imports --------------------------------------------------------------

TEST(diag_names, E0311_import_not_found) {
  auto r = compile_path("tests/data/dsl/import_missing.budget");
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.io_error);
  const auto& d = one(r, "E0311");
  EXPECT_EQ(d.message, "imported file 'no_such_file.budget' not found");
  EXPECT_EQ(d.label, "no such file: no_such_file.budget");
  EXPECT_EQ(file_of(d), "tests/data/dsl/import_missing.budget");
  EXPECT_EQ(where(d), "1:5");
}

TEST(diag_names, E0311_a_misspelt_import_gets_the_files_it_is_close_to) {
  temp_dir lib, dir;
  lib.write("std/measures.budget", "口径 甲 = 支出合计\n");
  lib.write("std/rules.budget", "核对 支出合计 ≥ 0\n");
  dir.write("parts/income.budget", "收入 一般公共预算 1.00\n");
  const auto main = dir.write("main.budget", "导入 <std/measure.budget>\n导入 \"parts/incme.budget\"\n"
                                             "导入 <std/nothing-like-it.budget>\n208 01 09 30101: 1.00\n");
  compile_options o = no_catalog();
  // the same directory twice on the path is searched, and said, once
  o.library_path = {lib.path(), lib.path() / "std" / ".."};
  auto r = compile_path(main, o);
  const auto ds = with_code(r, "E0311");
  ASSERT_EQ(ds.size(), 3u) << dump(r);
  EXPECT_EQ(ds[0]->label, "did you mean '<std/measures.budget>'?");
  ASSERT_EQ(ds[0]->notes.size(), 1u) << dump(r);
  EXPECT_EQ(ds[0]->notes[0].message, "searched " + lib.path().string());
  ASSERT_EQ(ds[1]->notes.size(), 1u) << dump(r);
  EXPECT_EQ(ds[1]->notes[0].message, "did you mean 'parts/income.budget'?");
  EXPECT_EQ(ds[2]->label, "not in any directory of the library path");
  // the name without its .budget, or with a blank after it; a directory named *.budget is no file to suggest
  dir.write("rulez.budget/x.budget", "");
  dir.write("rules.budget", "核对 支出合计 ≥ 0\n");
  for (const char* written : {"rules", "rules.budget ", "rule.budget"}) {
    const auto m = dir.write("m.budget", std::string("导入 \"") + written + "\"\n208 01 09 30101: 1.00\n");
    auto s = compile_path(m, no_catalog());
    const auto& d = one(s, "E0311");
    ASSERT_FALSE(d.notes.empty()) << dump(s);
    EXPECT_EQ(d.notes.back().message, "did you mean 'rules.budget'?") << written;
  }
  // one- and two-letter names: only those that share a letter with the one written
  for (const char* f : {"a.budget", "b.budget", "ab.budget", "yb.budget"}) dir.write(f, "");
  for (const auto& [written, meant] : std::vector<std::pair<std::string, std::string>>{
           {"y", ""}, {"ba", "did you mean 'ab.budget'?"}, {"aa", "did you mean 'ab.budget'?"}}) {
    const auto m = dir.write("m.budget", "导入 \"" + written + ".budget\"\n208 01 09 30101: 1.00\n");
    auto s = compile_path(m, no_catalog());
    const auto& d = one(s, "E0311");
    EXPECT_EQ(d.notes.empty() ? "" : d.notes.back().message, meant) << written << "\n" << dump(s);
  }
}

TEST(diag_names, E0312_import_cycle) {
  auto r = compile_path("tests/data/dsl/cycle_a.budget");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0312");
  EXPECT_EQ(d.message, "import cycle: 'cycle_a.budget' is already being imported");
  EXPECT_EQ(file_of(d), "tests/data/dsl/cycle_b.budget");
  EXPECT_EQ(where(d), "2:5");
  EXPECT_TRUE(note_has(d, "cycle: cycle_a.budget → cycle_b.budget → cycle_a.budget")) << dump(r);
}

TEST(diag_names, E0312_self_import) {
  temp_dir t;
  const auto p = t.write("self.budget", "# 自己导入自己\n导入 \"./self.budget\"\n");
  auto r = compile_path(p);
  const auto& d = one(r, "E0312");
  EXPECT_EQ(where(d), "2:5");
}

TEST(diag_names, E0313_import_leaving_the_root) {
  auto r = compile_path("tests/data/dsl/import_escape.budget");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0313");
  EXPECT_EQ(d.message, "import '../small.budget' leaves its root directory");
  EXPECT_EQ(where(d), "1:5");
  EXPECT_TRUE(note_has(d, "imports must stay under " + fs::weakly_canonical(fs::absolute("tests/data/dsl")).string()))
      << dump(r);
}

TEST(diag_names, E0313_import_leaving_the_root_of_a_string) {
  auto o = no_catalog();
  o.root = "tests/data/dsl";
  auto r = compile("金额单位 万元\n导入 \"../small.budget\"\n", o);
  const auto& d = one(r, "E0313");
  EXPECT_EQ(where(d), "2:5");
  // with a wider root the same import is allowed
  o.root = "tests";
  auto ok = compile("导入 \"data/small.budget\"\n", o);
  EXPECT_TRUE(ok.ok()) << dump(ok);
}

// --- E0303 / E0311 found by fuzzing ---------------------------------------------------------

TEST(diag_names, E0303_project_listed_twice_in_a_group) {
  // by name twice, and once by name and once by code: a located error, never a read past the groups
  for (const std::string members : {"(A, A)", "(A, P001)"}) {
    auto r = compile("项目 A 编码 P001 金额 1.00\n项目组 G " + members + " 208 01 11 {\n  30101: 1.00\n}\n");
    EXPECT_FALSE(r.ok());
    const auto& d = one(r, "E0303");
    EXPECT_HAS(d.message, "is listed twice in group 'G'");
    EXPECT_EQ(where(d), "2:11") << dump(r);
    ASSERT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  }
}

TEST(diag_names, E0303_two_groups_of_one_name) {
  auto r = compile("项目 A 金额 1.00\n项目 B 金额 2.00\n项目组 G (A) 208 01 11 {\n  30101: 1.00\n}\n"
                   "项目组 G (B) 208 01 11 {\n  30101: 2.00\n}\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0303");
  EXPECT_EQ(d.message, "project group 'G' is declared twice");
  EXPECT_EQ(where(d), "6:5");
  std::string first;
  EXPECT_TRUE(note_has(d, "first declared here", &first));
  EXPECT_EQ(first, "3:5");
}

TEST(diag_names, E0303_a_group_of_a_projects_name) {
  // 项目 = A would name both: whichever is declared first
  auto r = compile("项目 A 金额 1.00\n项目组 A (A) 208 01 11 {\n  30101: 1.00\n}\n");
  const auto& d = one(r, "E0303");
  EXPECT_EQ(d.message, "project group 'A' has the name of a project");
  EXPECT_EQ(d.label, "项目 = A would name both");
  EXPECT_EQ(where(d), "2:5");
  std::string at;
  EXPECT_TRUE(note_has(d, "the project", &at));
  EXPECT_EQ(at, "1:4");
  auto r2 = compile("项目 B 金额 1.00\n项目组 A (B) 208 01 11 {\n  30101: 1.00\n}\n项目 A 金额 0.00\n");
  const auto& d2 = one(r2, "E0303");
  EXPECT_EQ(d2.message, "project 'A' has the name of a project group");
  EXPECT_EQ(where(d2), "5:4");
}

TEST(diag_names, E0303_a_thousand_repeated_prior_figures_are_each_reported_once) {
  std::string text = "金额单位 元\n";
  for (int i = 0; i < 1000; ++i) text += "上年 三公经费 1.00\n";
  auto o = no_catalog();
  o.max_errors = 2000;
  auto r = compile(text, o);
  // every repetition against the first statement, not every pair
  EXPECT_EQ(with_code(r, "E0303").size(), 999u);
  EXPECT_EQ(r.diagnostics.error_count(), 999u);
  for (const auto* d : with_code(r, "E0303")) {
    std::string first;
    ASSERT_TRUE(note_has(*d, "first stated here", &first));
    ASSERT_EQ(first, "2:4");
  }
}

TEST(diag_names, E0311_nul_in_an_import_path) {
  const std::string text = std::string("导入 \"tests/data/dsl/import_part.budget") + '\0' + "junk\"\n";
  auto r = compile(text);
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0311");
  EXPECT_EQ(d.message, "import path contains a NUL character");
  EXPECT_EQ(where(d), "1:5");
  EXPECT_TRUE(with_code(r, "E0313").empty());
}

TEST(diag_names, E0311_an_import_path_too_long) {
  // past max_path_length (1,024 bytes), within the length of a string (4,096 bytes: E0717 past it)
  auto r = compile("导入 \"" + std::string(2000, 'a') + ".budget\"\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0311");
  EXPECT_EQ(d.message, "import path is too long (2007 bytes)");
  EXPECT_TRUE(with_code(r, "E0313").empty()) << dump(r);
  EXPECT_EQ(where(one(compile("导入 \"" + std::string(5000, 'a') + ".budget\"\n"), "E0717")), "1:4");
}

// --- E0305 / W0305: dimensions and tag keys in the budget's filters ------------------------------

TEST(diag_names, E0305_a_misspelt_dimension_in_a_filter) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n核对 合计(功熊 = 208) = 1.00\n");
  const auto& d = one(r, "E0305");
  EXPECT_EQ(d.message, "unknown dimension '功熊'");
  EXPECT_EQ(d.label, "did you mean '功能'?");
  EXPECT_EQ(where(d), "3:7");
}

TEST(diag_names, E0305_a_misspelt_dimension_with_a_level) {
  // 类 is a level, but of no dimension 功熊: the name is the mistake
  for (const std::string c : {"核对 合计(功熊.类 = 208) = 1.00", "核对 合计 按 功熊.类 {\n  208: 1.00\n}"}) {
    auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n" + c + "\n");
    const auto& d = one(r, "E0305");
    EXPECT_EQ(d.message, "unknown dimension '功熊'") << c;
    EXPECT_EQ(d.label, "did you mean '功能'?") << c;
    EXPECT_TRUE(with_code(r, "E0304").empty()) << dump(r);
  }
  // far from every dimension: what has levels
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n核对 合计(项目类别.类 = 1) = 1.00\n");
  EXPECT_EQ(one(r, "E0305").label, "only 功能, 经济, 政府经济 and 类型 have levels");
}

TEST(diag_names, E0305_a_misspelt_dimension_in_a_grouped_constraint) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n核对 合计 按 kidn {\n  基本支出: 1.00\n}\n");
  EXPECT_FALSE(with_code(r, "E0305").empty()) << dump(r);
  // the caret is under the dimension, the second of two
  auto second = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n核对 合计 按 类型, 经济款 {\n  基本支出, 30101: 1.00\n}\n");
  const auto& d = one(second, "E0305");
  EXPECT_EQ(d.message, "unknown dimension '经济款'");
  EXPECT_EQ(d.label, "did you mean '经济' or '经济.款'?");
  EXPECT_EQ(where(d), "3:13");
  EXPECT_EQ(d.span.length, std::string("经济款").size());
}

TEST(diag_names, W0305_a_tag_key_no_item_carries) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30201: 1.00 项目类别=综合定额\n"
                   "口径 甲 = 合计(项目类型 = 综合定额)\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& d = one(r, "W0305");
  EXPECT_EQ(d.level, yusuan::severity::warning);
  EXPECT_EQ(d.message, "no item carries the tag '项目类型'");
  EXPECT_EQ(d.label, "did you mean '项目类别'?");
  EXPECT_EQ(where(d), "3:11");
  // a key the items carry: nothing to say
  auto fine = compile("金额单位 万元\n208 01 09 基本支出 30201: 1.00 项目类别=综合定额\n口径 甲 = 合计(项目类别 = 综合定额)\n");
  EXPECT_TRUE(with_code(fine, "W0305").empty()) << dump(fine);
}

TEST(diag_names, W0305_of_a_grouping_says_where_the_items_go) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30201: 1.00\n核对 合计 按 重点 {\n  无: 1.00\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& d = one(r, "W0305");
  EXPECT_EQ(d.label, "every item is in the row 无");
  EXPECT_EQ(where(d), "3:9");
}

TEST(diag_names, W0305_not_for_the_standard_librarys_filters) {
  temp_dir lib, dir;
  lib.write("std/tags.budget", "口径 重点支出 = 合计(重点 = 是)\n");
  const auto main = dir.write("main.budget", "导入 <std/tags.budget>\n208 01 09 基本支出 30101: 1.00\n");
  compile_options o = no_catalog();
  o.library_path = {lib.path()};
  auto r = compile_path(main, o);
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(with_code(r, "W0305").empty()) << dump(r);
  // the same filter in the budget's own file is reported
  const auto own = dir.write("own.budget", "208 01 09 基本支出 30101: 1.00\n口径 重点支出 = 合计(重点 = 是)\n");
  auto r2 = compile_path(own, no_catalog());
  EXPECT_EQ(with_code(r2, "W0305").size(), 1u) << dump(r2);
}

TEST(diag_names, E0303_two_units_with_one_code) {
  // a unit file of 甲单位 (行政) and one of 乙单位 (事业), both 100001
  auto r = compile("金额单位 万元\n单位 100001 \"甲单位\" 类型 行政\n208 01 01 30101: 1.00\n"
                   "单位 100001 \"乙单位\" 类型 事业\n208 01 50 30101: 2.00\n");
  const auto& d = one(r, "E0303");
  EXPECT_EQ(d.message, "unit 100001 is declared twice: as 甲单位 (行政) and as 乙单位 (事业)");
  EXPECT_EQ(where(d), "4:4");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(where(d.notes[0].span), "2:4");
  EXPECT_EQ(r.diagnostics.error_count(), 1u) << dump(r);
  // the same unit again, without its type or as declared, goes on with its items
  auto again = compile("金额单位 万元\n单位 100001 \"甲单位\" 类型 行政\n208 01 01 30101: 1.00\n单位 100002 \"乙单位\" 类型 事业\n"
                       "208 01 50 30101: 2.00\n单位 100001 \"甲单位\"\n208 01 01 30102: 1.00\n单位 100001 \"甲单位\" 类型 行政\n"
                       "208 01 01 30103: 1.00\n");
  ASSERT_TRUE(again.ok()) << dump(again);
  EXPECT_EQ(again.value->units().size(), 2u);
  // a type stated once only is no other unit
  auto typed = compile("单位 100001 \"甲单位\"\n208 01 01 30101: 1.00\n单位 100001 \"甲单位\" 类型 行政\n");
  EXPECT_TRUE(typed.ok()) << dump(typed);
}

TEST(diag_names, W0208_an_imported_unit_file_without_its_amount_unit) {
  temp_dir t;
  t.write("unit.budget", "单位 200001 \"丙单位\" 类型 行政\n208 01 01 30101: 400,000.00\n");
  const auto dept = t.write("dept.budget", "金额单位 万元\n部门 200 \"测试局\"\n导入 \"unit.budget\"\n");
  auto r = compile_path(dept);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& d = one(r, "W0208");
  EXPECT_EQ(d.message, "unit file states no 金额单位: its amounts are read in 万元, the importing file's");
  EXPECT_EQ(where(d), "1:4");
  // no warning: the unit file states its unit, the department is in 元, or
  // the imported file declares no unit (measures, a part of a unit's file)
  t.write("stated.budget", "金额单位 万元\n单位 200002 \"丁单位\"\n208 01 01 30101: 40.00\n");
  t.write("part.budget", "208 01 01 30102: 4.00\n");
  const auto clean = t.write("dept2.budget", "金额单位 万元\n导入 \"stated.budget\"\n导入 \"part.budget\"\n");
  EXPECT_TRUE(with_code(compile_path(clean), "W0208").empty());
  const auto yuan = t.write("dept3.budget", "部门 200 \"测试局\"\n导入 \"unit.budget\"\n");
  EXPECT_TRUE(with_code(compile_path(yuan), "W0208").empty());
}
