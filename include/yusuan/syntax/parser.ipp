// yusuan/syntax/parser.ipp -- the one instantiation point of the grammar:
// the definitions of syntax/parser.hpp.  Included by exactly one translation
// unit (<yusuan/src.hpp>, or <yusuan/compile.hpp> in header-only mode).
#pragma once

#include <yusuan/syntax/expected.hpp>
#include <yusuan/syntax/grammar_def.hpp>
#include <yusuan/syntax/parser.hpp>

namespace yusuan::syntax {

namespace detail {
namespace x3 = boost::spirit::x3;
inline parse_status expectation(const x3::expectation_failure<const char*>& e, const char* last, syntax_error& err) {
  const char* w = e.where();
  chars::skip_blank(w, last);
  err.where = w;
  err.expected = e.which();
  err.nesting_limit = 0;
  err.name_length = 0;
  return parse_status::error;
}
inline parse_status too_deep(const tokens::nesting_too_deep& e, syntax_error& err) {
  err.where = e.where;
  err.expected = "an expression nested at most " + std::to_string(e.limit) + " deep";
  err.nesting_limit = e.limit;
  return parse_status::error;
}
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
}  // namespace detail

YUSUAN_DECL parse_status parse_statement(const char*& first, const char* last, statement_slot& out,
                                         syntax_error& err, std::size_t max_nesting) {
  namespace x3 = boost::spirit::x3;
  err.nesting_limit = 0;
  err.name_length = 0;
  chars::skip_blank(first, last);
  if (first == last) return parse_status::end;
  const char* const start = first;
  const auto semicolon = x3::lit(';') | x3::lit("；");
  try {
    if (chars::is_digit(*first)) {
      // the common item line, read into storage that is reused
      out.item.coords.clear();
      out.item.trailing.clear();
      const char* p = first;
      if (x3::phrase_parse(p, last, grammar::item >> -semicolon, detail::skipper(max_nesting), out.item)) {
        out.is_item = true;
        first = p;
        return parse_status::ok;
      }
    }
    out.is_item = false;
    out.other = ast::statement();
    const char* p = first;
    if (x3::phrase_parse(p, last, grammar::statement, detail::skipper(max_nesting), out.other) && p != start) {
      first = p;
      return parse_status::ok;
    }
    err.where = start;
    err.expected = "a statement";
    return parse_status::error;
  } catch (const x3::expectation_failure<const char*>& e) {
    return detail::expectation(e, last, err);
  } catch (const tokens::nesting_too_deep& e) {
    return detail::too_deep(e, err);
  } catch (const tokens::name_too_long& e) {
    return detail::too_long(e, err);
  }
}

YUSUAN_DECL parse_status parse_query(const char*& first, const char* last, ast::query& out, syntax_error& err,
                                     std::size_t max_nesting) {
  namespace x3 = boost::spirit::x3;
  err.nesting_limit = 0;
  err.name_length = 0;
  chars::skip_blank(first, last);
  const char* const start = first;
  try {
    const char* p = first;
    if (!x3::phrase_parse(p, last, grammar::query, detail::skipper(max_nesting), out)) {
      err.where = start;
      err.expected = "sum, count, min or max (合计, 计数, 最小, 最大)";
      return parse_status::error;
    }
    if (p != last) {
      err.where = p;
      err.expected = "a clause (where, by, pivot, rollup, share, order by, limit)";
      return parse_status::error;
    }
    first = p;
    return parse_status::ok;
  } catch (const x3::expectation_failure<const char*>& e) {
    return detail::expectation(e, last, err);
  } catch (const tokens::nesting_too_deep& e) {
    return detail::too_deep(e, err);
  } catch (const tokens::name_too_long& e) {
    return detail::too_long(e, err);
  }
}

}  // namespace yusuan::syntax
