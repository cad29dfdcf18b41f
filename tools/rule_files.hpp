// tools/rule_files.hpp -- the rule files of `check --rules`, read once before
// any budget.
//
// A rule file is compiled with each budget it is applied to.  An error that
// does not depend on the budget (the file cannot be read, is not UTF-8, does
// not parse, its braces do not balance, an import of its own is missing or
// circular, a line or a name past a limit) would fail every budget alike and
// be printed once per budget: such errors are found by reading each rule file
// alone, reported once, and no budget is checked.  So are a malformed code,
// number or word of its own, an import leaving the rule file's directory, a
// header of its own out of order (金额单位 after an amount), and a --set of
// the other kind than the 参数 a rule file declares (5 for 5%) or that is no
// value at all (abc).
#pragma once

#include <yusuan/compile.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

/// Whether a diagnostic points into the values of --set (compile_options::parameters).
/// Whether a constraint's result counts as a rule passed or failed: one of
/// a rule file, and decided, or an error (a 警告 rule its figures leave
/// undecided, W0502, neither passed nor failed).
inline bool counted_rule(const yusuan::constraint_result& r) {
  return r.from_rules && (r.decided || r.level != yusuan::severity::warning);
}

inline bool at_a_set(const yusuan::diagnostic& d) { return d.span && d.span.file->name() == "--set"; }

/// Whether an error of a rule file read alone is one every budget would
/// report the same way (the codes of docs/diagnostics.md that depend on the
/// file's text and its own imports only).
inline bool same_for_every_budget(const yusuan::diagnostic& d) {
  static constexpr std::string_view codes[] = {"E0001", "E0002", "E0101", "E0102", "E0103", "E0201",
                                               "E0202", "E0205", "E0206", "E0304", "E0311", "E0312",
                                               "E0313", "E0713", "E0715", "E0716", "E0717"};
  if (d.level != yusuan::severity::error) return false;
  // a --set of the other kind than the rule file's 参数 (E0502 at the --set)
  if (d.code == "E0502" && at_a_set(d)) return true;
  return std::find(std::begin(codes), std::end(codes), d.code) != std::end(codes);
}

/// The errors of the rule files that do not depend on the budget, each once
/// (nothing when every rule file reads).  `library_path`: where <…> imports
/// are looked for, as for the budgets.
inline yusuan::diagnostics rule_file_errors(const std::vector<std::filesystem::path>& rules,
                                            const std::vector<std::filesystem::path>& library_path,
                                            const std::map<std::string, std::string, std::less<>>& parameters,
                                            std::size_t max_errors) {
  yusuan::diagnostics out;
  for (const auto& r : rules) {
    yusuan::compile_options co;
    co.library_path = library_path;
    co.parameters = parameters;
    co.max_errors = max_errors;
    co.check_catalog = false;
    yusuan::diagnostics alone;
    (void)yusuan::compile_file(r, alone, co);
    for (const auto& d : alone) {
      if (!same_for_every_budget(d)) continue;
      // a --set's error once, though each rule file declaring the 参数 says it
      if (at_a_set(d) &&
          std::any_of(out.begin(), out.end(), [&](const yusuan::diagnostic& o) { return at_a_set(o) && o.message == d.message; }))
        continue;
      out.add(d);
    }
    for (const auto& f : alone.files()) out.keep(f);
  }
  return out;
}

}  // namespace cli
