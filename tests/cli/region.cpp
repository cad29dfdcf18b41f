// Many budgets at once: scripts/gen-region, `yusuan check DIR | @LIST |
// FILE...` with -j, `yusuan consolidate` and the hive-partitioned export.
#include "support/test_support.hpp"
#include "support/json.hpp"

#include <cstdlib>
#include <map>
#include <set>
#include <algorithm>
#include <fstream>

using namespace yusuan_test;

namespace {

/// Runs scripts/gen-region into `dir` with `args`; fails the test on error.
void gen_region(const fs::path& dir, const std::string& args) {
  const std::string cmd = "python3 scripts/gen-region " + quote(dir) + " " + args + " 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

/// Every file under `dir`, by its path relative to `dir`, with its bytes.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = read_all(e.path());
  return out;
}

std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else out.back() += c;
    } else if (c == '"') quoted = true;
    else if (c == ',') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

/// "1234.56" as a whole number of hundredths.
long long hundredths(const std::string& s) {
  const auto dot = s.find('.');
  EXPECT_NE(dot, std::string::npos) << s;
  return std::stoll(s.substr(0, dot) + s.substr(dot + 1));
}

}  // namespace

TEST(region, generator_is_deterministic_and_every_budget_checks_clean) {
  temp_dir a, b, c;
  gen_region(a.path(), "--units 12 --items 40 --seed 5");
  gen_region(b.path(), "--units 12 --items 40 --seed 5");
  gen_region(c.path(), "--units 12 --items 40 --seed 6");
  const auto ta = tree(a.path()), tb = tree(b.path()), tc = tree(c.path());
  EXPECT_EQ(ta, tb);  // same seed: the same files, byte for byte
  EXPECT_NE(ta, tc);
  EXPECT_EQ(lines_of(ta.at("units.list")).size(), 12u);

  auto units = run_cli("check @" + quote(a.path() / "units.list"));
  EXPECT_EQ(units.exit, 0) << units.err;
  EXPECT_HAS(units.err, "12 budgets checked: 12 ok, 0 with errors;");
  EXPECT_HAS(units.err, "0 warnings");
  auto depts = run_cli("check @" + quote(a.path() / "departments.list"));
  EXPECT_EQ(depts.exit, 0) << depts.err;
  EXPECT_HAS(depts.err, "0 with errors");
  // each unit budget has projects with performance targets and a prior-year figure
  const std::string& unit = ta.at(lines_of(ta.at("units.list"))[0]);
  EXPECT_HAS(unit, "绩效 {");
  EXPECT_HAS(unit, "上年 ");
  EXPECT_HAS(unit, "较上年");
}

TEST(region, check_gives_the_same_results_in_the_same_order_for_any_jobs) {
  temp_dir t;
  gen_region(t.path(), "--units 40 --items 30 --seed 3 --wrong 3");
  // one unit with a syntax error, one file that is not UTF-8
  const auto list = lines_of(read_all(t.path() / "units.list"));
  std::ofstream(t.path() / list[7], std::ios::app) << "核对 合计 = = 1\n";
  t.write("999/units/999001.budget", gbk_title);
  auto j1 = run_cli("check -j 1 " + quote(t.path()));
  auto j2 = run_cli("check -j 2 " + quote(t.path()));
  auto j5 = run_cli("check --jobs=5 " + quote(t.path()));
  EXPECT_EQ(j1.exit, 2) << j1.err;  // the unreadable file wins
  EXPECT_EQ(j1.exit, j2.exit);
  EXPECT_EQ(j1.err, j2.err);
  EXPECT_EQ(j1.err, j5.err);
  EXPECT_EQ(j1.out, j2.out);
  // one line per failing budget, then the summary
  const auto out = lines_of(j1.err);
  ASSERT_GE(out.size(), 5u) << j1.err;
  std::size_t e0501 = 0, syntax = 0;
  for (const auto& l : out) {
    e0501 += l.find("department.budget: 1 error, 0 warnings — ") != std::string::npos &&
             l.find("error[E0501]") != std::string::npos;
    syntax += l.find(list[7]) != std::string::npos && l.find("error[E0101]") != std::string::npos;
  }
  EXPECT_EQ(syntax, 2u) << j1.err;  // the unit, and its department that imports it
  EXPECT_GE(e0501, 2u) << j1.err;
  EXPECT_HAS(j1.err, "999001.budget: 1 error, 0 warnings — ");
  EXPECT_HAS(out.back(), " budgets checked: ");
  EXPECT_HAS(out.back(), " with errors, 1 unreadable;");
  // failing lines come in path order
  std::vector<std::string> order;
  for (const auto& l : out)
    if (l.find(".budget: ") != std::string::npos) order.push_back(l.substr(0, l.find(".budget: ")));
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end())) << j1.err;

  auto json1 = run_cli("check -j1 --format json @" + quote(t.path() / "departments.list"));
  auto json2 = run_cli("check -j2 --format json @" + quote(t.path() / "departments.list"));
  EXPECT_EQ(json1.exit, 1);
  EXPECT_EQ(json1.out, json2.out);
  json doc;
  ASSERT_TRUE(json_reader(json1.out).read(doc)) << json1.out;
  ASSERT_EQ(doc.type, json::kind::array);
  std::size_t constraint_failures = 0;
  for (const auto& d : doc.array) constraint_failures += d.get("code")->string == "E0501";
  // two departments fail a constraint; the third, which imports the unit with
  // the syntax error, is not checked (its figures lack the statement left out)
  EXPECT_EQ(constraint_failures, 2u) << json1.out;
}

TEST(region, list_files_and_usage) {
  temp_dir t;
  gen_region(t.path(), "--units 4 --items 20");
  const auto units = lines_of(read_all(t.path() / "units.list"));
  t.write("sub/some.list", "# two units, relative to the list\n\n../" + units[0] + "\n  ../" + units[1] + "  \n");
  auto two = run_cli("check @" + quote(t.path() / "sub/some.list"));
  EXPECT_EQ(two.exit, 0) << two.err;
  EXPECT_HAS(two.err, "2 budgets checked: 2 ok, 0 with errors;");
  auto quiet = run_cli("check -q -j2 @" + quote(t.path() / "sub/some.list"));
  EXPECT_EQ(quiet.err, "");
  t.write("bad.list", units[0] + "\nno/such.budget\n");
  auto missing = run_cli("check @" + quote(t.path() / "bad.list"));
  EXPECT_EQ(missing.exit, 2) << missing.err;
  EXPECT_HAS(missing.err, "no/such.budget: 1 error, 0 warnings — error[E0001]: cannot read");
  EXPECT_HAS(missing.err, "2 budgets checked: 1 ok, 0 with errors, 1 unreadable;");
  EXPECT_EQ(run_cli("check @" + quote(t.path() / "none.list")).exit, 2);
  // a list that names nothing is a usage error for every command that reads lists
  t.write("empty.list", "# none\n\n");
  for (const std::string c : {"check", "check -j 2", "check --format junit", "consolidate", "export"}) {
    auto empty = run_cli(c + " @" + quote(t.path() / "empty.list") + (c == "export" ? " --to " + quote(t.path() / "o") : ""));
    EXPECT_EQ(empty.exit, 2) << c << empty.err;
    EXPECT_HAS(empty.err, "empty.list' names no file");
  }
  auto j0 = run_cli("check -j 0 " + quote(t.path()));
  EXPECT_EQ(j0.exit, 2);
  EXPECT_HAS(j0.err, "-j needs a number of jobs");
  auto diag = run_cli("check --diagnostics " + quote(t.path() / units[0]) + " tests/data/dsl/cli_error.budget");
  EXPECT_EQ(diag.exit, 1);
  EXPECT_HAS(diag.err, "--> tests/data/dsl/cli_error.budget:3:1");  // every diagnostic, as for one budget
  EXPECT_HAS(diag.err, "tests/data/dsl/cli_error.budget: 1 error, 0 warnings — tests/data/dsl/cli_error.budget:3:1: "
                       "error[E0401]");
}

TEST(region, consolidate_adds_up_units_into_departments_and_departments_into_the_region) {
  temp_dir t;
  gen_region(t.path(), "--units 20 --items 25 --seed 9");
  auto r = run_cli("consolidate --format csv --unit 元 " + quote(t.path()));
  ASSERT_EQ(r.exit, 0) << r.err << r.out;
  const auto rows = lines_of(r.out);
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0], "level,department_code,department_name,unit_code,unit_name,unit_type,units,items,basic,project,total,status");
  long long unit_sum = 0, dept_sum = 0, region_total = -1;
  std::size_t departments = 0, units = 0;
  std::map<std::string, long long> dept_total;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto f = csv_fields(rows[i]);
    ASSERT_EQ(f.size(), 12u) << rows[i];
    if (f[0] == "unit") {
      ++units;
      unit_sum += hundredths(f[10]);
      EXPECT_EQ(hundredths(f[8]) + hundredths(f[9]), hundredths(f[10])) << rows[i];
    } else if (f[0] == "department") {
      ++departments;
      EXPECT_EQ(hundredths(f[10]), unit_sum) << rows[i];  // the department is its units summed
      EXPECT_EQ(f[11], "ok");
      dept_total[f[1]] = hundredths(f[10]);
      dept_sum += unit_sum;
      unit_sum = 0;
    } else {
      EXPECT_EQ(f[0], "region");
      region_total = hundredths(f[10]);
    }
  }
  EXPECT_EQ(units, 20u);
  EXPECT_EQ(departments, lines_of(read_all(t.path() / "departments.list")).size());
  EXPECT_EQ(region_total, dept_sum);
  // each department's total is what yusuan query computes from the department's budget
  for (const auto& d : lines_of(read_all(t.path() / "departments.list"))) {
    auto q = run_cli("query " + quote(t.path() / d) + " sum --format csv --unit 元");
    ASSERT_EQ(q.exit, 0) << q.err;
    const std::string code = fs::path(d).parent_path().string();
    EXPECT_EQ(hundredths(lines_of(q.out).at(1)), dept_total.at(code)) << d;
  }
  auto text = run_cli("consolidate -j2 " + quote(t.path()));
  EXPECT_EQ(text.exit, 0) << text.err;
  EXPECT_HAS(text.out, "公开数与单位合计一致");
  EXPECT_HAS(text.out, "地区合计");
}

TEST(region, consolidate_reports_what_does_not_add_up) {
  temp_dir t;
  gen_region(t.path(), "--units 20 --items 25 --seed 9 --wrong 2");
  auto r1 = run_cli("consolidate -j1 " + quote(t.path()));
  auto r2 = run_cli("consolidate -j2 " + quote(t.path()));
  EXPECT_EQ(r1.exit, 1) << r1.err;
  EXPECT_EQ(r1.out, r2.out);
  EXPECT_HAS(r1.out, "不一致 (1):");
  EXPECT_HAS(r1.out, "error[E0501]: constraint failed: row ");
  EXPECT_HAS(r1.out, "of '核对 合计 按 单位': published ");
  EXPECT_HAS(r1.out, "2 个部门不一致");
  // the published figure is 0.01 万元 more than the unit's total
  const auto lines = lines_of(r1.out);
  std::size_t found = 0;
  for (const auto& l : lines) {
    const auto p = l.find("published "), u = l.find(", units add up to ");
    if (p == std::string::npos || u == std::string::npos) continue;
    ++found;
    const std::string sum = l.substr(u + 18);
    EXPECT_HAS(sum, " (difference -0.01 万元)");
    EXPECT_EQ(hundredths(l.substr(p + 10, u - p - 10)) - hundredths(sum.substr(0, sum.find(' '))), 1) << l;
  }
  EXPECT_EQ(found, 2u) << r1.out;
  auto quiet = run_cli("consolidate -q " + quote(t.path()));
  EXPECT_EQ(quiet.exit, 1);
  EXPECT_EQ(lines_of(quiet.out).size(), 2 * 4 + 2 + lines_of(read_all(t.path() / "departments.list")).size() + 2)
      << quiet.out;
}

TEST(region, consolidate_keeps_a_unit_whose_budget_does_not_check) {
  temp_dir t;
  gen_region(t.path(), "--units 12 --items 20 --seed 4");  // 100: units 100001…100010
  const fs::path d100 = t.path() / "100";
  const std::string dept_total = "10,177,40677600.00,10679900.00,51357500.00,";
  // a unit whose own published figure disagrees with its items: its items are whole, and counted
  std::string unit = read_all(d100 / "units/100002.budget");
  const auto at = unit.find("核对 单位支出100002 较上年 减少 35.86");
  ASSERT_NE(at, std::string::npos) << unit;
  unit.replace(at, std::string("核对 单位支出100002 较上年 减少 35.86").size(), "核对 单位支出100002 较上年 减少 9.99");
  t.write("100/units/100002.budget", unit);
  auto csv = run_cli("consolidate --format csv --unit 元 " + quote(d100));
  EXPECT_EQ(csv.exit, 1) << csv.err;
  EXPECT_HAS(csv.out, "\nunit,100,青禾市财政局,100002,");
  EXPECT_HAS(csv.out, ",1 个错误\n");
  EXPECT_HAS(csv.out, "\ndepartment,100,青禾市财政局,,,," + dept_total + "1 处不一致\n");  // said once
  auto text = run_cli("consolidate " + quote(d100));
  EXPECT_HAS(text.out, "  不一致 (1):\n    " + (d100 / "units/100002.budget").string() +
                           ": does not check (1 error, only of its 核对: its items are counted): ");
  // the unit's own 核对 is no figure its units add up to
  const std::string line = text.out.substr(text.out.find("units/100002.budget: does not check"),
                                           text.out.find('\n', text.out.find("units/100002.budget: does not check")) -
                                               text.out.find("units/100002.budget: does not check"));
  EXPECT_HAS(line, "核对 单位支出100002 较上年 减少 9.99, found 减少 35.86");
  EXPECT_EQ(line.find("units add up to"), std::string::npos) << line;
  // a unit whose budget cannot be read whole: its row stays, blank, and is not counted
  t.write("100/units/100003.budget", read_all(d100 / "units/100003.budget") + "\n208 01 @@\n");
  csv = run_cli("consolidate --format csv --unit 元 " + quote(d100));
  EXPECT_EQ(csv.exit, 1) << csv.err;
  EXPECT_HAS(csv.out, "\nunit,100,青禾市财政局,100003,,,0,,,,,");  // no unit of the department's sums
  EXPECT_HAS(csv.out, "个错误，未计入合计\n");
  EXPECT_EQ(csv.out.find(dept_total), std::string::npos) << csv.out;  // its figures are not in the department's
  text = run_cli("consolidate " + quote(d100));
  EXPECT_HAS(text.out, ": not counted): ");
  EXPECT_HAS(text.out, "error[E0101]: syntax error: expected ");
  {  // what it expected is said once
    const auto at = text.out.find("error[E0101]: syntax error: expected ");
    const std::string e0101 = text.out.substr(at, text.out.find('\n', at) - at);
    EXPECT_EQ(e0101.find("expected", e0101.find("expected") + 1), std::string::npos) << e0101;
  }
  EXPECT_HAS(text.out, "未计入合计");
}

TEST(region, consolidate_says_when_a_departments_figures_were_not_compared_and_when_years_differ) {
  temp_dir t;
  gen_region(t.path(), "--units 12 --items 20 --seed 4");  // 100, 101 …: departments of 2025
  const fs::path d100 = t.path() / "100";
  // a unit of another year: the department's budget does not build (E0206), so none of its
  // published figures is compared (it was silent about them)
  std::string unit = read_all(d100 / "units/100002.budget");
  const auto at = unit.find("年度 2025");
  ASSERT_NE(at, std::string::npos) << unit;
  unit.replace(at, std::string("年度 2025").size(), "年度 2024");
  t.write("100/units/100002.budget", unit);
  auto text = run_cli("consolidate " + quote(d100));
  EXPECT_EQ(text.exit, 1) << text.err;
  EXPECT_HAS(text.out, "error[E0206]: year 2024 differs from the budget's year 2025");
  EXPECT_HAS(text.out, "checks were not run because of the errors above: its published figures are not compared "
                       "with its units' sums");
  // a region of departments of two years: the one of the other year says so
  temp_dir r;
  gen_region(r.path(), "--units 24 --items 10 --seed 4");
  std::vector<fs::path> departments;
  for (const auto& e : fs::directory_iterator(r.path()))
    if (fs::is_regular_file(e.path() / "department.budget")) departments.push_back(e.path());
  std::sort(departments.begin(), departments.end());
  ASSERT_GE(departments.size(), 2u);
  for (const auto& e : fs::recursive_directory_iterator(departments.back()))
    if (e.path().extension() == ".budget") {
      std::string text = read_all(e.path());
      if (const auto y = text.find("年度 2025"); y != std::string::npos) text.replace(y, 11, "年度 2024");
      std::ofstream(e.path(), std::ios::binary) << text;
    }
  auto mixed = run_cli("consolidate -q " + quote(r.path()));
  EXPECT_EQ(mixed.exit, 1) << mixed.err;
  EXPECT_HAS(mixed.out, (departments.back() / "department.budget").string() + ": a budget of 2024, in a region of 2025 (");
  EXPECT_HAS(mixed.out, "1 个部门不一致");
}

TEST(region, consolidate_counts_the_units_a_department_imports_and_reports_the_others) {
  temp_dir t;
  gen_region(t.path(), "--units 12 --items 20 --seed 4");  // 100: units 100001…100010, 101: 101001, 101002
  const fs::path d100 = t.path() / "100";
  const std::string dept_row = "department,100,青禾市财政局,,,,10,177,40677600.00,10679900.00,51357500.00,";
  const std::string region_row = "region,,,,,,12,228,53575900.00,12961200.00,66537100.00,";
  // a unit file of the folder its department.budget does not import: not in the department's figures, nor in its sums
  std::string unit = read_all(d100 / "units/100001.budget");
  for (std::size_t at; (at = unit.find("100001")) != std::string::npos;) unit.replace(at, 6, "100099");
  t.write("100/units/100099.budget", unit);
  auto csv = run_cli("consolidate --format csv --unit 元 " + quote(d100));
  EXPECT_EQ(csv.exit, 1) << csv.err;
  EXPECT_HAS(csv.out, "\n" + dept_row + "1 处不一致\n");
  EXPECT_EQ(csv.out.find("100099"), std::string::npos) << csv.out;
  auto q = run_cli("query " + quote(d100 / "department.budget") + " sum --format csv --unit 元");
  EXPECT_EQ(lines_of(q.out).at(1), "51357500.00");  // the department's own total
  auto text = run_cli("consolidate " + quote(d100));
  EXPECT_EQ(text.exit, 1);
  EXPECT_HAS(text.out, "  不一致 (1):\n    " + (d100 / "units/100099.budget").string() +
                           ": a unit budget in the department's folder that " + (d100 / "department.budget").string() +
                           " does not import: not counted\n");
  EXPECT_EQ(text.out.find("公开数与单位合计一致"), std::string::npos);
  fs::remove(d100 / "units/100099.budget");
  // a department folder inside another: its units are its own, the outer department's are those it imports
  fs::rename(t.path() / "101", d100 / "101");
  auto inner = run_cli("consolidate --format csv --unit 元 " + quote(d100));
  EXPECT_EQ(inner.exit, 0) << inner.out;
  EXPECT_HAS(inner.out, "\n" + dept_row + "ok\n");
  auto region = run_cli("consolidate --format csv --unit 元 " + quote(t.path()));
  EXPECT_EQ(region.exit, 0) << region.out;
  EXPECT_HAS(region.out, "\n" + region_row + "ok\n");
  // a file the department imports that is no unit file of its folder (a unit of the department inside it)
  std::string dept = read_all(d100 / "department.budget");
  dept.replace(dept.find("导入 \"units/100001.budget\""), 0, "导入 \"101/units/101001.budget\"\n");
  t.write("100/department.budget", dept);
  auto foreign = run_cli("consolidate " + quote(d100));
  EXPECT_EQ(foreign.exit, 1);
  EXPECT_HAS(foreign.out, "    " + (d100 / "department.budget").string() + " imports " +
                              (d100 / "101/units/101001.budget").string() +
                              ", which is no unit budget of its folder (a *.budget file, not in a department folder "
                              "inside it): in the department's published figures, in no unit's sum\n");
}

TEST(region, consolidate_refuses_a_department_named_twice) {
  temp_dir t;
  gen_region(t.path(), "--units 12 --items 20 --seed 4");
  const std::string file = (t.path() / "100/department.budget").string();
  const std::string twice = "yusuan: error: the department " + file + " is named twice";
  const std::string why = ": its units would be counted twice; name each department once\n";
  for (const std::string& args : {quote(t.path()) + " " + quote(t.path() / "100"),
                                 quote(t.path() / "100") + " " + quote(t.path() / "100/department.budget")}) {
    auto r = run_cli("consolidate " + args);
    EXPECT_EQ(r.exit, 2) << args;
    EXPECT_EQ(r.out, "");
    EXPECT_HAS(r.err, twice + why);
  }
  // by the file, not by its path: another spelling, a link
  t.write("dup.list", "100\n101\n./100\n");
  auto list = run_cli("consolidate @" + quote(t.path() / "dup.list"));
  EXPECT_EQ(list.exit, 2);
  EXPECT_HAS(list.err, twice + " (also as " + (t.path() / "./100/department.budget").string() + ")" + why);
  fs::create_directory_symlink("100", t.path() / "alias");
  auto link = run_cli("consolidate -q " + quote(t.path() / "100") + " " + quote(t.path() / "alias"));
  EXPECT_EQ(link.exit, 2);
  EXPECT_HAS(link.err, twice + " (also as " + (t.path() / "alias/department.budget").string() + ")" + why);
  EXPECT_EQ(run_cli("consolidate -q @" + quote(t.path() / "departments.list")).exit, 0);
}

TEST(region, export_writes_a_hive_partitioned_dataset) {
  temp_dir t;
  gen_region(t.path(), "--units 8 --items 20 --seed 2");
  const fs::path out = t.path() / "out";
  auto r = run_cli("export -j2 " + quote(t.path()) + " --to " + quote(out));
  ASSERT_EQ(r.exit, 0) << r.err;
  auto c = run_cli("check @" + quote(t.path() / "units.list"));
  const std::string items = c.err.substr(c.err.find("; ") + 2, c.err.find(" items") - c.err.find("; ") - 2);
  EXPECT_HAS(r.err, "wrote " + items + " items of 8 budgets");
  std::size_t rows = 0, files = 0;
  for (const auto& unit : lines_of(read_all(t.path() / "units.list"))) {
    const fs::path p = fs::path(unit);
    const std::string dept = p.parent_path().parent_path().string();
    const fs::path csv = out / "year=2025" / ("department=" + dept) / (p.stem().string() + ".csv");
    ASSERT_TRUE(fs::exists(csv)) << csv;
    const auto l = lines_of(read_all(csv));
    EXPECT_EQ(l.at(0).substr(0, 15), "item,unit_code,");
    rows += l.size() - 1;
    ++files;
  }
  EXPECT_EQ(std::to_string(rows), items);
  json doc;
  ASSERT_TRUE(json_reader(read_all(out / "datapackage.json")).read(doc));
  const auto& res = doc.get("resources")->array.at(0);
  EXPECT_EQ(res.get("path")->array.size(), files);
  EXPECT_EQ(res.get("partitioning")->get("style")->string, "hive");
  auto bad = run_cli("export " + quote(t.path()) + " -o x.csv");
  EXPECT_EQ(bad.exit, 2);
  EXPECT_HAS(bad.err, "needs --to DIR");
}

namespace {

/// A unit's budget of one item: the header lines `head`, year 2024, in 元.
std::string unit_budget(const std::string& head) {
  return "年度 2024\n金额单位 元\n" + head + "\n208 01 09 30101: 1.00 基本支出\n";
}

}  // namespace

TEST(region, export_file_names_fit_the_file_system_and_never_collide) {
  temp_dir t;
  std::string long_name, long_code(300, '9');
  for (int i = 0; i < 90; ++i) long_name += "长";
  t.write("in/a.budget", unit_budget("单位 \"" + long_name + "\" 类型 行政"));
  t.write("in/b.budget", unit_budget("部门 " + long_code + " \"部\"\n单位 001 \"甲\" 类型 行政"));
  t.write("in/c.budget", unit_budget("单位 \"/\" 类型 行政"));
  t.write("in/d.budget", unit_budget("单位 \"x2f\" 类型 行政"));
  t.write("in/e.budget", unit_budget("单位 \"" + long_name + "甲\" 类型 行政"));
  const fs::path out = t.path() / "out";
  auto r = run_cli("export -j2 " + quote(t.path() / "in") + " --to " + quote(out));
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.err, "wrote 5 items of 5 budgets");
  std::set<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    EXPECT_LE(e.path().filename().string().size(), 255u) << e.path();
    if (e.is_regular_file() && e.path().extension() == ".csv") files.insert(fs::relative(e.path(), out).generic_string());
  }
  EXPECT_EQ(files.size(), 5u);
  EXPECT_TRUE(files.count("year=2024/department=none/x2f.csv"));      // 单位 "/"
  EXPECT_TRUE(files.count("year=2024/department=none/x783266.csv"));  // 单位 "x2f"
  // a long name: x, the hex of its first whole characters, _ and a hash
  std::string start = "x";
  for (int i = 0; i < 37; ++i) start += "e995bf";
  std::size_t cut = 0;
  for (const auto& f : files)
    if (f.rfind("year=2024/department=none/" + start + "_", 0) == 0) ++cut;
  EXPECT_EQ(cut, 2u);
  json doc;
  ASSERT_TRUE(json_reader(read_all(out / "datapackage.json")).read(doc));
  EXPECT_EQ(doc.get("resources")->array.at(0).get("path")->array.size(), 5u);
}

TEST(region, an_export_into_the_folder_of_an_earlier_one_replaces_its_files) {
  // the files of budgets no longer exported stayed, and a reader of the
  // whole folder (DuckDB's **/*.csv) counted them
  temp_dir t;
  t.write("in/a.budget", unit_budget("单位 001 \"甲\" 类型 行政"));
  t.write("in/b.budget", unit_budget("部门 7 \"部\"\n单位 002 \"乙\" 类型 行政"));
  const fs::path out = t.path() / "out";
  ASSERT_EQ(run_cli("export " + quote(t.path() / "in") + " --to " + quote(out)).exit, 0);
  t.write("out/README.txt", "mine");  // a file of the user's own is left as it is
  t.write("in/b.budget", unit_budget("单位 003 \"丙\" 类型 行政"));
  ASSERT_EQ(run_cli("export " + quote(t.path() / "in") + " --to " + quote(out)).exit, 0);
  std::set<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(out)) files.insert(fs::relative(e.path(), out).generic_string());
  EXPECT_EQ(files, (std::set<std::string>{"README.txt", "datapackage.json", "year=2024", "year=2024/department=none",
                                          "year=2024/department=none/001.csv", "year=2024/department=none/003.csv"}));
  // a folder of files of another program's is not touched
  t.write("other/year=2024/department=none/009.csv", "x\n");
  ASSERT_EQ(run_cli("export " + quote(t.path() / "in") + " --to " + quote(t.path() / "other")).exit, 0);
  EXPECT_TRUE(fs::exists(t.path() / "other/year=2024/department=none/009.csv"));
}

TEST(region, a_failed_export_leaves_nothing_behind) {
  temp_dir t;
  t.write("in/a.budget", unit_budget("单位 001 \"甲\" 类型 行政"));
  t.write("in/b.budget", unit_budget("单位 001 \"甲\" 类型 行政"));
  auto twice = run_cli("export " + quote(t.path() / "in") + " --to " + quote(t.path() / "out"));
  EXPECT_EQ(twice.exit, 2);
  EXPECT_HAS(twice.err, "two budgets write year=2024/department=none/001.csv");
  EXPECT_FALSE(fs::exists(t.path() / "out"));
  // a unit of a budget of several units that is a budget of its own too
  t.write("in/b.budget", "年度 2024\n金额单位 元\n部门 7 \"部\"\n单位 003 \"丙\" 类型 行政\n208 01 09 30101: 1.00 基本支出\n"
                         "单位 004 \"丁\" 类型 行政\n208 01 09 30101: 2.00 基本支出\n");
  t.write("in/c.budget", unit_budget("部门 7 \"部\"\n单位 004 \"丁\" 类型 行政"));
  auto inside = run_cli("export " + quote(t.path() / "in") + " --to " + quote(t.path() / "out"));
  EXPECT_EQ(inside.exit, 2);
  EXPECT_HAS(inside.err, "unit 004 is in ");
  EXPECT_HAS(inside.err, ": its items would be counted twice; nothing written");
  EXPECT_FALSE(fs::exists(t.path() / "out"));
  fs::remove(t.path() / "in/c.budget");
  t.write("in/b.budget", unit_budget("单位 001 \"甲\" 类型 行政"));
  // into a folder that exists: it is left as it was
  t.write("kept/old.txt", "old");
  EXPECT_EQ(run_cli("export -j2 " + quote(t.path() / "in") + " --to " + quote(t.path() / "kept")).exit, 2);
  EXPECT_EQ(tree(t.path() / "kept"), (std::map<std::string, std::string>{{"old.txt", "old"}}));
  EXPECT_EQ(std::distance(fs::directory_iterator(t.path() / "kept"), fs::directory_iterator()), 1);
  // a budget with an error: the others are not written either
  t.write("in/b.budget", "单位 002 \"乙\" 类型 行政\n208 01 09 30101: 一\n");
  EXPECT_EQ(run_cli("export " + quote(t.path() / "in") + " --to " + quote(t.path() / "out")).exit, 1);
  EXPECT_FALSE(fs::exists(t.path() / "out"));
  // nor the parents of the folder it made (out/ and out/a/ stayed)
  EXPECT_EQ(run_cli("export " + quote(t.path() / "in") + " --to " + quote(t.path() / "out/a/b")).exit, 1);
  EXPECT_FALSE(fs::exists(t.path() / "out"));
  EXPECT_EQ(run_cli("export " + quote(t.path() / "in/a.budget") + " --to " + quote(t.path() / "out/a/b")).exit, 0);
  EXPECT_TRUE(fs::exists(t.path() / "out/a/b/items.csv"));
}

TEST(region, consolidate_of_sums_no_amount_holds_is_E0701_and_writes_nothing) {
  temp_dir t;
  const std::string max = "92233720368547758.07";
  // two units of the largest amount: the sum of them (the department, whose budget does not build, is its folder)
  t.write("a/u1.budget", "金额单位 元\n单位 001 \"甲\" 类型 行政\n208 01 09 30101: " + max + " 基本支出\n");
  t.write("a/u2.budget", "金额单位 元\n单位 002 \"乙\" 类型 行政\n208 01 09 30101: " + max + " 基本支出\n");
  t.write("a/department.budget", "金额单位 元\n部门 001 \"部\"\n导入 \"u1.budget\"\n导入 \"u2.budget\"\n");
  // one file of two units whose total is 0, each unit's sum past the limit
  t.write("b/u.budget", "金额单位 元\n部门 002 \"部\"\n单位 003 \"丙\" 类型 行政\n208 01 09 30101: " + max +
                            " 基本支出\n208 01 09 30102: " + max + " 基本支出\n单位 004 \"丁\" 类型 行政\n208 01 09 30101: -" +
                            max + " 基本支出\n208 01 09 30102: -" + max + " 基本支出\n");
  t.write("b/department.budget", "金额单位 元\n部门 002 \"部\"\n导入 \"u.budget\"\n");
  const fs::path out = t.path() / "c.csv";
  const auto a = run_cli("consolidate --color never " + quote(t.path() / "a") + " --format csv -o " + quote(out));
  EXPECT_EQ(a.exit, 1) << a.err;
  EXPECT_HAS(a.err, "error[E0701]: the sum of the units of department a is more than an amount can hold\n"
                    "  --> <consolidate>:1:1\n");
  EXPECT_HAS(a.err, "department.budget\n");
  EXPECT_FALSE(fs::exists(out));
  const auto b = run_cli("consolidate -j2 --color never " + quote(t.path() / "b") + " -o " + quote(out));
  EXPECT_EQ(b.exit, 1) << b.err;
  EXPECT_HAS(b.err, "error[E0701]: the sum of the items of unit 003 is more than an amount can hold\n");
  EXPECT_HAS(b.err, "u.budget\n");
  EXPECT_FALSE(fs::exists(out));
}

TEST(region, rule_sets_apply_to_every_budget_whatever_jobs) {
  temp_dir t;
  gen_region(t.path(), "--units 10 --items 20 --seed 4");
  const std::string units = "@" + quote(t.path() / "units.list");
  auto j1 = run_cli("check -j1 --rules budgets/std/rules " + units);
  auto j2 = run_cli("check -j2 --rules budgets/std/rules " + units);
  EXPECT_EQ(j1.exit, j2.exit);
  EXPECT_EQ(j1.err, j2.err);
  EXPECT_HAS(j1.err, "10 budgets checked: ");
  EXPECT_HAS(j1.err, "; rules checked: ");
  auto none = run_cli("check -j2 " + units);
  EXPECT_EQ(none.err.find("rules checked"), std::string::npos) << none.err;
  // junit: a testsuite per budget of the list
  auto junit = run_cli("check --format junit --rules budgets/std/rules " + units);
  std::size_t suites = 0;
  for (std::size_t at = junit.out.find("<testsuite "); at != std::string::npos; at = junit.out.find("<testsuite ", at + 1))
    ++suites;
  EXPECT_EQ(suites, 10u) << junit.out.substr(0, 2000);
}
