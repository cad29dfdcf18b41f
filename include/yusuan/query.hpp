// yusuan/query.hpp -- aggregation over a budget's items: group keys by
// dimension and level, grouped sums.  Spirit-free.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/codes.hpp>
#include <yusuan/expr.hpp>
#include <yusuan/money.hpp>

#include <algorithm>
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
  std::vector<dimension_key> keys;      // one per grouping dimension (no_key for a rolled-up level)
  std::vector<std::string> labels;      // the keys as printed ("208 01 09", 基本支出)
  std::vector<std::string> names;       // names of the keys (社会保险经办机构), may be empty
  std::vector<std::optional<money>> values;  // one per value column; empty optional: no item
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

/// The name a budget gives a key (the code's name, the unit's name), or empty.
inline std::string key_name(const budget& b, const dimension_ref& d, dimension_key k) {
  if (k == no_key) return {};
  switch (d.dim) {
    case dimension::function:
      return std::string(b.name_of(function_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF))));
    case dimension::econ:
    case dimension::gov_econ:
      return std::string(b.name_of(econ_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF))));
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

/// Runs a query.  With `prior` (last year's budget), sum queries also get the
/// prior-year value and the change of each row (see run_with_prior).
inline result_table run(const budget& b, const query& q) {
  result_table t;
  t.by = q.by;
  t.agg = q.agg;
  t.share = q.share;
  t.amount_unit = b.amount_unit();
  for (const auto& d : q.by) t.key_headers.push_back(dimension_header(d));

  // Pivot columns: the pivot dimension's keys in order.
  std::vector<dimension_key> columns;
  if (q.pivot) {
    auto cols = group_sums(b, q.where, {*q.pivot});
    for (const auto& c : cols) columns.push_back(c.keys[0]);
    std::sort(columns.begin(), columns.end(),
              [&](dimension_key x, dimension_key y) { return detail::key_less(*q.pivot, x, y); });
    for (auto c : columns) t.value_headers.push_back(key_text(b, *q.pivot, c));
  } else {
    switch (q.agg) {
      case aggregate::sum: t.value_headers.push_back("合计"); break;
      case aggregate::count: t.value_headers.push_back("计数"); break;
      case aggregate::min: t.value_headers.push_back("最小"); break;
      case aggregate::max: t.value_headers.push_back("最大"); break;
    }
  }
  const std::size_t ncols = q.pivot ? columns.size() : 1;

  struct acc {
    std::vector<money_sum> sums;
    std::vector<std::optional<money>> lo, hi;
    std::vector<std::int64_t> counts;
    std::int64_t count = 0;
  };
  std::vector<std::vector<dimension_key>> keys;
  std::vector<acc> accs;
  std::unordered_map<std::vector<dimension_key>, std::size_t, detail::key_hash> index;
  std::vector<dimension_key> key(q.by.size());
  money_sum total;
  for (const auto& it : b.items()) {
    if (q.where.kind != filter::op::all && !matches(b, it, q.where)) continue;
    for (std::size_t d = 0; d < q.by.size(); ++d) key[d] = key_of(b, it, q.by[d]);
    std::size_t col = 0;
    if (q.pivot) {
      const auto pk = key_of(b, it, *q.pivot);
      col = static_cast<std::size_t>(std::find(columns.begin(), columns.end(), pk) - columns.begin());
    }
    auto [pos, inserted] = index.try_emplace(key, accs.size());
    if (inserted) {
      keys.push_back(key);
      acc a;
      a.sums.resize(ncols);
      a.lo.resize(ncols);
      a.hi.resize(ncols);
      a.counts.resize(ncols);
      accs.push_back(std::move(a));
    }
    auto& a = accs[pos->second];
    a.sums[col] += it.amount;
    ++a.counts[col];
    if (!a.lo[col] || it.amount < *a.lo[col]) a.lo[col] = it.amount;
    if (!a.hi[col] || it.amount > *a.hi[col]) a.hi[col] = it.amount;
    ++a.count;
    total += it.amount;
    ++t.total_count;
  }
  if (q.agg == aggregate::sum) t.total = total.value();

  auto value_of_acc = [&](const acc& a, std::size_t c) -> std::optional<money> {
    if (a.counts[c] == 0) return std::nullopt;
    switch (q.agg) {
      case aggregate::sum: return a.sums[c].value();
      case aggregate::count: return money::from_fen(a.counts[c] * 100);  // printed as a count below
      case aggregate::min: return a.lo[c];
      case aggregate::max: return a.hi[c];
    }
    return std::nullopt;
  };

  for (std::size_t i = 0; i < accs.size(); ++i) {
    result_row r;
    r.keys = keys[i];
    for (std::size_t c = 0; c < ncols; ++c) r.values.push_back(value_of_acc(accs[i], c));
    r.count = accs[i].count;
    t.rows.push_back(std::move(r));
  }

  // Rollup: subtotals for the coarser levels of the first dimension.
  if (q.rollup && !q.by.empty() &&
      (q.by[0].dim == dimension::function || q.by[0].dim == dimension::econ || q.by[0].dim == dimension::gov_econ)) {
    const auto& d0 = q.by[0];
    int leaf_level = d0.level;
    if (leaf_level == 0) leaf_level = d0.dim == dimension::function ? 3 : 2;
    std::vector<result_row> extra;
    for (int level = 1; level < leaf_level; ++level) {
      std::unordered_map<dimension_key, std::size_t> sub;
      for (const auto& r : t.rows) {
        if (r.subtotal) continue;
        const auto pk = detail::parent_key(d0, r.keys[0], level);
        auto [pos, inserted] = sub.try_emplace(pk, extra.size());
        if (inserted) {
          result_row s;
          s.keys.assign(q.by.size(), no_key);
          s.keys[0] = pk;
          s.values.assign(ncols, std::nullopt);
          s.subtotal = true;
          s.depth = level;
          extra.push_back(std::move(s));
        }
        auto& s = extra[pos->second];
        for (std::size_t c = 0; c < ncols; ++c)
          if (r.values[c]) {
            if (q.agg == aggregate::min) s.values[c] = s.values[c] ? std::min(*s.values[c], *r.values[c]) : *r.values[c];
            else if (q.agg == aggregate::max) s.values[c] = s.values[c] ? std::max(*s.values[c], *r.values[c]) : *r.values[c];
            else s.values[c] = s.values[c].value_or(money{}) + *r.values[c];
          }
        s.count += r.count;
      }
    }
    for (auto& e : extra) t.rows.push_back(std::move(e));
  }

  // Order: by key (hierarchical, subtotals before their children), by value or by count.
  auto by_key = [&](const result_row& x, const result_row& y) {
    for (std::size_t d = 0; d < q.by.size(); ++d) {
      dimension_key a = x.keys[d], c = y.keys[d];
      if (d == 0 && q.rollup && (x.subtotal || y.subtotal)) {
        // compare at the coarser depth first so that parents precede children
        const int lx = x.subtotal ? x.depth : 9, ly = y.subtotal ? y.depth : 9;
        for (int level = 1; level <= 3; ++level) {
          if (level > lx || level > ly) break;
          const auto pa = detail::parent_key(q.by[0], a, level), pc = detail::parent_key(q.by[0], c, level);
          if (pa != pc) return detail::key_less(q.by[0], pa, pc);
        }
        if (lx != ly) return lx < ly;
      }
      if (a != c) return detail::key_less(q.by[d], a, c);
    }
    return false;
  };
  if (q.ordering == query::order_by::key) {
    std::stable_sort(t.rows.begin(), t.rows.end(), [&](const auto& x, const auto& y) {
      return q.descending ? by_key(y, x) : by_key(x, y);
    });
  } else {
    std::stable_sort(t.rows.begin(), t.rows.end(), [&](const auto& x, const auto& y) {
      if (q.ordering == query::order_by::count) return q.descending ? x.count > y.count : x.count < y.count;
      const money a = x.values.empty() || !x.values[0] ? money{} : *x.values[0];
      const money c = y.values.empty() || !y.values[0] ? money{} : *y.values[0];
      return q.descending ? a > c : a < c;
    });
  }
  if (q.limit && t.rows.size() > q.limit) t.rows.resize(q.limit);

  for (auto& r : t.rows) {
    for (std::size_t d = 0; d < q.by.size(); ++d) {
      r.labels.push_back(r.keys[d] == no_key && r.subtotal ? std::string() : key_text(b, q.by[d], r.keys[d]));
      std::string name = key_name(b, q.by[d], r.keys[d]);
      r.names.push_back(std::move(name));
    }
    if (q.share && q.agg == aggregate::sum && t.total && !t.total->is_zero() && !r.values.empty() && r.values[0])
      r.share_units = detail::percent_units(*r.values[0], *t.total, 2, rounding::half_up, "share");
  }
  return t;
}

/// Runs `q` on this year's budget and on last year's, and gives each row its
/// prior-year value and change (rows are matched by their printed keys).
inline result_table run_with_prior(const budget& current, const budget& prior, const query& q) {
  result_table t = run(current, q);
  query pq = q;
  pq.limit = 0;
  const result_table p = run(prior, pq);
  for (auto& r : t.rows) {
    for (const auto& pr : p.rows) {
      if (pr.labels != r.labels || pr.subtotal != r.subtotal || pr.values.empty()) continue;
      r.prior = pr.values[0];
      break;
    }
    if (r.prior && !r.prior->is_zero() && !r.values.empty() && r.values[0])
      r.change_units =
          detail::change_units(*r.values[0], *r.prior, 2, rounding::half_up);
  }
  return t;
}

}  // namespace yusuan
