// yusuan/rule_tests.hpp -- tests of fiscal rules, written in the language
// (docs/language.md, "Rules and tests"):
//
//   测试 "三公经费增长时报错" {
//     规则 "../austerity.budget"
//     金额单位 万元
//     上年 三公经费 10.00
//     208 01 09 30217 公务接待费: 12.00
//     应 报错 E0501 "三公经费不得增长"
//   }
//
// A 测试 (test) block is a small budget compiled with the rule files it
// names (规则, rules); its 应 (should) lines are what must come of it:
// 应 通过 (no error), 应 报错 CODE ["TEXT"] (a diagnostic of that code whose
// message, label or notes contain TEXT), 应 等于 NAME AMOUNT (a measure,
// figure or built-in quantity has that value: rules/named_value.hpp).  What
// a test file holds outside its tests (imports, shared items) is part of
// every test of the file.
//
// read_rule_tests() finds the tests of a file (the scanner of
// rules/scanner.hpp), run_rule_test() runs one, and rule_coverage
// (rules/coverage.hpp) records, for every constraint (核对) of the rule
// files, whether some test made it fail and some test made it pass.
#pragma once

#include <yusuan/compile.hpp>
#include <yusuan/compile/read_file.hpp>
#include <yusuan/rules/coverage.hpp>
#include <yusuan/rules/expected_amount.hpp>
#include <yusuan/rules/named_value.hpp>
#include <yusuan/rules/scanner.hpp>
#include <yusuan/rules/test.hpp>
#include <yusuan/tables/check_notes.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan {

namespace detail {

inline bool contains(std::string_view hay, std::string_view needle) {
  return needle.empty() || hay.find(needle) != std::string_view::npos;
}

inline std::string describe(const diagnostic& d) {
  std::string s = d.code + " " + d.message;
  if (d.span) {
    const auto lc = resolve(d.span);
    s += " (" + lc.file + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + ")";
  }
  return s;
}

}  // namespace detail

/// The tests of a test file; problems with the file itself (it cannot be
/// read, a test is malformed) are added to `errors`, one "FILE:LINE: …" each.
inline std::vector<rule_test> read_rule_tests(const std::filesystem::path& file, std::vector<std::string>& errors) {
  std::string why;
  auto text = read_source_file(file, compile_options{}.max_file_size, why);
  if (!text) {
    errors.push_back(file.string() + ": cannot read the file: " + why);
    return {};
  }
  if (const auto d = not_utf8_in(file.string(), *text)) {
    errors.push_back(file.string() + ": " + d->message);
    return {};
  }
  return detail::rule_test_scanner(std::move(*text), file, true).scan(errors);
}

/// The tests of a test file; the problems of the file outside its tests go
/// to `diags`, located: E0001 (it cannot be read), E0101 (a 测试 line without
/// a name or a brace, a test never closed).  A malformed test, or one whose
/// rule file cannot be read, is returned with its own problems
/// (rule_test::problems).
inline std::vector<rule_test> read_rule_tests(const std::filesystem::path& file, diagnostics& diags) {
  std::string why;
  auto text = read_source_file(file, compile_options{}.max_file_size, why);
  if (!text) {
    diags.add(cannot_read(file, why));
    return {};
  }
  if (auto d = not_utf8_in(file.string(), *text)) {
    diags.add(std::move(*d));
    return {};
  }
  std::vector<std::string> errors;
  detail::rule_test_scanner scanner(std::move(*text), file, true);
  auto tests = scanner.scan(errors);
  diags.append(scanner.problems());
  return tests;
}

/// The tests of a test file.  Throws budget_error with every problem of the
/// file and of its tests when there is any (a malformed test says nothing
/// reliable): the throwing form of read_rule_tests(file, diags).
inline std::vector<rule_test> read_rule_tests(const std::filesystem::path& file) {
  diagnostics diags;
  auto tests = read_rule_tests(file, diags);
  for (const auto& t : tests) diags.append(t.problems);
  if (diags.has_errors()) throw budget_error(std::move(diags));
  return tests;
}
/// The file of a test's rule file: as written, or for 规则 <std/…> the
/// file of the library path that holds it (`library_path`, or
/// default_library_path() when empty), the path as written when none does
/// (reading it then says it cannot be read).
inline std::filesystem::path resolve_rule_file(const std::filesystem::path& rule,
                                               const std::vector<std::filesystem::path>& library_path = {}) {
  const std::string s = rule.string();
  if (s.size() < 3 || s.front() != '<' || s.back() != '>') return rule;
  const std::filesystem::path rel = std::filesystem::path(s.substr(1, s.size() - 2)).lexically_normal();
  if (rel.is_absolute() || rel.empty() || *rel.begin() == "..") return rule;
  for (const auto& dir : library_path.empty() ? default_library_path() : library_path) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(dir / rel, ec)) return (dir / rel).lexically_normal();
  }
  return rule;
}

/// Runs one test: compiles its budget with its rule files (on top of
/// `base`'s options) and checks each expectation.  `coverage`, when given,
/// records the result of every constraint checked.
inline rule_test_result run_rule_test(const rule_test& t, compile_options base = {},
                                      rule_coverage* coverage = nullptr) {
  rule_test_result r;
  r.test = &t;
  compile_options co = std::move(base);
  co.root = t.file.parent_path().empty() ? std::filesystem::path(".") : t.file.parent_path();
  for (const auto& rule : t.rules) co.rules.push_back(resolve_rule_file(rule, co.library_path));
  auto previous = co.on_constraint;
  co.on_constraint = [&](const constraint_result& c) {
    if (coverage) coverage->record(c);
    if (previous) previous(c);
  };
  // the template and table notes, as yusuan check checks them
  tables::check_notes_too(co);
  auto budget = t.budget();
  co.line_origins = std::move(budget.lines);
  auto b = compile_string(budget.text, t.file.string(), r.diags, co);
  auto found = [&](bool errors_only = false) {
    std::string s;
    for (const auto& d : r.diags)
      if (d.level == severity::error || (!errors_only && d.level != severity::note))
        s += (s.empty() ? "" : "; ") + detail::describe(d);
    return s.empty() ? std::string("no diagnostic") : s;
  };
  const auto fails = [&](const rule_expectation& x, std::string what) {
    r.failures.push_back(x.written + ": " + what);
    r.failed.push_back(&x);
  };
  for (const auto& x : t.expectations) {
    switch (x.what) {
      case rule_expectation::kind::pass:
        if (r.diags.has_errors()) fails(x, "expected no error, found " + found(true));  // warnings are allowed
        break;
      case rule_expectation::kind::report: {
        bool any = false;
        for (const auto& d : r.diags) {
          if (d.code != x.code) continue;
          std::string all = d.message + "\n" + d.label + "\n" + d.expected + "\n" + d.found;
          if (!d.expected.empty() || !d.found.empty()) all += "\nexpected " + d.expected + ", found " + d.found;
          for (const auto& n : d.notes) all += "\n" + n.message;
          if (detail::contains(all, x.text)) any = true;
        }
        if (!any) fails(x, "expected " + x.code + (x.text.empty() ? "" : " \"" + x.text + "\"") + ", found " + found());
        break;
      }
      case rule_expectation::kind::equals: {
        if (!b) {
          fails(x, "the budget has errors, so " + x.name + " has no value: " + found());
          break;
        }
        const auto got = value_of(*b, x.name);
        if (!got) {
          fails(x, "no measure, figure or built-in quantity named '" + x.name + "'");
          break;
        }
        if (const auto why = value_differs(*got, x.name, x.amount, b->header().amount_unit))
          fails(x, *why);
        break;
      }
    }
  }
  r.passed = r.failures.empty();
  return r;
}

}  // namespace yusuan
