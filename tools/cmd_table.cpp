// yusuan table -- print a disclosure table (预算01表 … 预算13表) of a budget.
#include "cli.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace cli {

namespace {

const char* const table_help = R"(Usage: yusuan table [options] FILE ID

Prints a disclosure table of the budget (单位预算公开表), computed from its items,
income lines and projects, in the layout of the published tables.

  ID := 01 … 13 | 预算01表 … 预算13表 | the table's name
    01 单位收支预算表              08 一般公共预算“三公”经费预算表
    02 单位收入预算表              09 政府性基金支出预算表
    03 单位支出预算表              10 国有资本经营支出预算表
    04 财政拨款收支预算表          11 行政（事业）单位机构运转经费预算表
    05 一般公共预算支出预算表      12 项目支出预算表
    06 一般公共预算基本支出预算表  13 市级单位预算项目绩效目标表
    07 支出经济分类汇总表

Examples:
  yusuan table budget.budget 03
  yusuan table budget.budget 预算06表 --format csv
  yusuan table budget.budget 项目支出预算表 --unit 元

Options:
  --format text|csv|md|json   output format (default text: aligned columns with
                              the title and the unit line; csv and json are for
                              machines)
  --unit 元|万元|亿元          unit of the amounts (default: the budget's own)
  -h, --help                  show this help

Exit codes: 0 success, 1 an error in the budget, 2 usage or I/O errors (an unknown ID).
)";

}  // namespace

int run_table(const std::vector<std::string>& args) {
  std::string format = "text";
  std::optional<yusuan::unit> unit;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << table_help;
      return exit_ok;
    } else if (is_option(a, "--format")) {
      format = choice_option(args, i, "--format", {"text", "csv", "md", "json"});
    } else if (is_option(a, "--unit")) {
      unit = unit_option(args, i);
    } else if (a.size() > 1 && a[0] == '-') {
      throw usage_error{"unknown option '" + a + "' for table (see yusuan table --help)"};
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) throw usage_error{"table needs a budget file and a table ID (see yusuan table --help)"};
  const auto id = yusuan::tables::parse_id(positional[1]);
  if (!id) throw usage_error{"unknown table '" + positional[1] + "': expected 01 … 13, 预算01表 … or a table's name"};

  std::optional<yusuan::budget> b;
  if (int rc = load_for_command(positional[0], b); rc != exit_ok) return rc;
  yusuan::tables::options o;
  o.amount_unit = unit;
  std::optional<yusuan::tables::table> t;
  try {
    t = yusuan::tables::build(*b, *id, o);
  } catch (const yusuan::overflow_error&) {
    return result_too_large("<table>", positional[1], "a cell of table " + positional[1]);
  }
  yusuan::tables::write(std::cout, *t, format);
  return exit_ok;
}

}  // namespace cli
