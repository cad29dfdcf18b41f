// Tests of the catalog checks (yusuan::detail::check_catalog): unknown codes,
// names that differ from the catalog's, non-standard 部门 → 政府 pairs and
// spending kinds on the wrong economic class.  Budgets are under
// tests/data/catalog/.
//
// The checks are run by hand on budgets compiled with check_catalog = false,
// so that these tests do not depend on whether (or how) the compiler itself
// calls them; one test checks that it calls them by default.
#include "support/test_support.hpp"

#include <yusuan/catalog.hpp>
#include <yusuan/compile/catalog_checks.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace yusuan_test;

namespace {

/// A compiled budget and the catalog diagnostics on it.
struct checked {
  std::optional<yusuan::budget> budget;
  yusuan::diagnostics diags;
};

checked check_budget(compiled r, const std::string& what) {
  checked c;
  EXPECT_TRUE(r.ok()) << what << ": does not compile";
  if (!r.ok()) {
    ADD_FAILURE() << dump(r);
    return c;
  }
  c.budget = std::move(r.value);
  yusuan::compile::check_catalog(*c.budget, c.diags);
  return c;
}

checked check_file(const std::string& name) {
  const std::string path = "tests/data/catalog/" + name + ".budget";
  return check_budget(compile_path(path, no_catalog()), path);
}

checked check_text(const std::string& text) { return check_budget(compile(text, no_catalog(), "<test>"), text); }

/// Checks level, code, message and location (file:line:column) of one diagnostic.
void expect_diag(const diagnostic& d, severity level, const std::string& code, const std::string& message,
                 const std::string& at) {
  EXPECT_EQ(d.level, level) << d.code << " " << d.message;
  EXPECT_EQ(d.code, code);
  EXPECT_EQ(d.message, message);
  EXPECT_EQ(where_in_file(d), at) << d.message;
}

const std::string dir = "tests/data/catalog/";

}  // namespace

// ---------------------------------------------------------------------------
// The compiler runs the checks unless told not to
// ---------------------------------------------------------------------------

TEST(catalog_checks, are_on_by_default) {
  const char* text = "年度 2024\n208 01 09 30104: 1.00\n";  // 301 04 is not in the 2024 catalog
  auto on = compile(text, with_catalog());
  EXPECT_FALSE(on.ok());
  bool catalog_error = false;
  for (const auto& d : on.diagnostics) catalog_error = catalog_error || d.code.rfind("E06", 0) == 0;
  EXPECT_TRUE(catalog_error) << dump(on);
  auto off = compile(text);
  EXPECT_TRUE(off.ok()) << dump(off);
}

TEST(catalog_checks, a_code_the_catalog_lacks_leaves_the_constraints_to_run) {
  // the item is kept as written: the figures are those of the budget as
  // written, and a wrong total is reported beside the unknown code
  auto r = compile("年度 2024\n金额单位 万元\n208 01 98 30101: 100.00\n208 01 09 30271: 1.00\n核对 支出合计 = 999.00\n",
                   with_catalog());
  EXPECT_EQ(with_code(r, "E0602").size(), 1u) << dump(r);
  EXPECT_EQ(with_code(r, "E0603").size(), 1u) << dump(r);
  EXPECT_EQ(one(r, "E0501").found, "101.00 (difference -898.00 万元)") << dump(r);
  for (const auto& d : r.diagnostics) EXPECT_EQ(d.message.find("not run"), std::string::npos) << dump(r);
}

// ---------------------------------------------------------------------------
// Clean budgets
// ---------------------------------------------------------------------------

TEST(catalog_checks, clean_budget_has_no_catalog_diagnostics) {
  const auto c = check_file("clean");
  ASSERT_TRUE(c.budget);
  EXPECT_EQ(c.budget->items().size(), 8u);
  EXPECT_TRUE(c.diags.empty()) << dump(c.diags);
}

TEST(catalog_checks, small_budget_has_no_catalog_diagnostics) {
  const auto c = check_budget(compile_path("tests/data/small.budget", no_catalog()), "small.budget");
  ASSERT_TRUE(c.budget);
  EXPECT_TRUE(c.diags.empty()) << dump(c.diags);
}

TEST(catalog_checks, names_differing_only_in_parenthesis_width_are_accepted) {
  // The catalog writes 政府办公厅（室）及相关机构事务 with full-width parentheses.
  const auto c = check_text(
      "年度 2024\n"
      "201 03 政府办公厅(室)及相关机构事务 项目支出 30227 委托业务费 → 50205: 1.00\n"
      "201 03 01 \"行政 运行\" 项目支出 30227 → 50205: 1.00\n");
  EXPECT_TRUE(c.diags.empty()) << dump(c.diags);
}

// ---------------------------------------------------------------------------
// Unknown codes
// ---------------------------------------------------------------------------

TEST(catalog_checks, unknown_functional_class_is_an_error) {
  const auto c = check_file("unknown_class");
  ASSERT_EQ(c.diags.size(), 2u) << dump(c.diags);
  EXPECT_EQ(c.diags.error_count(), 2u);
  // Once for 218 (a block and two items), at the block's code.
  expect_diag(c.diags[0], severity::error, "E0601", "unknown functional 类 218", dir + "unknown_class.budget:4:1");
  EXPECT_EQ(c.diags[0].span.length, std::string("218 99 01").size());
  EXPECT_EQ(c.diags[0].label, "no 类 218 in 支出功能分类科目");
  EXPECT_EQ(notes(c.diags[0]), (std::vector<std::string>{
                                   "the 2024 catalog's nearest 类 are 217 金融支出 and 219 援助其他地区支出",
                                   "used by 2 items",
                               }));
  expect_diag(c.diags[1], severity::error, "E0601", "unknown functional 类 226", dir + "unknown_class.budget:8:1");
  EXPECT_EQ(notes(c.diags[1]), (std::vector<std::string>{
                                   "the 2024 catalog's nearest 类 are 224 灾害防治及应急管理支出 and 227 预备费",
                               }));
}

TEST(catalog_checks, unknown_functional_kuan_and_xiang) {
  const auto c = check_file("unknown_function_child");
  ASSERT_EQ(c.diags.size(), 3u) << dump(c.diags);
  // 208 is not complete: an unknown 款 under it is a warning.
  expect_diag(c.diags[0], severity::warning, "W0602", "unknown functional 款 208 98",
              dir + "unknown_function_child.budget:4:1");
  EXPECT_EQ(c.diags[0].label, "not in the 2024 catalog");
  EXPECT_EQ(notes(c.diags[0]),
            (std::vector<std::string>{"the catalog is incomplete below 类: not every 款 of 208 社会保障和就业支出 [R][T] "
                                      "is listed, so the code may be valid; check it against the official 支出功能分类科目"}));
  // 201 03 is not complete either.
  expect_diag(c.diags[1], severity::warning, "W0602", "unknown functional 项 201 03 05",
              dir + "unknown_function_child.budget:5:1");
  EXPECT_NE(c.diags[1].notes.at(0).message.find("of 201 03 政府办公厅（室）及相关机构事务 [R] is listed"), std::string::npos);
  // 205 01 is complete: an unknown 项 under it is an error, reported once for two items.
  expect_diag(c.diags[2], severity::error, "E0602", "unknown functional 项 205 01 05",
              dir + "unknown_function_child.budget:6:1");
  EXPECT_EQ(c.diags[2].label, "not a 项 of 205 01 教育管理事务");
  EXPECT_EQ(notes(c.diags[2]), (std::vector<std::string>{
                                   "the 2024 catalog lists every 项 of 205 01 教育管理事务 [K]: 205 01 01 行政运行, "
                                   "205 01 02 一般行政管理事务, 205 01 03 机关服务, 205 01 99 其他教育管理事务支出",
                                   "used by 2 items",
                               }));
}

TEST(catalog_checks, unknown_economic_codes) {
  const auto c = check_file("unknown_econ");
  ASSERT_EQ(c.diags.size(), 3u) << dump(c.diags);
  expect_diag(c.diags[0], severity::error, "E0603", "unknown 部门 economic 类 304", dir + "unknown_econ.budget:5:3");
  EXPECT_EQ(notes(c.diags[0]), (std::vector<std::string>{
                                   "the 2024 catalog's nearest 类 are 303 对个人和家庭的补助 and 307 债务利息及费用支出",
                               }));
  // 301 is complete.
  expect_diag(c.diags[1], severity::error, "E0603", "unknown 部门 economic 款 30115", dir + "unknown_econ.budget:6:3");
  EXPECT_EQ(c.diags[1].label, "not a 款 of 301 工资福利支出");
  EXPECT_NE(c.diags[1].notes.at(0).message.find("lists every 款 of 301 工资福利支出 [R][T]: 30101 基本工资, "),
            std::string::npos);
  EXPECT_NE(c.diags[1].notes.at(0).message.find(", 30114 医疗费, 30199 其他工资福利支出"), std::string::npos);
  // 302 has too many 款 to list them all.
  const auto many = check_text("年度 2024\n201 13 01 项目支出 30298 新费用: 1.00\n");
  ASSERT_EQ(many.diags.size(), 1u) << dump(many.diags);
  EXPECT_EQ(many.diags[0].code, "E0603");
  EXPECT_NE(many.diags[0].notes.at(0).message.find("30213 维修（护）费, … (32 in all)"), std::string::npos)
      << many.diags[0].notes.at(0).message;
  // 503 is not complete; the code is after '→' (column in characters); no W0605 for an unknown code.
  expect_diag(c.diags[2], severity::warning, "W0603", "unknown 政府 economic 款 50308", dir + "unknown_econ.budget:7:17");
  EXPECT_EQ(notes(c.diags[2]), (std::vector<std::string>{
                                   "the catalog is incomplete below 类: not every 款 of 503 机关资本性支出（一） [K] is "
                                   "listed, so the code may be valid; check it against the official 政府预算支出经济分类科目",
                                   "used by 2 items",
                               }));
}

TEST(catalog_checks, unknown_class_in_personnel_spending_is_not_also_a_kind_warning) {
  const auto c = check_text("年度 2024\n201 13 01 基本支出 人员经费 304 其他: 1.00\n");
  ASSERT_EQ(c.diags.size(), 1u) << dump(c.diags);
  expect_diag(c.diags[0], severity::error, "E0603", "unknown 部门 economic 类 304", "<test>:2:21");
}

// ---------------------------------------------------------------------------
// Names and years
// ---------------------------------------------------------------------------

TEST(catalog_checks, names_differing_from_the_catalog) {
  const auto c = check_file("names");
  ASSERT_EQ(c.diags.size(), 2u) << dump(c.diags);
  const auto& renamed = c.diags[0];
  expect_diag(renamed, severity::warning, "W0604",
              "name '医疗卫生与计划生育支出' of functional code 210 differs from the catalog's '卫生健康支出'",
              dir + "names.budget:4:5");
  EXPECT_EQ(renamed.expected, "卫生健康支出");
  EXPECT_EQ(renamed.found, "医疗卫生与计划生育支出");
  EXPECT_EQ(renamed.label, "did you mean '卫生健康支出'?");
  EXPECT_EQ(notes(renamed), (std::vector<std::string>{"'医疗卫生与计划生育支出' was the name of 210 up to 2018; it was "
                                                      "renamed in 2019 to '卫生健康支出'"}));
  const auto& econ = c.diags[1];
  expect_diag(econ, severity::warning, "W0604",
              "name '职工医疗保险缴费' of 部门 economic code 30110 differs from the catalog's '职工基本医疗保险缴费'",
              dir + "names.budget:6:28");
  EXPECT_EQ(econ.expected, "职工基本医疗保险缴费");
  EXPECT_EQ(econ.found, "职工医疗保险缴费");
  EXPECT_TRUE(econ.notes.empty());
}

TEST(catalog_checks, a_misspelt_kind_read_as_a_name_is_named_as_a_kind) {
  // 人员经废 after the code is the code's name (the item has no kind): the
  // suggestion is the kind, not the catalog's name of 208 01 09
  const auto c = check_text("年度 2024\n208 01 09 人员经废 30101: 1.00\n");
  ASSERT_EQ(c.diags.size(), 1u) << dump(c.diags);
  expect_diag(c.diags[0], severity::warning, "W0604",
              "name '人员经废' of functional code 208 01 09 differs from the catalog's '社会保险经办机构'", "<test>:2:11");
  EXPECT_EQ(c.diags[0].label, "did you mean the kind '人员经费'?");
  ASSERT_FALSE(c.diags[0].notes.empty());
  EXPECT_NE(notes(c.diags[0])[0].find("a word after a code is the code's name"), std::string::npos);
}

TEST(catalog_checks, names_are_those_of_the_budget_year) {
  // 2018: 210 was still 医疗卫生与计划生育支出 (no warning); 207 was 文化体育与传媒支出.
  const auto c = check_file("names_2018");
  ASSERT_EQ(c.diags.size(), 1u) << dump(c.diags);
  expect_diag(c.diags[0], severity::warning, "W0604",
              "name '文化旅游体育与传媒支出' of functional code 207 differs from the catalog's '文化体育与传媒支出'",
              dir + "names_2018.budget:7:5");
  EXPECT_EQ(notes(c.diags[0]), (std::vector<std::string>{"'文化旅游体育与传媒支出' is the name of 207 in later years; in "
                                                         "2018 it was '文化体育与传媒支出'"}));
}

TEST(catalog_checks, pre_2019_name_in_2024_budget_says_renamed) {
  const auto c = check_text("年度 2024\n210 医疗卫生与计划生育支出 项目支出 30227 → 50205: 1.00\n");
  ASSERT_EQ(c.diags.size(), 1u) << dump(c.diags);
  expect_diag(c.diags[0], severity::warning, "W0604",
              "name '医疗卫生与计划生育支出' of functional code 210 differs from the catalog's '卫生健康支出'",
              "<test>:2:5");
  ASSERT_EQ(c.diags[0].notes.size(), 1u);
  EXPECT_NE(c.diags[0].notes[0].message.find("renamed in 2019"), std::string::npos);
}

TEST(catalog_checks, budget_without_year_uses_the_latest_edition) {
  const auto c = check_text("210 医疗卫生与计划生育支出 项目支出 30227 → 50205: 1.00\n");
  ASSERT_TRUE(c.budget);
  EXPECT_EQ(c.budget->year(), 0);
  ASSERT_EQ(c.diags.size(), 1u) << dump(c.diags);
  EXPECT_EQ(c.diags[0].code, "W0604");
  EXPECT_EQ(c.diags[0].expected, "卫生健康支出");
  EXPECT_EQ(c.diags[0].expected, yusuan::catalog::editions().back().name(yusuan::code_family::function, "210"));
}

TEST(catalog_checks, budget_older_than_every_edition_gets_warnings_for_unknown_codes) {
  // 2015 < 2024, the first edition: the catalog cannot know the codes of 2015.
  const auto c = check_file("old_year");
  ASSERT_EQ(c.diags.size(), 1u) << dump(c.diags);
  expect_diag(c.diags[0], severity::warning, "W0601", "unknown functional 类 226", dir + "old_year.budget:4:1");
  EXPECT_EQ(notes(c.diags[0]).back(), "checked against the 2024 edition of the catalog (there is no 2015 edition)");
}

// ---------------------------------------------------------------------------
// Economic mapping and spending kinds
// ---------------------------------------------------------------------------

TEST(catalog_checks, non_standard_economic_pair) {
  const auto c = check_file("mapping");
  ASSERT_EQ(c.diags.size(), 2u) << dump(c.diags);
  const auto& d = c.diags[0];
  expect_diag(d, severity::warning, "W0605", "部门 30101 → 政府 50501 is not the standard mapping for 行政 units",
              dir + "mapping.budget:5:16");
  EXPECT_EQ(d.expected, "50101");
  EXPECT_EQ(d.found, "50501");
  EXPECT_EQ(notes(d), (std::vector<std::string>{
                          "the standard mapping for 行政 units is 30101 基本工资 → 50101 工资奖金津补贴 [P]",
                          "30101 → 50501 is the standard mapping for 事业 units; check the unit's 类型 (行政)",
                          "1 more item uses this pair",
                      }));
  expect_diag(c.diags[1], severity::warning, "W0605", "部门 30102 → 政府 50501 is not the standard mapping for 行政 units",
              dir + "mapping.budget:8:16");
  EXPECT_EQ(c.diags[1].notes.size(), 2u);  // no count: one item
}

TEST(catalog_checks, unknown_unit_type_skips_the_mapping_check) {
  const auto c = check_file("mapping_unknown_type");
  ASSERT_TRUE(c.budget);
  EXPECT_EQ(c.budget->header().type, yusuan::unit_type::unknown);
  EXPECT_TRUE(c.diags.empty()) << dump(c.diags);
}

TEST(catalog_checks, institution_pairs_follow_the_institution_mapping) {
  const auto c = check_text(
      "年度 2024\n单位 801002 \"某中心\" 类型 事业\n"
      "201 13 50 事业运行 基本支出 人员经费 30101 基本工资 → 50501 工资福利支出: 1.00\n"
      "201 13 50 基本支出 人员经费 30101 → 50101 工资奖金津补贴: 1.00\n");
  ASSERT_EQ(c.diags.size(), 1u) << dump(c.diags);
  expect_diag(c.diags[0], severity::warning, "W0605", "部门 30101 → 政府 50101 is not the standard mapping for 事业 units",
              "<test>:4:29");
  EXPECT_EQ(c.diags[0].expected, "50501");
}

TEST(catalog_checks, spending_kind_on_the_wrong_economic_class) {
  const auto c = check_file("kinds");
  ASSERT_EQ(c.diags.size(), 2u) << dump(c.diags);
  expect_diag(c.diags[0], severity::warning, "W0606", "人员经费 on 部门 economic code 30201 办公费",
              dir + "kinds.budget:7:5");
  EXPECT_EQ(c.diags[0].label, "人员经费 belongs under 301 or 303");
  EXPECT_EQ(notes(c.diags[0]), (std::vector<std::string>{
                                   "人员经费 is paid from 301 工资福利支出 and 303 对个人和家庭的补助",
                                   "2 items of 人员经费 on 30201",
                               }));
  // 30901 (309) and 39999 (399) are allowed for 公用经费.
  expect_diag(c.diags[1], severity::warning, "W0606", "公用经费 on 部门 economic code 30101 基本工资",
              dir + "kinds.budget:11:5");
  EXPECT_EQ(notes(c.diags[1]).back(), "1 item of 公用经费 on 30101");
}

TEST(catalog_checks, kind_warning_without_the_code_on_the_line_points_at_the_item) {
  const auto c = check_text(
      "年度 2024\n"
      "201 13 01 基本支出 人员经费 30201 办公费 合计 1.00 {\n"
      "  201 13 01: 1.00\n"
      "}\n");
  ASSERT_EQ(c.diags.size(), 1u) << dump(c.diags);
  expect_diag(c.diags[0], severity::warning, "W0606", "人员经费 on 部门 economic code 30201 办公费", "<test>:3:3");
}

// ---------------------------------------------------------------------------
// Diagnostics outlive the budget
// ---------------------------------------------------------------------------

TEST(catalog_checks, diagnostics_keep_their_source_files) {
  yusuan::diagnostics diags;
  {
    auto c = check_file("unknown_class");
    diags = c.diags;
  }
  const std::string text = dump(diags);
  EXPECT_NE(text.find("error[E0601]: unknown functional 类 218\n  --> tests/data/catalog/unknown_class.budget:4:1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("4 | 218 99 01 其他支出 项目支出 {\n  | ^^^^^^^^^ no 类 218 in 支出功能分类科目\n"), std::string::npos)
      << text;
}
