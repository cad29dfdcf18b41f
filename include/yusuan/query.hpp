// yusuan/query.hpp -- aggregation over a budget's items: group keys by
// dimension and level, grouped sums.  Spirit-free.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/codes.hpp>
#include <yusuan/expr.hpp>
#include <yusuan/money.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace yusuan {

/// The value of one dimension for one item, packed in 64 bits.  `none` when
/// the item has no coordinate on that dimension.
using dimension_key = std::uint64_t;
inline constexpr dimension_key no_key = ~dimension_key{0};

/// Parses a dimension name (功能 / function, 经济 / econ, 政府经济 / gov-econ,
/// 类型 / kind, 资金 / fund, 项目 / project, 单位 / unit, or any tag key) with
/// an optional level (.类 .款 .项 or .class .section .item).  Returns false
/// for an unknown level.
inline bool parse_dimension(std::string_view text, dimension_ref& out) {
  std::string_view t = text, lvl;
  if (auto dot = t.find('.'); dot != std::string_view::npos) {
    lvl = t.substr(dot + 1);
    t = t.substr(0, dot);
  }
  static constexpr std::pair<std::string_view, dimension> names[] = {
      {"功能", dimension::function},        {"功能科目", dimension::function},   {"function", dimension::function},
      {"经济", dimension::econ},            {"经济科目", dimension::econ},       {"部门经济", dimension::econ},
      {"部门经济科目", dimension::econ},    {"econ", dimension::econ},           {"政府经济", dimension::gov_econ},
      {"政府经济科目", dimension::gov_econ}, {"gov-econ", dimension::gov_econ},   {"gov_econ", dimension::gov_econ},
      {"类型", dimension::kind},            {"支出类型", dimension::kind},       {"kind", dimension::kind},
      {"资金", dimension::fund},            {"资金来源", dimension::fund},       {"fund", dimension::fund},
      {"项目", dimension::project},         {"project", dimension::project},     {"单位", dimension::unit},
      {"unit", dimension::unit}};
  out = dimension_ref{};
  bool found = false;
  for (const auto& [n, d] : names)
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
  if (out.dim == dimension::econ || out.dim == dimension::gov_econ) {
    if (out.level == 3) return false;
  } else if (out.dim != dimension::function) {
    return false;
  }
  return true;
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
    case dimension::kind: return static_cast<dimension_key>(it.kind);
    case dimension::fund: return static_cast<dimension_key>(it.fund);
    case dimension::project:
      if (it.project != npos32) return it.project;
      if (it.group != npos32) return dimension_key{it.group} | (dimension_key{1} << 32);
      return no_key;
    case dimension::unit: return it.unit;
    case dimension::tag: {
      for (auto [k, v] : b.tag_set(it.tags))
        if (b.string_at(k) == d.tag_key) return v;
      return no_key;
    }
  }
  return no_key;
}

/// Reads a key as written ("208 01 09", "30101", 基本支出, a project's name or
/// code, a unit code, a tag value).  nullopt when it cannot be a key of `d`.
inline std::optional<dimension_key> parse_key(const budget& b, const dimension_ref& d, std::string_view text) {
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
      if (!k) return std::nullopt;
      return static_cast<dimension_key>(*k);
    }
    case dimension::fund: {
      auto f = parse_fund_source(text);
      if (!f) return std::nullopt;
      return static_cast<dimension_key>(*f);
    }
    case dimension::project: {
      const auto ps = b.projects();
      for (std::size_t i = 0; i < ps.size(); ++i)
        if (ps[i].name == text || (!ps[i].code.empty() && ps[i].code == text)) return i;
      const auto gs = b.groups();
      for (std::size_t i = 0; i < gs.size(); ++i)
        if (gs[i].name == text) return dimension_key{i} | (dimension_key{1} << 32);
      return std::nullopt;
    }
    case dimension::unit: {
      const auto us = b.units();
      for (std::size_t i = 0; i < us.size(); ++i)
        if (us[i].code == text || us[i].name == text) return i;
      return std::nullopt;
    }
    case dimension::tag: {
      const auto id = b.string_id(text);
      if (id == npos32) return std::nullopt;
      return id;
    }
  }
  return std::nullopt;
}

/// A key as the tables print it ("208 01 09", "30101", 基本支出, the project's name).
inline std::string key_text(const budget& b, const dimension_ref& d, dimension_key k) {
  if (k == no_key) return "(none)";
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
    case dimension::unit: return b.units()[static_cast<std::size_t>(k)].code;
    case dimension::tag: return std::string(b.string_at(static_cast<std::uint32_t>(k)));
  }
  return {};
}

/// One group of a grouped sum.
struct group_total {
  std::vector<dimension_key> keys;
  money_sum sum;
  std::size_t count = 0;
  std::size_t first_item = 0;  // index of the first item in the group
};

namespace detail {
struct key_hash {
  std::size_t operator()(const std::vector<dimension_key>& v) const noexcept {
    std::size_t h = 1469598103934665603ULL;
    for (auto k : v) h = (h ^ static_cast<std::size_t>(k)) * 1099511628211ULL;
    return h;
  }
};
}  // namespace detail

/// Sums the items that pass `where`, grouped by `by`, in order of the groups'
/// first appearance.
inline std::vector<group_total> group_sums(const budget& b, const filter& where, const std::vector<dimension_ref>& by) {
  std::vector<group_total> out;
  std::unordered_map<std::vector<dimension_key>, std::size_t, detail::key_hash> index;
  std::vector<dimension_key> key(by.size());
  const auto items = b.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    if (where.kind != filter::op::all && !matches(b, it, where)) continue;
    for (std::size_t d = 0; d < by.size(); ++d) key[d] = key_of(b, it, by[d]);
    auto [pos, inserted] = index.try_emplace(key, out.size());
    if (inserted) {
      out.push_back({key, {}, 0, i});
    }
    auto& g = out[pos->second];
    g.sum += it.amount;
    ++g.count;
  }
  return out;
}

}  // namespace yusuan
