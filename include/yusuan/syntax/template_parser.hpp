// yusuan/syntax/template_parser.hpp -- reading the statements of template
// files into the syntax tree.  The declarations are Spirit-free: the grammar
// is instantiated in syntax/template_parser.ipp, included at the end
// header-only, compiled once in the compiled form.
#pragma once

#include <yusuan/detail/config.hpp>
#include <yusuan/syntax/parser.hpp>
#include <yusuan/syntax/template_ast.hpp>

namespace yusuan::syntax {

/// Skips blanks and comments, then reads one statement of a template file at
/// `first`; as parse_statement does for budgets, with the same limit on the
/// nesting of its expressions and filters.
YUSUAN_DECL parse_status parse_template_statement(const char*& first, const char* last, ast::template_statement& out,
                                                  syntax_error& err, std::size_t max_nesting = default_max_nesting);

}  // namespace yusuan::syntax

// Header-only (the default): the definitions, the one instantiation of the
// grammar, come with the declarations.  With YUSUAN_SEPARATE_COMPILATION
// they are in the compiled form.
#ifndef YUSUAN_SEPARATE_COMPILATION
#include <yusuan/syntax/template_parser.ipp>
#endif
