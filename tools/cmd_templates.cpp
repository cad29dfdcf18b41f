// yusuan templates -- the templates of disclosure tables and their tables;
// the template a command renders a budget in.
#include "cli.hpp"
#include "templates.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables.hpp>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace cli {

namespace {

const char* const templates_help = R"(Usage: yusuan templates [options] [NAME|FILE...]

Lists the templates of disclosure tables: the shipped ones (budgets/std/templates)
and the template files named, each with its tables (number, id, label, name).
A template file is checked as it is read: its errors are printed as diagnostics.

Examples:
  yusuan templates                      every shipped template and its tables
  yusuan templates 上海9表              one template
  yusuan templates my-tables.template   a template file of one's own

Options:
  -h, --help   show this help

Exit codes: 0 success, 1 a template file with errors, 2 usage or I/O errors
(an unknown template, E0804).
)";

void list(const yusuan::tables::table_template& t, bool is_default) {
  std::cout << t.name;
  for (const auto& a : t.aliases) std::cout << (&a == &t.aliases.front() ? " (" : ", ") << a;
  if (!t.aliases.empty()) std::cout << ")";
  if (is_default) std::cout << " [default]";
  if (!t.base.empty()) std::cout << " 基于 " << t.base;
  std::cout << "\n";
  if (!t.description.empty()) std::cout << "  " << t.description << "\n";
  for (std::size_t i = 0; i < t.tables.size(); ++i)
    std::cout << "  " << (i + 1 < 10 ? " " : "") << i + 1 << "  " << yusuan::tables::table_listing(t, t.tables[i])
              << "\n";
}

}  // namespace

int template_for_command(const yusuan::budget& b, const std::optional<std::string>& arg,
                         std::shared_ptr<const yusuan::tables::table_template>& out) {
  yusuan::diagnostics diags;
  if (!arg) {
    out = yusuan::tables::template_of(b, diags);
  } else {
    auto src = std::make_shared<const yusuan::source_file>("<--template>", *arg);
    diags.keep(src);
    out = yusuan::tables::find_template(*arg, std::filesystem::current_path(), {src.get(), 0, static_cast<std::uint32_t>(std::max<std::size_t>(arg->size(), 1))}, diags);
  }
  if (out) return exit_ok;
  yusuan::render_text(std::cerr, diags, {use_color("auto")});
  for (const auto& d : diags)
    if (d.code == "E0804" && arg) return exit_usage;
  return yusuan::unreadable(diags) ? exit_usage : exit_budget_error;
}

int run_templates(const std::vector<std::string>& args) {
  std::vector<std::string> names;
  for (const auto& a : args) {
    if (a == "-h" || a == "--help") {
      std::cout << templates_help;
      return exit_ok;
    }
    if (a.size() > 1 && a[0] == '-') throw usage_error{"unknown option '" + a + "' for templates (see yusuan templates --help)"};
    names.push_back(a);
  }
  const auto& standard = yusuan::tables::standard_templates();
  if (names.empty()) {
    for (std::size_t i = 0; i < standard.size(); ++i) {
      if (i) std::cout << "\n";
      list(standard[i], standard[i].name == yusuan::tables::default_template_name);
    }
    return exit_ok;
  }
  int rc = exit_ok;
  for (std::size_t i = 0; i < names.size(); ++i) {
    yusuan::diagnostics diags;
    auto src = std::make_shared<const yusuan::source_file>("<template>", names[i]);
    diags.keep(src);
    const auto t = yusuan::tables::find_template(names[i], std::filesystem::current_path(),
                                                 {src.get(), 0, static_cast<std::uint32_t>(std::max<std::size_t>(names[i].size(), 1))}, diags);
    if (!t) {
      yusuan::render_text(std::cerr, diags, {use_color("auto")});
      bool unknown = false;
      for (const auto& d : diags) unknown = unknown || d.code == "E0804";
      rc = std::max(rc, unknown || yusuan::unreadable(diags) ? exit_usage : exit_budget_error);
      continue;
    }
    if (i) std::cout << "\n";
    list(*t, t->name == yusuan::tables::default_template_name);
  }
  return rc;
}

}  // namespace cli
