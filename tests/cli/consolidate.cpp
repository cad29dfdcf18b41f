// `yusuan consolidate` on small departments written for each case: what the
// department's published figures are checked against is its units' sum (a
// unit file read in another 金额单位, items of the department's own file, a
// unit counted twice), a unit split over several files, items of no kind,
// and the department's own 部门.  (Regions of generated departments:
// tests/cli/region.cpp.)
#include "support/test_support.hpp"

#include <string>

using namespace yusuan_test;

namespace {

const std::string unit_u = "年度 2024\n单位 1 \"U\" 类型 事业\n";

/// The CSV of `consolidate --unit 元` of `dir`.
cli_result consolidate_csv(const fs::path& dir) { return run_cli("consolidate --format csv --unit 元 " + quote(dir)); }

}  // namespace

TEST(consolidate, a_unit_file_read_in_another_unit_of_amounts_when_imported_does_not_add_up) {
  // alone in 元 (no 金额单位), imported into a 万元 department in 万元 (W0208):
  // the published 20000.00 万元 was said to agree with units of 2.00 万元
  temp_dir t;
  t.write("D/u.budget", unit_u + "201 03 01 30101 → 50501: 20000.00\n");
  t.write("D/department.budget", "年度 2024\n金额单位 万元\n部门 9 \"D\"\n导入 \"u.budget\"\n核对 支出合计 = 20000.00\n");
  const auto r = run_cli("consolidate " + quote(t.path() / "D"));
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_HAS(r.out, "D/department.budget: its budget, its units imported, has 1 item and spends 20000.00 (基本支出 0.00, "
                    "项目支出 0.00); its units' budgets, each read alone, add up to 1 item and 2.00");
  EXPECT_EQ(r.out.find("公开数与单位合计一致"), std::string::npos) << r.out;
  // with 金额单位 in the unit's file, both read it alike
  t.write("D/u.budget", "金额单位 万元\n" + unit_u + "201 03 01 30101 → 50501: 20000.00\n");
  const auto fixed = consolidate_csv(t.path() / "D");
  EXPECT_EQ(fixed.exit, 0) << fixed.out << fixed.err;
  EXPECT_HAS(fixed.out, "department,9,D,,,,1,1,0.00,0.00,200000000.00,ok\n");
}

TEST(consolidate, items_of_the_departments_own_file_are_in_no_units_sum) {
  temp_dir t;
  t.write("D/u.budget", unit_u + "201 03 01 30101 → 50501: 100.00\n");
  t.write("D/department.budget", "年度 2024\n部门 9 \"D\"\n导入 \"u.budget\"\n单位 2 \"本级\" 类型 行政\n"
                                 "201 03 01 30101 → 50101: 5000000.00\n核对 支出合计 = 5000100.00\n");
  const auto r = run_cli("consolidate --unit 元 " + quote(t.path() / "D"));
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_HAS(r.out, "D/department.budget: states 1 item of its own (5000000.00 元): in the department's published "
                    "figures, in no unit's sum\n");
}

TEST(consolidate, one_unit_in_two_files_or_two_departments_is_counted_twice_and_said_so) {
  temp_dir t;
  const std::string u = unit_u + "201 03 01 30101 → 50501: 100.00\n";
  t.write("R/x/u.budget", u);
  t.write("R/x/u2.budget", u);
  t.write("R/x/department.budget", "年度 2024\n部门 1 \"X\"\n导入 \"u.budget\"\n导入 \"u2.budget\"\n");
  const auto twice = run_cli("consolidate " + quote(t.path() / "R/x"));
  EXPECT_EQ(twice.exit, 1) << twice.out;
  EXPECT_HAS(twice.out, "R/x/u2.budget: unit 1 U is stated by " + (t.path() / "R/x/u.budget").string() +
                            " too: its spending is counted twice\n");
  fs::remove(t.path() / "R/x/u2.budget");
  t.write("R/x/department.budget", "年度 2024\n部门 1 \"X\"\n导入 \"u.budget\"\n");
  EXPECT_EQ(run_cli("consolidate " + quote(t.path() / "R/x")).exit, 0);
  // the same unit in two departments of a region
  t.write("R/y/u.budget", u);
  t.write("R/y/department.budget", "年度 2024\n部门 2 \"Y\"\n导入 \"u.budget\"\n");
  const auto region = run_cli("consolidate " + quote(t.path() / "R"));
  EXPECT_EQ(region.exit, 1) << region.out;
  EXPECT_HAS(region.out, "R/y/u.budget: unit 1 U is a unit of " + (t.path() / "R/x/department.budget").string() +
                             " too: the region counts its spending twice\n");
}

TEST(consolidate, a_file_a_unit_imports_is_part_of_that_unit_not_a_unit_of_its_own) {
  // each file was compiled alone as a unit (in the wrong 金额单位) and counted
  temp_dir t;
  t.write("D/u/main.budget", "金额单位 万元\n" + unit_u + "导入 \"projects.budget\"\n201 03 01 基本支出 30101: 10.00\n");
  t.write("D/u/projects.budget", "项目 \"甲\" 类型 特定目标类 功能 2010301 {\n  30227: 5.00\n}\n");
  t.write("D/department.budget", "年度 2024\n金额单位 万元\n部门 9 \"D\"\n导入 \"u/main.budget\"\n核对 支出合计 = 15.00\n");
  const auto r = consolidate_csv(t.path() / "D");
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "level,department_code,department_name,unit_code,unit_name,unit_type,units,items,basic,project,total,"
                   "status\n"
                   "unit,9,D,1,U,事业,1,2,100000.00,50000.00,150000.00,ok\n"
                   "department,9,D,,,,1,2,100000.00,50000.00,150000.00,ok\n"
                   "region,,,,,,1,2,100000.00,50000.00,150000.00,ok\n");
}

TEST(consolidate, an_item_of_no_kind_is_in_the_total_and_in_neither_column) {
  temp_dir t;
  t.write("D/u.budget", unit_u + "201 03 01 30101 → 50501: 10.00\n201 03 01 基本支出 30102 → 50501: 90.00\n");
  t.write("D/department.budget", "年度 2024\n部门 9 \"D\"\n导入 \"u.budget\"\n");
  const auto r = consolidate_csv(t.path() / "D");
  EXPECT_HAS(r.out, "unit,9,D,1,U,事业,1,2,90.00,0.00,100.00,");  // 基本支出 was 100.00
}

TEST(consolidate, the_department_is_the_one_its_own_file_names_and_a_unit_naming_another_is_said) {
  // the last imported unit's 部门 named the department
  temp_dir t;
  t.write("D/u.budget", "部门 1 \"X\"\n" + unit_u + "201 03 01 30101 → 50501: 10.00\n");
  t.write("D/department.budget", "年度 2024\n部门 2 \"Y\"\n导入 \"u.budget\"\n");
  const auto r = run_cli("consolidate " + quote(t.path() / "D"));
  EXPECT_EQ(r.exit, 1) << r.out;
  EXPECT_HAS(r.out, "部门 2 Y (");
  EXPECT_HAS(r.out, "D/u.budget: states 部门 1 X, in the folder of 部门 2 Y (" +
                        (t.path() / "D/department.budget").string() + ")\n");
  // the language: the root file's 部门, before or after the import that names another
  EXPECT_EQ(yusuan::compile_file(t.path() / "D/department.budget").header().department_code, "2");
  t.write("D/department.budget", "年度 2024\n导入 \"u.budget\"\n部门 2 \"Y\"\n");
  EXPECT_EQ(yusuan::compile_file(t.path() / "D/department.budget").header().department_name, "Y");
  t.write("D/department.budget", "年度 2024\n导入 \"u.budget\"\n");  // none of its own: the unit's
  EXPECT_EQ(yusuan::compile_file(t.path() / "D/department.budget").header().department_name, "X");
}

TEST(consolidate, a_unit_file_that_cannot_be_read_or_a_unit_file_as_the_department_is_a_usage_error) {
  temp_dir t;
  t.write("D/u.budget", unit_u + "201 03 01 30101 → 50501: 10.00\n");
  t.write("D/department.budget", "年度 2024\n部门 9 \"D\"\n导入 \"u.budget\"\n");
  // a link to nothing was passed over: "一致", exit 0
  fs::create_symlink("nowhere.budget", t.path() / "D/dangling.budget");
  const auto dangling = run_cli("consolidate " + quote(t.path() / "D"));
  EXPECT_EQ(dangling.exit, 2) << dangling.out;
  EXPECT_EQ(dangling.out, "");
  EXPECT_HAS(dangling.err, "cannot read the unit budget '" + (t.path() / "D/dangling.budget").string() +
                               "': not a regular file");
  fs::remove(t.path() / "D/dangling.budget");
  // a unit's file as DEPT was read as a department of no units
  const auto unit = run_cli("consolidate " + quote(t.path() / "D/u.budget"));
  EXPECT_EQ(unit.exit, 2) << unit.out;
  EXPECT_HAS(unit.err, "is no department.budget");
  EXPECT_EQ(run_cli("consolidate " + quote(t.path() / "D/department.budget")).exit, 0);
}

TEST(consolidate, quiet_csv_has_only_the_departments_that_do_not_add_up_and_the_region) {
  // -q had no effect on CSV: every row was written
  temp_dir t;
  t.write("R/x/u.budget", unit_u + "201 03 01 30101 → 50501: 100.00\n");
  t.write("R/x/department.budget", "年度 2024\n部门 1 \"X\"\n导入 \"u.budget\"\n核对 支出合计 = 100.00\n");
  t.write("R/y/u.budget", "年度 2024\n单位 2 \"V\" 类型 事业\n201 03 01 30101 → 50501: 7.00\n");
  t.write("R/y/department.budget", "年度 2024\n部门 2 \"Y\"\n导入 \"u.budget\"\n核对 支出合计 = 8.00\n");
  const auto r = run_cli("consolidate -q --format csv --unit 元 " + quote(t.path() / "R"));
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_EQ(r.out, "level,department_code,department_name,unit_code,unit_name,unit_type,units,items,basic,project,total,"
                   "status\n"
                   "unit,2,Y,2,V,事业,1,1,0.00,0.00,7.00,ok\n"
                   "department,2,Y,,,,1,1,0.00,0.00,7.00,1 处不一致\n"
                   "region,,,,,,2,2,0.00,0.00,107.00,1 个部门不一致\n");
}

TEST(consolidate, a_unit_file_that_declares_no_unit_is_known_by_its_file_name) {
  // its row had no code and no name
  temp_dir t;
  t.write("D/u.budget", unit_u + "201 03 01 30101 → 50501: 100.00\n");
  t.write("D/empty.budget", "");
  t.write("D/department.budget", "年度 2024\n部门 9 \"D\"\n导入 \"u.budget\"\n导入 \"empty.budget\"\n");
  const auto r = consolidate_csv(t.path() / "D");
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_HAS(r.out, "unit,9,D,empty,,未知,1,0,0.00,0.00,0.00,ok\n");
}
