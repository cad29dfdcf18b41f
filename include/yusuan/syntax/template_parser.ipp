// yusuan/syntax/template_parser.ipp -- the one instantiation point of the
// grammar of template files: the definition of syntax/template_parser.hpp.
// Included by exactly one translation unit, with syntax/parser.ipp.
#pragma once

#include <yusuan/syntax/chars.hpp>
#include <yusuan/syntax/expected.hpp>
#include <yusuan/syntax/parse_failures.hpp>
#include <yusuan/syntax/template_grammar.hpp>
#include <yusuan/syntax/template_parser.hpp>

namespace yusuan::syntax {

YUSUAN_DECL parse_status parse_template_statement(const char*& first, const char* last, ast::template_statement& out,
                                                  syntax_error& err, std::size_t max_nesting) {
  namespace x3 = boost::spirit::x3;
  chars::skip_blank(first, last);
  if (first == last) return parse_status::end;
  const char* const start = first;
  err.nesting_limit = 0;
  err.name_length = 0;
  try {
    out = ast::template_statement();
    const char* p = first;
    if (x3::phrase_parse(p, last, template_grammar::statement, detail::skipper(max_nesting), out) && p != start) {
      first = p;
      return parse_status::ok;
    }
    err.where = start;
    err.expected = "a statement of a template (模板, 表, 列, 行, 合计, 按, 栏, 口径 …)";
    return parse_status::error;
  } catch (const x3::expectation_failure<const char*>& e) {
    return detail::expectation(e, last, err);
  } catch (const tokens::nesting_too_deep& e) {
    return detail::too_deep(e, err);
  } catch (const tokens::name_too_long& e) {
    return detail::too_long(e, err);
  }
}

}  // namespace yusuan::syntax
