// yusuan/syntax/parser.ipp -- the one instantiation point of the grammar:
// the definitions of syntax/parser.hpp.  Included by exactly one translation
// unit (<yusuan/src.hpp>, or <yusuan/compile.hpp> in header-only mode).
#pragma once

#include <yusuan/syntax/expected.hpp>
#include <yusuan/syntax/grammar_def.hpp>
#include <yusuan/syntax/parse_failures.hpp>
#include <yusuan/syntax/parser.hpp>

namespace yusuan::syntax {

namespace detail {

/// What coordinate_line read.
enum class coordinate_line_kind { none, item, block };

/// A line of coordinates: grammar::item or grammar::block_open, then
/// -semicolon, read by calling the rules of item_def and block_open_def one
/// after the other.  It reads the coordinates once (coord_statement tries
/// item, then reads them again for block_open) and into storage reused from
/// one line to the next, without the container and variant plumbing of X3's
/// + and *.  Where coord_statement would throw it throws the same; where it
/// would read the line otherwise (or fail) it returns none and the caller
/// reads the line with grammar::statement.
template <class Ctx>
coordinate_line_kind coordinate_line(const char*& first, const char* last, const Ctx& ctx, statement_slot& out) {
  namespace x3 = boost::spirit::x3;
  auto& coords = out.item.coords;
  coords.clear();
  out.item.trailing.clear();
  const char* p = first;
  // +coordinate, each read into the vector's next element
  for (;;) {
    const char* q = p;
    if (!grammar::coordinate.parse(q, last, ctx, x3::unused, coords.emplace_back())) {
      coords.pop_back();
      break;
    }
    p = q;
  }
  if (coords.empty()) return coordinate_line_kind::none;
  // the rules' locate handler: where the statement starts
  const char* b = first;
  x3::skip_over(b, last, ctx);
  const auto finish = [&](const char* end) {
    // >> -semicolon, then phrase_parse's post-skip
    if (const char* q = end; grammar::semicolon.parse(q, last, ctx, x3::unused, x3::unused)) end = q;
    x3::skip_over(end, last, ctx);
    first = end;
  };
  // item: >> colon > amount_tok >> *(same_line >> post_coordinate)
  if (const char* q = p; grammar::colon.parse(q, last, ctx, x3::unused, x3::unused)) {
    p = q;
    if (!grammar::amount_tok.parse(p, last, ctx, x3::unused, out.item.amount))
      throw x3::expectation_failure<const char*>(p, x3::what(grammar::amount_tok));
    for (;;) {
      q = p;
      if (!tokens::same_line.parse(q, last, ctx, x3::unused, x3::unused)) break;
      if (!grammar::post_coordinate.parse(q, last, ctx, x3::unused, out.item.trailing.emplace_back())) {
        out.item.trailing.pop_back();
        break;
      }
      p = q;
    }
    out.item.where = ast::slice{b, p};
    finish(p);
    return coordinate_line_kind::item;
  }
  // block_open: >> ((kw(total) > amount_tok > open_brace) | open_brace)
  ast::slice total;
  if (const char* q = p; tokens::kw(keyword::total).parse(q, last, ctx, x3::unused, x3::unused)) {
    if (!grammar::amount_tok.parse(q, last, ctx, x3::unused, total))
      throw x3::expectation_failure<const char*>(q, x3::what(grammar::amount_tok));
    if (!grammar::open_brace.parse(q, last, ctx, x3::unused, x3::unused))
      throw x3::expectation_failure<const char*>(q, x3::what(grammar::open_brace));
    p = q;
  } else if (!grammar::open_brace.parse(p, last, ctx, x3::unused, x3::unused)) {
    return coordinate_line_kind::none;
  }
  ast::block_open block;
  block.coords.assign(coords.begin(), coords.end());
  block.total = total;
  block.where = ast::slice{b, p};
  out.other = std::move(block);
  finish(p);
  return coordinate_line_kind::block;
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
  try {
    // a line of coordinates (an item, the common case, or a block): where
    // grammar::statement would try coord_statement before any other
    // statement, that is where the line does not start with '}' or with
    // a keyword that starts another statement
    const auto skipper = detail::skipper(max_nesting);
    const auto ctx = x3::make_context<x3::skipper_tag>(skipper);
    const auto leads = [&](const auto& parser) {
      const char* q = first;
      return parser.parse(q, last, ctx, x3::unused, x3::unused);
    };
    if (chars::is_digit(*first) ||
        (!leads(grammar::close_brace) && !leads(grammar::statement_keywords_ahead{}))) {
      const char* p = first;
      switch (detail::coordinate_line(p, last, ctx, out)) {
        case detail::coordinate_line_kind::item:
          out.is_item = true;
          first = p;
          return parse_status::ok;
        case detail::coordinate_line_kind::block:
          out.is_item = false;
          first = p;
          return parse_status::ok;
        case detail::coordinate_line_kind::none:
          break;
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
