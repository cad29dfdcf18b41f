// yusuan/format/source_meaning.hpp -- what the text of a budget file says:
// the file compiled (meaning_of its budget and diagnostics), or for a file
// of tests of rules, each test compiled with its rule files.  `yusuan fmt`
// compares a file's and its formatted text's with it.
#pragma once

#include <yusuan/compile.hpp>
#include <yusuan/format/meaning.hpp>
#include <yusuan/rule_tests.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace yusuan {

/// What `text`, the text of `file`, says; imports resolve as `options` say
/// (their root, library path, files held in memory).
inline std::string meaning_of_source(std::string_view text, const std::filesystem::path& file,
                                     const compile_options& options = {}) {
  std::vector<std::string> errors;
  detail::rule_test_scanner scanner{std::string(text), file};
  const auto tests = scanner.scan(errors);
  if (tests.empty()) {
    diagnostics diags;
    auto b = compile_string(text, file.string(), diags, options);
    return meaning_of(b, diags);
  }
  std::string out;
  for (const auto& e : errors) out += "malformed test " + e + "\n";
  for (const auto& t : tests) {
    out += "test " + t.name + "\n";
    for (const auto& r : t.rules) out += "  rules " + r.string() + "\n";
    for (const auto& x : t.expectations)
      out += "  should " + std::to_string(static_cast<int>(x.what)) + " " + x.code + " " + x.text + " " + x.name + " " +
             x.amount + "\n";
    compile_options co = options;
    co.rules = t.rules;
    auto budget = t.budget();
    co.line_origins = std::move(budget.lines);
    diagnostics diags;
    auto b = compile_string(budget.text, file.string(), diags, co);
    out += meaning_of(b, diags);
  }
  return out;
}

}  // namespace yusuan
