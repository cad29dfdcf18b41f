// yusuan/syntax/template_keywords.hpp -- the keywords of template files, with
// their Chinese and English spellings, and the parser that matches them.
// They are words of template files only: a budget may use them as names.
#pragma once

#include <yusuan/syntax/tokens.hpp>

#include <boost/spirit/home/x3.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace yusuan::syntax {

enum class template_keyword : std::uint8_t {
  template_, based_on, alias, description, variable, signature, amounts, decimals,
  table, title, label, scope, empty_note, column, panel, row, total, department, by, order,
  zero_blank, repeat_blank, omit_zero,
};

struct template_keyword_spelling {
  template_keyword id;
  std::string_view zh, en;
};

inline constexpr std::array<template_keyword_spelling, 23> template_keyword_table{{
    {template_keyword::template_, "模板", "template"},
    {template_keyword::based_on, "基于", "based-on"},
    {template_keyword::alias, "别名", "alias"},
    {template_keyword::description, "说明", "description"},
    {template_keyword::variable, "变量", "variable"},
    {template_keyword::signature, "署名", "signature"},
    {template_keyword::amounts, "金额单位", "amounts"},
    {template_keyword::decimals, "小数位", "decimals"},
    {template_keyword::table, "表", "table"},
    {template_keyword::title, "标题", "title"},
    {template_keyword::label, "标签", "label"},
    {template_keyword::scope, "范围", "scope"},
    {template_keyword::empty_note, "空表", "empty-note"},
    {template_keyword::column, "列", "column"},
    {template_keyword::panel, "栏", "panel"},
    {template_keyword::row, "行", "row"},
    {template_keyword::total, "合计", "total"},
    {template_keyword::department, "部门", "department"},
    {template_keyword::by, "按", "by"},
    {template_keyword::order, "排序", "order"},
    {template_keyword::zero_blank, "零为空", "zero-blank"},
    {template_keyword::repeat_blank, "重复留空", "repeat-blank"},
    {template_keyword::omit_zero, "零则不列", "omit-zero"},
}};

constexpr const template_keyword_spelling& spelling(template_keyword k) noexcept {
  for (const auto& s : template_keyword_table)
    if (s.id == k) return s;
  return template_keyword_table[0];
}

/// Which keyword a word is (either spelling), if any.
inline const template_keyword_spelling* template_keyword_of(std::string_view w) noexcept {
  for (const auto& s : template_keyword_table)
    if (w == s.zh || w == s.en) return &s;
  return nullptr;
}

namespace tokens {

/// A keyword of template files in either spelling, not followed by a word character.
struct template_keyword_parser : x3::parser<template_keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template_keyword id;
  constexpr explicit template_keyword_parser(template_keyword k) : id(k) {}
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    const auto& s = spelling(id);
    for (std::string_view w : {s.zh, s.en})
      if (first != last && spelled_at(first, last, w)) {
        first += w.size();
        return true;
      }
    return false;
  }
};
constexpr template_keyword_parser tkw(template_keyword k) { return template_keyword_parser{k}; }

/// A field of a row's text cell (功能.名称, 单位.编码, 序号 …): a word that is
/// no keyword of template files, nor 其中.
struct field_word_parser : x3::parser<field_word_parser> {
  using attribute_type = slice;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* e = word_parser::scan(first, last);
    if (e == first) return false;
    const std::string_view w(first, static_cast<std::size_t>(e - first));
    const auto& where = syntax::spelling(keyword::where);
    if (template_keyword_of(w) || w == where.zh || w == where.zh2 || w == where.en) return false;
    store(attr, slice{first, e});
    first = e;
    return true;
  }
};
inline constexpr field_word_parser field_word{};

}  // namespace tokens

}  // namespace yusuan::syntax

namespace boost::spirit::x3 {
template <>
struct get_info<yusuan::syntax::tokens::template_keyword_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::template_keyword_parser const& p) const {
    const auto& s = yusuan::syntax::spelling(p.id);
    return "'" + std::string(s.zh) + "' ('" + std::string(s.en) + "')";
  }
};
template <>
struct get_info<yusuan::syntax::tokens::field_word_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::field_word_parser const&) const { return "a field such as 功能.名称"; }
};
}  // namespace boost::spirit::x3
