// yusuan/query.hpp -- aggregation over a budget's items: group keys by
// dimension and level, grouped sums.  Spirit-free.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/codes.hpp>
#include <yusuan/expr.hpp>
#include <yusuan/money.hpp>

#include <algorithm>
#include <array>
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

/// A filter compiled once per run into plain tests: code ranges over the
/// digits padded to the finest level, tables of accepted kinds and sources;
/// and / or / not over those.  Projects, units and tags use matches_value.
class compiled_filter {
public:
  compiled_filter(const budget& b, const filter& f) : b_(&b) {
    if (f.kind != filter::op::all) root_ = compile(f);
  }
  bool all() const noexcept { return root_ == npos32; }
  bool operator()(const item& it) const { return root_ == npos32 || eval(root_, it); }

private:
  enum class test : std::uint8_t { fn, econ, gov_econ, kind, fund, other, and_, or_, not_ };
  struct range {
    std::uint32_t lo, hi;  // padded digits, [lo, hi)
    int level;
  };
  struct node {
    test t = test::other;
    bool negate = false;  // ne / not_in
    std::vector<range> ranges;
    std::array<bool, 256> table{};
    const filter* f = nullptr;
    std::vector<std::uint32_t> children;
  };

  static std::uint32_t pad_function(function_code c) noexcept {
    std::uint32_t v = c.digits();
    for (int l = c.level(); l < 3; ++l) v *= 100;
    return v;
  }
  static std::uint32_t pad_econ(econ_code c) noexcept { return c.level() == 1 ? c.digits() * 100 : c.digits(); }

  std::uint32_t compile(const filter& f) {
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    nodes_.emplace_back();
    node n;
    switch (f.kind) {
      case filter::op::and_:
      case filter::op::or_:
      case filter::op::not_:
        n.t = f.kind == filter::op::and_ ? test::and_ : f.kind == filter::op::or_ ? test::or_ : test::not_;
        for (const auto& c : f.children) n.children.push_back(compile(c));
        if (n.t == test::not_ && n.children.empty()) n.t = test::other, n.f = &f;  // as matches() would
        break;
      case filter::op::all: n.t = test::and_; break;
      default: {
        n.negate = f.kind == filter::op::ne || f.kind == filter::op::not_in;
        switch (f.dim.dim) {
          case dimension::function:
            n.t = test::fn;
            for (const auto& v : f.values) {
              if (!v.function) continue;  // contains nothing
              std::uint32_t span = 1;
              for (int l = v.function.level(); l < 3; ++l) span *= 100;
              n.ranges.push_back({pad_function(v.function), pad_function(v.function) + span, v.function.level()});
            }
            break;
          case dimension::econ:
          case dimension::gov_econ:
            n.t = f.dim.dim == dimension::econ ? test::econ : test::gov_econ;
            for (const auto& v : f.values) {
              if (!v.econ) continue;
              const std::uint32_t span = v.econ.level() == 1 ? 100 : 1;
              n.ranges.push_back({pad_econ(v.econ), pad_econ(v.econ) + span, v.econ.level()});
            }
            break;
          case dimension::kind:
          case dimension::fund: {
            n.t = f.dim.dim == dimension::kind ? test::kind : test::fund;
            item probe;
            for (unsigned x = 0; x < 256; ++x) {
              if (n.t == test::kind) probe.kind = static_cast<spending_kind>(x);
              else probe.fund = static_cast<fund_source>(x);
              bool any = false;
              for (const auto& v : f.values) any = any || matches_value(*b_, probe, f.dim, v);
              n.table[x] = any;
            }
            break;
          }
          default: n.t = test::other; n.f = &f; break;
        }
      }
    }
    nodes_[id] = std::move(n);
    return id;
  }

  static bool in_ranges(const std::vector<range>& rs, std::uint32_t padded, int level) noexcept {
    for (const auto& r : rs)
      if (level >= r.level && padded - r.lo < r.hi - r.lo) return true;
    return false;
  }

  bool eval(std::uint32_t id, const item& it) const {
    const node& n = nodes_[id];
    switch (n.t) {
      case test::fn: return in_ranges(n.ranges, pad_function(it.function), it.function.level()) != n.negate;
      case test::econ: return in_ranges(n.ranges, pad_econ(it.econ), it.econ.level()) != n.negate;
      case test::gov_econ: return in_ranges(n.ranges, pad_econ(it.gov_econ), it.gov_econ.level()) != n.negate;
      case test::kind: return n.table[static_cast<std::uint8_t>(it.kind)] != n.negate;
      case test::fund: return n.table[static_cast<std::uint8_t>(it.fund)] != n.negate;
      case test::other: return matches(*b_, it, *n.f);
      case test::and_:
        for (auto c : n.children)
          if (!eval(c, it)) return false;
        return true;
      case test::or_:
        for (auto c : n.children)
          if (eval(c, it)) return true;
        return false;
      case test::not_: return !eval(n.children.front(), it);
    }
    return false;
  }

  const budget* b_;
  std::vector<node> nodes_;
  std::uint32_t root_ = npos32;
};

/// Keys to small ids in order of first appearance (open addressing).
class key_ids {
public:
  key_ids() { rehash(64); }
  std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(keys_.size()); }
  const std::vector<std::uint64_t>& keys() const noexcept { return keys_; }
  std::uint32_t get(std::uint64_t k) {
    if (k == last_key_ && last_id_ != npos32) return last_id_;
    std::size_t h = hash(k) & mask_;
    while (true) {
      const slot& s = slots_[h];
      if (s.id == npos32) break;
      if (s.key == k) {
        last_key_ = k;
        return last_id_ = s.id;
      }
      h = (h + 1) & mask_;
    }
    const auto id = static_cast<std::uint32_t>(keys_.size());
    keys_.push_back(k);
    slots_[h] = {k, id};
    if (keys_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
    last_key_ = k;
    return last_id_ = id;
  }

private:
  struct slot {
    std::uint64_t key;
    std::uint32_t id;
  };
  static std::size_t hash(std::uint64_t k) noexcept {
    k ^= k >> 29;
    k *= 0xbf58476d1ce4e5b9ULL;
    k ^= k >> 32;
    return static_cast<std::size_t>(k);
  }
  void rehash(std::size_t n) {
    slots_.assign(n, slot{0, npos32});
    mask_ = n - 1;
    for (std::uint32_t id = 0; id < keys_.size(); ++id) {
      std::size_t h = hash(keys_[id]) & mask_;
      while (slots_[h].id != npos32) h = (h + 1) & mask_;
      slots_[h] = {keys_[id], id};
    }
  }
  std::vector<slot> slots_;
  std::vector<std::uint64_t> keys_;
  std::size_t mask_ = 0;
  std::uint64_t last_key_ = 0;
  std::uint32_t last_id_ = npos32;
};

/// A key_of specialised once per dimension.
struct key_reader {
  dimension_ref d;
  dimension_key operator()(const budget& b, const item& it) const {
    switch (d.dim) {
      case dimension::function: {
        const function_code f = it.function;
        if (f.level() == 0 || f.level() < d.level) return no_key;
        const auto c = d.level ? f.at(d.level) : f;
        return (dimension_key{c.digits()} << 8) | static_cast<unsigned>(c.level());
      }
      case dimension::econ:
      case dimension::gov_econ: {
        const econ_code e = d.dim == dimension::econ ? it.econ : it.gov_econ;
        if (e.level() == 0 || e.level() < d.level) return no_key;
        const auto c = d.level ? e.at(d.level) : e;
        return (dimension_key{c.digits()} << 8) | static_cast<unsigned>(c.level());
      }
      default: return key_of(b, it, d);
    }
  }
};

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

/// Sums the items that pass `where`, grouped by `by`, in order of the groups'
/// first appearance.
inline std::vector<group_total> group_sums(const budget& b, const filter& where, const std::vector<dimension_ref>& by) {
  std::vector<group_total> out;
  const detail::compiled_filter pass(b, where);
  std::vector<detail::key_reader> readers;
  for (const auto& d : by) readers.push_back({d});
  std::vector<detail::key_ids> dims(by.size()), chain(by.size() > 1 ? by.size() - 1 : 0);
  std::vector<dimension_key> key(by.size());
  const auto items = b.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    if (!pass(it)) continue;
    std::uint32_t g = 0;
    for (std::size_t d = 0; d < by.size(); ++d) {
      key[d] = readers[d](b, it);
      const std::uint32_t id = dims[d].get(key[d]);
      g = d == 0 ? id : chain[d - 1].get((std::uint64_t{g} << 32) | id);
    }
    if (g == out.size()) out.push_back({key, {}, 0, i});
    auto& gt = out[g];
    gt.sum += it.amount;
    ++gt.count;
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
namespace detail {
/// The value of a whole row: over every pivot column (the row's sum, count,
/// least or greatest amount); the only column without a pivot.
inline std::optional<money> row_value(aggregate agg, const std::vector<std::optional<money>>& values) {
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

/// Runs a query.
inline result_table run(const budget& b, const query& q) {
  result_table t;
  t.by = q.by;
  t.agg = q.agg;
  t.share = q.share;
  t.amount_unit = b.amount_unit();
  for (const auto& d : q.by) t.key_headers.push_back(dimension_header(d));

  const std::size_t nd = q.by.size();
  const detail::compiled_filter pass(b, q.where);
  const bool minmax = q.agg == aggregate::min || q.agg == aggregate::max;
  const auto items = b.items();

  // Accumulate: each dimension's keys get ids in order of appearance, a row is
  // the tuple of ids (chained pairs), a cell a row and a pivot column.
  std::vector<detail::key_reader> readers;
  for (const auto& d : q.by) readers.push_back({d});
  std::vector<detail::key_ids> dims(nd), chain(nd > 1 ? nd - 1 : 0);
  detail::key_ids pivot_ids, cell_ids;
  const detail::key_reader pivot_reader{q.pivot ? *q.pivot : dimension_ref{}};
  std::vector<std::uint32_t> row_ids;   // per row: the id on each dimension
  std::vector<std::int64_t> row_count;  // per row
  std::vector<money_sum> sums;          // per cell
  std::vector<std::int64_t> counts, lo, hi;
  std::vector<std::uint32_t> cell_row, cell_col;
  money_sum total;
  std::int64_t total_count = 0;
  std::vector<std::uint32_t> ids(nd);

  // Dense accumulation: the cells in a flat array indexed by the ids on each
  // dimension (and the pivot, last) in fields of power-of-two widths, widened
  // as new keys appear.  false (and nothing kept) when the array would grow
  // past 2^22 cells, or a cell's sum past 64 bits: the hashed accumulation
  // below takes over.
  auto dense = [&]() -> bool {
    const std::size_t nk = nd + (q.pivot ? 1 : 0);
    constexpr unsigned max_bits = 22;
    std::vector<unsigned> bits(nk, 4), off(nk, 0);
    auto offsets = [&] {
      unsigned o = 0;
      for (std::size_t d = nk; d-- > 0;) {
        off[d] = o;
        o += bits[d];
      }
      return o;
    };
    unsigned width = offsets();
    std::vector<std::int64_t> part(std::size_t{1} << width), cnt(std::size_t{1} << width), l, h;
    if (minmax) {
      l.resize(part.size());
      h.resize(part.size());
    }
    std::vector<std::uint32_t> seen;  // cells in order of first appearance
    std::vector<std::uint32_t> id(nk);
    auto grow = [&](std::size_t d) {
      const std::vector<unsigned> old_bits = bits, old_off = off;
      while ((std::size_t{1} << bits[d]) <= id[d]) ++bits[d];
      width = offsets();
      if (width > max_bits) return false;
      std::vector<std::int64_t> p2(std::size_t{1} << width), c2(p2.size()), l2, h2;
      if (minmax) {
        l2.resize(p2.size());
        h2.resize(p2.size());
      }
      for (auto& s : seen) {
        std::uint32_t n = 0;
        for (std::size_t e = 0; e < nk; ++e) n |= ((s >> old_off[e]) & ((1u << old_bits[e]) - 1)) << off[e];
        p2[n] = part[s];
        c2[n] = cnt[s];
        if (minmax) {
          l2[n] = l[s];
          h2[n] = h[s];
        }
        s = n;
      }
      part.swap(p2);
      cnt.swap(c2);
      l.swap(l2);
      h.swap(h2);
      return true;
    };
    for (const auto& it : items) {
      if (!pass(it)) continue;
      std::uint32_t cell = 0;
      for (std::size_t d = 0; d < nk; ++d) {
        id[d] = d < nd ? dims[d].get(readers[d](b, it)) : pivot_ids.get(pivot_reader(b, it));
        if ((id[d] >> bits[d]) != 0) [[unlikely]] {
          if (!grow(d)) return false;
          cell = 0;
          for (std::size_t e = 0; e < d; ++e) cell |= id[e] << off[e];
        }
        cell |= id[d] << off[d];
      }
      const std::int64_t a = it.amount.fen();
      if (cnt[cell]++ == 0) {
        seen.push_back(cell);
        if (minmax) l[cell] = h[cell] = a;
      }
      if (__builtin_add_overflow(part[cell], a, &part[cell])) [[unlikely]]
        return false;  // past 64 bits in a cell: the hashed accumulation sums exactly
      if (minmax) {
        if (a < l[cell]) l[cell] = a;
        if (a > h[cell]) h[cell] = a;
      }
      total.add(it.amount);
      ++total_count;
    }
    // Into rows and cells, in order of first appearance.
    const unsigned pbits = q.pivot ? bits[nk - 1] : 0;
    std::unordered_map<std::uint32_t, std::uint32_t> row_of;
    for (std::size_t j = 0; j < seen.size(); ++j) {
      const std::uint32_t s = seen[j];
      auto [pos, inserted] = row_of.try_emplace(s >> pbits, static_cast<std::uint32_t>(row_count.size()));
      if (inserted) {
        row_count.push_back(0);
        for (std::size_t d = 0; d < nd; ++d) row_ids.push_back((s >> off[d]) & ((1u << bits[d]) - 1));
      }
      row_count[pos->second] += cnt[s];
      cell_row.push_back(pos->second);
      cell_col.push_back(q.pivot ? s & ((1u << pbits) - 1) : 0);
      money_sum m;
      m.add(money::from_fen(part[s]));
      sums.push_back(m);
      counts.push_back(cnt[s]);
      if (minmax) {
        lo.push_back(l[s]);
        hi.push_back(h[s]);
      }
    }
    return true;
  };

  if (nd == 0 && !q.pivot) {
    // No grouping: one row of every matching item.
    bool any = false;
    std::int64_t l = 0, h = 0;
    for (const auto& it : items) {
      if (!pass(it)) continue;
      const std::int64_t a = it.amount.fen();
      total.add(it.amount);
      if (minmax) {
        l = total_count == 0 || a < l ? a : l;
        h = total_count == 0 || a > h ? a : h;
      }
      ++total_count;
      any = true;
    }
    if (any) {
      row_count.push_back(total_count);
      sums.push_back(total);
      counts.push_back(total_count);
      lo.push_back(l);
      hi.push_back(h);
      cell_row.push_back(0);
      cell_col.push_back(0);
    }
  } else if (!dense()) {
    // Start again with hashed rows and cells.
    dims.assign(nd, detail::key_ids{});
    pivot_ids = detail::key_ids{};
    row_ids.clear();
    row_count.clear();
    sums.clear();
    counts.clear();
    lo.clear();
    hi.clear();
    cell_row.clear();
    cell_col.clear();
    total = money_sum{};
    total_count = 0;
    for (const auto& it : items) {
      if (!pass(it)) continue;
      std::uint32_t g = 0;
      for (std::size_t d = 0; d < nd; ++d) {
        ids[d] = dims[d].get(readers[d](b, it));
        g = d == 0 ? ids[d] : chain[d - 1].get((std::uint64_t{g} << 32) | ids[d]);
      }
      if (g == row_count.size()) {
        row_count.push_back(0);
        row_ids.insert(row_ids.end(), ids.begin(), ids.end());
      }
      ++row_count[g];
      std::uint32_t c = g;
      if (q.pivot) {
        const std::uint32_t col = pivot_ids.get(pivot_reader(b, it));
        c = cell_ids.get((std::uint64_t{g} << 32) | col);
        if (c == cell_row.size()) {
          cell_row.push_back(g);
          cell_col.push_back(col);
        }
      } else if (c == cell_row.size()) {
        cell_row.push_back(g);
        cell_col.push_back(0);
      }
      if (c == sums.size()) {
        sums.emplace_back();
        counts.push_back(0);
        if (minmax) {
          lo.push_back(it.amount.fen());
          hi.push_back(it.amount.fen());
        }
      }
      sums[c].add(it.amount);
      ++counts[c];
      if (minmax) {
        const std::int64_t a = it.amount.fen();
        if (a < lo[c]) lo[c] = a;
        if (a > hi[c]) hi[c] = a;
      }
      total.add(it.amount);
      ++total_count;
    }
  }
  t.total_count = total_count;
  if (q.agg == aggregate::sum) t.total = total.value();

  // Each dimension's keys in order: rank of each id.
  auto ranks_of = [](const dimension_ref& d, const std::vector<std::uint64_t>& keys) {
    std::vector<std::uint32_t> order(keys.size()), rank(keys.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t x, std::uint32_t y) { return detail::key_less(d, keys[x], keys[y]); });
    for (std::uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    return std::pair{std::move(order), std::move(rank)};
  };

  // Pivot columns: the pivot dimension's keys in order.
  std::vector<std::uint32_t> col_of(1, 0);
  std::size_t ncols = 1;
  if (q.pivot) {
    auto [order, rank] = ranks_of(*q.pivot, pivot_ids.keys());
    for (auto id : order) t.value_headers.push_back(key_text(b, *q.pivot, pivot_ids.keys()[id]));
    col_of = std::move(rank);
    ncols = order.size();
  } else {
    switch (q.agg) {
      case aggregate::sum: t.value_headers.push_back("合计"); break;
      case aggregate::count: t.value_headers.push_back("计数"); break;
      case aggregate::min: t.value_headers.push_back("最小"); break;
      case aggregate::max: t.value_headers.push_back("最大"); break;
    }
  }

  // Leaf rows, in order of first appearance.
  const std::size_t nleaf = row_count.size();
  std::vector<result_row> rows(nleaf);
  for (std::size_t r = 0; r < nleaf; ++r) {
    rows[r].keys.resize(nd);
    for (std::size_t d = 0; d < nd; ++d) rows[r].keys[d] = dims[d].keys()[row_ids[r * nd + d]];
    rows[r].values.assign(ncols, std::nullopt);
    rows[r].count = row_count[r];
  }
  for (std::size_t c = 0; c < cell_row.size(); ++c) {
    std::optional<money> v;
    switch (q.agg) {
      case aggregate::sum: v = sums[c].value(); break;
      case aggregate::count: v = money::from_fen(counts[c] * 100); break;  // printed as a count
      case aggregate::min: v = money::from_fen(lo[c]); break;
      case aggregate::max: v = money::from_fen(hi[c]); break;
    }
    rows[cell_row[c]].values[col_of[cell_col[c]]] = v;
  }

  // Rollup: subtotals for the coarser levels of the first dimension, over the
  // rows coded at that level or below (items without a code at the leaf level
  // stay in the (none) row).
  const bool rollup = q.rollup && nd != 0 &&
                      (q.by[0].dim == dimension::function || q.by[0].dim == dimension::econ ||
                       q.by[0].dim == dimension::gov_econ);
  if (rollup) {
    const auto& d0 = q.by[0];
    const int leaf_level = d0.level ? d0.level : d0.dim == dimension::function ? 3 : 2;
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
        }
        auto& s = rows[pos->second];
        const auto& leaf = rows[r];
        for (std::size_t c = 0; c < ncols; ++c)
          if (leaf.values[c]) {
            if (q.agg == aggregate::min) s.values[c] = s.values[c] ? std::min(*s.values[c], *leaf.values[c]) : *leaf.values[c];
            else if (q.agg == aggregate::max) s.values[c] = s.values[c] ? std::max(*s.values[c], *leaf.values[c]) : *leaf.values[c];
            else s.values[c] = s.values[c].value_or(money{}) + *leaf.values[c];
          }
        s.count += leaf.count;
      }
    }
  }

  // Order: by key (subtotals before their children), by value or by count.
  std::vector<std::uint32_t> perm(rows.size());
  for (std::uint32_t i = 0; i < perm.size(); ++i) perm[i] = i;
  if (q.ordering == query::order_by::key && nd != 0) {
    std::vector<std::vector<std::uint32_t>> rank(nd);
    for (std::size_t d = 0; d < nd; ++d) rank[d] = ranks_of(q.by[d], dims[d].keys()).second;
    const std::size_t path = rollup ? 4 : 1, stride = path + nd - 1;
    std::vector<std::uint64_t> sk(rows.size() * stride, 0);
    constexpr std::uint64_t flip = std::uint64_t{1} << 63;
    auto code = [&](std::uint64_t v) { return q.descending ? flip - v : v; };
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
        s[0] = code(std::uint64_t{rank[0][row_ids[r * nd]]} + 2);
      }
      if (!row.subtotal)
        for (std::size_t d = 1; d < nd; ++d) s[path + d - 1] = code(std::uint64_t{rank[d][row_ids[r * nd + d]]} + 2);
    }
    std::sort(perm.begin(), perm.end(), [&](std::uint32_t x, std::uint32_t y) {
      return std::lexicographical_compare(&sk[x * stride], &sk[x * stride] + stride, &sk[y * stride],
                                          &sk[y * stride] + stride);
    });
  } else if (q.ordering != query::order_by::key) {
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
  std::vector<std::string> labels, names;
  auto label_index = [&](std::size_t d, dimension_key k) {
    labels.push_back(key_text(b, q.by[d], k));
    names.push_back(key_name(b, q.by[d], k));
    return static_cast<std::uint32_t>(labels.size() - 1);
  };
  for (std::size_t d = 0; d < nd; ++d) label_of[d].assign(dims[d].size(), npos32);
  t.rows.reserve(perm.size());
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
    t.rows.push_back(std::move(row));
  }
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
