// yusuan/syntax/parser.hpp -- reading statements and queries into the syntax
// tree.  The declarations are Spirit-free: the grammar is instantiated in
// syntax/parser.ipp, included at the end header-only, compiled once in the
// compiled form.
#pragma once

#include <yusuan/detail/config.hpp>
#include <yusuan/syntax/ast.hpp>
#include <yusuan/syntax/parse_types.hpp>

#include <cstddef>
#include <string>

namespace yusuan::syntax {

/// Skips blanks and comments, then reads one statement at `first`.  On ok,
/// `first` is past the statement and the blanks after it; on error, `err`
/// says what was expected where; end: nothing but blanks was left.
YUSUAN_DECL parse_status parse_statement(const char*& first, const char* last, statement_slot& out,
                                         syntax_error& err, std::size_t max_nesting = default_max_nesting);

/// Reads a whole query ("sum by function.类 where kind = 基本支出").
YUSUAN_DECL parse_status parse_query(const char*& first, const char* last, ast::query& out, syntax_error& err,
                                     std::size_t max_nesting = default_max_nesting);

}  // namespace yusuan::syntax

// Header-only (the default): the definitions, the one instantiation of the
// grammar, come with the declarations.  With YUSUAN_SEPARATE_COMPILATION
// they are in the compiled form.
#ifndef YUSUAN_SEPARATE_COMPILATION
#include <yusuan/syntax/parser.ipp>
#endif
