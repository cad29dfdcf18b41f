// yusuan/syntax/template_grammar.hpp -- the rules of template files (Spirit
// X3), one statement at a time.  Expressions, filters, measures and tokens
// are the budget language's (syntax/grammar_def.hpp).  Included only by
// syntax/template_parser.ipp.
#pragma once

#include <yusuan/syntax/grammar_def.hpp>
#include <yusuan/syntax/template_ast.hpp>
#include <yusuan/syntax/template_keywords.hpp>

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3.hpp>

BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_setting, keyword, value)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_aliases, names)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_variable, name, text)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_signature, label, name)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_scope, condition)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_table, id, name, base)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_panel, keyword)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_column, header, value, options)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_row, kind, cells, condition, values, options)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_sort_key, key, first)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_row_tail, cells, options)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_group, dimensions, order, row, opens_block)
BOOST_FUSION_ADAPT_STRUCT(yusuan::syntax::ast::tpl_close, brace)

namespace yusuan::syntax::template_grammar {

namespace x3 = boost::spirit::x3;
using namespace grammar;  // tokens, punctuation, expression, filter, measure
using tokens::capture;
using tokens::tkw;
using K = template_keyword;

struct setting_class : locate {};
struct aliases_class : locate {};
struct variable_class : locate {};
struct signature_class : locate {};
struct scope_class : locate {};
struct table_class : locate {};
struct panel_class : locate {};
struct column_class : locate {};
struct cell_class;
struct cells_class;
struct options_class;
struct row_where_class;
struct row_values_class;
struct row_class : locate {};
struct sort_key_class : locate {};
struct first_keys_class;
struct row_tail_class : locate {};
struct group_class : locate {};
struct close_class : locate {};
struct statement_class;

const x3::rule<setting_class, ast::tpl_setting> setting = "a setting";
const x3::rule<aliases_class, ast::tpl_aliases> aliases = "别名";
const x3::rule<variable_class, ast::tpl_variable> variable = "变量";
const x3::rule<signature_class, ast::tpl_signature> signature = "署名";
const x3::rule<scope_class, ast::tpl_scope> scope = "范围";
const x3::rule<table_class, ast::tpl_table> table = "表";
const x3::rule<panel_class, ast::tpl_panel> panel = "栏";
const x3::rule<column_class, ast::tpl_column> column = "列";
const x3::rule<cell_class, ast::slice> cell = "a cell (a string, a field such as 功能.名称, or '-')";
const x3::rule<cells_class, std::vector<ast::slice>> cells = "the cells of a row";
const x3::rule<options_class, std::vector<ast::slice>> options = "零为空, 零则不列 or 重复留空";
const x3::rule<row_where_class, std::vector<ast::filter>> row_where = "其中";
const x3::rule<row_values_class, std::vector<ast::expression>> row_values = "'=' and the row's values";
const x3::rule<row_class, ast::tpl_row> row = "行, 合计 or 部门";
const x3::rule<sort_key_class, ast::tpl_sort_key> sort_key = "a key of 排序 (a dimension or 出现)";
const x3::rule<first_keys_class, std::vector<ast::slice>> first_keys = "'(' and the values put first";
const x3::rule<row_tail_class, ast::tpl_row_tail> row_tail = "行";
const x3::rule<group_class, ast::tpl_group> group = "按";
const x3::rule<close_class, ast::tpl_close> close = "'}'";
const x3::rule<statement_class, ast::template_statement> statement =
    "a statement of a template (模板, 表, 列, 行, 合计, 按, 栏, 口径 …)";

const auto& value = string_word_or_code;
const auto setting_def = capture[tkw(K::template_) | tkw(K::based_on) | tkw(K::description) | tkw(K::title) |
                                 tkw(K::label) | tkw(K::empty_note) | tkw(K::amounts) | tkw(K::decimals)] > value;
const auto aliases_def = tkw(K::alias) > (value % sep);
const auto variable_def = tkw(K::variable) > string_or_word > string_tok;
const auto signature_def = tkw(K::signature) > string_tok > string_tok;
const auto scope_def = tkw(K::scope) > filter;
const auto table_def = tkw(K::table) > value > value > -(tkw(K::based_on) > value) > open_brace;
const auto panel_def = capture[tkw(K::panel)] > open_brace;
const auto options_def = *capture[tkw(K::zero_blank) | tkw(K::omit_zero) | tkw(K::repeat_blank)];
const auto column_def = tkw(K::column) > string_tok > ((equals > x3::repeat(1)[expression]) | x3::eps) > options;
const auto cell_def = string_tok | capture[x3::lit('-')] | tokens::field_word;
const auto cells_def = (cell % sep) | x3::eps;
const auto row_where_def = *(kw(keyword::where) > filter);
const auto row_values_def = (equals > (expression % sep)) | x3::eps;
const auto row_def = capture[tkw(K::row) | tkw(K::total) | tkw(K::department)] > cells > row_where > row_values > options;
const auto first_keys_def = (open_paren > (value_tok % sep) > close_paren) | x3::eps;
const auto sort_key_def = tokens::word > first_keys;
const auto row_tail_def = tkw(K::row) > cells > options;
const auto group_def = tkw(K::by) > (tokens::word % sep) > ((tkw(K::order) > (sort_key % sep)) | x3::eps) >
                       -row_tail > x3::matches[open_brace];
const auto close_def = capture[close_brace];
const auto statement_def = (close[into_val] | table[into_val] | panel[into_val] | column[into_val] | row[into_val] |
                            group[into_val] | scope[into_val] | aliases[into_val] | variable[into_val] |
                            signature[into_val] | setting[into_val] | grammar::measure[into_val]) >>
                           -tokens::punct(";", "；");

BOOST_SPIRIT_DEFINE(setting, aliases, variable, signature, scope, table, panel, column, cell, cells, options, row_where,
                    row_values, row, sort_key, first_keys, row_tail, group, close, statement)

}  // namespace yusuan::syntax::template_grammar
