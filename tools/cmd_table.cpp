// yusuan table -- print a disclosure table of a budget (or all of them) in
// the budget's template or another.
#include "cli.hpp"
#include "templates.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace cli {

namespace {

const char* const table_help = R"(Usage: yusuan table [options] FILE ID
       yusuan table [options] FILE all

Prints a disclosure table of the budget (单位预算公开表, 部门预算公开表),
computed from its items, income lines and projects, in the layout of its
template: the one the budget names (模板), else 洛阳13表; --template picks
another.  `yusuan templates` lists the templates and their tables.

  ID := the table's number (3, 03, T3) | its id (03, T3) | an alias (预算03表)
      | its name (单位支出预算表, 支出预算总表) | its title (2024年单位支出预算表)
      | the start of an id, alias or name that only one table has (支出预算)
  all   every table of the template, one after the other (json: an array)

Examples:
  yusuan table budget.budget 03
  yusuan table budget.budget 预算06表 --format csv
  yusuan table budget.budget 项目支出预算表 --unit 元
  yusuan table budget.budget all --template 上海9表部门
  yusuan table budget.budget T1 --template my-tables.template

Options:
  --template NAME|FILE        a shipped template (洛阳13表, 上海9表, 上海9表部门)
                              or a template file (docs/templates.md)
  --format text|csv|md|json   output format (default text: aligned columns with
                              the title and the unit line; csv and json are for
                              machines)
  --unit 元|万元|亿元          unit of the amounts (default: the table's)
  -h, --help                  show this help

Exit codes: 0 success; 1 an error in the budget or in a template file (E0101,
E0805 …), or an unknown template named by the budget (E0804); 2 usage or I/O
errors: an unknown table (E0801), an id several tables start with (E0803), an
unknown --template (E0804), a file that cannot be read.
)";

}  // namespace

int run_table(const std::vector<std::string>& args) {
  std::string format = "text";
  std::optional<std::string> template_arg;
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
    } else if (is_option(a, "--template")) {
      template_arg = option_value(args, i, "--template");
    } else if (a.size() > 1 && a[0] == '-') {
      throw usage_error{"unknown option '" + a + "' for table (see yusuan table --help)"};
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) throw usage_error{"table needs a budget file and a table ID (see yusuan table --help)"};

  std::optional<yusuan::budget> b;
  if (int rc = load_for_command(positional[0], b); rc != exit_ok) return rc;
  std::shared_ptr<const yusuan::tables::table_template> templ;
  if (int rc = template_for_command(*b, template_arg, templ); rc != exit_ok) return rc;

  yusuan::tables::options o;
  o.amount_unit = unit;
  o.templ = templ.get();
  try {
    const std::string& id = positional[1];
    if (id == "all") {
      const auto all = yusuan::tables::build_all(*b, o);
      if (format == "json") std::cout << "[\n";
      for (std::size_t i = 0; i < all.size(); ++i) {
        if (i) std::cout << (format == "json" ? ",\n" : "\n");
        yusuan::tables::write(std::cout, all[i], format);
      }
      if (format == "json") std::cout << "]\n";
      return exit_ok;
    }
    const auto found = yusuan::tables::find_table(*templ, id);
    if (!found.index) {
      yusuan::render_text(std::cerr, yusuan::tables::table_lookup_error(*templ, id, found), {use_color("auto")});
      return exit_usage;
    }
    yusuan::tables::write(std::cout, yusuan::tables::assemble(*b, *templ, templ->tables[*found.index], o), format);
  } catch (const yusuan::budget_error& e) {  // a name of the template the budget does not define
    yusuan::render_text(std::cerr, e.diagnostics(), {use_color("auto")});
    return exit_budget_error;
  }
  return exit_ok;
}

}  // namespace cli
