// yusuan table -- print a disclosure table (预算01表 … 预算13表) of a budget.
#include "args.hpp"
#include "cli.hpp"
#include "io.hpp"
#include "xlsx.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace cli {

const char* const table_help = R"(Usage: yusuan table [options] FILE ID|all

Prints a disclosure table of the budget (单位预算公开表), computed from its items,
income lines and projects, in the layout of the published tables.

  ID := 01 … 13 | 预算01表 … 预算13表 | the table's name | all (every table)
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
  yusuan table budget.budget all --format xlsx -o budget.xlsx
  yusuan table - 08 < budget.budget           (imports resolve against the current directory)

Options:
  --format text|csv|md|json|xlsx
                              output format (default text: aligned columns with
                              the title and the unit line; csv and json are for
                              machines; xlsx is an Excel workbook, a sheet per
                              table, headers merged as published, amounts as
                              numbers)
  --unit 元|万元|亿元          unit of the amounts (default: the budget's own)
  -o FILE                     write to FILE (needed for xlsx on a terminal)
  --color auto|always|never   colour the diagnostics (default auto)
  -h, --help                  show this help

With ID all: text and Markdown print the tables one after another, JSON an
array of tables, CSV one section per table (a line with the table's label and
title, its CSV, a blank line).  With --format json, errors are printed as a
JSON array of diagnostics on standard output.

Exit codes: 0 success, 1 an error in the budget, 2 usage or I/O errors (an unknown ID).
)";

namespace {

namespace tb = yusuan::tables;

/// Writes several tables in a text format (see table_help).
void write_all(std::ostream& os, const std::vector<tb::table>& tables, const std::string& format) {
  if (format == "json") os << "[\n";
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const auto& t = tables[i];
    if (format == "json") {
      if (i) os << ",\n";
      tb::write(os, t, format);
      continue;
    }
    if (i) os << "\n";
    if (format == "csv") os << yusuan::text::csv_field(t.label + " " + t.title) << "\n";
    if (format == "md") os << "## " << t.label << " " << t.title << "\n\n";
    tb::write(os, t, format);
  }
  if (format == "json") os << "]\n";
}

}  // namespace

int run_table(const std::vector<std::string>& args) {
  std::string format = "text";
  std::optional<yusuan::unit> unit;
  std::vector<std::string> positional;
  common_flags common;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << table_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (is_option(a, "--format")) {
      format = choice_option(args, i, "--format", {"text", "csv", "md", "json", "xlsx"});
    } else if (is_option(a, "--unit")) {
      unit = unit_option(args, i);
    } else if (looks_like_option(a)) {
      unknown_option("table", a, with_common({"--format", "--unit"}));
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) throw usage_error{"table needs a budget file and a table ID (see yusuan table --help)"};
  const bool all = positional[1] == "all" || positional[1] == "全部";
  const auto id = all ? std::nullopt : tb::parse_id(positional[1]);
  if (!all && !id)
    throw usage_error{"unknown table '" + positional[1] + "': expected 01 … 13, 预算01表 …, a table's name or all"};

  std::optional<yusuan::budget> b;
  if (int rc = load_budget(positional[0], b, {format == "json", use_color(common.color)}); rc != exit_ok) return rc;
  tb::options o;
  o.amount_unit = unit;
  std::vector<tb::table> tables;
  try {
    if (all) tables = tb::build_all(*b, o);
    else tables.push_back(tb::build(*b, *id, o));
  } catch (const yusuan::overflow_error&) {
    return result_too_large("<table>", positional[1], "a cell of table " + positional[1]);
  }
  if (format == "xlsx") {
    xlsx::write_to(common.output, [&](const std::string& path) { xlsx::write_tables(path, tables); });
    return exit_ok;
  }
  output out(common.output);
  if (all) write_all(out.stream(), tables, format);
  else tb::write(out.stream(), tables.front(), format);
  out.finish();
  return exit_ok;
}

}  // namespace cli
