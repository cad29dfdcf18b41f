// Tests of the catalog checks (yusuan::detail::check_catalog) and of the
// `yusuan catalog` command.  Budgets are under tests/data/catalog/; the tests
// run with the repository root as working directory.
//
// The checks are run by hand on budgets compiled with check_catalog = false,
// so that these tests do not depend on whether (or how) the compiler itself
// calls them.
#include <yusuan/catalog.hpp>
#include <yusuan/compile.hpp>
#include <yusuan/impl/catalog_checks.hpp>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace {

using yusuan::diagnostic;
using yusuan::severity;

/// A compiled budget and the catalog diagnostics on it.
struct checked {
  std::optional<yusuan::budget> budget;
  yusuan::diagnostics diags;
};

checked check_budget(yusuan::compile_result r, const std::string& what) {
  checked c;
  EXPECT_TRUE(r.ok()) << what << ": does not compile";
  if (!r.ok()) {
    std::ostringstream os;
    yusuan::render_text(os, r.diagnostics);
    ADD_FAILURE() << os.str();
    return c;
  }
  c.budget = std::move(r.value);
  yusuan::detail::check_catalog(*c.budget, c.diags);
  return c;
}

checked check_file(const std::string& name) {
  yusuan::compile_options o;
  o.check_catalog = false;
  const std::string path = "tests/data/catalog/" + name + ".budget";
  return check_budget(yusuan::compile_file(path, o), path);
}

checked check_text(const std::string& text) {
  yusuan::compile_options o;
  o.check_catalog = false;
  return check_budget(yusuan::compile_string(text, "<test>", o), text);
}

std::string where(const diagnostic& d) {
  const auto l = yusuan::resolve(d.span);
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

std::string rendered(const yusuan::diagnostics& ds) {
  std::ostringstream os;
  yusuan::render_text(os, ds);
  return os.str();
}

std::vector<std::string> notes(const diagnostic& d) {
  std::vector<std::string> out;
  for (const auto& n : d.notes) out.push_back(n.message);
  return out;
}

/// Checks level, code, message and location (file:line:column) of one diagnostic.
void expect_diag(const diagnostic& d, severity level, const std::string& code, const std::string& message,
                 const std::string& at) {
  EXPECT_EQ(d.level, level) << d.code << " " << d.message;
  EXPECT_EQ(d.code, code);
  EXPECT_EQ(d.message, message);
  EXPECT_EQ(where(d), at) << d.message;
}

const std::string dir = "tests/data/catalog/";

}  // namespace

// ---------------------------------------------------------------------------
// Clean budgets
// ---------------------------------------------------------------------------

TEST(catalog_checks, clean_budget_has_no_catalog_diagnostics) {
  const auto c = check_file("clean");
  ASSERT_TRUE(c.budget);
  EXPECT_EQ(c.budget->items().size(), 8u);
  EXPECT_TRUE(c.diags.empty()) << rendered(c.diags);
}

TEST(catalog_checks, small_budget_has_no_catalog_diagnostics) {
  yusuan::compile_options o;
  o.check_catalog = false;
  const auto c = check_budget(yusuan::compile_file("tests/data/small.budget", o), "small.budget");
  ASSERT_TRUE(c.budget);
  EXPECT_TRUE(c.diags.empty()) << rendered(c.diags);
}

TEST(catalog_checks, names_differing_only_in_parenthesis_width_are_accepted) {
  // The catalog writes 政府办公厅（室）及相关机构事务 with full-width parentheses.
  const auto c = check_text(
      "年度 2024\n"
      "201 03 政府办公厅(室)及相关机构事务 项目支出 30227 委托业务费 → 50205: 1.00\n"
      "201 03 01 \"行政 运行\" 项目支出 30227 → 50205: 1.00\n");
  EXPECT_TRUE(c.diags.empty()) << rendered(c.diags);
}

// ---------------------------------------------------------------------------
// Unknown codes
// ---------------------------------------------------------------------------

TEST(catalog_checks, unknown_functional_class_is_an_error) {
  const auto c = check_file("unknown_class");
  ASSERT_EQ(c.diags.size(), 2u) << rendered(c.diags);
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
  ASSERT_EQ(c.diags.size(), 3u) << rendered(c.diags);
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
  ASSERT_EQ(c.diags.size(), 3u) << rendered(c.diags);
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
  ASSERT_EQ(many.diags.size(), 1u) << rendered(many.diags);
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
  ASSERT_EQ(c.diags.size(), 1u) << rendered(c.diags);
  expect_diag(c.diags[0], severity::error, "E0603", "unknown 部门 economic 类 304", "<test>:2:21");
}

// ---------------------------------------------------------------------------
// Names and years
// ---------------------------------------------------------------------------

TEST(catalog_checks, names_differing_from_the_catalog) {
  const auto c = check_file("names");
  ASSERT_EQ(c.diags.size(), 2u) << rendered(c.diags);
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

TEST(catalog_checks, names_are_those_of_the_budget_year) {
  // 2018: 210 was still 医疗卫生与计划生育支出 (no warning); 207 was 文化体育与传媒支出.
  const auto c = check_file("names_2018");
  ASSERT_EQ(c.diags.size(), 1u) << rendered(c.diags);
  expect_diag(c.diags[0], severity::warning, "W0604",
              "name '文化旅游体育与传媒支出' of functional code 207 differs from the catalog's '文化体育与传媒支出'",
              dir + "names_2018.budget:7:5");
  EXPECT_EQ(notes(c.diags[0]), (std::vector<std::string>{"'文化旅游体育与传媒支出' is the name of 207 in later years; in "
                                                         "2018 it was '文化体育与传媒支出'"}));
}

TEST(catalog_checks, pre_2019_name_in_2024_budget_says_renamed) {
  const auto c = check_text("年度 2024\n210 医疗卫生与计划生育支出 项目支出 30227 → 50205: 1.00\n");
  ASSERT_EQ(c.diags.size(), 1u) << rendered(c.diags);
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
  ASSERT_EQ(c.diags.size(), 1u) << rendered(c.diags);
  EXPECT_EQ(c.diags[0].code, "W0604");
  EXPECT_EQ(c.diags[0].expected, yusuan::catalog::editions().back().name(yusuan::code_family::function, "210"));
}

TEST(catalog_checks, budget_older_than_every_edition_gets_warnings_for_unknown_codes) {
  // 2015 < 2024, the first edition: the catalog cannot know the codes of 2015.
  const auto c = check_file("old_year");
  ASSERT_EQ(c.diags.size(), 1u) << rendered(c.diags);
  expect_diag(c.diags[0], severity::warning, "W0601", "unknown functional 类 226", dir + "old_year.budget:4:1");
  EXPECT_EQ(notes(c.diags[0]).back(), "checked against the 2024 edition of the catalog (there is no 2015 edition)");
}

// ---------------------------------------------------------------------------
// Economic mapping and spending kinds
// ---------------------------------------------------------------------------

TEST(catalog_checks, non_standard_economic_pair) {
  const auto c = check_file("mapping");
  ASSERT_EQ(c.diags.size(), 2u) << rendered(c.diags);
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
  EXPECT_TRUE(c.diags.empty()) << rendered(c.diags);
}

TEST(catalog_checks, institution_pairs_follow_the_institution_mapping) {
  const auto c = check_text(
      "年度 2024\n单位 801002 \"某中心\" 类型 事业\n"
      "201 13 50 事业运行 基本支出 人员经费 30101 基本工资 → 50501 工资福利支出: 1.00\n"
      "201 13 50 基本支出 人员经费 30101 → 50101 工资奖金津补贴: 1.00\n");
  ASSERT_EQ(c.diags.size(), 1u) << rendered(c.diags);
  expect_diag(c.diags[0], severity::warning, "W0605", "部门 30101 → 政府 50101 is not the standard mapping for 事业 units",
              "<test>:4:29");
  EXPECT_EQ(c.diags[0].expected, "50501");
}

TEST(catalog_checks, spending_kind_on_the_wrong_economic_class) {
  const auto c = check_file("kinds");
  ASSERT_EQ(c.diags.size(), 2u) << rendered(c.diags);
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
  ASSERT_EQ(c.diags.size(), 1u) << rendered(c.diags);
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
  const std::string text = rendered(diags);
  EXPECT_NE(text.find("error[E0601]: unknown functional 类 218\n  --> tests/data/catalog/unknown_class.budget:4:1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("4 | 218 99 01 其他支出 项目支出 {\n  | ^^^^^^^^^ no 类 218 in 支出功能分类科目\n"), std::string::npos)
      << text;
}

// ---------------------------------------------------------------------------
// yusuan catalog
// ---------------------------------------------------------------------------

namespace {

struct run_result {
  int exit = -1;
  std::string out, err;
};

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

run_result run_cli(const std::string& args) {
  namespace fs = std::filesystem;
  static int counter = 0;
  const fs::path base = fs::temp_directory_path() / ("yusuan-catalog-test-" + std::to_string(::getpid()) + "-" +
                                                     std::to_string(counter++));
  const fs::path out = base.string() + ".out", err = base.string() + ".err";
  const std::string cmd = std::string("'") + YUSUAN_CLI + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  run_result r;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

std::vector<std::string> lines_of(const std::string& s, const std::string& eol = "\n") {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b < s.size()) {
    const auto e = s.find(eol, b);
    if (e == std::string::npos) {
      out.push_back(s.substr(b));
      break;
    }
    out.push_back(s.substr(b, e - b));
    b = e + eol.size();
  }
  return out;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

/// Display column at which `needle` starts on `line`.
std::size_t column_of(const std::string& line, const std::string& needle) {
  const auto p = line.find(needle);
  EXPECT_NE(p, std::string::npos) << needle << " not in " << line;
  return p == std::string::npos ? 0 : yusuan::text::display_width(std::string_view(line).substr(0, p));
}

/// The rest of `line` from display column `col`.
std::string from_column(const std::string& line, std::size_t col) {
  std::size_t i = 0, w = 0;
  while (i < line.size() && w < col) w += static_cast<std::size_t>(yusuan::text::width(yusuan::text::decode(line, i)));
  return line.substr(i);
}

const yusuan::catalog& latest() { return yusuan::catalog::editions().back(); }

}  // namespace

TEST(catalog_cli, help) {
  const auto r = run_cli("catalog --help");
  EXPECT_EQ(r.exit, 0);
  EXPECT_NE(r.out.find("Usage: yusuan catalog KIND [options]"), std::string::npos);
  EXPECT_TRUE(r.err.empty());
}

TEST(catalog_cli, function_text_is_aligned) {
  const auto r = run_cli("catalog function");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), latest().entries(yusuan::code_family::function).size() + 1);
  EXPECT_EQ(lines[0].rfind("code", 0), 0u);
  EXPECT_EQ(lines[1].rfind("201 ", 0), 0u);
  // Every row's flags start at the column of the header's "flags", names indented by level.
  const auto flags_col = column_of(lines[0], "flags");
  const auto name_col = column_of(lines[0], "name");
  for (std::size_t i = 1; i < lines.size(); ++i) EXPECT_EQ(column_of(lines[i], "["), flags_col) << lines[i];
  EXPECT_EQ(column_of(lines[1], "一般公共服务支出"), name_col);
  EXPECT_EQ(column_of(lines[2], "人大事务"), name_col + 2);
  bool found = false;
  for (const auto& l : lines)
    if (l.rfind("205 01 01 ", 0) == 0) {
      found = true;
      EXPECT_EQ(column_of(l, "行政运行"), name_col + 4);
    }
  EXPECT_TRUE(found);
  // 款 205 01 lists every 项.
  for (const auto& l : lines)
    if (l.rfind("205 01 ", 0) == 0 && l.find("款") != std::string::npos) {
      EXPECT_NE(l.find("complete"), std::string::npos) << l;
    }
}

TEST(catalog_cli, econ_and_gov_econ_text) {
  for (const auto& [kind, family, first] :
       {std::tuple{"econ", yusuan::code_family::econ, "301"}, std::tuple{"gov-econ", yusuan::code_family::gov_econ, "501"}}) {
    const auto r = run_cli(std::string("catalog ") + kind + " --format text");
    ASSERT_EQ(r.exit, 0) << kind << r.err;
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), latest().entries(family).size() + 1) << kind;
    EXPECT_EQ(lines[1].rfind(first, 0), 0u) << kind;
    const auto flags_col = column_of(lines[0], "flags");
    for (std::size_t i = 1; i < lines.size(); ++i) EXPECT_EQ(column_of(lines[i], "["), flags_col) << lines[i];
  }
}

TEST(catalog_cli, mapping_text) {
  const auto r = run_cli("catalog mapping");
  ASSERT_EQ(r.exit, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), latest().mapping().size() + 1);
  EXPECT_EQ(lines[1].rfind("30101  基本工资", 0), 0u) << lines[1];
  const auto gov_col = column_of(lines[0], "政府");
  const auto units_col = column_of(lines[0], "unit types");
  const auto flags_col = column_of(lines[0], "flags");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(from_column(lines[i], gov_col).substr(0, 1), "5") << lines[i];
    const auto units = from_column(lines[i], units_col);
    EXPECT_TRUE(units.rfind("行政", 0) == 0 || units.rfind("事业", 0) == 0) << lines[i];
    EXPECT_EQ(from_column(lines[i], flags_col).substr(0, 1), "[") << lines[i];
  }
}

TEST(catalog_cli, csv_of_every_kind) {
  struct expect_csv {
    const char* kind;
    std::size_t rows;
    const char* header;
    const char* row;
  };
  const expect_csv cases[] = {
      {"function", latest().entries(yusuan::code_family::function).size(), "code,level,name,flags,complete",
       "201,1,一般公共服务支出,[R][T],false"},
      {"econ", latest().entries(yusuan::code_family::econ).size(), "code,level,name,flags,complete",
       "301,1,工资福利支出,[R][T],true"},
      {"gov-econ", latest().entries(yusuan::code_family::gov_econ).size(), "code,level,name,flags,complete",
       "50101,2,工资奖金津补贴,[P],false"},
      {"mapping", latest().mapping().size(), "dept_code,dept_name,gov_code,gov_name,unit_types,flags",
       "30101,基本工资,50101,工资奖金津补贴,\"行政,参公\",[P]"},
  };
  for (const auto& c : cases) {
    const auto r = run_cli(std::string("catalog ") + c.kind + " --format csv");
    ASSERT_EQ(r.exit, 0) << c.kind << r.err;
    ASSERT_GE(r.out.size(), 2u);
    EXPECT_EQ(r.out.substr(r.out.size() - 2), "\r\n") << c.kind;  // RFC 4180 line breaks
    const auto lines = lines_of(r.out, "\r\n");
    ASSERT_EQ(lines.size(), c.rows + 1) << c.kind;
    EXPECT_EQ(lines[0], c.header);
    EXPECT_NE(std::find(lines.begin(), lines.end(), c.row), lines.end()) << c.kind << ": no row " << c.row;
  }
  // A field with a comma is quoted; one with none is not.
  const auto r = run_cli("catalog mapping --format=csv");
  EXPECT_NE(r.out.find("\r\n30301,离休费,50905,离退休费,\"行政,参公,事业\",[K][?]\r\n"), std::string::npos);
}

TEST(catalog_cli, json_of_every_kind) {
  struct expect_json {
    const char* kind;
    std::size_t rows;
    const char* object;
  };
  const expect_json cases[] = {
      {"function", latest().entries(yusuan::code_family::function).size(),
       R"({"code": "20501", "level": 2, "name": "教育管理事务", "flags": "[K]", "complete": true})"},
      {"econ", latest().entries(yusuan::code_family::econ).size(),
       R"({"code": "30101", "level": 2, "name": "基本工资", "flags": "[R][T]", "complete": false})"},
      {"gov-econ", latest().entries(yusuan::code_family::gov_econ).size(),
       R"({"code": "503", "level": 1, "name": "机关资本性支出（一）", "flags": "[K]", "complete": false})"},
      {"mapping", latest().mapping().size(),
       R"({"dept_code": "30101", "dept_name": "基本工资", "gov_code": "50501", "gov_name": "工资福利支出", "unit_types": ["事业"], "flags": "[K]"})"},
  };
  for (const auto& c : cases) {
    const auto r = run_cli(std::string("catalog ") + c.kind + " --format json");
    ASSERT_EQ(r.exit, 0) << c.kind << r.err;
    EXPECT_EQ(r.out.rfind("[\n  {", 0), 0u) << c.kind;
    ASSERT_GE(r.out.size(), 4u);
    EXPECT_EQ(r.out.substr(r.out.size() - 4), "}\n]\n") << c.kind;
    EXPECT_EQ(count(r.out, "\n  {"), c.rows) << c.kind;
    EXPECT_NE(r.out.find(c.object), std::string::npos) << c.kind << ": no object " << c.object;
  }
}

TEST(catalog_cli, year_selects_names_and_notes_the_edition) {
  const auto y2018 = run_cli("catalog function --year 2018 --format csv");
  ASSERT_EQ(y2018.exit, 0) << y2018.err;
  EXPECT_NE(y2018.out.find("\r\n210,1,医疗卫生与计划生育支出,"), std::string::npos);
  EXPECT_EQ(y2018.err, "yusuan: note: the catalog has no 2018 edition; using the 2024 edition (names as of 2018)\n");

  const auto y2024 = run_cli("catalog function --year=2024 --format csv");
  ASSERT_EQ(y2024.exit, 0) << y2024.err;
  EXPECT_NE(y2024.out.find("\r\n210,1,卫生健康支出,"), std::string::npos);
  EXPECT_TRUE(y2024.err.empty()) << y2024.err;

  const auto y2030 = run_cli("catalog mapping --year 2030 --format json");
  EXPECT_EQ(y2030.exit, 0);
  EXPECT_NE(y2030.err.find("no 2030 edition; using the 2024 edition"), std::string::npos);
}

TEST(catalog_cli, bad_arguments_exit_2) {
  const char* bad[] = {
      "catalog",
      "catalog widgets",
      "catalog function --year",
      "catalog function --year abc",
      "catalog function --year 18",
      "catalog function --year 1999",
      "catalog function --format xml",
      "catalog function --format",
      "catalog function econ",
      "catalog function --bogus",
  };
  for (const char* args : bad) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit, 2) << args;
    EXPECT_TRUE(r.out.empty()) << args;
    EXPECT_EQ(r.err.rfind("yusuan: error: ", 0), 0u) << args << ": " << r.err;
  }
  EXPECT_EQ(run_cli("catalog widgets").err,
            "yusuan: error: unknown catalog kind 'widgets': expected function, econ, gov-econ or mapping\n");
  EXPECT_EQ(run_cli("catalog econ --format xml").err, "yusuan: error: --format must be text, csv or json, not 'xml'\n");
  EXPECT_EQ(run_cli("catalog econ --year 20x4").err, "yusuan: error: --year needs a year from 2000 to 2100, not '20x4'\n");
}
