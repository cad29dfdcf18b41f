// yusuan/query/dimension.hpp -- what items are grouped by: dimension names,
// the key of an item on a dimension, keys read and printed, key order.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/columns.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/text/suggest.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan {

/// The value of one dimension for one item, packed in 64 bits.  `none` when
/// the item has no coordinate on that dimension.
using dimension_key = std::uint64_t;
inline constexpr dimension_key no_key = ~dimension_key{0};

/// The dimensions by name, in Chinese and English.
inline constexpr std::pair<std::string_view, dimension> dimension_names[] = {
    {"功能", dimension::function},         {"功能科目", dimension::function},   {"function", dimension::function},
    {"经济", dimension::econ},             {"经济科目", dimension::econ},       {"部门经济", dimension::econ},
    {"部门经济科目", dimension::econ},     {"econ", dimension::econ},           {"政府经济", dimension::gov_econ},
    {"政府经济科目", dimension::gov_econ}, {"gov-econ", dimension::gov_econ},   {"gov_econ", dimension::gov_econ},
    {"类型", dimension::kind},             {"支出类型", dimension::kind},       {"kind", dimension::kind},
    {"资金", dimension::fund},             {"资金来源", dimension::fund},       {"fund", dimension::fund},
    {"项目", dimension::project},          {"project", dimension::project},     {"单位", dimension::unit},
    {"unit", dimension::unit},             {"单位类型", dimension::unit_type}, {"unit-type", dimension::unit_type},
    {"unit_type", dimension::unit_type},   {"金额", dimension::amount},         {"amount", dimension::amount},
    {"行", dimension::line},               {"line", dimension::line}};

/// Parses a dimension name (功能 / function, 经济 / econ, 政府经济 / gov-econ,
/// 类型 / kind, 资金 / fund, 项目 / project, 单位 / unit, 单位类型 / unit-type,
/// 金额 / amount, 行 / line (the published line an item belongs to), or any
/// tag key) with an optional level (.类 .款 .项 or
/// .class .section .item; 类型 has .类 and .款).  Returns false for an
/// unknown level.
inline bool parse_dimension(std::string_view text, dimension_ref& out) {
  std::string_view t = text, lvl;
  if (auto dot = t.find('.'); dot != std::string_view::npos) {
    lvl = t.substr(dot + 1);
    t = t.substr(0, dot);
  }
  out = dimension_ref{};
  bool found = false;
  for (const auto& [n, d] : dimension_names)
    if (n == t) {
      out.dim = d;
      found = true;
    }
  if (!found) {
    out.dim = dimension::tag;
    out.tag_key = std::string(t);
  }
  if (lvl.empty()) return true;
  if (lvl == "类" || lvl == "class") out.level = 1;
  else if (lvl == "款" || lvl == "section") out.level = 2;
  else if (lvl == "项" || lvl == "item") out.level = 3;
  else return false;
  return out.level <= max_level(out.dim);
}

/// The dimensions within a few edits of a word read as a tag key (功熊,
/// kidn, 经济类), nearest first, with their levels (经济.类): a tag key that
/// reads so is a misspelt dimension, an error wherever a key is named
/// without a budget to say which tags its items carry.  Empty for any other
/// word.
inline std::vector<std::string> misspelt_dimension(std::string_view key) {
  std::vector<std::string> names;
  for (const auto& [n, d] : dimension_names) {
    names.emplace_back(n);
    const bool ascii = !n.empty() && static_cast<unsigned char>(n.front()) < 0x80;
    static constexpr std::string_view zh[] = {"类", "款", "项"}, en[] = {"class", "section", "item"};
    for (int l = 1; l <= max_level(d); ++l)
      names.push_back(std::string(n) + "." + std::string((ascii ? en : zh)[l - 1]));
  }
  return text::closest_names(key, names);
}

/// Whether a kind is of a level: 1 基本支出 / 项目支出, 2 the four below them.
constexpr bool kind_of_level(spending_kind k, int level) noexcept {
  if (k == spending_kind::unspecified) return false;
  return level == 0 || (level == 1) == (parent_kind(k) == k);
}

/// The key of a kind at a level: its upper kind at level 1, itself at level
/// 2 when it is of that level (no key otherwise), itself at level 0.
constexpr dimension_key kind_key(spending_kind k, int level) noexcept {
  if (level == 1) return k == spending_kind::unspecified ? no_key : static_cast<dimension_key>(parent_kind(k));
  if (level == 2 && !kind_of_level(k, 2)) return no_key;
  return static_cast<dimension_key>(k);
}

/// The key of an item on a dimension.
inline dimension_key key_of(const budget& b, const item& it, const dimension_ref& d) {
  switch (d.dim) {
    case dimension::function: {
      if (!it.function || (d.level && it.function.level() < d.level)) return no_key;
      const auto c = d.level ? it.function.at(d.level) : it.function;
      return (dimension_key{c.digits()} << 8) | static_cast<unsigned>(c.level());
    }
    case dimension::econ:
    case dimension::gov_econ: {
      const econ_code e = d.dim == dimension::econ ? it.econ : it.gov_econ;
      if (!e || (d.level && e.level() < d.level)) return no_key;
      const auto c = d.level ? e.at(d.level) : e;
      return (dimension_key{c.digits()} << 8) | static_cast<unsigned>(c.level());
    }
    case dimension::kind: return kind_key(it.kind, d.level);
    case dimension::fund: return d.level ? detail::fund_byte(it) : static_cast<dimension_key>(it.fund);
    case dimension::unit_type: {
      const auto us = b.units();
      return it.unit < us.size() ? static_cast<dimension_key>(us[it.unit].type) : no_key;
    }
    case dimension::amount: return no_key;  // items are not grouped by their amount
    case dimension::project:
      if (it.project != npos32) return it.project;
      if (it.group != npos32) return dimension_key{it.group} | (dimension_key{1} << 32);
      return no_key;
    case dimension::unit: return it.unit;
    case dimension::line: return it.line;
    case dimension::tag: {
      for (auto [k, v] : b.tag_set(it.tags))
        if (b.string_at(k) == d.tag_key) return v;
      return no_key;
    }
  }
  return no_key;
}

/// Whether a key is written as the group of no key: 无, (none) or （无）.
inline bool is_none_key(std::string_view text) noexcept { return text == "无" || text == "(none)" || text == "（无）"; }

/// Reads a key as written ("208 01 09", "30101", 基本支出, a project's name or
/// code, a unit code, a tag value).  nullopt when it cannot be a key of `d`.
inline std::optional<dimension_key> parse_key(const budget& b, const dimension_ref& d, std::string_view text) {
  if (is_none_key(text)) {
    // every item has a unit: 无 is the one of neither a code nor a name (a
    // department's own file that declares no 单位), as key_text writes it
    if (d.dim == dimension::unit)
      for (std::size_t i = 0; i < b.units().size(); ++i)
        if (b.units()[i].code.empty() && b.units()[i].name.empty()) return i;
    return no_key;
  }
  switch (d.dim) {
    case dimension::function: {
      auto c = function_code::parse(text);
      if (!c || text.empty() || text[0] != '2') return std::nullopt;
      if (d.level && c->level() != d.level) return std::nullopt;
      return (dimension_key{c->digits()} << 8) | static_cast<unsigned>(c->level());
    }
    case dimension::econ:
    case dimension::gov_econ: {
      auto c = econ_code::parse(text);
      if (!c || text.empty() || text[0] != (d.dim == dimension::econ ? '3' : '5')) return std::nullopt;
      if (d.level && c->level() != d.level) return std::nullopt;
      return (dimension_key{c->digits()} << 8) | static_cast<unsigned>(c->level());
    }
    case dimension::kind: {
      auto k = parse_spending_kind(text);
      if (!k || (d.level && !kind_of_level(*k, d.level))) return std::nullopt;
      return static_cast<dimension_key>(*k);
    }
    case dimension::unit_type: {
      // 未知: the type of a unit that states none, as its group is printed
      if (text == chinese_name(unit_type::unknown) || text == english_name(unit_type::unknown))
        return static_cast<dimension_key>(unit_type::unknown);
      auto t = parse_unit_type(text);
      if (!t) return std::nullopt;
      return static_cast<dimension_key>(*t);
    }
    case dimension::amount: return std::nullopt;
    case dimension::fund: {
      auto f = parse_fund_source(text);
      if (!f) return std::nullopt;
      return static_cast<dimension_key>(*f);
    }
    case dimension::project: {
      if (const project* p = b.find_project(text)) return static_cast<dimension_key>(p - b.projects().data());
      if (const project_group* g = b.find_group(text))
        return static_cast<dimension_key>(g - b.groups().data()) | (dimension_key{1} << 32);
      return std::nullopt;
    }
    case dimension::unit: {
      if (const budget_unit* u = b.find_unit(text)) return static_cast<dimension_key>(u - b.units().data());
      return std::nullopt;
    }
    case dimension::tag: {
      const auto id = b.string_id(text);
      if (id == npos32) return std::nullopt;
      return id;
    }
    case dimension::line: return std::nullopt;  // lines are grouped by, not named
  }
  return std::nullopt;
}

/// A key as the tables print it ("208 01 09", "30101", 基本支出, the project's name).
inline std::string key_text(const budget& b, const dimension_ref& d, dimension_key k) {
  if (k == no_key) return "(none)";  // written 无 in grouped constraints
  switch (d.dim) {
    case dimension::function:
      return function_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF)).spaced();
    case dimension::econ:
    case dimension::gov_econ:
      return econ_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF)).str();
    case dimension::kind: return std::string(chinese_name(static_cast<spending_kind>(k)));
    case dimension::fund: return std::string(chinese_name(static_cast<fund_source>(k)));
    case dimension::project:
      if (k >> 32) return b.groups()[static_cast<std::size_t>(k & 0xFFFFFFFFu)].name;
      return b.projects()[static_cast<std::size_t>(k)].name;
    case dimension::unit: {  // its code; a unit without one (a department's own file) by its name, else 无
      const auto& u = b.units()[static_cast<std::size_t>(k)];
      return !u.code.empty() ? u.code : !u.name.empty() ? u.name : "(none)";
    }
    case dimension::tag: return std::string(b.string_at(static_cast<std::uint32_t>(k)));
    case dimension::unit_type: return std::string(chinese_name(static_cast<unit_type>(k)));
    case dimension::amount: return {};
    case dimension::line: return std::to_string(k + 1);
  }
  return {};
}

/// A dimension's header as the query language writes it (功能.类, 经济.款, 类型 …).
inline std::string dimension_header(const dimension_ref& d) {
  std::string h;
  switch (d.dim) {
    case dimension::function: h = "功能"; break;
    case dimension::econ: h = "经济"; break;
    case dimension::gov_econ: h = "政府经济"; break;
    case dimension::kind: h = "类型"; break;
    case dimension::fund: h = "资金"; break;
    case dimension::project: h = "项目"; break;
    case dimension::unit: h = "单位"; break;
    case dimension::tag: h = d.tag_key; break;
    case dimension::unit_type: h = "单位类型"; break;
    case dimension::amount: h = "金额"; break;
    case dimension::line: h = "行"; break;
  }
  if (d.level == 1) h += ".类";
  if (d.level == 2) h += ".款";
  if (d.level == 3) h += ".项";
  return h;
}

/// The name a budget gives a key (the code's name, the unit's name, a
/// project's code), or empty: a view of the budget's own string.
inline std::string_view key_name(const budget& b, const dimension_ref& d, dimension_key k) {
  if (k == no_key) return {};
  switch (d.dim) {
    case dimension::function:
      return b.name_of(function_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF)));
    case dimension::econ:
    case dimension::gov_econ:
      return b.name_of(econ_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF)));
    case dimension::unit: return b.units()[static_cast<std::size_t>(k)].name;
    case dimension::project:
      if (!(k >> 32)) return b.projects()[static_cast<std::size_t>(k)].code;
      return {};
    default: return {};
  }
}

namespace detail {
/// Position of a code key in the tables' order (digits padded, parents first);
/// other keys as they are; no_key after every key.
inline std::uint64_t order_value(const dimension_ref& d, dimension_key k) {
  if (k == no_key) return std::uint64_t{1} << 62;
  if (d.dim == dimension::function) {
    std::uint64_t v = k >> 8;
    const int level = static_cast<int>(k & 0xFF);
    for (int l = level; l < 3; ++l) v *= 100;
    return ((v << 2) | static_cast<unsigned>(level)) + 2;
  }
  if (d.dim == dimension::econ || d.dim == dimension::gov_econ) {
    std::uint64_t v = k >> 8;
    const int level = static_cast<int>(k & 0xFF);
    if (level == 1) v *= 100;
    return ((v << 2) | static_cast<unsigned>(level)) + 2;
  }
  return k + 2;  // keys other than codes are below 2^33
}

/// Ordering of keys: codes numerically (parents first), kinds and sources in
/// their natural order, projects in declaration order; no_key last.
inline bool key_less(const dimension_ref& d, dimension_key a, dimension_key b) {
  if (a == b) return false;
  if (a == no_key) return false;
  if (b == no_key) return true;
  if (d.dim == dimension::function)
    return function_code::from_digits(static_cast<std::uint32_t>(a >> 8), static_cast<int>(a & 0xFF)) <
           function_code::from_digits(static_cast<std::uint32_t>(b >> 8), static_cast<int>(b & 0xFF));
  if (d.dim == dimension::econ || d.dim == dimension::gov_econ)
    return econ_code::from_digits(static_cast<std::uint32_t>(a >> 8), static_cast<int>(a & 0xFF)) <
           econ_code::from_digits(static_cast<std::uint32_t>(b >> 8), static_cast<int>(b & 0xFF));
  return a < b;
}

inline dimension_key parent_key(const dimension_ref& d, dimension_key k, int level) {
  if (k == no_key) return no_key;
  if (d.dim == dimension::function) {
    auto c = function_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF)).at(level);
    return (dimension_key{c.digits()} << 8) | static_cast<unsigned>(c.level());
  }
  auto c = econ_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF)).at(level);
  return (dimension_key{c.digits()} << 8) | static_cast<unsigned>(c.level());
}
}  // namespace detail

}  // namespace yusuan
