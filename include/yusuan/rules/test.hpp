// yusuan/rules/test.hpp -- a test of fiscal rules as read from its file
// (rule_test: its name, rule files, 应 lines and the budget it is
// compiled as) and what came of running it (rule_test_result).
// <yusuan/rule_tests.hpp> reads and runs them.
#pragma once

#include <yusuan/diagnostic.hpp>
#include <yusuan/rules/test_budgets.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace yusuan {

/// One 应 line of a test.
struct rule_expectation {
  enum class kind : std::uint8_t { pass, report, equals } what = kind::pass;
  std::string code;    // 应 报错: E0501
  std::string text;    // 应 报错 … "TEXT"
  std::string name;    // 应 等于: the name
  std::string amount;  // 应 等于: the amount as written
  std::string written; // the line as written
  int line = 0;
  int column = 0;       // of its 应, in characters from 1
};

/// A 测试 block: its name, the rule files it names, its expectations, and
/// the budget it is (budget(): its own lines and the statements outside
/// every test; rules/test_budgets.hpp).
struct rule_test {
  std::string name;
  std::filesystem::path file;
  int line = 0;
  std::vector<std::filesystem::path> rules;
  std::vector<rule_expectation> expectations;
  /// What is malformed in the test's own lines (a 应 line that cannot be
  /// read, no 应 line, a 规则 without a path: E0101), or a rule file it names
  /// that cannot be read (E0001), located in its file: a test with problems
  /// says nothing reliable, and is not to be run.
  diagnostics problems;

  /// The budget the test is compiled as, made when asked.
  rule_test_budget budget() const { return budgets ? budgets->budget(index) : rule_test_budget{}; }
  /// What budget() reads: the file's text, held once for all its tests.
  std::shared_ptr<const detail::rule_test_budgets> budgets;
  std::size_t index = 0;
};

/// What came of a test.
struct rule_test_result {
  const rule_test* test = nullptr;
  bool passed = false;
  std::vector<std::string> failures;  // one per expectation not met, with what was found
  std::vector<const rule_expectation*> failed;  // those expectations, in the same order
  diagnostics diags;                  // the test budget's diagnostics
};

/// Where a line of a test's own is in its file: the formatter lays them out.
struct rule_test_span {
  std::size_t b = 0, e = 0;
  enum class kind : std::uint8_t { open, line, close } what = kind::line;
};

}  // namespace yusuan
