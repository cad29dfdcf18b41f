// yusuan/syntax/parse_types.hpp -- what reading a statement or a query
// gives: its status, the statement read, and where and why the text did not
// parse; and the limits of the grammar.  The rules (tokens.hpp …) and the
// interface (parser.hpp) share them.
#pragma once

#include <yusuan/syntax/ast.hpp>

#include <cstddef>
#include <string>

namespace yusuan::syntax {

/// Where and why the text did not parse.
struct syntax_error {
  const char* where = nullptr;
  std::string expected;  // "an amount", "':' and an amount, or '{'" …
  /// Non-zero when the statement nests expressions or filters deeper than
  /// this limit (E0715); `where` is the construct one level too deep.
  std::size_t nesting_limit = 0;
  /// Non-zero when a word or string is longer than max_name_length
  /// (E0717): its length in bytes; `where` is its start.
  std::size_t name_length = 0;
};

/// Levels of parentheses, 占比(…), 增幅(…) and 合计(…) one statement or
/// query may open (compile_options::max_expression_depth).
inline constexpr std::size_t default_max_nesting = 64;

/// Bytes a name (a word) or a string may have: a longer one is E0717.
inline constexpr std::size_t max_name_length = 4096;

/// What a string not closed on its line expects (syntax_error::expected;
/// the error is at its opening quote): strings do not span lines.
inline constexpr const char* closing_quote = "a closing '\"' before the end of the line";
inline constexpr const char* closing_curly_quote = "a closing '”' before the end of the line";

enum class parse_status { ok, end, error };

/// The statement just read.  A plain item line (the common case) is read
/// into `item`, whose storage is reused from one statement to the next;
/// every other statement into `other`.
struct statement_slot {
  bool is_item = false;
  ast::item item;
  ast::statement other;
};

}  // namespace yusuan::syntax
