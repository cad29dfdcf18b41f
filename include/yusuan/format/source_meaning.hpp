// yusuan/format/source_meaning.hpp -- what the text of a budget file says:
// the file compiled (meaning_of its budget and diagnostics), or for a file
// of tests of rules, each test compiled with its rule files.  `yusuan fmt`
// compares a file's and its formatted text's with it.
#pragma once

#include <yusuan/compile.hpp>
#include <yusuan/format/meaning.hpp>
#include <yusuan/rules/scanner.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

namespace yusuan {

/// What `text`, the text of `file`, says; imports resolve as `options` say
/// (their root, library path, files held in memory).  `read`, when given,
/// gets the name of every file the compiles read (the file, its imports, the
/// rule files of its tests), as diagnostics name them.
inline std::string meaning_of_source(std::string_view text, const std::filesystem::path& file,
                                     const compile_options& options = {}, std::set<std::string>* read = nullptr) {
  const auto compiled = [&](std::string_view t, const compile_options& co) {
    diagnostics diags;
    auto b = compile_string(t, file.string(), diags, co);
    if (read)
      for (const auto& f : diags.files()) read->insert(f->name());
    return meaning_of(b, diags);
  };
  std::vector<std::string> errors;
  detail::rule_test_scanner scanner{std::string(text), file};
  const auto tests = scanner.scan(errors);
  if (tests.empty()) return compiled(text, options);
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
    out += compiled(budget.text, co);
  }
  return out;
}

}  // namespace yusuan
