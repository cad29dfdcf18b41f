// yusuan/syntax/parse_failures.hpp -- what the parsers of statements, queries
// and template statements make of the exceptions the grammar throws: an
// expectation that failed, a nesting past the limit, a name too long, each
// put into a syntax_error.  Included only by syntax/parser.ipp and
// syntax/template_parser.ipp.
#pragma once

#include <yusuan/syntax/chars.hpp>
#include <yusuan/syntax/parse_types.hpp>
#include <yusuan/syntax/tokens.hpp>

#include <boost/spirit/home/x3.hpp>

#include <cstddef>
#include <string>

namespace yusuan::syntax::detail {

namespace x3 = boost::spirit::x3;

/// A part of the grammar expected after `a >` did not match: where (after
/// the blanks), and what was expected there.
inline parse_status expectation(const x3::expectation_failure<const char*>& e, const char* last, syntax_error& err) {
  const char* w = e.where();
  chars::skip_blank(w, last);
  err.where = w;
  err.expected = e.which();
  err.nesting_limit = 0;
  err.name_length = 0;
  return parse_status::error;
}
/// A parenthesis, 占比, 增幅 or 合计 one level past the limit (E0715).
inline parse_status too_deep(const tokens::nesting_too_deep& e, syntax_error& err) {
  err.where = e.where;
  err.expected = "an expression nested at most " + std::to_string(e.limit) + " deep";
  err.nesting_limit = e.limit;
  return parse_status::error;
}
/// A word or string longer than max_name_length (E0717).
inline parse_status too_long(const tokens::name_too_long& e, syntax_error& err) {
  err.where = e.where;
  err.expected = "a name or string of at most " + std::to_string(max_name_length) + " bytes";
  err.name_length = e.length;
  return parse_status::error;
}
/// The skipper of one statement or query, which also counts its nesting.
inline tokens::blank_parser skipper(std::size_t max_nesting) {
  tokens::blank_parser s;
  s.max_nesting = max_nesting;
  return s;
}

}  // namespace yusuan::syntax::detail
