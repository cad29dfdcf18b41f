// `yusuan export`: the data package (items.csv and datapackage.json), the
// exact amount_fen column, --bom, and the CSV on standard output.
#include "support/json.hpp"
#include "support/test_support.hpp"
#include "support/xlsx_reader.hpp"

#include <cstdint>
#include <string>

using namespace yusuan_test;

namespace {

const std::string ref_arg = quote(reference_path);

}  // namespace

TEST(export_cli, writes_a_tabular_data_package) {
  temp_dir t;
  const auto r = run_cli("export " + ref_arg + " --to " + quote(t.path() / "pkg"));
  ASSERT_EQ(r.exit, 0) << r.err;
  const std::string csv = read_all(t.path() / "pkg/items.csv");
  const std::string desc = read_all(t.path() / "pkg/datapackage.json");
  const auto rows = xlsx::parse_csv(csv);
  ASSERT_EQ(rows.size(), 43u);
  EXPECT_EQ(rows[0].size(), 24u);
  EXPECT_NE(desc.find("\"profile\": \"tabular-data-package\""), std::string::npos);
  EXPECT_NE(desc.find("\"profile\": \"tabular-data-resource\""), std::string::npos);
  EXPECT_NE(desc.find("\"doubleQuote\": true"), std::string::npos);
  EXPECT_NE(desc.find("\"bytes\": " + std::to_string(csv.size())), std::string::npos);
  EXPECT_NE(desc.find("{\"name\": \"function_code\", \"type\": \"string\""), std::string::npos);
  EXPECT_NE(desc.find("{\"name\": \"amount_fen\", \"type\": \"integer\""), std::string::npos);
  EXPECT_NE(desc.find("\"fiscal\": {"), std::string::npos);
  // Every header of the CSV is a field of the schema, in order.
  std::size_t at = 0;
  for (const auto& h : rows[0]) {
    at = desc.find("{\"name\": \"" + h + "\"", at);
    EXPECT_NE(at, std::string::npos) << h;
  }
  // amount_fen is amount in 分, exactly; the sum is the budget's total.
  std::size_t amount = 0, fen = 0;
  for (std::size_t c = 0; c < rows[0].size(); ++c) {
    if (rows[0][c] == "amount") amount = c;
    if (rows[0][c] == "amount_fen") fen = c;
  }
  std::int64_t total = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    std::string digits = rows[i][amount];
    digits.erase(digits.find('.'), 1);
    EXPECT_EQ(std::to_string(std::stoll(digits)), rows[i][fen]);
    total += std::stoll(rows[i][fen]);
  }
  EXPECT_EQ(total, 383814600LL * 100);
  EXPECT_EQ(rows[1][3], "2080109") << "codes as written";
}

TEST(export_cli, one_budget_is_one_package_whatever_jobs_and_no_year_is_no_period) {
  // -j turned the export of one file into a region's layout
  // (year=…/department=…/UNIT.csv); a budget of no 年度 had the period
  // "0-01-01" to "0-12-31" and the name "…-0"
  temp_dir t;
  t.write("ny.budget", "金额单位 元\n单位 1 \"甲\" 类型 行政\n208 01 09 基本支出 30101: 1.00\n");
  const auto r = run_cli("export " + quote(t.path() / "ny.budget") + " --to " + quote(t.path() / "pkg") + " -j 1");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_TRUE(fs::exists(t.path() / "pkg/items.csv"));
  EXPECT_FALSE(fs::exists(t.path() / "pkg/year=0"));
  const std::string desc = read_all(t.path() / "pkg/datapackage.json");
  EXPECT_HAS(desc, "\"name\": \"yusuan-budget-1\",");
  EXPECT_EQ(desc.find("fiscalPeriod"), std::string::npos) << desc;
  EXPECT_EQ(desc.find("\"0-01-01\""), std::string::npos) << desc;
  // a region of such budgets has no period either
  const auto region = run_cli("export " + quote(t.path() / "ny.budget") + " " + quote(t.path() / "ny.budget") +
                              " --to " + quote(t.path() / "region"));
  EXPECT_EQ(region.exit, 2) << region.err;  // the same unit twice
  t.write("other.budget", "金额单位 元\n单位 2 \"乙\" 类型 行政\n208 01 09 基本支出 30101: 1.00\n");
  const auto two = run_cli("export " + quote(t.path() / "ny.budget") + " " + quote(t.path() / "other.budget") +
                           " --to " + quote(t.path() / "region"));
  ASSERT_EQ(two.exit, 0) << two.err;
  EXPECT_EQ(read_all(t.path() / "region/datapackage.json").find("fiscalPeriod"), std::string::npos);
}

TEST(export_cli, bom_and_standard_output) {
  const auto plain = run_cli("export " + ref_arg);
  ASSERT_EQ(plain.exit, 0) << plain.err;
  EXPECT_EQ(plain.out.rfind("item,unit_code,", 0), 0u);
  const auto bom = run_cli("export " + ref_arg + " --bom");
  ASSERT_EQ(bom.exit, 0);
  EXPECT_EQ(bom.out, "\xEF\xBB\xBF" + plain.out);
  temp_dir t;
  ASSERT_EQ(run_cli("export " + ref_arg + " --bom --to " + quote(t.path())).exit, 0);
  EXPECT_EQ(read_all(t.path() / "items.csv"), bom.out);
  EXPECT_NE(read_all(t.path() / "datapackage.json").find("\"encoding\": \"utf-8-sig\""), std::string::npos);
}

TEST(export_cli, the_tags_column_reads_back_to_the_same_tags) {
  // a value holding a separator of the column is quoted as the language quotes strings
  temp_dir t;
  t.write("t.budget", "金额单位 元\n208 01 09 30101: 1.00 甲=\"x;乙=y\" 丙=z 丁=\"a\\\"b\"\n");
  const auto r = run_cli_in(t.path(), "export t.budget");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.out, ",\"甲=\"\"x;乙=y\"\";丙=z;丁=\"\"a\\\"\"b\"\"\",");
}

TEST(export_cli, usage_errors) {
  temp_dir t;
  EXPECT_EQ(run_cli("export").exit, 2);
  EXPECT_EQ(run_cli("export " + ref_arg + " --to " + quote(t.path()) + " -o x.csv").exit, 2);
  // many budgets too: -o is not silently left unwritten
  const std::string abs = quote(fs::absolute(reference_path));
  const auto many = run_cli_in(t.path(), "export " + abs + " " + abs + " --to out -o x.csv");
  EXPECT_EQ(many.exit, 2);
  EXPECT_HAS(many.err, "export takes --to DIR or -o FILE, not both");
  EXPECT_FALSE(fs::exists(t.path() / "out"));
  EXPECT_EQ(run_cli("export " + ref_arg + " --to " + quote(t.path()) + " --format xlsx").exit, 2);
  EXPECT_EQ(run_cli("export " + ref_arg + " --format parquet").exit, 2);
  EXPECT_EQ(run_cli("export " + ref_arg + " --to /proc/no-such-dir").exit, 2);
  EXPECT_EQ(run_cli("export tests/data/dsl/cli_error.budget --to " + quote(t.path())).exit, 1);
  const auto help = run_cli("export --help");
  EXPECT_NE(help.out.find("Tabular Data Package"), std::string::npos);
}
