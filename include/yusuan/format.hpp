// yusuan/format.hpp -- budget files in canonical layout (yusuan fmt).
//
// The formatter changes blanks only: one statement per line, two spaces of
// indentation per block, one space between tokens, the amounts of
// consecutive items right-aligned, comments where they were, keywords in
// the spelling they were written in (or all in Chinese or all in English).
// Formatting never changes what a budget says; format/meaning.hpp states
// what "the same" means, and `yusuan fmt` checks every file it formats
// against it.
//
//   std::string text = yusuan::format_budget(source, "a.budget");   // throws budget_error
//
//   yusuan::diagnostics diags;
//   if (auto text = yusuan::format_budget(source, "a.budget", diags)) … else render_text(std::cerr, diags);
//
// A file that does not parse is not formatted: its syntax errors are the
// diagnostics (E0101 …).  Files of tests of rules (测试 blocks) are
// formatted with their tests.
#pragma once

#include <yusuan/compile/budget_error.hpp>
#include <yusuan/detail/config.hpp>
#include <yusuan/diagnostic.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yusuan {

/// How keywords are spelled in the output.
enum class keyword_spelling_choice : std::uint8_t {
  as_written,  // each as it is written
  chinese,     // 标题, 年度, 核对 …
  english,     // title, year, expect …
};

struct format_options {
  keyword_spelling_choice spelling = keyword_spelling_choice::as_written;
  /// Spaces per level of blocks.
  std::size_t indent = 2;
  /// Levels of parentheses, 占比(…), 增幅(…) and 合计(…) read in one statement;
  /// past compile_options::max_expression_depth_bound, format_budget throws
  /// yusuan::error (errc::invalid_argument).
  std::size_t max_expression_depth = 64;
};

/// The text of a budget file in canonical layout; `name` is used in
/// diagnostics.  Returns nothing, with the syntax errors in `diags`, when the
/// text does not parse.
YUSUAN_DECL std::optional<std::string> format_budget(std::string_view text, std::string name, diagnostics& diags,
                                                     const format_options& options = {});

/// The text of a budget file in canonical layout, or throws budget_error.
inline std::string format_budget(std::string_view text, std::string name = "<input>",
                                 const format_options& options = {}) {
  diagnostics diags;
  auto out = format_budget(text, std::move(name), diags, options);
  if (!out) throw budget_error(std::move(diags));
  return std::move(*out);
}

}  // namespace yusuan

#ifndef YUSUAN_SEPARATE_COMPILATION
#include <yusuan/format/format.ipp>
#endif
