// yusuan/syntax/parser.hpp -- reading statements and queries into the syntax
// tree.  Spirit-free: the grammar is instantiated once, in syntax/parser.ipp.
#pragma once

#include <yusuan/detail/config.hpp>
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

enum class parse_status { ok, end, error };

/// The statement just read.  A plain item line (the common case) is read
/// into `item`, whose storage is reused from one statement to the next;
/// every other statement into `other`.
struct statement_slot {
  bool is_item = false;
  ast::item item;
  ast::statement other;
};

/// Skips blanks and comments, then reads one statement at `first`.  On ok,
/// `first` is past the statement and the blanks after it; on error, `err`
/// says what was expected where; end: nothing but blanks was left.
YUSUAN_DECL parse_status parse_statement(const char*& first, const char* last, statement_slot& out,
                                         syntax_error& err, std::size_t max_nesting = default_max_nesting);

/// Reads a whole query ("sum by function.类 where kind = 基本支出").
YUSUAN_DECL parse_status parse_query(const char*& first, const char* last, ast::query& out, syntax_error& err,
                                     std::size_t max_nesting = default_max_nesting);

}  // namespace yusuan::syntax
