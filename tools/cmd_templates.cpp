// yusuan templates -- the templates of disclosure tables and their tables;
// the template a command renders a budget in.
#include "args.hpp"
#include "cli.hpp"
#include "io.hpp"
#include "templates.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace cli {

const char* const templates_help = R"(Usage: yusuan templates [options] [NAME|FILE...]

Lists the templates of disclosure tables: the shipped ones (budgets/std/templates)
or those named (a shipped template's name or alias, or a template file), each
with its tables: number, id, label and name, as `yusuan table` takes them.  A
template file is checked as it is read; its errors are printed as diagnostics.

Examples:
  yusuan templates                      every shipped template and its tables
  yusuan templates 上海9表              one template
  yusuan templates my-tables.template   a template file of one's own (docs/templates.md)

Options:
  -o FILE                     write the list to FILE
  --color auto|always|never   colour the diagnostics (default auto)
  -h, --help                  show this help

Exit codes: 0 success, 1 a template file with errors (E0101, E0805 …), 2 usage
or I/O errors (an unknown template E0804, a file that cannot be read).
)";

namespace {

namespace tb = yusuan::tables;

/// Notes the files a template was read from (its own, those it is 基于),
/// and any other `diags` keeps: the output is none of them.
void note_template_read(const std::shared_ptr<const tb::table_template>& t, const yusuan::diagnostics& diags) {
  note_files_read(diags);
  if (t)
    for (const auto& src : t->sources)
      if (src) note_file_read(src->name());
}

void list(std::ostream& os, const tb::table_template& t) {
  os << t.name;
  for (std::size_t i = 0; i < t.aliases.size(); ++i) os << (i ? ", " : " (") << t.aliases[i];
  if (!t.aliases.empty()) os << ")";
  if (t.name == tb::default_template_name) os << " [default]";
  if (!t.base.empty()) os << " 基于 " << t.base;
  os << "\n";
  if (!t.description.empty()) os << "  " << t.description << "\n";
  const auto numbers = tb::table_numbers(t);
  for (std::size_t i = 0; i < t.tables.size(); ++i) {
    const std::string number = numbers[i] ? std::to_string(*numbers[i]) : "";
    os << "  " << std::string(number.size() < 2 ? 2 - number.size() : 0, ' ') << number << "  "
       << tb::table_listing(t, t.tables[i]) << "\n";
  }
}

/// A template by the name or path a command line gives: E0804 is a usage
/// error (2), a template file with errors an error of the input (1).
int named_template(const std::string& name, const reporting& r, std::shared_ptr<const tb::table_template>& out) {
  yusuan::diagnostics diags;
  auto src = std::make_shared<const yusuan::source_file>("<template>", name);
  diags.keep(src);
  out = tb::find_template(name, std::filesystem::current_path(),
                          {src.get(), 0, static_cast<std::uint32_t>(std::max<std::size_t>(name.size(), 1))}, diags);
  note_template_read(out, diags);
  if (out) return exit_ok;
  report(r, diags);
  for (const auto& d : diags)
    if (d.code == "E0804" && d.span.file == src.get()) return exit_usage;
  return yusuan::unreadable(diags) ? exit_usage : exit_budget_error;
}

}  // namespace

int template_for_command(const yusuan::budget& b, const std::optional<std::string>& arg, const reporting& r,
                         std::shared_ptr<const tb::table_template>& out) {
  if (arg) return named_template(*arg, r, out);
  yusuan::diagnostics diags;
  out = tb::template_of(b, diags);
  note_template_read(out, diags);
  if (out) return exit_ok;
  report(r, diags);
  return yusuan::unreadable(diags) ? exit_usage : exit_budget_error;
}

int run_templates(const std::vector<std::string>& args) {
  common_flags common;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << templates_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (looks_like_option(a)) {
      unknown_option("templates", a, with_common({}));
    } else {
      names.push_back(a);
    }
  }
  const reporting r{false, use_color(common.color)};
  output out(common.output);
  int rc = exit_ok;
  if (names.empty()) {
    const auto& standard = tb::standard_templates();
    for (std::size_t i = 0; i < standard.size(); ++i) {
      if (i) out.stream() << "\n";
      list(out.stream(), standard[i]);
    }
  }
  bool first = true;
  for (const auto& name : names) {
    std::shared_ptr<const tb::table_template> t;
    if (int e = named_template(name, r, t); e != exit_ok) {
      rc = std::max(rc, e);
      continue;
    }
    if (!first) out.stream() << "\n";
    first = false;
    list(out.stream(), *t);
  }
  if (rc != exit_ok) return rc;  // a list with a template missing is not written
  out.finish();
  return rc;
}

}  // namespace cli
