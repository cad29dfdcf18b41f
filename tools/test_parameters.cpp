// `yusuan test --set`: the parameters no test of the run declares, and values
// that are none, or of the other kind than the 参数 they set.
#include "test_parameters.hpp"

#include "cli.hpp"

#include <yusuan/compile.hpp>

#include <filesystem>
#include <set>

namespace cli {

std::vector<std::filesystem::path> library_path();

namespace {

/// The name of the --set an E0307 points at: its line of the "--set" text
/// the compiler reads them from ("NAME=VALUE"), up to the first '='.
std::string parameter_named(const yusuan::diagnostic& d) {
  const auto& f = *d.span.file;
  const std::string_view line = f.line_text(f.line_of(d.span.offset));
  return std::string(line.substr(0, line.find('=')));
}

}  // namespace

void refuse_undeclared_parameters(const std::vector<const yusuan::rule_test*>& tests,
                                  const std::map<std::string, std::string, std::less<>>& parameters) {
  std::set<std::string> undeclared;  // by every test compiled so far
  for (const auto& [name, value] : parameters) undeclared.insert(name);
  for (const yusuan::rule_test* t : tests) {
    if (undeclared.empty()) return;
    yusuan::compile_options co;
    co.library_path = library_path();
    for (const auto& name : undeclared) co.parameters.emplace(name, parameters.find(name)->second);
    const auto r = yusuan::run_rule_test(*t, co);
    std::set<std::string> still;  // E0307: no 参数 of this test declares it
    for (const auto& d : r.diags) {
      if (d.code == "E0307" && d.span) still.insert(parameter_named(d));
      // a value that is no value (abc), or of the other kind than the 参数 (5
      // for 5%): one usage error too, not every test failing with it
      if (d.code != "E0307" && d.level == yusuan::severity::error && d.span && d.span.file->name() == "--set")
        throw usage_error{"--set " + std::string(d.span.file->line_text(d.span.file->line_of(d.span.offset))) + ": " +
                          d.message};
    }
    undeclared = std::move(still);
  }
  if (undeclared.empty()) return;
  std::string names;
  for (const auto& n : undeclared) names += (names.empty() ? "'" : ", '") + n + "'";
  throw usage_error{"--set: no rule of the tests run declares the parameter" +
                    std::string(undeclared.size() == 1 ? " " : "s ") + names +
                    " (a 参数 of a test's rule files or of its budget)"};
}

}  // namespace cli
