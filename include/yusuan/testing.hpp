// yusuan/testing.hpp -- unit tests of budgets and fiscal rules with
// GoogleTest: compile a budget held in a string with rule files attached,
// and match what came of it.
//
//   #include <yusuan/testing.hpp>
//   using namespace yusuan::testing;
//
//   TEST(austerity, 三公经费不得增长) {
//     auto r = compile_with_rules("上年 三公经费 10.00\n208 01 09 30217: 12.00\n", {"rules/austerity.budget"});
//     EXPECT_THAT(r, FailsRule("三公经费不得增长"));
//     EXPECT_THAT(r, Reports("E0501"));
//   }
//
// A budget shared by many tests is compiled once and the rules applied to
// it: apply_rules_to(reference, {"rules/austerity.budget"}).
//
// Matchers: ChecksClean() (no error), Reports(CODE[, TEXT]) (a diagnostic of
// that code mentioning TEXT), FailsRule(TEXT) (a failed constraint whose
// message or text contains TEXT), HasMeasure(NAME, VALUE) (the budget
// compiles and the measure, figure or built-in quantity NAME is VALUE: an
// amount in the budget's unit, or a whole number for a count).
// A budget is checked as `yusuan check` checks it: compiled, and its
// template and table notes (tables::check_notes: E0804, E0806, E0807) checked
// whether its 核对 pass or not.
// It needs GoogleTest and GoogleMock only where it is included.
#pragma once

#include <yusuan/compile.hpp>
#include <yusuan/rules/named_value.hpp>
#include <yusuan/tables/check_notes.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <charconv>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace yusuan::testing {

/// What compiling a budget gave: the budget (when it has no error) and every
/// diagnostic.
struct compiled_budget {
  std::optional<budget> value;
  diagnostics diags;
};

/// "a budget with 0 errors, 1 warning" and each diagnostic on a line of its
/// own: its place (file:line:col), code, message and what was expected and
/// found.
inline void PrintTo(const compiled_budget& r, std::ostream* os) {
  *os << (r.value ? "a budget" : "no budget") << " with " << summary(r.diags);
  for (const auto& d : r.diags) {
    *os << "\n  ";
    if (d.span) {
      const auto loc = resolve(d.span);
      *os << loc.file << ":" << loc.line << ":" << loc.column << ": ";
    }
    *os << d.code << " " << d.message;
    if (!d.expected.empty() || !d.found.empty()) *os << " (expected " << d.expected << ", found " << d.found << ")";
  }
}

/// Compiles budget text with the rule files `rules` added (as yusuan check
/// --rules does); imports of the text resolve against `options.root` (or the
/// current directory).
inline compiled_budget compile_with_rules(std::string_view text, std::vector<std::filesystem::path> rules,
                                          compile_options options = {}) {
  compiled_budget r;
  options.rules.insert(options.rules.end(), rules.begin(), rules.end());
  tables::check_notes_too(options);
  r.value = compile_string(text, "<test>", r.diags, options);
  return r;
}

/// Compiles a budget file with the rule files `rules` added.
inline compiled_budget compile_file_with_rules(const std::filesystem::path& file,
                                               std::vector<std::filesystem::path> rules, compile_options options = {}) {
  compiled_budget r;
  options.rules.insert(options.rules.end(), rules.begin(), rules.end());
  tables::check_notes_too(options);
  r.value = compile_file(file, r.diags, options);
  return r;
}

/// Applies the rule files `rules` to a budget compiled (or built) once,
/// such as a published budget shared by many tests: the budget is not
/// compiled again for each, nor are its own checks run again (apply_rules of
/// <yusuan/compile.hpp>).
inline compiled_budget apply_rules_to(const budget& b, std::vector<std::filesystem::path> rules,
                                      compile_options options = {}) {
  compiled_budget r;
  options.rules.insert(options.rules.end(), rules.begin(), rules.end());
  r.value = apply_rules(b, r.diags, options);
  return r;
}

namespace detail {

inline std::string all_text(const diagnostic& d) {
  std::string s = d.message + "\n" + d.label + "\n" + d.expected + "\n" + d.found;
  if (!d.expected.empty() || !d.found.empty()) s += "\nexpected " + d.expected + ", found " + d.found;
  for (const auto& n : d.notes) s += "\n" + n.message;
  return s;
}

/// What the diagnostics hold, said shortly (PrintTo lists each of them).
inline std::string listed(const diagnostics& ds) {
  if (ds.empty()) return "no diagnostic";
  std::string codes;
  for (const auto& d : ds)
    if (codes.find(d.code) == std::string::npos) codes += (codes.empty() ? "" : ", ") + d.code;
  return summary(ds) + " (" + codes + ")";
}

class checks_clean : public ::testing::MatcherInterface<const compiled_budget&> {
public:
  bool MatchAndExplain(const compiled_budget& r, ::testing::MatchResultListener* l) const override {
    if (!r.diags.has_errors() && r.value) return true;
    *l << "found " << listed(r.diags);
    return false;
  }
  void DescribeTo(std::ostream* os) const override { *os << "checks without errors"; }
  void DescribeNegationTo(std::ostream* os) const override { *os << "has an error"; }
};

class reports : public ::testing::MatcherInterface<const compiled_budget&> {
public:
  reports(std::string code, std::string text, bool rule) : code_(std::move(code)), text_(std::move(text)), rule_(rule) {}
  bool MatchAndExplain(const compiled_budget& r, ::testing::MatchResultListener* l) const override {
    for (const auto& d : r.diags) {
      const bool code = rule_ ? (d.code == "E0501" || d.code == "W0501" || d.code == "E0503" || d.code == "W0503")
                              : d.code == code_;
      if (code && (rule_ ? rule_text(d) : all_text(d)).find(text_) != std::string::npos) return true;
    }
    *l << "found " << listed(r.diags);
    return false;
  }
  void DescribeTo(std::ostream* os) const override {
    if (rule_) *os << "fails the rule \"" << text_ << "\"";
    else *os << "reports " << code_ << (text_.empty() ? "" : " mentioning \"" + text_ + "\"");
  }
  void DescribeNegationTo(std::ostream* os) const override {
    if (rule_) *os << "does not fail the rule \"" << text_ << "\"";
    else *os << "does not report " << code_ << (text_.empty() ? "" : " mentioning \"" + text_ + "\"");
  }

private:
  /// A failed constraint's message and its text (the note "constraint: …"
  /// under a message of its own), not the items it counted.
  static std::string rule_text(const diagnostic& d) {
    std::string t = d.message;
    for (const auto& n : d.notes)
      if (n.message.starts_with("constraint: ")) t += "\n" + n.message;
    return t;
  }

  std::string code_, text_;
  bool rule_;
};

class has_measure : public ::testing::MatcherInterface<const compiled_budget&> {
public:
  has_measure(std::string name, std::string amount) : name_(std::move(name)), amount_(std::move(amount)) {}
  bool MatchAndExplain(const compiled_budget& r, ::testing::MatchResultListener* l) const override {
    if (!r.value) {
      *l << "the budget has errors: " << listed(r.diags);
      return false;
    }
    const auto v = value_of(*r.value, name_);
    if (!v) {
      *l << "no measure, figure or built-in quantity named " << name_;
      return false;
    }
    // as `应 等于` compares: the exact value, an amount in the unit written after it
    const auto why = value_differs(*v, name_, amount_, r.value->header().amount_unit);
    *l << (why ? *why : name_ + " is " + value_text(*v, r.value->header().amount_unit));
    return !why;
  }
  void DescribeTo(std::ostream* os) const override { *os << "has " << name_ << " = " << amount_; }
  void DescribeNegationTo(std::ostream* os) const override { *os << "does not have " << name_ << " = " << amount_; }

private:
  std::string name_, amount_;
};

}  // namespace detail

/// The budget compiles without errors (warnings allowed).
inline ::testing::Matcher<const compiled_budget&> ChecksClean() {
  return ::testing::MakeMatcher(new detail::checks_clean);
}
/// A diagnostic of that code (E0501, W0605 …) whose message, label or notes contain `text`.
inline ::testing::Matcher<const compiled_budget&> Reports(std::string code, std::string text = {}) {
  return ::testing::MakeMatcher(new detail::reports(std::move(code), std::move(text), false));
}
/// A constraint failed (E0501, W0501, E0503, W0503) whose message or text contains `text`.
inline ::testing::Matcher<const compiled_budget&> FailsRule(std::string text) {
  return ::testing::MakeMatcher(new detail::reports({}, std::move(text), true));
}
/// The budget compiles and the measure (口径), figure (数值, 计数) or built-in
/// quantity (支出合计, 项目数 …) `name` is `amount`: an amount in the budget's
/// unit ("9.20"), or for a count (计数(…), 项目数, a 计数 figure) a whole
/// number ("4").
inline ::testing::Matcher<const compiled_budget&> HasMeasure(std::string name, std::string amount) {
  return ::testing::MakeMatcher(new detail::has_measure(std::move(name), std::move(amount)));
}

}  // namespace yusuan::testing
