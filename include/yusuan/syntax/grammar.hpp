// yusuan/syntax/grammar.hpp -- the rules of the budget language and of the
// query language, declared: their ids, their attributes (syntax/ast.hpp) and
// the types the parser is instantiated with.  The definitions are in
// syntax/grammar_def.hpp; syntax/parser.ipp is the one place that
// instantiates them.
#pragma once

#include <yusuan/syntax/ast.hpp>
#include <yusuan/syntax/tokens.hpp>

#include <boost/spirit/home/x3.hpp>

namespace yusuan::syntax::grammar {

namespace x3 = boost::spirit::x3;

/// The parser runs over the source buffer itself; positions are pointers.
using iterator_type = const char*;
/// Blanks and comments are skipped between tokens.
using context_type = x3::phrase_parse_context<tokens::blank_parser>::type;

struct statement_class;
struct item_class;
struct query_class;

/// One statement of a budget file.
using statement_type = x3::rule<statement_class, ast::statement>;
/// The common item line, also tried on its own before a whole statement.
using item_type = x3::rule<item_class, ast::item>;
/// A whole query: sum by function.类 where kind = 基本支出 …
using query_type = x3::rule<query_class, ast::query>;

}  // namespace yusuan::syntax::grammar
