// yusuan/query/filter_program.hpp -- a filter compiled once into tests over a
// budget's columns, evaluated a block of items at a time into a byte mask.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/model/columns.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace yusuan::detail {

enum class mask_op : std::uint8_t { assign, and_, or_ };

/// Whether a value of 资金 takes money of a fund column byte (columns.hpp):
/// a fund source takes that source (财政拨款 takes 一般公共预算 money too);
/// 上年结转结余.FUND takes what is paid from FUND's balance (and 上年结转结余
/// alone all that is paid from a balance).
constexpr bool fund_value_takes(const filter_value& v, unsigned x) noexcept {
  const bool of_balance = v.part_of == fund_source::carryover;
  const auto s = of_balance ? balance_of_byte(x) : fund_of_byte(x);
  if (of_balance && s == fund_source::carryover) return false;
  return s == v.fund || (v.fund == fund_source::fiscal_appropriation && s == fund_source::general_budget);
}

/// A filter compiled once into tests over the columns: a table over code
/// ordinals, kinds, sources, tag sets, units or projects for each comparison
/// (the answer for every value the column can hold), and / or / not over
/// those.  eval() writes one byte per item (1: passes) for any range of
/// items, so a scan can filter a cache-sized block at a time.
class mask_program {
public:
  mask_program(const budget& b, const item_columns& c, const filter& f) : items_(b.items().data()), end_(c.size()) {
    if (f.kind != filter::op::all) {
      root_ = compile(b, c, f);
      const auto [lo, hi] = nodes_[root_].range;
      first_ = std::min<std::size_t>(lo, end_);
      end_ = std::min<std::size_t>(hi, end_);
      if (first_ >= end_) first_ = end_ = 0;
    }
  }
  /// Whether every item passes (no filter).
  bool all() const noexcept { return root_ == npos32; }
  /// No item outside [first(), end()) passes: a scan reads only those (the
  /// items of the units a filter names, say).
  std::size_t first() const noexcept { return first_; }
  std::size_t end() const noexcept { return end_; }
  /// out[k] for items i0 + k, k < n.
  void eval(std::size_t i0, std::size_t n, std::uint8_t* out) const {
    if (root_ == npos32) std::fill(out, out + n, std::uint8_t{1});
    else eval(root_, i0, n, out, mask_op::assign);
  }

private:
  enum class test : std::uint8_t { table32, table8, tag_sets, units, projects, amounts, constant, and_, or_, not_ };
  struct node {
    test t = test::constant;
    std::uint8_t value = 0;  // constant; projects: 1 to negate
    const std::uint32_t* col32 = nullptr;
    const std::uint8_t* col8 = nullptr;
    const std::int64_t* col64 = nullptr;
    std::vector<std::uint8_t> table, groups;  // groups: projects only, the answer per project group
    std::vector<std::int64_t> fen;            // amounts: the values compared with, sorted
    filter::op cmp = filter::op::eq;          // amounts: the comparison
    std::vector<std::uint32_t> children;
    std::pair<std::uint32_t, std::uint32_t> range{0, npos32};  // no item outside [first, end) passes
  };

  /// The index of a table's last entry, which answers for every value at or past it.
  static std::uint32_t last(const std::vector<std::uint8_t>& t) noexcept { return static_cast<std::uint32_t>(t.size() - 1); }

  std::uint32_t compile(const budget& b, const item_columns& c, const filter& f) {
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    nodes_.emplace_back();
    node n;
    const bool negate = f.kind == filter::op::ne || f.kind == filter::op::not_in;
    // answer[x] for each value x of a column: whether some value of the
    // filter takes it, negated for != and not in.
    auto tabulate = [&](std::vector<std::uint8_t>& table, std::size_t size, auto takes) {
      table.resize(size);
      for (std::size_t x = 0; x < size; ++x) {
        bool any = false;
        for (const auto& v : f.values) any = any || takes(x, v);
        table[x] = any != negate;
      }
    };
    // The largest id a value names, for tables indexed by unit or project.
    auto id_bound = [&](std::size_t known) {
      std::size_t top = known;
      for (const auto& v : f.values)
        if (v.id != npos32) top = std::max<std::size_t>(top, (v.id & 0x7FFFFFFFu) + 1);
      return top + 1;
    };
    switch (f.kind) {
      case filter::op::all: n.t = test::constant; n.value = 1; break;
      case filter::op::and_:
      case filter::op::or_:
      case filter::op::not_:
        if (f.children.empty()) {  // and: everything; or, not: nothing
          n.t = test::constant;
          n.value = f.kind == filter::op::and_ ? 1 : 0;
          break;
        }
        n.t = f.kind == filter::op::and_ ? test::and_ : f.kind == filter::op::or_ ? test::or_ : test::not_;
        for (const auto& child : f.children) n.children.push_back(compile(b, c, child));
        break;
      default:
        switch (f.dim.dim) {
          case dimension::function:
            n.t = test::table32;
            n.col32 = c.function.data();
            tabulate(n.table, c.function_codes.size(),
                     [&](std::size_t o, const filter_value& v) { return v.function.contains(c.function_codes[o]); });
            break;
          case dimension::econ:
          case dimension::gov_econ:
            n.t = test::table32;
            n.col32 = f.dim.dim == dimension::econ ? c.econ.data() : c.gov_econ.data();
            tabulate(n.table, c.econ_codes.size(),
                     [&](std::size_t o, const filter_value& v) { return v.econ.contains(c.econ_codes[o]); });
            break;
          case dimension::kind:
            n.t = test::table8;
            n.col8 = c.kind.data();
            tabulate(n.table, 256, [](std::size_t x, const filter_value& v) {
              return kind_within(static_cast<spending_kind>(x), v.kind);
            });
            break;
          case dimension::fund:
            // 一般公共预算 money counts as 财政拨款; 上年结转结余.FUND: paid
            // from last year's balance of FUND.
            n.t = test::table8;
            n.col8 = c.fund.data();
            tabulate(n.table, 256,
                     [](std::size_t x, const filter_value& v) { return fund_value_takes(v, static_cast<unsigned>(x)); });
            break;
          case dimension::tag: {
            // The value of the tag per tag set; the last entry answers for a
            // tag set the budget does not have (an item without tags).
            n.t = test::tag_sets;
            const std::size_t nsets = b.tag_set_count();
            std::vector<std::uint32_t> value(nsets + 1, npos32);
            for (std::size_t ts = 0; ts < nsets; ++ts)
              for (auto [k, v] : b.tag_set(static_cast<std::uint32_t>(ts)))
                if (b.string_at(k) == f.dim.tag_key) {
                  value[ts] = v;
                  break;
                }
            tabulate(n.table, nsets + 1, [&](std::size_t ts, const filter_value& v) {
              return value[ts] != npos32 && value[ts] == v.id;
            });
            break;
          }
          case dimension::unit_type: {
            // the answer for each unit, by its type
            n.t = test::units;
            const auto us = b.units();
            n.table.assign(us.size() + 1, negate);
            for (std::size_t u = 0; u < us.size(); ++u) {
              bool any = false;
              for (const auto& v : f.values) any = any || us[u].type == v.type;
              n.table[u] = any != negate;
            }
            break;
          }
          case dimension::amount:
            n.t = test::amounts;
            n.col64 = c.fen.data();
            n.cmp = f.kind;
            for (const auto& v : f.values) n.fen.push_back(v.amount.fen());
            std::sort(n.fen.begin(), n.fen.end());
            if (n.fen.empty()) {  // nothing to compare with: no item for =, in, <…; every item for ≠, not in
              n.t = test::constant;
              n.value = negate;
            }
            break;
          case dimension::line:  // lines are grouped by, never compared: no value takes an item
            n.t = test::constant;
            n.value = negate;
            break;
          case dimension::unit:
            n.t = test::units;
            tabulate(n.table, id_bound(b.units().size()),
                     [](std::size_t u, const filter_value& v) { return v.id != npos32 && u == v.id; });
            n.table.back() = negate;  // a unit no value names
            if (!negate) {  // only the items of the units named
              n.range = {npos32, 0};
              for (const auto& v : f.values)
                if (v.id != npos32 && v.id < c.unit_items.size() && c.unit_items[v.id].second > 0)
                  n.range = {std::min(n.range.first, c.unit_items[v.id].first),
                             std::max(n.range.second, c.unit_items[v.id].second)};
              if (n.range.first >= n.range.second) n.range = {0, 0};
            }
            break;
          case dimension::project: {
            // A value names a project (its index) or a project group (the
            // index with the top bit set); an item passes through either.
            n.t = test::projects;
            n.value = negate;
            auto names = [&](std::vector<std::uint8_t>& table, std::size_t known, bool group) {
              table.assign(id_bound(known), 0);
              for (const auto& v : f.values)
                if (v.id != npos32 && ((v.id & 0x80000000u) != 0) == group) table[v.id & 0x7FFFFFFFu] = 1;
              table.back() = 0;  // npos32 and every id no value names
            };
            names(n.table, b.projects().size(), false);
            names(n.groups, b.groups().size(), true);
            break;
          }
        }
    }
    n.range = range_of(n, n.range);
    nodes_[id] = std::move(n);
    return id;
  }

  /// The items a node can pass: those of its leaf's own range, the
  /// intersection of an and's children, the hull of an or's; a constant 0
  /// passes none, a not may pass any.
  std::pair<std::uint32_t, std::uint32_t> range_of(const node& n, std::pair<std::uint32_t, std::uint32_t> own) const {
    constexpr std::pair<std::uint32_t, std::uint32_t> any{0, npos32}, none{0, 0};
    switch (n.t) {
      case test::constant: return n.value ? any : none;
      case test::not_: return any;
      case test::and_: {
        auto r = any;
        for (auto k : n.children)
          r = {std::max(r.first, nodes_[k].range.first), std::min(r.second, nodes_[k].range.second)};
        return r.first < r.second ? r : none;
      }
      case test::or_: {
        std::pair<std::uint32_t, std::uint32_t> r{npos32, 0};
        for (auto k : n.children) {
          const auto c = nodes_[k].range;
          if (c.first >= c.second) continue;  // passes none
          r = {std::min(r.first, c.first), std::max(r.second, c.second)};
        }
        return r.first < r.second ? r : none;
      }
      default: return own;
    }
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
    const item* items = items_;
    switch (x.t) {
      case test::table32: table_lookup(x.table.data(), x.col32 + i0, n, out, op); return;
      case test::table8: table_lookup(x.table.data(), x.col8 + i0, n, out, op); return;
      case test::tag_sets:
        apply([t = x.table.data(), items, top = last(x.table)](std::size_t i) { return t[std::min(items[i].tags, top)]; });
        return;
      case test::units:
        apply([t = x.table.data(), items, top = last(x.table)](std::size_t i) {
          return t[std::min<std::uint32_t>(items[i].unit, top)];
        });
        return;
      case test::projects:
        apply([p = x.table.data(), g = x.groups.data(), items, tp = last(x.table), tg = last(x.groups),
               neg = x.value](std::size_t i) {
          return static_cast<std::uint8_t>((p[std::min(items[i].project, tp)] | g[std::min(items[i].group, tg)]) ^ neg);
        });
        return;
      case test::amounts: {
        const std::int64_t* fen = x.col64;
        const std::int64_t lo = x.fen.front(), hi = x.fen.back();
        switch (x.cmp) {
          case filter::op::lt: apply([fen, lo](std::size_t i) { return static_cast<std::uint8_t>(fen[i] < lo); }); return;
          case filter::op::le: apply([fen, lo](std::size_t i) { return static_cast<std::uint8_t>(fen[i] <= lo); }); return;
          case filter::op::gt: apply([fen, hi](std::size_t i) { return static_cast<std::uint8_t>(fen[i] > hi); }); return;
          case filter::op::ge: apply([fen, hi](std::size_t i) { return static_cast<std::uint8_t>(fen[i] >= hi); }); return;
          default: {
            const bool negate = x.cmp == filter::op::ne || x.cmp == filter::op::not_in;
            const std::int64_t* b = x.fen.data();
            const std::int64_t* e = b + x.fen.size();
            apply([fen, b, e, negate](std::size_t i) {
              return static_cast<std::uint8_t>(std::binary_search(b, e, fen[i]) != negate);
            });
            return;
          }
        }
      }
      case test::constant: apply([v = x.value](std::size_t) { return v; }); return;
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

  const item* items_;
  std::vector<node> nodes_;
  std::uint32_t root_ = npos32;
  std::size_t first_ = 0, end_ = 0;
};

}  // namespace yusuan::detail
