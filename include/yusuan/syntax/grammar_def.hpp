// yusuan/syntax/grammar_def.hpp -- the rules of the budget language and of
// the query language, defined (Spirit X3).  Included only by
// syntax/parser.ipp, the one instantiation point.
//
// Each rule produces a node of the syntax tree as its attribute; a rule whose
// attribute is `located` records the text it matched.  Rules are named in
// words for the "expected …" of syntax errors.  `a > b` makes b expected once
// a has matched: a failure there is a syntax error at that point.
#pragma once

#include <yusuan/model/kinds.hpp>
#include <yusuan/syntax/ast.hpp>
#include <yusuan/syntax/ast_adapted.hpp>
#include <yusuan/syntax/grammar.hpp>
#include <yusuan/syntax/keywords.hpp>
#include <yusuan/syntax/tokens.hpp>

#include <boost/spirit/home/x3.hpp>

#include <string>
#include <type_traits>
#include <utility>

namespace yusuan::syntax::grammar {

using tokens::capture;
using tokens::kw;
using tokens::nested;
using x3::attr;
using x3::lit;

/// Records the matched text of a node (after leading blanks).
struct locate {
  template <class It, class Node, class Ctx>
  void on_success(It const& first, It const& last, Node& node, Ctx const& ctx) const {
    if constexpr (std::is_base_of_v<ast::located, Node>) {
      It b = first;
      x3::skip_over(b, last, ctx);
      node.where = ast::slice{b, last};
    }
  }
};

// ---------------------------------------------------------------------------
// Words that mean something
// ---------------------------------------------------------------------------

/// A spending kind written as a word (基本支出, basic …).
struct kind_word_parser : x3::parser<kind_word_parser> {
  using attribute_type = ast::slice;
  /// w == s, comparing the first bytes inline (most words are no kind).
  static bool same(std::string_view w, std::string_view s) noexcept {
    return w.size() == s.size() && (w.empty() || (w[0] == s[0] && w.back() == s.back() && w == s));
  }
  /// Every spelling of a spending kind.
  static constexpr auto spellings = [] {
    std::array<std::string_view, 2 * all_spending_kinds.size()> a{};
    for (std::size_t i = 0; i < all_spending_kinds.size(); ++i) {
      a[2 * i] = chinese_name(all_spending_kinds[i]);
      a[2 * i + 1] = english_name(all_spending_kinds[i]);
    }
    return a;
  }();
  static bool is_kind(std::string_view w) noexcept {
    for (std::string_view s : spellings)
      if (same(w, s)) return true;
    return false;
  }
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& a) const {
    x3::skip_over(first, last, ctx);
    const char* e = tokens::word_parser::scan(first, last);
    if (e == first || !is_kind(std::string_view(first, static_cast<std::size_t>(e - first)))) return false;
    tokens::store(a, ast::slice{first, e});
    first = e;
    return true;
  }
};

/// A name written without quotes: a word that is not reserved (the spending
/// kinds and the keywords 资金, 项目 and 合计 have a meaning of their own) and,
/// with `TagCheck`, is not the key of a tag (not followed by '=').  Stores
/// nothing unless it matches.
template <bool TagCheck = true>
struct basic_bare_name_parser : x3::parser<basic_bare_name_parser<TagCheck>> {
  using attribute_type = ast::slice;
  static bool is_reserved(std::string_view w) noexcept {
    if (kind_word_parser::is_kind(w)) return true;
    for (auto k : {keyword::fund, keyword::project, keyword::total}) {
      const auto& s = spelling(k);
      if (kind_word_parser::same(w, s.zh) || kind_word_parser::same(w, s.en)) return true;
    }
    return false;
  }
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& a) const {
    x3::skip_over(first, last, ctx);
    const char* e = tokens::word_parser::scan(first, last);
    if (e == first || is_reserved(std::string_view(first, static_cast<std::size_t>(e - first)))) return false;
    if constexpr (TagCheck) {
      const char* after = e;
      syntax::chars::skip_blank(after, last);
      if (after < last && (*after == '=' || syntax::chars::at(after, last, "\xEF\xBC\x9D", 3))) return false;  // a tag
    }
    if (static_cast<std::size_t>(e - first) > max_name_length)
      throw tokens::name_too_long{first, static_cast<std::size_t>(e - first)};
    tokens::store(a, ast::slice{first, e});
    first = e;
    return true;
  }
};

inline constexpr kind_word_parser kind_word{};
using bare_name_parser = basic_bare_name_parser<true>;
/// The name of a figure (上年, 数值, 计数): no tag can follow it, so a name
/// followed by '=' (`上年 支出合计 = 9.00`) is read as the name, and the '='
/// is the error.
using figure_name_parser = basic_bare_name_parser<false>;

}  // namespace yusuan::syntax::grammar

namespace boost::spirit::x3 {
template <>
struct get_info<yusuan::syntax::grammar::kind_word_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::grammar::kind_word_parser const&) const { return "a kind"; }
};
template <bool TagCheck>
struct get_info<yusuan::syntax::grammar::basic_bare_name_parser<TagCheck>> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::grammar::basic_bare_name_parser<TagCheck> const&) const { return "a name"; }
};
}  // namespace boost::spirit::x3

namespace yusuan::syntax::grammar {

/// The action of each alternative of a rule whose node is a variant (a
/// coordinate, an operand, a statement …): moves the alternative's node into
/// the rule's.  A rule with actions hands its alternatives no attribute, so
/// X3 does not search the variant for a type each alternative's attribute
/// converts to (costly to compile, and the tree's variants are std::variant,
/// which X3 does not know).
inline constexpr auto into_val = [](auto& ctx) { x3::_val(ctx) = std::move(x3::_attr(ctx)); };
inline constexpr bare_name_parser bare_name{};
inline constexpr figure_name_parser figure_bare_name{};

// ---------------------------------------------------------------------------
// Rule ids and names
// ---------------------------------------------------------------------------

// tokens and punctuation
struct colon_class;
struct arrow_class;
struct sep_class;
struct open_brace_class;
struct close_brace_class;
struct open_paren_class;
struct close_paren_class;
struct equals_class;
struct amount_class;
struct percent_class;
struct name_class;
struct string_class;
struct library_path_class;
struct code_class;
struct code_word_class;
struct string_or_word_class;
struct string_word_or_code_class;
struct value_class;
struct comparator_class;
struct item_or_block_class;

const x3::rule<colon_class> colon = "':'";
const x3::rule<arrow_class> arrow = "'→'";
const x3::rule<sep_class> sep = "','";
const x3::rule<open_brace_class> open_brace = "'{' or '｛'";
const x3::rule<close_brace_class> close_brace = "'}' or '｝'";
const x3::rule<open_paren_class> open_paren = "'(' or '（'";
const x3::rule<close_paren_class> close_paren = "')' or '）'";
const x3::rule<equals_class> equals = "'='";
const x3::rule<amount_class, ast::slice> amount_tok = "an amount";
const x3::rule<percent_class, ast::slice> percent_tok = "a percentage such as 6.06%";
const x3::rule<name_class, ast::slice> name_tok = "a name";
struct figure_name_class;
const x3::rule<figure_name_class, ast::slice> figure_name_tok = "a name";
// an amount; a percentage is read too, so that `容差 1%` is one error (the
// lowering's: 容差 takes an amount)
struct tolerance_class;
const x3::rule<tolerance_class, ast::slice> tolerance_tok = "an amount such as 0.01";
// the value of 较上年 减少 / 增加 and 下降 / 增长: as written, or a 参数's name
struct claimed_amount_class;
struct claimed_percent_class;
const x3::rule<claimed_amount_class, ast::slice> claimed_amount_tok = "an amount";
const x3::rule<claimed_percent_class, ast::slice> claimed_percent_tok = "a percentage such as 6.06%";
const x3::rule<string_class, ast::slice> string_tok = "a quoted string";
const x3::rule<library_path_class, ast::slice> library_path_tok = "a library path such as <std/measures.budget>";
const x3::rule<code_class, ast::slice> code_tok = "a classification code";
const x3::rule<code_word_class, ast::slice> code_word_tok = "a code";
const x3::rule<string_or_word_class, ast::slice> string_or_word = "a name";
const x3::rule<string_word_or_code_class, ast::slice> string_word_or_code = "a name or code";
const x3::rule<value_class, ast::slice> value_tok = "a value";
const x3::rule<comparator_class, ast::slice> comparator = "a comparison (=, ≠, ≤, ≥, <, >)";
const x3::rule<item_or_block_class> item_or_block = "':' and an amount, or '{'";
// the last word of a statement that ends with a word is on its line: left
// out, the keyword of the next line would be read in its place
struct name_on_line_class;
struct count_unit_class;
const x3::rule<name_on_line_class, ast::slice> name_on_line = "a name, on the same line";
const x3::rule<count_unit_class, ast::slice> count_unit = "the unit of the count (人, 辆, 个 …), on its line";

// coordinates (their tokens locate them: no node records its own text)
struct mapped_code_class;
struct code_coord_class;
struct kind_coord_class;
struct fund_coord_class;
struct project_coord_class;
struct tag_coord_class;
struct coordinate_class;
struct post_coordinate_class;

const x3::rule<mapped_code_class, ast::mapped_code> mapped_code = "a 政府 economic code";
const x3::rule<code_coord_class, ast::code_coord> code_coord = "a classification code";
const x3::rule<kind_coord_class, ast::kind_coord> kind_coord = "a kind";
const x3::rule<fund_coord_class, ast::fund_coord> fund_coord = "a fund source";
const x3::rule<project_coord_class, ast::project_coord> project_coord = "a project";
const x3::rule<tag_coord_class, ast::tag_coord> tag_coord = "a tag";
const x3::rule<coordinate_class, ast::coordinate> coordinate = "a coordinate (code, kind, 资金, 项目 or tag)";
const x3::rule<post_coordinate_class, ast::coordinate> post_coordinate = "a coordinate";

// expressions and filters
struct amount_literal_class : locate {};
struct percent_literal_class : locate {};
struct name_ref_class : locate {};
struct prior_ref_class : locate {};
struct aggregation_class : locate {};
struct aggregation_args_class;
struct share_class : locate {};
struct change_class : locate {};
struct parenthesized_class : locate {};
struct operand_class;
struct signed_operand_class : locate {};
struct operation_class : locate {};
struct expression_class : locate {};
struct one_value_class;
struct condition_test_class : locate {};
struct condition_class : locate {};
struct filter_group_class : locate {};
struct filter_atom_class;
struct negation_class : locate {};
struct conjunction_class : locate {};
struct filter_class : locate {};

const x3::rule<amount_literal_class, ast::amount_literal> amount_literal = "an amount";
const x3::rule<percent_literal_class, ast::percent_literal> percent_literal = "a percentage";
const x3::rule<name_ref_class, ast::name_ref> name_ref = "a name";
const x3::rule<prior_ref_class, ast::prior_ref> prior_ref = "上年(…)";
const x3::rule<aggregation_class, ast::aggregation> aggregation = "合计, 计数, 收入 or 项目金额";
const x3::rule<aggregation_args_class, std::vector<ast::box<ast::filter>>> aggregation_args = "a filter";
const x3::rule<share_class, ast::share_of> share_of = "占比(…)";
const x3::rule<change_class, ast::change_of> change_of = "增幅(…)";
const x3::rule<parenthesized_class, ast::parenthesized> parenthesized = "'('";
const x3::rule<operand_class, ast::operand> operand = "an amount, a measure or an aggregation";
const x3::rule<signed_operand_class, ast::signed_operand> signed_operand = "an expression";
const x3::rule<operation_class, ast::operation> operation = "'+' or '-'";
const x3::rule<expression_class, ast::expression> expression = "an expression";
const x3::rule<one_value_class, std::vector<ast::slice>> one_value = "a value";
const x3::rule<condition_test_class, ast::condition_test> condition_test = "a comparison (=, ≠, <, ≤, >, ≥, 属于 or 不属于)";
const x3::rule<condition_class, ast::condition> condition = "a condition such as 经济 = 30101";
const x3::rule<filter_group_class, ast::filter_group> filter_group = "'('";
const x3::rule<filter_atom_class, ast::filter_atom> filter_atom = "a filter";
const x3::rule<negation_class, ast::negation> negation = "a filter";
const x3::rule<conjunction_class, ast::conjunction> conjunction = "a filter";
const x3::rule<filter_class, ast::filter> filter = "a filter";

// statements
struct block_open_class : locate {};
struct block_close_class : locate {};
struct title_class : locate {};
struct year_class : locate {};
struct amount_unit_class : locate {};
struct unit_decl_class : locate {};
struct department_class : locate {};
struct import_class : locate {};
struct template_decl_class : locate {};
struct income_part_class : locate {};
struct income_class : locate {};
struct year_end_class : locate {};
struct project_field_class : locate {};
struct project_class : locate {};
struct targets_open_class : locate {};
struct target_value_class : locate {};
struct target_class : locate {};
struct project_group_class : locate {};
struct prior_class : locate {};
struct figure_class : locate {};
struct count_class : locate {};
struct measure_class : locate {};
struct comparison_tail_class : locate {};
struct yoy_tail_class : locate {};
struct group_row_class : locate {};
struct grouped_tail_class : locate {};
struct constraint_tail_class;
struct constraint_option_class : locate {};
struct constraint_class : locate {};
struct each_prefix_class;
struct parameter_class : locate {};
struct table_note_class : locate {};
struct catalog_entry_class : locate {};
struct catalog_edition_class : locate {};
struct allow_negative_class : locate {};
struct coord_statement_class;
struct header_statement_class;
struct project_statement_class;
struct rule_statement_class;
struct item_class : locate {};
struct statement_class;

const x3::rule<block_open_class, ast::block_open> block_open = "a block";
const x3::rule<block_close_class, ast::block_close> block_close = "'}'";
const x3::rule<title_class, ast::title> title = "标题";
const x3::rule<year_class, ast::year> year = "年度";
const x3::rule<amount_unit_class, ast::amount_unit> amount_unit = "金额单位";
const x3::rule<unit_decl_class, ast::unit_decl> unit_decl = "单位";
const x3::rule<department_class, ast::department> department = "部门";
const x3::rule<import_class, ast::import_file> import_file = "导入";
const x3::rule<template_decl_class, ast::template_decl> template_decl = "模板";
const x3::rule<income_part_class, ast::income_part> income_part = "其中";
const x3::rule<income_class, ast::income> income = "收入";
const x3::rule<year_end_class, ast::year_end_balance> year_end_balance = "年终结转结余";
const x3::rule<project_field_class, ast::project_field> project_field = "a project field (编码, 类型, 功能, 金额)";
const x3::rule<project_class, ast::project> project = "项目";
const x3::rule<targets_open_class, ast::targets_open> targets_open = "绩效";
const x3::rule<target_value_class, ast::target_value> target_value =
    "an indicator value such as ≥95% or 按时足额发放";
const x3::rule<target_class, ast::target> target = "a performance target";
struct target_value_on_line_class;
const x3::rule<target_value_on_line_class, ast::target_value> target_value_on_line =
    "an indicator value such as ≥95% or 按时足额发放, on the target's line";
const x3::rule<project_group_class, ast::project_group> project_group = "项目组";
const x3::rule<prior_class, ast::prior_figure> prior_figure = "上年";
const x3::rule<figure_class, ast::figure> figure = "数值";
const x3::rule<count_class, ast::count_figure> count_figure = "计数";
const x3::rule<measure_class, ast::measure> measure = "口径";
const x3::rule<comparison_tail_class, ast::comparison_tail> comparison_tail = "a comparison";
const x3::rule<yoy_tail_class, ast::yoy_tail> yoy_tail = "减少, 增加, 下降, 增长 or 持平";
const x3::rule<group_row_class, ast::group_row> group_row = "a row such as 208 01 09: 1370.56";
const x3::rule<grouped_tail_class, ast::grouped_tail> grouped_tail = "按";
const x3::rule<constraint_tail_class, ast::constraint_tail> constraint_tail =
    "较上年, 按 or a comparison (=, ≠, ≤, ≥, <, >)";
const x3::rule<constraint_option_class, ast::constraint_option> constraint_option = "容差, 警告 or a message";
const x3::rule<constraint_class, ast::constraint> constraint = "核对";
const x3::rule<each_prefix_class, ast::slice> each_prefix = "每个 项目: or 每个 单位:";
const x3::rule<parameter_class, ast::parameter> parameter = "参数";
const x3::rule<table_note_class, ast::table_note> table_note = "表注";
const x3::rule<catalog_entry_class, ast::catalog_entry> catalog_entry = "科目";
const x3::rule<catalog_edition_class, ast::catalog_edition> catalog_edition = "科目版本";
const x3::rule<allow_negative_class, ast::allow_negative> allow_negative = "允许负数";
const x3::rule<coord_statement_class, ast::statement> coord_statement = "an item or a block";
const x3::rule<header_statement_class, ast::header_statement> header_statement = "a statement";
const x3::rule<project_statement_class, ast::project_statement> project_statement = "a statement";
const x3::rule<rule_statement_class, ast::rule_statement> rule_statement = "a statement";
const item_type item = "an item";
const statement_type statement = "a statement";

// the query language
struct where_clause_class : locate {};
struct by_clause_class : locate {};
struct pivot_clause_class : locate {};
struct flag_clause_class : locate {};
struct order_clause_class : locate {};
struct limit_clause_class : locate {};
struct query_clause_class;
struct query_class : locate {};

const x3::rule<where_clause_class, ast::where_clause> where_clause = "where";
const x3::rule<by_clause_class, ast::by_clause> by_clause = "by";
const x3::rule<pivot_clause_class, ast::pivot_clause> pivot_clause = "pivot";
const x3::rule<flag_clause_class, ast::flag_clause> flag_clause = "rollup or share";
const x3::rule<order_clause_class, ast::order_clause> order_clause = "order by";
const x3::rule<limit_clause_class, ast::limit_clause> limit_clause = "limit";
const x3::rule<query_clause_class, ast::query_clause> query_clause =
    "a clause (where, by, pivot, rollup, share, order by, limit)";
const query_type query = "sum, count, min or max (合计, 计数, 最小, 最大)";

// ---------------------------------------------------------------------------
// Definitions: tokens
// ---------------------------------------------------------------------------

const auto colon_def = tokens::punct(":", "：");
const auto arrow_def = tokens::punct("→", "->", "=>");
const auto sep_def = tokens::punct(",", "，", "、");
const auto open_brace_def = tokens::punct("{", "｛");
const auto close_brace_def = tokens::punct("}", "｝");
const auto open_paren_def = tokens::punct("(", "（");
const auto close_paren_def = tokens::punct(")", "）");
const auto equals_def = tokens::punct("==", "=", "＝");
const auto amount_tok_def = tokens::amount;
const auto percent_tok_def = tokens::percent;
const auto string_tok_def = tokens::quoted;
const auto library_path_tok_def = tokens::library_path;
const auto code_tok_def = tokens::code;
const auto code_word_tok_def = tokens::code_word;
const auto name_tok_def = string_tok | bare_name;
const auto figure_name_tok_def = string_tok | figure_bare_name;
// a 参数's name: a word that is none of the constraint's own keywords (当, 容差, 警告)
const auto parameter_name = !kw(keyword::when) >> !kw(keyword::within) >> !kw(keyword::warning) >> figure_name_tok;
const auto tolerance_tok_def = percent_tok | amount_tok | parameter_name;
const auto claimed_amount_tok_def = amount_tok | parameter_name;
const auto claimed_percent_tok_def = percent_tok | parameter_name;
const auto string_or_word_def = string_tok | tokens::word;
// (on the line, a malformed word is reported as any other)
const auto name_on_line_def = tokens::same_line > name_tok;
const auto count_unit_def = tokens::same_line > tokens::word;
const auto string_word_or_code_def = string_tok | tokens::word | tokens::code_word;
// a percentage is read as a value so that `金额 ≥ 5%` is told apart (E0202 at
// the percentage) from a syntax error at its '%'
const auto value_tok_def = percent_tok | string_tok | code_tok | tokens::word | tokens::code_word | amount_tok;
const auto comparator_def = capture[lit("==") | lit("!=") | lit("<=") | lit(">=") | lit("≠") | lit("≤") | lit("≥") |
                                    lit("＝") | lit('=') | lit('<') | lit('>')];

// coordinates -----------------------------------------------------------------

const auto mapped_code_def = code_tok >> -name_tok;
const auto code_coord_def = code_tok >> -(tokens::word_ahead >> name_tok) >> -(arrow > mapped_code);
const auto kind_coord_def = kind_word;
const auto fund_coord_def = kw(keyword::fund) > string_or_word;
const auto project_coord_def = kw(keyword::project) > string_word_or_code;
const auto tag_coord_def = (tokens::word >> (lit('=') | lit("＝"))) > string_word_or_code;
const auto post_coordinate_def = kind_coord[into_val] | fund_coord[into_val] | project_coord[into_val] | tag_coord[into_val];
const auto coordinate_def = code_coord[into_val] | (tokens::word_ahead >> post_coordinate[into_val]);

// expressions -------------------------------------------------------------------
// The rules recurse only through nested(…)[…]: a parenthesis, 占比(…), 增幅(…)
// and the filter of 合计(…) each open one level, and a statement opens at
// most the skipper's max_nesting levels (E0715), so the native stack a
// statement takes is bounded whatever its text.  Sums, 或/且 lists and
// repeated signs and 非 are read as flat lists.

const auto amount_literal_def = amount_tok;
const auto percent_literal_def = percent_tok;
const auto name_ref_def = string_or_word;
const auto prior_ref_def = (kw(keyword::prior) >> open_paren) > string_or_word > close_paren;
const auto aggregation_args_def = nested(open_paren)[x3::eps > (close_paren | (filter > close_paren))] |
                                  nested(kw(keyword::where))[x3::eps > filter] | x3::eps;
const auto aggregation_def = ((kw(keyword::sum) >> attr(ast::aggregate_op::sum)) |
                              (kw(keyword::count) >> attr(ast::aggregate_op::count)) |
                              (kw(keyword::income) >> attr(ast::aggregate_op::income)) |
                              (kw(keyword::project_amount) >> attr(ast::aggregate_op::project_amount)) |
                              (kw(keyword::max) >> attr(ast::aggregate_op::max)) |
                              (kw(keyword::min) >> attr(ast::aggregate_op::min))) >>
                             aggregation_args;
const auto share_of_def = nested(kw(keyword::share))[x3::eps > open_paren > expression > sep > expression > close_paren];
const auto change_of_def = nested(kw(keyword::change))[x3::eps > open_paren > expression > close_paren];
const auto parenthesized_def = nested(open_paren)[expression > close_paren];
const auto operand_def = percent_literal[into_val] | amount_literal[into_val] | parenthesized[into_val] | share_of[into_val] | change_of[into_val] | prior_ref[into_val] |
                         aggregation[into_val] | name_ref[into_val];
const auto signed_operand_def = *capture[lit('-')] >> operand;
const auto operation_def = (x3::char_('+') | x3::char_('-')) > signed_operand;
const auto expression_def = signed_operand >> *operation;

// filters -------------------------------------------------------------------------

const auto value_list = open_paren > (value_tok % sep) > close_paren;
// an amount with thousands separators (金额 ≥ 10,000,000.00) is one value: its
// commas are not the separators of a list
const auto one_value_def = x3::repeat(1)[(&(+x3::digit >> lit(',') >> x3::digit) >> amount_tok) | value_tok];
const auto condition_test_def =
    (((lit("!=") | lit("≠")) >> attr(ast::comparison::ne)) > one_value) |
    (((lit("<=") | lit("≤")) >> attr(ast::comparison::le)) > one_value) |
    (((lit(">=") | lit("≥")) >> attr(ast::comparison::ge)) > one_value) |
    ((lit('<') >> attr(ast::comparison::lt)) > one_value) | ((lit('>') >> attr(ast::comparison::gt)) > one_value) |
    ((equals >> attr(ast::comparison::eq)) > one_value) |
    (((kw(keyword::not_in) | (kw(keyword::not_) >> kw(keyword::in))) >> attr(ast::comparison::not_in)) > value_list) |
    ((kw(keyword::in) >> attr(ast::comparison::in)) > value_list);
const auto condition_def = tokens::word > condition_test;
const auto filter_group_def = nested(open_paren)[filter > close_paren];
const auto filter_atom_def = filter_group[into_val] | condition[into_val];
const auto negation_def = *capture[kw(keyword::not_)] >> filter_atom;
const auto conjunction_def = negation >> *(kw(keyword::and_) > negation);
const auto filter_def = conjunction >> *(kw(keyword::or_) > conjunction);

// statements ------------------------------------------------------------------------

const auto semicolon = tokens::punct(";", "；");
const auto item_def = (+coordinate >> colon) > amount_tok >> *(tokens::same_line >> post_coordinate);
// after 合计 and its amount the brace must follow (else `item_or_block`
// below would accept the line as an empty statement)
const auto block_open_def =
    +coordinate >> ((kw(keyword::total) > amount_tok > open_brace) | (attr(ast::slice{}) >> open_brace));
const auto item_or_block_def = colon | kw(keyword::total) | open_brace;
const auto coord_statement_def = item[into_val] | block_open[into_val] | (x3::omit[+coordinate] > item_or_block);
const auto block_close_def = capture[close_brace];

const auto title_def = kw(keyword::title) > string_tok;
const auto year_def = kw(keyword::year) > code_word_tok;
const auto amount_unit_def = kw(keyword::amounts) > tokens::word;
// the code is optional: many published budgets print none
const auto unit_decl_def =
    kw(keyword::unit) > (code_word_tok | x3::attr(ast::slice{})) > name_on_line > -(kw(keyword::type) > tokens::word);
const auto department_def = kw(keyword::department) > (code_word_tok | x3::attr(ast::slice{})) > name_on_line;
const auto import_file_def =
    kw(keyword::import_) > ((x3::attr(true) >> library_path_tok) | (x3::attr(false) >> string_tok));
const auto template_decl_def = kw(keyword::template_) > string_word_or_code;
const auto income_part_def = kw(keyword::of_which) > tokens::word >> -colon > amount_tok;
const auto income_def = kw(keyword::income) > tokens::word > -colon > amount_tok > *income_part;
const auto year_end_balance_def = kw(keyword::year_end_balance) > -colon > amount_tok > *income_part;

const auto project_field_def =
    ((kw(keyword::code) >> attr(ast::project_field_kind::code)) > code_word_tok) |
    ((kw(keyword::type) >> attr(ast::project_field_kind::type)) > tokens::word) |
    ((kw(keyword::function) >> attr(ast::project_field_kind::function)) > code_tok) |
    ((kw(keyword::amount) >> attr(ast::project_field_kind::amount)) > -colon > amount_tok);
const auto project_def = kw(keyword::project) > name_tok > *project_field >> x3::matches[open_brace];
const auto targets_open_def = capture[kw(keyword::targets)] > open_brace;
const auto target_value_def = tokens::target_value | string_or_word;
const auto target_def =
    capture[kw(keyword::cost) | kw(keyword::output) | kw(keyword::outcome) | kw(keyword::satisfaction)] >
    string_or_word > target_value_on_line;
const auto target_value_on_line_def = tokens::same_line > target_value;
const auto project_group_def =
    kw(keyword::project_group) > name_tok > open_paren > (string_word_or_code % sep) > close_paren > *coordinate >
    open_brace;

const auto prior_figure_def = kw(keyword::prior) > figure_name_tok > -colon > amount_tok;
const auto figure_def = kw(keyword::figure) > figure_name_tok > -colon > amount_tok;
const auto count_figure_def = kw(keyword::count) > figure_name_tok > -colon > amount_tok > count_unit;

const auto measure_def = kw(keyword::measure) > string_or_word > (lit('=') | lit("＝")) > expression;
const auto comparison_tail_def = comparator > expression;
const auto yoy_tail_def =
    kw(keyword::vs_prior) >
    (((kw(keyword::decrease) >> attr(ast::yoy_claim_kind::decrease)) > claimed_amount_tok) |
     ((kw(keyword::increase) >> attr(ast::yoy_claim_kind::increase)) > claimed_amount_tok) |
     ((kw(keyword::fall) >> attr(ast::yoy_claim_kind::fall)) > claimed_percent_tok) |
     ((kw(keyword::growth) >> attr(ast::yoy_claim_kind::growth)) > claimed_percent_tok) |
     (kw(keyword::flat) >> attr(ast::yoy_claim_kind::flat) >> attr(ast::slice{})));
const auto row_key = value_tok | capture[lit("(none)") | lit("（无）")];
const auto group_row_def = (row_key % sep) > colon > amount_tok >> -semicolon;
const auto grouped_tail_def = kw(keyword::by) > (tokens::word % sep) > open_brace > *group_row > close_brace;
const auto constraint_tail_def = yoy_tail[into_val] | grouped_tail[into_val] | comparison_tail[into_val];
const auto constraint_option_def =
    ((kw(keyword::within) >> attr(ast::option_kind::tolerance)) > tolerance_tok) |
    (kw(keyword::warning) >> attr(ast::option_kind::warning) >> attr(ast::slice{})) |
    (attr(ast::option_kind::message) >> string_tok);
const auto each_prefix_def = kw(keyword::each) > tokens::word > colon;
const auto constraint_def = ((each_prefix > kw(keyword::expect)) | (kw(keyword::expect) >> attr(ast::slice{}))) >
                            expression > constraint_tail > *constraint_option > *(kw(keyword::when) > filter);
const auto parameter_def =
    kw(keyword::parameter) > string_or_word > (lit('=') | lit("＝")) > (percent_tok | amount_tok);

const auto table_note_def = kw(keyword::table_note) > string_word_or_code > string_tok;
const auto catalog_entry_def = kw(keyword::catalog_entry) > code_tok > string_or_word;
const auto catalog_edition_def = kw(keyword::catalog_edition) > code_word_tok;
const auto allow_negative_def = capture[kw(keyword::allow_negative)];

const auto header_statement_def = title[into_val] | year[into_val] | amount_unit[into_val] | unit_decl[into_val] | department[into_val] | import_file[into_val] | table_note[into_val] |
                                  catalog_edition[into_val] | catalog_entry[into_val] | template_decl[into_val] | allow_negative[into_val];
const auto project_statement_def = project_group[into_val] | project[into_val] | targets_open[into_val] | target[into_val] | project_field[into_val];
const auto rule_statement_def = prior_figure[into_val] | figure[into_val] | count_figure[into_val] | measure[into_val] | constraint[into_val] | parameter[into_val];
// the keywords that start header_statement, income, year_end_balance,
// project_statement and rule_statement: a line that starts with none of them
// (a block of kind words, an item) goes straight to coord_statement
// (syntax::statement_keywords, as the parameters of keywords_ahead_parser)
template <class Indices>
struct statement_keywords_parser;
template <std::size_t... I>
struct statement_keywords_parser<std::index_sequence<I...>> {
  using type = tokens::keywords_ahead_parser<statement_keywords[I]...>;
};
using statement_keywords_ahead =
    statement_keywords_parser<std::make_index_sequence<std::size(statement_keywords)>>::type;
const auto statement_def = ((&x3::digit >> coord_statement[into_val]) | (&close_brace >> block_close[into_val]) |
                            (statement_keywords_ahead{} >> (header_statement[into_val] | income[into_val] | year_end_balance[into_val] |
                                                            project_statement[into_val] | rule_statement[into_val])) |
                            coord_statement[into_val]) >>
                           -semicolon;

// the query language -------------------------------------------------------------------

const auto where_clause_def = kw(keyword::where) > filter;
const auto by_clause_def = kw(keyword::by) > (tokens::word % sep);
const auto pivot_clause_def = kw(keyword::pivot) > tokens::word;
const auto flag_clause_def = capture[kw(keyword::rollup) | kw(keyword::share)];
const auto order_clause_def = (kw(keyword::order) >> -kw(keyword::by)) >
                              capture[kw(keyword::sum) | kw(keyword::key) | kw(keyword::count)] >>
                              -capture[kw(keyword::descending) | kw(keyword::ascending)];
const auto limit_clause_def = kw(keyword::top) > tokens::code_word;
const auto query_clause_def = where_clause[into_val] | by_clause[into_val] | pivot_clause[into_val] | order_clause[into_val] | limit_clause[into_val] | flag_clause[into_val];
const auto query_def =
    capture[kw(keyword::sum) | kw(keyword::count) | kw(keyword::min) | kw(keyword::max)] > *query_clause;

BOOST_SPIRIT_DEFINE(name_on_line, count_unit, target_value_on_line, figure_name_tok, tolerance_tok, claimed_amount_tok,
                    claimed_percent_tok)
BOOST_SPIRIT_DEFINE(colon, arrow, sep, open_brace, close_brace, open_paren, close_paren, equals, amount_tok,
                    percent_tok, name_tok, string_tok, library_path_tok, code_tok, code_word_tok, string_or_word, string_word_or_code,
                    value_tok, comparator, item_or_block)
BOOST_SPIRIT_DEFINE(mapped_code, code_coord, kind_coord, fund_coord, project_coord, tag_coord, coordinate,
                    post_coordinate)
BOOST_SPIRIT_DEFINE(amount_literal, percent_literal, name_ref, prior_ref, aggregation, aggregation_args, share_of,
                    change_of, parenthesized, operand, signed_operand, operation, expression, one_value, condition_test, condition, filter_group,
                    filter_atom, negation, conjunction, filter)
BOOST_SPIRIT_DEFINE(block_open, block_close, title, year, amount_unit, unit_decl, department, import_file,
                    template_decl, income_part, income, year_end_balance, project_field, project, targets_open, target_value, target,
                    project_group, prior_figure, figure, count_figure, measure, comparison_tail, yoy_tail, group_row,
                    grouped_tail, constraint_tail, constraint_option, constraint, each_prefix, parameter, table_note, catalog_entry,
                    catalog_edition, allow_negative, coord_statement, header_statement, project_statement, rule_statement,
                    item, statement)
BOOST_SPIRIT_DEFINE(where_clause, by_clause, pivot_clause, flag_clause, order_clause, limit_clause, query_clause,
                    query)

}  // namespace yusuan::syntax::grammar
