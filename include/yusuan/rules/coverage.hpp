// yusuan/rules/coverage.hpp -- rule coverage: for every constraint (核对)
// of the rule files under test, whether some test made it fail and some test
// made it pass.  run_rule_test() (<yusuan/rule_tests.hpp>) records into it.
#pragma once

#include <yusuan/compile.hpp>
#include <yusuan/compile/read_file.hpp>
#include <yusuan/rules/test_budgets.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/text/utf8.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace yusuan {

/// Every constraint of the rule files under test: whether some test made it
/// fail and some test made it pass.
class rule_coverage {
public:
  struct entry {
    std::string file;
    std::uint32_t line = 0, column = 0;
    std::string text;
    bool failed = false, passed = false;
    bool undecided = false;  // checked, but only with an error in it (neither failed nor passed)
  };

  /// Lists the constraints of a rule file: the statements that begin a line
  /// with 核对 / expect, or 每个 / each.  A file that cannot be read (only a
  /// regular file is) lists nothing: false, and E0001 in `diags`.
  bool add_rule_file(const std::filesystem::path& file, diagnostics& diags) {
    std::error_code ec;
    const std::string key = std::filesystem::weakly_canonical(file, ec).string();
    if (files_.count(key)) return true;
    std::string why;
    auto text = read_source_file(file, compile_options{}.max_file_size, why);
    if (!text) {
      diags.add(cannot_read(file, why));
      return false;
    }
    files_.emplace(key, file.lexically_normal().string());
    // lines, blanks and word ends as the language has them
    const source_file src(key, std::move(*text));
    for (std::uint32_t n = 1; n <= src.line_count(); ++n) {
      const std::string_view line = src.line_text(n);
      std::size_t p = 0;
      std::uint32_t col = 1;
      while (const std::size_t b = detail::inline_blank_at(line, p)) {
        p += b;
        ++col;
      }
      const char* const end = line.data() + line.size();
      for (std::string_view w : {"核对", "expect", "每个", "each"})
        if (line.compare(p, w.size(), w) == 0 && !syntax::chars::word_char_at(line.data() + p + w.size(), end)) {
          entry e;
          e.file = file.lexically_normal().string();
          e.line = n;
          e.column = col;
          std::string_view t = line.substr(p);
          for (std::size_t h = t.find('#'); h != std::string_view::npos; h = t.find('#', h + 1))
            if (detail::inline_blank_before(t, h) != 0) {
              t = t.substr(0, h);  // a comment after the statement
              break;
            }
          e.text = std::string(detail::trim(t));
          entries_.emplace(std::make_tuple(key, n, col), std::move(e));
          break;
        }
    }
    return true;
  }
  /// The throwing form: budget_error (E0001) for a file that cannot be read.
  void add_rule_file(const std::filesystem::path& file) {
    diagnostics diags;
    if (!add_rule_file(file, diags)) throw budget_error(std::move(diags));
  }

  /// Records the result of a constraint checked in some test.  One that
  /// could not be evaluated (an error in it) neither failed nor passed: it
  /// is `undecided`, not unchecked.
  void record(const constraint_result& r) {
    if (!r.span) return;
    const auto lc = resolve(r.span);
    std::error_code ec;
    // a rule file is named in diagnostics by the path it was given as
    const std::string key = std::filesystem::weakly_canonical(lc.file, ec).string();
    auto it = entries_.find(std::make_tuple(key, lc.line, lc.column));
    if (it == entries_.end()) {
      // a constraint of a file a rule file imports: listed once it is checked
      if (!r.from_rules) return;
      entry e;
      e.file = std::filesystem::path(lc.file).lexically_normal().string();
      e.line = lc.line;
      e.column = lc.column;
      e.text = r.text.substr(0, r.text.find('\n'));
      it = entries_.emplace(std::make_tuple(key, lc.line, lc.column), std::move(e)).first;
    }
    if (!r.decided) it->second.undecided = true;
    else (r.passed ? it->second.passed : it->second.failed) = true;
  }

  std::vector<entry> entries() const {
    std::vector<entry> out;
    for (const auto& [k, e] : entries_) out.push_back(e);
    return out;
  }
  /// Whether every constraint was made to fail and made to pass (and there
  /// was one: coverage of no constraint covers nothing).
  bool complete() const {
    if (entries_.empty()) return false;
    for (const auto& [k, e] : entries_)
      if (!e.failed || !e.passed) return false;
    return true;
  }

private:
  std::map<std::string, std::string> files_;
  std::map<std::tuple<std::string, std::uint32_t, std::uint32_t>, entry> entries_;
};

}  // namespace yusuan
