// yusuan/syntax/ast_adapted.hpp -- the syntax tree adapted as Boost.Fusion
// sequences, so that the X3 rules can fill the nodes as their attributes.
// The members listed are those a rule's right-hand side produces, in order;
// `where` (from `located`) is set when a rule succeeds.
#pragma once

#include <yusuan/syntax/ast.hpp>

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3/support/traits/container_traits.hpp>

#include <vector>

// coordinates
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::mapped_code, code, name)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::code_coord, code, name, mapped)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::kind_coord, word)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::fund_coord, source)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::project_coord, project)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tag_coord, key, value)

// expressions
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::amount_literal, text)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::percent_literal, text)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::name_ref, name)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::prior_ref, name)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::aggregation, op, filters)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::share_of, part, whole)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::change_of, of)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::parenthesized, inner)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::signed_operand, minus_signs, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::operation, op, operand_)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::expression, first, rest)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::condition_test, op, values)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::condition, dimension, test)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::filter_group, inner)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::negation, nots, atom)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::conjunction, first, rest)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::filter, first, rest)

// statements
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::item, coords, amount, trailing)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::block_open, coords, total)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::block_close, brace)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::title, text)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::year, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::amount_unit, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::unit_decl, code, name, type)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::department, code, name)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::import_file, library, path)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::template_decl, name)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::income_part, source, amount)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::income, source, amount, parts)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::year_end_balance, amount, parts)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::project_field, kind, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::project, name, fields, opens_block)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::targets_open, keyword)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::target, category, indicator, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::project_group, name, members, coords)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::prior_figure, name, amount)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::figure, name, amount)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::count_figure, name, count, unit)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::measure, name, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::comparison_tail, comparator, rhs)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::yoy_tail, kind, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::group_row, keys, amount)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::grouped_tail, dimensions, rows)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::constraint_option, kind, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::constraint, each, lhs, tail, options, when)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::parameter, name, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::table_note, table, text)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::catalog_entry, code, name)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::catalog_edition, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::allow_negative, value)

// the query language
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::where_clause, condition)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::by_clause, dimensions)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::pivot_clause, dimension)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::flag_clause, word)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::order_clause, by, direction)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::limit_clause, count)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::query, aggregate, clauses)

namespace boost::spirit::x3::traits {
/// Coordinates are appended where they are read, without an insert.
template <>
struct push_back_container<std::vector<yusuan::syntax::ast::coordinate>> {
  template <class T>
  static bool call(std::vector<yusuan::syntax::ast::coordinate>& c, T&& value) {
    c.emplace_back(static_cast<T&&>(value));
    return true;
  }
};
}  // namespace boost::spirit::x3::traits
