// yusuan/query.hpp -- aggregation over a budget's items: group keys by
// dimension and level, grouped sums.  Spirit-free.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/codes.hpp>
#include <yusuan/expr.hpp>
#include <yusuan/money.hpp>
#include <yusuan/small_vector.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
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
  if (text == "(none)" || text == "无" || text == "（无）") return no_key;
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
}  // namespace detail

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

enum class aggregate : std::uint8_t { sum, count, min, max };

/// A query over a budget's items: filter, group, pivot, roll up, share of the
/// total, order, top-N.  Build it in C++ with the fluent setters, or parse the
/// query language with yusuan::parse_query (compile.hpp).
struct query {
  aggregate agg = aggregate::sum;
  filter where;
  std::vector<dimension_ref> by;
  std::optional<dimension_ref> pivot;
  bool rollup = false;  // subtotals along the classification hierarchy (类 → 款 → 项)
  bool share = false;   // each row's share of the total, in percent (two decimals, half up)
  enum class order_by : std::uint8_t { key, value, count } ordering = order_by::key;
  bool descending = false;
  std::size_t limit = 0;  // 0: every row

  query& sum() { agg = aggregate::sum; return *this; }
  query& count() { agg = aggregate::count; return *this; }
  query& min() { agg = aggregate::min; return *this; }
  query& max() { agg = aggregate::max; return *this; }
  query& filtered(filter f) { where = std::move(f); return *this; }
  query& group_by(dimension_ref d) { by.push_back(std::move(d)); return *this; }
  query& group_by(dimension d, int level = 0) { return group_by(dimension_ref{d, level, {}}); }
  query& group_by_tag(std::string key) { return group_by(dimension_ref{dimension::tag, 0, std::move(key)}); }
  query& pivot_by(dimension_ref d) { pivot = std::move(d); return *this; }
  query& with_rollup(bool on = true) { rollup = on; return *this; }
  query& with_share(bool on = true) { share = on; return *this; }
  query& order(order_by o, bool desc = false) { ordering = o; descending = desc; return *this; }
  query& top(std::size_t n) { limit = n; return *this; }
};

// Filters built in C++ ------------------------------------------------------

/// dim = value (codes match at the level written: econ = 302 takes every 302xx).
inline filter where_eq(dimension_ref d, filter_value v) {
  filter f;
  f.kind = filter::op::eq;
  f.dim = std::move(d);
  f.values.push_back(std::move(v));
  return f;
}
inline filter_value value_of(function_code c) { filter_value v; v.function = c; v.text = c.spaced(); return v; }
inline filter_value value_of(econ_code c) { filter_value v; v.econ = c; v.text = c.str(); return v; }
inline filter_value value_of(spending_kind k) { filter_value v; v.kind = k; v.text = std::string(chinese_name(k)); return v; }
inline filter_value value_of(fund_source s) { filter_value v; v.fund = s; v.text = std::string(chinese_name(s)); return v; }

inline filter function_is(function_code c) { return where_eq({dimension::function, 0, {}}, value_of(c)); }
inline filter econ_is(econ_code c) { return where_eq({dimension::econ, 0, {}}, value_of(c)); }
inline filter gov_econ_is(econ_code c) { return where_eq({dimension::gov_econ, 0, {}}, value_of(c)); }
inline filter kind_is(spending_kind k) { return where_eq({dimension::kind, 0, {}}, value_of(k)); }
inline filter fund_is(fund_source s) { return where_eq({dimension::fund, 0, {}}, value_of(s)); }
inline filter econ_in(std::initializer_list<std::uint32_t> codes) {
  filter f;
  f.kind = filter::op::in;
  f.dim = {dimension::econ, 0, {}};
  for (auto c : codes) f.values.push_back(value_of(econ_code::from_digits(c, c >= 10000 ? 2 : 1)));
  return f;
}
/// tag key = value; the value is looked up in the budget's strings.
inline filter tag_is(const budget& b, std::string key, std::string_view value) {
  filter_value v;
  v.text = std::string(value);
  v.id = b.string_id(value);
  return where_eq({dimension::tag, 0, std::move(key)}, std::move(v));
}
/// project = name or code (or a project group's name).
inline filter project_is(const budget& b, std::string_view name) {
  filter_value v;
  v.text = std::string(name);
  if (auto k = parse_key(b, {dimension::project, 0, {}}, name))
    v.id = (*k >> 32) ? static_cast<std::uint32_t>(*k & 0xFFFFFFFFu) | 0x80000000u : static_cast<std::uint32_t>(*k);
  return where_eq({dimension::project, 0, {}}, std::move(v));
}
inline filter operator&&(filter a, filter b) {
  filter f;
  f.kind = filter::op::and_;
  f.children.push_back(std::move(a));
  f.children.push_back(std::move(b));
  return f;
}
inline filter operator||(filter a, filter b) {
  filter f;
  f.kind = filter::op::or_;
  f.children.push_back(std::move(a));
  f.children.push_back(std::move(b));
  return f;
}
inline filter operator!(filter a) {
  filter f;
  f.kind = filter::op::not_;
  f.children.push_back(std::move(a));
  return f;
}

// Results ---------------------------------------------------------------------

/// One row of a query result.
struct result_row {
  // Fields with one element per grouping dimension (or value column) keep two
  // of them in place: no allocation per row for most queries.
  small_vector<dimension_key, 2> keys;      // one per grouping dimension (no_key for a rolled-up level)
  small_vector<std::string, 2> labels;      // the keys as printed ("208 01 09", 基本支出)
  small_vector<std::string_view, 2> names;  // names of the keys (社会保险经办机构), may be empty: views of
                                            // the budget's strings, valid while the budget (or the table) lives
  small_vector<std::optional<money>, 2> values;  // one per value column; empty optional: no item
  std::int64_t count = 0;
  int depth = 0;            // rollup: 0 for leaf rows, 1.. for subtotals (1 = the coarsest level)
  bool subtotal = false;
  std::optional<std::int64_t> share_units;  // percent at two decimals
  std::optional<money> prior;               // run_with_prior: the same row last year
  std::optional<std::int64_t> change_units;  // (value - prior) / |prior| in percent at two decimals
};

/// The result of a query: typed, exact, iterable.
struct result_table {
  std::vector<dimension_ref> by;
  std::vector<std::string> key_headers;    // 功能.类 …
  std::vector<std::string> value_headers;  // 合计 or the pivot's keys
  aggregate agg = aggregate::sum;
  std::vector<result_row> rows;
  std::optional<money> total;   // Σ over every matching item (sum queries)
  std::int64_t total_count = 0;
  bool share = false;
  unit amount_unit = unit::yuan;
  budget source;  // the budget queried: keeps the strings the rows' names view alive

  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
  std::size_t size() const { return rows.size(); }
  /// The value of the row whose labels are `labels` (first value column).
  std::optional<money> value(std::initializer_list<std::string_view> labels) const {
    for (const auto& r : rows) {
      if (r.labels.size() != labels.size()) continue;
      bool eq = true;
      std::size_t i = 0;
      for (auto l : labels) eq = eq && r.labels[i++] == l;
      if (eq && !r.values.empty()) return r.values.front();
    }
    return std::nullopt;
  }
};

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
namespace detail {
/// The value of a whole row: over every pivot column (the row's sum, count,
/// least or greatest amount); the only column without a pivot.
template <class Values>
std::optional<money> row_value(aggregate agg, const Values& values) {
  if (values.size() == 1) return values.front();
  std::optional<money> out;
  money_sum s;
  for (const auto& v : values) {
    if (!v) continue;
    switch (agg) {
      case aggregate::sum:
      case aggregate::count: s += *v; out = money{}; break;
      case aggregate::min: out = out ? std::min(*out, *v) : *v; break;
      case aggregate::max: out = out ? std::max(*out, *v) : *v; break;
    }
  }
  if (out && (agg == aggregate::sum || agg == aggregate::count)) out = s.value();
  return out;
}
}  // namespace detail

namespace detail {
// ---------------------------------------------------------------------------
// The column engine behind run(): filters as byte masks, dimensions as ids in
// key order, cells accumulated in flat arrays.
// ---------------------------------------------------------------------------

enum class mask_op : std::uint8_t { assign, and_, or_ };

/// A filter compiled once per query into tests over the columns: a table
/// over code ordinals, kinds, sources or tag sets for each comparison (the
/// answer for every value the column can hold), and / or / not over those.
/// eval() writes one byte per item (1: passes) for any range of items, so a
/// scan can filter a cache-sized block at a time.
class mask_program {
public:
  mask_program(const budget& b, const item_columns& c, const filter& f) : b_(&b) {
    if (f.kind != filter::op::all) root_ = compile(c, f);
  }
  /// Whether every item passes (no filter).
  bool all() const noexcept { return root_ == npos32; }
  /// out[k] for items i0 + k, k < n.
  void eval(std::size_t i0, std::size_t n, std::uint8_t* out) const {
    if (root_ == npos32) std::fill(out, out + n, std::uint8_t{1});
    else eval(root_, i0, n, out, mask_op::assign);
  }

private:
  enum class test : std::uint8_t { table32, table8, tag_sets, other, constant, and_, or_, not_ };
  struct node {
    test t = test::constant;
    std::uint8_t value = 0;  // constant
    const std::uint32_t* col32 = nullptr;
    const std::uint8_t* col8 = nullptr;
    std::vector<std::uint8_t> table;
    const filter* f = nullptr;
    std::vector<std::uint32_t> children;
  };

  std::uint32_t compile(const item_columns& c, const filter& f) {
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    nodes_.emplace_back();
    node n;
    const bool negate = f.kind == filter::op::ne || f.kind == filter::op::not_in;
    switch (f.kind) {
      case filter::op::all: n.t = test::constant; n.value = 1; break;
      case filter::op::and_:
      case filter::op::or_:
      case filter::op::not_:
        if (f.children.empty()) {  // and: everything; or, not: nothing (as matches() reads them)
          n.t = test::constant;
          n.value = f.kind == filter::op::and_ ? 1 : 0;
          break;
        }
        n.t = f.kind == filter::op::and_ ? test::and_ : f.kind == filter::op::or_ ? test::or_ : test::not_;
        for (const auto& child : f.children) n.children.push_back(compile(c, child));
        break;
      default:
        switch (f.dim.dim) {
          case dimension::function:
            n.t = test::table32;
            n.col32 = c.function.data();
            n.table.resize(c.function_codes.size());
            for (std::size_t o = 0; o < n.table.size(); ++o) {
              bool any = false;
              for (const auto& v : f.values) any = any || v.function.contains(c.function_codes[o]);
              n.table[o] = any != negate;
            }
            break;
          case dimension::econ:
          case dimension::gov_econ:
            n.t = test::table32;
            n.col32 = f.dim.dim == dimension::econ ? c.econ.data() : c.gov_econ.data();
            n.table.resize(c.econ_codes.size());
            for (std::size_t o = 0; o < n.table.size(); ++o) {
              bool any = false;
              for (const auto& v : f.values) any = any || v.econ.contains(c.econ_codes[o]);
              n.table[o] = any != negate;
            }
            break;
          case dimension::kind:
          case dimension::fund: {
            n.t = test::table8;
            n.col8 = f.dim.dim == dimension::kind ? c.kind.data() : c.fund.data();
            n.table.resize(256);
            item probe;
            for (unsigned x = 0; x < 256; ++x) {
              if (f.dim.dim == dimension::kind) probe.kind = static_cast<spending_kind>(x);
              else probe.fund = static_cast<fund_source>(x);
              bool any = false;
              for (const auto& v : f.values) any = any || matches_value(*b_, probe, f.dim, v);
              n.table[x] = any != negate;
            }
            break;
          }
          case dimension::tag: {
            // A tag test depends on the item's tag set only.
            // The last entry answers for a tag set the budget does not have
            // (an item without tags).
            n.t = test::tag_sets;
            n.table.resize(b_->tag_set_count() + 1);
            item probe;
            for (std::size_t ts = 0; ts + 1 < n.table.size(); ++ts) {
              probe.tags = static_cast<std::uint32_t>(ts);
              n.table[ts] = matches(*b_, probe, f) ? 1 : 0;
            }
            n.table.back() = negate ? 1 : 0;
            break;
          }
          default: n.t = test::other; n.f = &f; break;
        }
    }
    nodes_[id] = std::move(n);
    return id;
  }

  static bool is_leaf(const node& n) noexcept { return n.t != test::and_ && n.t != test::or_ && n.t != test::not_; }

  /// out[k] (op)= table[column[k]]: the inner loop of every code, kind and
  /// source test, kept out of eval() so that it compiles on its own.
  template <class Ordinal>
  static void table_lookup(const std::uint8_t* __restrict table, const Ordinal* __restrict column, std::size_t n,
                           std::uint8_t* __restrict out, mask_op op) noexcept {
    switch (op) {
      case mask_op::assign: for (std::size_t k = 0; k < n; ++k) out[k] = table[column[k]]; break;
      case mask_op::and_: for (std::size_t k = 0; k < n; ++k) out[k] &= table[column[k]]; break;
      case mask_op::or_: for (std::size_t k = 0; k < n; ++k) out[k] |= table[column[k]]; break;
    }
  }

  /// out (op)= the node's answer for items [i0, i0 + n).  Only leaves are
  /// evaluated with an op other than assign.
  void eval(std::uint32_t id, std::size_t i0, std::size_t n, std::uint8_t* out, mask_op op) const {
    const node& x = nodes_[id];
    auto apply = [&](auto answer) {
      std::uint8_t* __restrict o = out;  // the mask shares no memory with the tables and columns
      switch (op) {
        case mask_op::assign: for (std::size_t k = 0; k < n; ++k) o[k] = answer(i0 + k); break;
        case mask_op::and_: for (std::size_t k = 0; k < n; ++k) o[k] &= answer(i0 + k); break;
        case mask_op::or_: for (std::size_t k = 0; k < n; ++k) o[k] |= answer(i0 + k); break;
      }
    };
    switch (x.t) {
      case test::table32: table_lookup(x.table.data(), x.col32 + i0, n, out, op); return;
      case test::table8: table_lookup(x.table.data(), x.col8 + i0, n, out, op); return;
      case test::tag_sets: {
        const item* items = b_->items().data();
        const auto last = static_cast<std::uint32_t>(x.table.size() - 1);
        apply([t = x.table.data(), items, last](std::size_t i) { return t[std::min(items[i].tags, last)]; });
        return;
      }
      case test::constant: apply([v = x.value](std::size_t) { return v; }); return;
      case test::other: {
        const item* items = b_->items().data();
        for (std::size_t k = 0; k < n; ++k) {
          if (op == mask_op::and_ && !out[k]) continue;
          if (op == mask_op::or_ && out[k]) continue;
          out[k] = matches(*b_, items[i0 + k], *x.f) ? 1 : 0;
        }
        return;
      }
      case test::and_:
      case test::or_: {
        const bool is_and = x.t == test::and_;
        eval(x.children.front(), i0, n, out, mask_op::assign);
        std::vector<std::uint8_t> tmp;
        for (std::size_t k = 1; k < x.children.size(); ++k) {
          const std::uint32_t child = x.children[k];
          if (is_leaf(nodes_[child])) {  // straight into the mask
            eval(child, i0, n, out, is_and ? mask_op::and_ : mask_op::or_);
            continue;
          }
          tmp.resize(n);
          eval(child, i0, n, tmp.data(), mask_op::assign);
          if (is_and)
            for (std::size_t j = 0; j < n; ++j) out[j] &= tmp[j];
          else
            for (std::size_t j = 0; j < n; ++j) out[j] |= tmp[j];
        }
        return;
      }
      case test::not_:
        eval(x.children.front(), i0, n, out, mask_op::assign);
        for (std::size_t k = 0; k < n; ++k) out[k] ^= 1;
        return;
    }
  }

  const budget* b_;
  std::vector<node> nodes_;
  std::uint32_t root_ = npos32;
};

/// A dimension as an id per item, ids numbered in the order of the keys
/// (key_less, no_key last): through a table over the column's ordinals for
/// codes, kinds and sources, one id per item for the rest.
struct dim_index {
  const std::uint32_t* ord32 = nullptr;
  const std::uint8_t* ord8 = nullptr;
  std::vector<std::uint32_t> map;  // ordinal -> id
  std::vector<std::uint32_t> ids;  // item -> id (neither column set)
  std::vector<dimension_key> keys;  // id -> key
  std::uint32_t operator()(std::size_t i) const noexcept {
    return ord32 ? map[ord32[i]] : ord8 ? map[ord8[i]] : ids[i];
  }
  std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(keys.size()); }
};

/// Ids in key order for the keys of `raw` (one per ordinal or per item); the
/// keys themselves into `keys`.
inline void number_in_key_order(const dimension_ref& d, std::vector<dimension_key>& raw, std::vector<std::uint32_t>& ids,
                                std::vector<dimension_key>& keys) {
  keys = raw;
  std::sort(keys.begin(), keys.end(), [&](dimension_key x, dimension_key y) { return key_less(d, x, y); });
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  ids.resize(raw.size());
  for (std::size_t o = 0; o < raw.size(); ++o)
    ids[o] = static_cast<std::uint32_t>(
        std::lower_bound(keys.begin(), keys.end(), raw[o], [&](dimension_key x, dimension_key y) { return key_less(d, x, y); }) -
        keys.begin());
}

inline dim_index index_dimension(const budget& b, const item_columns& c, const dimension_ref& d) {
  dim_index x;
  std::vector<dimension_key> raw;
  auto code_key = [&](auto code) -> dimension_key {
    if (code.level() == 0 || code.level() < d.level) return no_key;
    const auto k = d.level ? code.at(d.level) : code;
    return (dimension_key{k.digits()} << 8) | static_cast<unsigned>(k.level());
  };
  switch (d.dim) {
    case dimension::function:
      for (const auto& code : c.function_codes) raw.push_back(code_key(code));
      number_in_key_order(d, raw, x.map, x.keys);
      x.ord32 = c.function.data();
      return x;
    case dimension::econ:
    case dimension::gov_econ: {
      // 部门 and 政府 codes share the ordinals: keys only of the column's own.
      const auto& used = d.dim == dimension::econ ? c.econ_used : c.gov_econ_used;
      for (std::size_t o = 0; o < c.econ_codes.size(); ++o) raw.push_back(used[o] ? code_key(c.econ_codes[o]) : no_key);
      number_in_key_order(d, raw, x.map, x.keys);
      x.ord32 = d.dim == dimension::econ ? c.econ.data() : c.gov_econ.data();
      return x;
    }
    case dimension::kind:
    case dimension::fund: {
      const auto& present = d.dim == dimension::kind ? c.kind_present : c.fund_present;
      x.map.assign(256, 0);
      for (unsigned v = 0; v < 256; ++v)
        if (present[v]) {
          x.map[v] = static_cast<std::uint32_t>(x.keys.size());
          x.keys.push_back(v);  // kinds and sources order by their value
        }
      x.ord8 = d.dim == dimension::kind ? c.kind.data() : c.fund.data();
      return x;
    }
    default: {
      // Projects, units and tags: a small ordinal per item (the project or
      // group, the unit, the tag set), the key of each ordinal, ids through a
      // table as for codes.
      const auto items = b.items();
      const auto nproj = static_cast<std::uint32_t>(b.projects().size());
      const auto ngroups = static_cast<std::uint32_t>(b.groups().size());
      auto fill = [&](auto ordinal) {
        x.ids.assign(items.size(), 0);
        const std::uint32_t* map = x.map.data();
        for (std::size_t i = 0; i < items.size(); ++i)
          x.ids[i] = map[ordinal(items[i])];
        x.map.clear();
      };
      if (d.dim == dimension::tag) {
        item probe;
        const auto nsets = static_cast<std::uint32_t>(b.tag_set_count());
        for (std::uint32_t ts = 0; ts < nsets; ++ts) {
          probe.tags = ts;
          raw.push_back(key_of(b, probe, d));
        }
        raw.push_back(no_key);  // a tag set the budget does not have
        number_in_key_order(d, raw, x.map, x.keys);
        fill([nsets](const item& it) { return std::min(it.tags, nsets); });
      } else if (d.dim == dimension::project) {
        for (std::uint32_t p = 0; p < nproj; ++p) raw.push_back(p);
        for (std::uint32_t g = 0; g < ngroups; ++g) raw.push_back(dimension_key{g} | (dimension_key{1} << 32));
        raw.push_back(no_key);
        number_in_key_order(d, raw, x.map, x.keys);
        fill([nproj, ngroups](const item& it) {
          return it.project < nproj ? it.project : it.project == npos32 && it.group < ngroups ? nproj + it.group : nproj + ngroups;
        });
      } else {  // unit
        std::uint32_t top = 0;
        for (const auto& it : items) top = std::max<std::uint32_t>(top, it.unit);
        for (std::uint32_t u = 0; u <= top; ++u) raw.push_back(u);
        number_in_key_order(d, raw, x.map, x.keys);
        fill([](const item& it) { return std::uint32_t{it.unit}; });
      }
      return x;
    }
  }
  return x;
}

/// How items map to cells: at most two dimensions read straight from their
/// tables, or a cell per item computed beforehand (dense: mixed-radix ids in
/// key order; hashed: ids in order of appearance).
struct cell_plan {
  const dim_index* a = nullptr;  // the cell is a(i) * nb + b(i)  (no a: 0; no b: a(i))
  const dim_index* b = nullptr;
  std::uint64_t nb = 1;
  std::vector<std::uint32_t> cells, row_cells;  // per item when computed beforehand
  std::uint64_t ncells = 1;
  bool dense = true;
  std::uint32_t cell(std::size_t i) const noexcept {
    if (!cells.empty()) return cells[i];
    if (!a) return 0;
    if (!b) return (*a)(i);
    return static_cast<std::uint32_t>((*a)(i) * nb + (*b)(i));
  }
  /// The cell of item i over the row dimensions only (pivot queries).
  /// Read for hashed cells only, which are always computed beforehand.
  std::uint64_t row_cell(std::size_t i) const noexcept { return row_cells.empty() ? 0 : row_cells[i]; }
};

/// The most cells counted in flat arrays; past it cells are hashed.  0: the
/// default, max(items, 2^16).  A knob for tests of the hashed path.
inline std::uint64_t& dense_cell_limit() noexcept {
  static std::uint64_t limit = 0;
  return limit;
}

inline std::uint64_t cell_limit(std::size_t n) noexcept {
  return dense_cell_limit() != 0 ? dense_cell_limit() : std::max<std::uint64_t>(n, std::uint64_t{1} << 16);
}

/// Whether plan_cells() reads cells straight from the dimensions' tables.
inline bool direct_plan(const std::vector<dim_index>& dims, std::size_t nrow_dims, std::size_t n) {
  const std::uint64_t limit = cell_limit(n);
  if (dims.empty()) return true;
  if (dims.size() == 1) return dims[0].size() <= limit;
  if (dims.size() != 2 || nrow_dims != 2) return false;
  for (const auto& d : dims)
    if (!d.ord32 && !d.ord8) return false;
  return std::uint64_t{dims[0].size()} * dims[1].size() <= limit;
}

inline cell_plan plan_cells(const std::vector<dim_index>& dims, std::size_t nrow_dims, const std::uint8_t* sel, std::size_t n) {
  cell_plan p;
  const std::uint64_t limit = cell_limit(n);
  if (dims.empty()) return p;
  if (direct_plan(dims, nrow_dims, n)) {
    p.a = &dims[0];
    p.ncells = dims[0].size();
    if (dims.size() == 2) {
      p.b = &dims[1];
      p.nb = dims[1].size();
      p.ncells = p.nb * dims[0].size();
    }
    return p;
  }
  // Computed beforehand, one dimension at a time.
  p.cells.assign(n, 0);
  p.ncells = 1;
  for (std::size_t k = 0; k < dims.size(); ++k) {
    if (k == nrow_dims && k != 0) p.row_cells = p.cells;
    const auto& d = dims[k];
    const std::uint64_t nk = d.size();
    if (p.ncells * nk <= limit) {
      for (std::size_t i = 0; i < n; ++i) p.cells[i] = static_cast<std::uint32_t>(p.cells[i] * nk + d(i));
      p.ncells *= nk;
    } else {
      key_ids ids;
      for (std::size_t i = 0; i < n; ++i)
        if (!sel || sel[i]) p.cells[i] = ids.get((std::uint64_t{p.cells[i]} << 32) | d(i));
      p.ncells = ids.size();
      p.dense = false;
    }
  }
  return p;
}

/// Sum, count, least and greatest amount per cell, and the first item of each
/// cell when cells were hashed (dense cells decode to their ids).
struct cell_totals {
  std::vector<std::uint64_t> wrapped;  // sums mod 2^64, exact when `exact_wrapped`
  std::vector<money_sum> exact;        // otherwise
  std::vector<std::uint32_t> count, first;
  std::vector<std::int64_t> lo, hi;
  bool exact_wrapped = true;
  money_sum sum(std::size_t c) const {
    if (!exact_wrapped) return exact[c];
    money_sum s;
    s.add(money::from_fen(static_cast<std::int64_t>(wrapped[c])));
    return s;
  }
};

/// Items are filtered a block at a time when no mask of every item is kept.
inline constexpr std::size_t mask_block = 4096;

inline cell_totals accumulate(const item_columns& cols, const cell_plan& plan, const std::uint8_t* sel,
                              const mask_program& program, bool minmax, bool want_first = false) {
  const bool track_first = want_first || !plan.dense;
  cell_totals t;
  const std::size_t n = cols.size(), nc = static_cast<std::size_t>(plan.ncells);
  // A cell's wrapped 64-bit sum is exact when no partial sum can leave int64:
  // at most n amounts, each below 2^amount_bits.
  t.exact_wrapped = cols.amount_bits + std::bit_width(n) <= 63;
  t.count.assign(nc, 0);
  if (track_first) t.first.assign(nc, 0);
  if (t.exact_wrapped) t.wrapped.assign(nc, 0);
  else t.exact.assign(nc, money_sum{});
  if (minmax) {
    t.lo.assign(nc, 0);
    t.hi.assign(nc, 0);
  }
  const std::int64_t* fen = cols.fen.data();
  if (nc == 1 && !track_first && t.exact_wrapped && !minmax) {
    // One cell: a branch-free loop the compiler vectorises.
    std::uint64_t s = 0;
    std::uint32_t k = 0;
    if (sel) {
      for (std::size_t i = 0; i < n; ++i) {
        s += static_cast<std::uint64_t>(fen[i]) & (std::uint64_t{0} - sel[i]);
        k += sel[i];
      }
    } else if (!program.all()) {
      std::uint8_t block[mask_block];
      for (std::size_t i0 = 0; i0 < n; i0 += mask_block) {
        const std::size_t m = std::min(mask_block, n - i0);
        program.eval(i0, m, block);
        const std::int64_t* f = fen + i0;
        for (std::size_t j = 0; j < m; ++j) {
          s += static_cast<std::uint64_t>(f[j]) & (std::uint64_t{0} - block[j]);
          k += block[j];
        }
      }
    } else {
      for (std::size_t i = 0; i < n; ++i) s += static_cast<std::uint64_t>(fen[i]);
      k = static_cast<std::uint32_t>(n);
    }
    t.wrapped[0] = s;
    t.count[0] = k;
    return t;
  }
  std::uint64_t* wrapped = t.wrapped.data();
  std::uint32_t* count = t.count.data();
  std::uint32_t* first = t.first.data();
  std::int64_t* lo = t.lo.data();
  std::int64_t* hi = t.hi.data();
  // Items [i0, i1); selective: only those whose byte in `mask` (from i0) is set.
  auto run_range = [&](std::size_t i0, std::size_t i1, const std::uint8_t* mask, auto cell_of, auto selective,
                       auto exact_wrapped, auto with_minmax, auto track_first) {
    for (std::size_t i = i0; i < i1; ++i) {
      if constexpr (selective) {
        if (!mask[i - i0]) continue;
      }
      const std::uint32_t c = cell_of(i);
      const std::int64_t x = fen[i];
      if constexpr (exact_wrapped) wrapped[c] += static_cast<std::uint64_t>(x);
      else t.exact[c].add(money::from_fen(x));
      if constexpr (with_minmax || track_first) {
        if (count[c] == 0) [[unlikely]] {
          if constexpr (track_first) first[c] = static_cast<std::uint32_t>(i);
          if constexpr (with_minmax) lo[c] = hi[c] = x;
        }
      }
      ++count[c];
      if constexpr (with_minmax) {
        lo[c] = x < lo[c] ? x : lo[c];
        hi[c] = x > hi[c] ? x : hi[c];
      }
    }
  };
  auto run = [&](auto cell_of, auto selective, auto exact_wrapped, auto with_minmax, auto track_first) {
    if (!selective || sel) {
      run_range(0, n, sel, cell_of, selective, exact_wrapped, with_minmax, track_first);
      return;
    }
    std::uint8_t block[mask_block];
    for (std::size_t i0 = 0; i0 < n; i0 += mask_block) {
      const std::size_t m = std::min(mask_block, n - i0);
      program.eval(i0, m, block);
      run_range(i0, i0 + m, block, cell_of, selective, exact_wrapped, with_minmax, track_first);
    }
  };
  auto with = [&](auto cell_of) {
    auto go = [&](auto selective, auto track_first) {
      if (t.exact_wrapped) {
        if (minmax) run(cell_of, selective, std::true_type{}, std::true_type{}, track_first);
        else run(cell_of, selective, std::true_type{}, std::false_type{}, track_first);
      } else if (minmax) {
        run(cell_of, selective, std::false_type{}, std::true_type{}, track_first);
      } else {
        run(cell_of, selective, std::false_type{}, std::false_type{}, track_first);
      }
    };
    const bool selective = sel || !program.all();
    if (track_first) {
      if (selective) go(std::true_type{}, std::true_type{});
      else go(std::false_type{}, std::true_type{});
    } else if (selective) {
      go(std::true_type{}, std::false_type{});
    } else {
      go(std::false_type{}, std::false_type{});
    }
  };
  if (!plan.cells.empty()) {
    with([c = plan.cells.data()](std::size_t i) { return c[i]; });
  } else if (!plan.a) {
    with([](std::size_t) { return std::uint32_t{0}; });
  } else if (!plan.b) {
    const dim_index& a = *plan.a;
    if (a.ord32) with([m = a.map.data(), o = a.ord32](std::size_t i) { return m[o[i]]; });
    else if (a.ord8) with([m = a.map.data(), o = a.ord8](std::size_t i) { return m[o[i]]; });
    else with([ids = a.ids.data()](std::size_t i) { return ids[i]; });
  } else {
    const dim_index& a = *plan.a;
    const dim_index& b = *plan.b;
    const auto nb = static_cast<std::uint32_t>(plan.nb);
    auto pair = [&](auto oa, auto ob) {
      with([ma = a.map.data(), mb = b.map.data(), oa, ob, nb](std::size_t i) { return ma[oa[i]] * nb + mb[ob[i]]; });
    };
    if (a.ord32 && b.ord32) pair(a.ord32, b.ord32);
    else if (a.ord32) pair(a.ord32, b.ord8);
    else if (b.ord32) pair(a.ord8, b.ord32);
    else pair(a.ord8, b.ord8);
  }
  return t;
}

/// A query's items and cells: the mask of the items that pass, each grouping
/// dimension (then the pivot) indexed, and how items map to cells.
struct prepared_cells {
  std::shared_ptr<const item_columns> columns;
  std::optional<mask_program> program;
  std::vector<std::uint8_t> selected;  // a mask of every item, when cells are computed beforehand
  std::vector<dim_index> dims;
  cell_plan plan;  // points into dims
  const std::uint8_t* sel() const noexcept { return selected.empty() ? nullptr : selected.data(); }
};

inline std::unique_ptr<prepared_cells> prepare(const budget& b, const filter& where, const std::vector<dimension_ref>& by,
                                               const std::optional<dimension_ref>& pivot) {
  auto p = std::make_unique<prepared_cells>();
  p->columns = b.columns();
  const item_columns& cols = *p->columns;
  p->program.emplace(b, cols, where);
  p->dims.reserve(by.size() + 1);
  for (const auto& d : by) p->dims.push_back(index_dimension(b, cols, d));
  if (pivot) p->dims.push_back(index_dimension(b, cols, *pivot));
  // Cells computed item by item beforehand (hashed past the dense limit) need
  // the mask of every item; the rest filter a block at a time as they count.
  if (!p->program->all() && !direct_plan(p->dims, by.size(), cols.size())) {
    p->selected.resize(cols.size());
    p->program->eval(0, cols.size(), p->selected.data());
  }
  p->plan = plan_cells(p->dims, by.size(), p->sel(), cols.size());
  return p;
}
}  // namespace detail

/// Sums the items that pass `where`, grouped by `by`, in order of the groups'
/// first appearance (each with its first item, for diagnostics).
inline std::vector<group_total> group_sums(const budget& b, const filter& where, const std::vector<dimension_ref>& by) {
  const auto p = detail::prepare(b, where, by, std::nullopt);
  const detail::cell_totals acc = detail::accumulate(*p->columns, p->plan, p->sel(), *p->program, false, true);
  std::vector<group_total> out;
  for (std::uint32_t c = 0; c < acc.count.size(); ++c) {
    if (acc.count[c] == 0) continue;
    group_total g;
    g.first_item = acc.first[c];
    for (const auto& d : p->dims) g.keys.push_back(d.keys[d(g.first_item)]);
    g.sum = acc.sum(c);
    g.count = acc.count[c];
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const group_total& x, const group_total& y) { return x.first_item < y.first_item; });
  return out;
}

/// Runs a query.
inline result_table run(const budget& b, const query& q) {
  result_table t;
  t.source = b;
  t.by = q.by;
  t.agg = q.agg;
  t.share = q.share;
  t.amount_unit = b.amount_unit();
  for (const auto& d : q.by) t.key_headers.push_back(dimension_header(d));

  const std::size_t nd = q.by.size();
  const bool minmax = q.agg == aggregate::min || q.agg == aggregate::max;

  // The items that pass, one byte each (none kept when every item passes);
  // each grouping dimension (and the pivot, last) as an id per item in the
  // order of its keys; a cell per item: the ids combined, densely while the
  // cells stay few, hashed to ids in order of appearance past that.
  const auto prepared = detail::prepare(b, q.where, q.by, q.pivot);
  const auto& cols = *prepared->columns;
  const auto& dims = prepared->dims;
  const auto& plan = prepared->plan;
  const std::uint8_t* sel = prepared->sel();
  const detail::cell_totals acc = detail::accumulate(cols, plan, sel, *prepared->program, minmax);

  // The cells that have items, with their ids on each dimension: decoded
  // (dense cells), or read off the cell's first item (hashed cells).
  const std::uint64_t npivot = q.pivot ? dims[nd].size() : 1;
  std::vector<std::uint32_t> cell_ids;  // dims.size() per cell
  std::vector<std::uint32_t> filled;    // the cells
  for (std::uint32_t c = 0; c < acc.count.size(); ++c)
    if (acc.count[c] != 0) filled.push_back(c);
  cell_ids.resize(filled.size() * dims.size());
  for (std::size_t j = 0; j < filled.size(); ++j) {
    std::uint32_t* id = cell_ids.data() + j * dims.size();
    if (plan.dense) {
      std::uint64_t v = filled[j];
      for (std::size_t k = dims.size(); k-- > 0;) {
        id[k] = static_cast<std::uint32_t>(v % dims[k].size());
        v /= dims[k].size();
      }
    } else {
      const std::uint32_t rep = acc.first[filled[j]];
      for (std::size_t k = 0; k < dims.size(); ++k) id[k] = dims[k](rep);
    }
  }

  // Pivot columns: the pivot dimension's keys that occur, in order (ids are
  // in key order).
  std::vector<std::uint32_t> col_of(1, 0);
  std::size_t ncols = 1;
  if (q.pivot) {
    const auto& keys = dims[nd].keys;
    col_of.assign(keys.size(), npos32);
    for (std::size_t j = 0; j < filled.size(); ++j) col_of[cell_ids[j * dims.size() + nd]] = 0;
    ncols = 0;
    for (std::uint32_t id = 0; id < keys.size(); ++id)
      if (col_of[id] == 0) {
        col_of[id] = static_cast<std::uint32_t>(ncols++);
        t.value_headers.push_back(key_text(b, *q.pivot, keys[id]));
      }
  } else {
    switch (q.agg) {
      case aggregate::sum: t.value_headers.push_back("合计"); break;
      case aggregate::count: t.value_headers.push_back("计数"); break;
      case aggregate::min: t.value_headers.push_back("最小"); break;
      case aggregate::max: t.value_headers.push_back("最大"); break;
    }
  }

  // Leaf rows: one per cell, or (pivot) one per row cell, in the order of
  // the cells: key order unless cells were hashed.
  std::vector<result_row> rows;
  std::vector<std::uint32_t> row_ids;  // nd per leaf row
  money_sum total;
  std::int64_t total_count = 0;
  {
    detail::key_ids row_of;  // pivot: row cell -> row
    rows.reserve(q.pivot ? filled.size() / std::max<std::size_t>(ncols, 1) + 1 : filled.size());
    row_ids.reserve(rows.capacity() * nd);
    for (std::size_t j = 0; j < filled.size(); ++j) {
      const std::uint32_t c = filled[j];
      const std::uint32_t* id = cell_ids.data() + j * dims.size();
      std::uint32_t r = static_cast<std::uint32_t>(rows.size());
      if (q.pivot) r = row_of.get(plan.dense ? c / npivot : plan.row_cell(acc.first[c]));
      if (r == rows.size()) {
        result_row& row = rows.emplace_back();
        row.keys.resize(nd);
        for (std::size_t d = 0; d < nd; ++d) row.keys[d] = dims[d].keys[id[d]];
        row.values.assign(ncols, std::nullopt);
        row_ids.insert(row_ids.end(), id, id + nd);
      }
      result_row& row = rows[r];
      row.count += acc.count[c];
      const money_sum cs = acc.sum(c);
      std::optional<money> v;
      switch (q.agg) {
        case aggregate::sum: v = cs.value(); break;
        case aggregate::count: v = money::from_fen(std::int64_t{acc.count[c]} * 100); break;  // printed as a count
        case aggregate::min: v = money::from_fen(acc.lo[c]); break;
        case aggregate::max: v = money::from_fen(acc.hi[c]); break;
      }
      row.values[q.pivot ? col_of[id[nd]] : 0] = v;
      total += cs;
      total_count += acc.count[c];
    }
  }
  // Rows come out in key order unless cells were hashed.
  const bool rows_in_key_order = plan.dense;
  t.total_count = total_count;
  if (q.agg == aggregate::sum) t.total = total.value();
  const std::size_t nleaf = rows.size();


  // Rollup: subtotals for the coarser levels of the first dimension, over the
  // rows coded at that level or below (items without a code at the leaf level
  // stay in the (none) row).
  const bool rollup = q.rollup && nd != 0 &&
                      (q.by[0].dim == dimension::function || q.by[0].dim == dimension::econ ||
                       q.by[0].dim == dimension::gov_econ);
  if (rollup) {
    const auto& d0 = q.by[0];
    const int leaf_level = d0.level ? d0.level : d0.dim == dimension::function ? 3 : 2;
    // Sums of subtotals exactly (a partial sum may leave 64 bits on the way).
    std::vector<std::vector<money_sum>> subsum;
    for (int level = 1; level < leaf_level; ++level) {
      std::unordered_map<dimension_key, std::size_t> sub;
      for (std::size_t r = 0; r < nleaf; ++r) {
        const dimension_key k = rows[r].keys[0];
        if (k == no_key || static_cast<int>(k & 0xFF) < level) continue;
        const auto pk = detail::parent_key(d0, k, level);
        auto [pos, inserted] = sub.try_emplace(pk, rows.size());
        if (inserted) {
          result_row s;
          s.keys.assign(nd, no_key);
          s.keys[0] = pk;
          s.values.assign(ncols, std::nullopt);
          s.subtotal = true;
          s.depth = level;
          rows.push_back(std::move(s));
          subsum.emplace_back(ncols);
        }
        auto& s = rows[pos->second];
        const auto& leaf = rows[r];
        for (std::size_t c = 0; c < ncols; ++c)
          if (leaf.values[c]) {
            if (q.agg == aggregate::min) s.values[c] = s.values[c] ? std::min(*s.values[c], *leaf.values[c]) : *leaf.values[c];
            else if (q.agg == aggregate::max) s.values[c] = s.values[c] ? std::max(*s.values[c], *leaf.values[c]) : *leaf.values[c];
            else {
              subsum[pos->second - nleaf][c] += *leaf.values[c];
              s.values[c] = money{};  // the value is set below
            }
          }
        s.count += leaf.count;
      }
    }
    if (q.agg == aggregate::sum || q.agg == aggregate::count)
      for (std::size_t r = nleaf; r < rows.size(); ++r)
        for (std::size_t c = 0; c < ncols; ++c)
          if (rows[r].values[c]) rows[r].values[c] = subsum[r - nleaf][c].value();
  }

  // Order: by key (subtotals before their children), by value or by count;
  // ties under value or count in key order.  Ids are numbered in key order,
  // so an id is its key's rank.
  std::vector<std::uint32_t> perm(rows.size());
  for (std::uint32_t i = 0; i < perm.size(); ++i) perm[i] = i;
  auto sort_by_key = [&](bool descending) {
    const std::size_t path = rollup ? 4 : 1, stride = path + nd - 1;
    std::vector<std::uint64_t> sk(rows.size() * stride, 0);
    constexpr std::uint64_t flip = std::uint64_t{1} << 63;
    auto code = [&](std::uint64_t v) { return descending ? flip - v : v; };
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::uint64_t* s = &sk[r * stride];
      const auto& row = rows[r];
      if (rollup) {
        const dimension_key k = row.keys[0];
        const int levels = k == no_key ? 0 : row.subtotal ? row.depth : static_cast<int>(k & 0xFF);
        int i = 0;
        if (k == no_key) s[i++] = code(detail::order_value(q.by[0], no_key));
        for (int l = 1; l <= levels; ++l) s[i++] = code(detail::order_value(q.by[0], detail::parent_key(q.by[0], k, l)));
        s[i] = row.subtotal ? 0 : 1;
      } else {
        s[0] = code(std::uint64_t{row_ids[r * nd]} + 2);
      }
      if (!row.subtotal)
        for (std::size_t d = 1; d < nd; ++d) s[path + d - 1] = code(std::uint64_t{row_ids[r * nd + d]} + 2);
    }
    std::sort(perm.begin(), perm.end(), [&](std::uint32_t x, std::uint32_t y) {
      return std::lexicographical_compare(&sk[x * stride], &sk[x * stride] + stride, &sk[y * stride],
                                          &sk[y * stride] + stride);
    });
  };
  const bool in_key_order = rows_in_key_order && !rollup;
  if (q.ordering == query::order_by::key) {
    if (nd != 0 && !(in_key_order && !q.descending)) sort_by_key(q.descending);
  } else {
    if (nd != 0 && !in_key_order) sort_by_key(false);
    std::vector<money> value(rows.size());
    if (q.ordering == query::order_by::value)
      for (std::size_t r = 0; r < rows.size(); ++r) value[r] = detail::row_value(q.agg, rows[r].values).value_or(money{});
    std::stable_sort(perm.begin(), perm.end(), [&](std::uint32_t x, std::uint32_t y) {
      if (q.ordering == query::order_by::count)
        return q.descending ? rows[x].count > rows[y].count : rows[x].count < rows[y].count;
      return q.descending ? value[x] > value[y] : value[x] < value[y];
    });
  }
  if (q.limit && perm.size() > q.limit) perm.resize(q.limit);

  // Labels and names: once per distinct key.
  std::vector<std::vector<std::uint32_t>> label_of(nd);
  std::vector<std::string> labels;
  std::vector<std::string_view> names;
  auto label_index = [&](std::size_t d, dimension_key k) {
    labels.push_back(key_text(b, q.by[d], k));
    names.push_back(key_name(b, q.by[d], k));
    return static_cast<std::uint32_t>(labels.size() - 1);
  };
  for (std::size_t d = 0; d < nd; ++d) label_of[d].assign(dims[d].keys.size(), npos32);
  // Rows in place when they are in order already, moved into order otherwise.
  bool identity = perm.size() == rows.size();
  for (std::uint32_t i = 0; identity && i < perm.size(); ++i) identity = perm[i] == i;
  if (!identity) t.rows.reserve(perm.size());
  for (auto r : perm) {
    result_row& row = rows[r];
    row.labels.reserve(nd);
    row.names.reserve(nd);
    for (std::size_t d = 0; d < nd; ++d) {
      if (row.subtotal) {
        row.labels.push_back(row.keys[d] == no_key ? std::string() : key_text(b, q.by[d], row.keys[d]));
        row.names.push_back(key_name(b, q.by[d], row.keys[d]));
        continue;
      }
      auto& li = label_of[d][row_ids[r * nd + d]];
      if (li == npos32) li = label_index(d, row.keys[d]);
      row.labels.push_back(labels[li]);
      row.names.push_back(names[li]);
    }
    if (q.share && q.agg == aggregate::sum && t.total && !t.total->is_zero())
      if (const auto v = detail::row_value(q.agg, row.values))
        row.share_units = detail::percent_units(*v, *t.total, 2, rounding::half_up, "share");
    if (!identity) t.rows.push_back(std::move(row));
  }
  if (identity) t.rows = std::move(rows);
  return t;
}

/// Runs `q` on this year's budget and on last year's, and gives each row its
/// prior-year value and change (rows are matched by their printed keys; with
/// a pivot, the row totals over every column are compared).
inline result_table run_with_prior(const budget& current, const budget& prior, const query& q) {
  result_table t = run(current, q);
  query pq = q;
  pq.limit = 0;
  const result_table p = run(prior, pq);
  auto row_id = [](const result_row& r) {
    std::string s(r.subtotal ? "1" : "0");
    for (const auto& l : r.labels) {
      s += '\x1f';
      s += l;
    }
    return s;
  };
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < p.rows.size(); ++i)
    if (!p.rows[i].values.empty()) index.try_emplace(row_id(p.rows[i]), i);
  for (auto& r : t.rows) {
    if (auto pos = index.find(row_id(r)); pos != index.end()) r.prior = detail::row_value(q.agg, p.rows[pos->second].values);
    const auto v = detail::row_value(q.agg, r.values);
    if (r.prior && !r.prior->is_zero() && v) r.change_units = detail::change_units(*v, *r.prior, 2, rounding::half_up);
  }
  return t;
}

}  // namespace yusuan
