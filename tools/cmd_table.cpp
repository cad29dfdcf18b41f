// yusuan table -- print a disclosure table of a budget (or all of them) in
// the budget's template or another.
#include "args.hpp"
#include "cli.hpp"
#include "io.hpp"
#include "templates.hpp"
#include "terminal_text.hpp"
#include "too_large.hpp"
#include "xlsx.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables.hpp>

#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace cli {

const char* const table_help = R"(Usage: yusuan table [options] FILE ID|all

Prints a disclosure table of the budget (单位预算公开表, 部门预算公开表),
computed from its items, income lines and projects, in the layout of its
template: the one the budget names (模板), else 洛阳13表; --template picks
another.  `yusuan templates` lists the templates and their tables.

  ID := the table's number (3, 03, T3, 表3: the number its id reads as, else
        its place, as `yusuan templates` lists it) | its id (03, T3)
      | an alias (预算03表)
      | its name (单位支出预算表, 支出预算总表) | its title (2024年单位支出预算表)
      | the start of an id, alias or name that only one table has (支出预算)
      | all (every table of the template)

Examples:
  yusuan table budget.budget 03
  yusuan table budget.budget 预算06表 --format csv
  yusuan table budget.budget 项目支出预算表 --unit 元
  yusuan table budget.budget all --format xlsx -o budget.xlsx
  yusuan table budget.budget all --template 上海9表部门
  yusuan table budget.budget T1 --template my-tables.template
  yusuan table - 08 < budget.budget           (imports resolve against the current directory)

Options:
  --template NAME|FILE        a shipped template (洛阳13表, 上海9表, 上海9表部门)
                              or a template file (docs/templates.md)
  --format text|csv|md|json|xlsx
                              output format (default text: aligned columns with
                              the title and the unit line; csv and json are for
                              machines; xlsx is an Excel workbook, a sheet per
                              table, headers merged as published, amounts as
                              numbers)
  --unit 元|万元|亿元          unit of the amounts (default: the table's, else
                              the budget's own)
  --thousands, --no-thousands amounts of text and md with (9,101,680.49) or
                              without thousands separators (default: as the
                              budget writes its amounts; csv, json and xlsx
                              never have them)
  -o FILE                     write to FILE (needed for xlsx on a terminal)
  --color auto|always|never   colour the diagnostics (default auto)
  -h, --help                  show this help

With ID all: text and Markdown print the tables one after another, JSON an
array of tables, CSV one section per table (a line with the table's label and
title, its CSV, a blank line).  With --format json, errors are printed as a
JSON array of diagnostics on standard output.

Exit codes: 0 success; 1 an error in the budget or in a template file (E0101,
E0805 …), or an unknown template named by the budget (E0804); 2 usage or I/O
errors: an unknown table (E0801), an ID several tables start with (E0803), an
unknown --template (E0804), a file that cannot be read.
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
    // which table this is: its label (预算01表), else its id (T1), then its title
    const std::string heading = (t.label.empty() ? t.id : t.label) + " " + t.title;
    if (format == "csv") os << yusuan::text::csv_field(heading) << "\n";
    tb::write(os, t, format);
  }
  if (format == "json") os << "]\n";
}

}  // namespace

int run_table(const std::vector<std::string>& args) {
  std::string format = "text";
  std::optional<std::string> template_arg;
  std::optional<bool> thousands;
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
    } else if (is_option(a, "--template")) {
      template_arg = option_value(args, i, "--template");
    } else if (a == "--thousands" || a == "--no-thousands") {
      thousands = a == "--thousands";
    } else if (looks_like_option(a)) {
      unknown_option("table", a, with_common({"--format", "--unit", "--template", "--thousands", "--no-thousands"}));
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) throw usage_error{"table needs a budget file and a table ID (see yusuan table --help)"};
  const bool all = positional[1] == "all" || positional[1] == "全部";
  const reporting r{format == "json", use_color(common.color)};

  std::optional<yusuan::budget> b;
  if (int rc = load_budget(positional[0], b, r); rc != exit_ok) return rc;
  std::shared_ptr<const tb::table_template> templ;
  if (int rc = template_for_command(*b, template_arg, r, templ); rc != exit_ok) return rc;
  yusuan::diagnostics notes;
  const bool notes_fit = tb::check_notes(*b, notes);  // 表注 against the budget's own template
  note_files_read(notes);
  if (!notes_fit) {
    report(r, notes);
    return exit_budget_error;
  }
  tb::options o;
  o.amount_unit = unit;
  o.templ = templ.get();
  o.thousands = thousands;
  std::vector<tb::table> tables;
  std::string building = positional[1];  // the table being made, for an error
  try {
    if (all) {
      for (const auto& spec : templ->tables) {  // as build_all, one table at a time
        building = spec.id;
        tables.push_back(tb::assemble(*b, *templ, spec, o));
      }
    } else {
      const auto found = tb::find_table(*templ, positional[1]);
      if (!found.index) {
        report(r, tb::table_lookup_error(*templ, positional[1], found));
        return exit_usage;
      }
      tables.push_back(tb::assemble(*b, *templ, templ->tables[*found.index], o));
    }
  } catch (const yusuan::budget_error& e) {  // a name of the template the budget does not define (E0805)
    report(r, e.diagnostics());
    return exit_budget_error;
  } catch (const yusuan::overflow_error& e) {  // a cell no amount holds (E0701)
    return too_large(r, "<table>", positional[1], "a cell of table " + building, e);
  }
  if (format == "xlsx") {
    xlsx::write_to(common.output, [&](const std::string& path) { xlsx::write_tables(path, tables); });
    return exit_ok;
  }
  output out(common.output);
  std::ostringstream text;
  if (all) write_all(text, tables, format);
  else tb::write(text, tables.front(), format);
  if (format == "text" || format == "md") write_terminal_safe(out.stream(), text.view());
  else out.stream() << text.view();  // CSV and JSON carry every character as it is
  out.finish();
  return exit_ok;
}

}  // namespace cli
