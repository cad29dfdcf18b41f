// yusuan/query/engine.hpp -- the aggregation engine: exact totals, counts,
// the items themselves and grouped sums of the items that pass a filter.
// Queries (run), the disclosure tables and grouped constraints sum through
// these calls, which read the budget's columns (model/columns.hpp) through a
// compiled filter (query/filter_program.hpp), never item by item.
//
//   const auto t = yusuan::total(b, yusuan::econ_in({30212, 30217}));
//   t.sum.value(), t.count;                       // exact Σ, number of items
//   const auto m = yusuan::matching_items(b, f, 5);  // the first 5, and how many
//   for (const auto& g : yusuan::group_sums(b, f, {{dimension::function, 1, {}}})) …
//   yusuan::group_items(b, f, by, g.keys, 5);       // a group's first 5 items, and how many
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/money.hpp>
#include <yusuan/query/cells.hpp>
#include <yusuan/model/columns.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/filters.hpp>
#include <yusuan/query/filter_program.hpp>
#include <yusuan/query/scan.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace yusuan {

/// The total of the items that pass a filter.
struct item_total {
  money_sum sum;          ///< exact, past 64 bits (sum.fen() is the 128-bit value)
  std::size_t count = 0;  ///< how many items pass
  /// The total as money; throws overflow_error when it does not fit 64 bits.
  money value() const { return sum.value(); }
  /// Whether no item passes (a blank cell in a table, not a total of 0).
  bool empty() const noexcept { return count == 0; }
};

/// Σ and count of the items of `b` that pass `where`.  Like every function
/// that reads a filter built in C++, throws yusuan::error for one nested past
/// max_nesting (errc::limit_exceeded) or with a 非 of other than one
/// condition (errc::invalid_argument).
inline item_total total(const budget& b, const filter& where) {
  detail::require_readable(where);
  std::optional<filter> scratch;
  const filter& f = detail::bound_in(where, b, scratch);
  const auto cols = detail::budget_access::columns(b);
  const detail::mask_program program(b, *cols, f);
  const detail::scan_total s = detail::scan(*cols, program);
  return {s.sum, s.count};
}

/// Some of the items that pass a filter, and how many pass in all.
struct item_selection {
  std::vector<std::uint32_t> items;  ///< indices into budget::items(), in order, at most the limit asked for
  std::size_t count = 0;             ///< how many items pass
};

/// The first `limit` items of `b` (in the order of budget::items()) that pass
/// `where`, and how many pass; every one without a limit.
inline item_selection matching_items(const budget& b, const filter& where,
                                     std::size_t limit = std::numeric_limits<std::size_t>::max()) {
  detail::require_readable(where);
  std::optional<filter> scratch;
  const filter& f = detail::bound_in(where, b, scratch);
  const auto cols = detail::budget_access::columns(b);
  const detail::mask_program program(b, *cols, f);
  item_selection out;
  out.count = detail::scan_items(program, limit, out.items);
  return out;
}

/// One group of a grouped sum.
struct group_total {
  std::vector<dimension_key> keys;  ///< one per grouping dimension
  money_sum sum;                    ///< exact, past 64 bits
  std::size_t count = 0;            ///< how many items
  std::size_t first_item = 0;       ///< index of the first item in the group
};

namespace detail {
inline void require_groupable(const std::vector<dimension_ref>& by, const char* call) {
  for (const auto& d : by)
    if (static_cast<int>(d.dim) > static_cast<int>(dimension::line) || (d.dim == dimension::tag && d.tag_key.empty()))
      throw error(errc::invalid_argument,
                  std::string("yusuan: ") + call + " by a dimension none of yusuan::dimension, or a 标签 without its key");
}
}  // namespace detail

/// Sums the items that pass `where`, grouped by `by`, in order of the groups'
/// first appearance (each with its first item, for diagnostics).
inline std::vector<group_total> group_sums(const budget& b, const filter& where, const std::vector<dimension_ref>& by) {
  detail::require_readable(where);
  detail::require_groupable(by, "group_sums");
  std::optional<filter> scratch;
  const auto p = detail::prepare(b, detail::bound_in(where, b, scratch), by, std::nullopt);
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

/// The first `limit` items (in the order of budget::items()) of the group of
/// `keys` (a group_total's, one per dimension of `by`) among the items that
/// pass `where`, and how many it has: what a row of a grouped sum is made of.
inline item_selection group_items(const budget& b, const filter& where, const std::vector<dimension_ref>& by,
                                  const std::vector<dimension_key>& keys,
                                  std::size_t limit = std::numeric_limits<std::size_t>::max()) {
  detail::require_readable(where);
  detail::require_groupable(by, "group_items");
  if (keys.size() != by.size()) throw error(errc::invalid_argument, "yusuan: group_items needs one key per dimension");
  std::optional<filter> scratch;
  const filter& f = detail::bound_in(where, b, scratch);
  const auto cols = detail::budget_access::columns(b);
  std::vector<detail::dim_index> dims;
  dims.reserve(by.size());
  for (const auto& d : by) dims.push_back(detail::index_dimension(b, *cols, d));
  const detail::mask_program program(b, *cols, f);
  std::vector<std::uint32_t> passing;
  detail::scan_items(program, std::numeric_limits<std::size_t>::max(), passing);
  item_selection out;
  for (const std::uint32_t i : passing) {
    bool in_group = true;
    for (std::size_t d = 0; d < dims.size() && in_group; ++d) in_group = dims[d].keys[dims[d](i)] == keys[d];
    if (!in_group) continue;
    ++out.count;
    if (out.items.size() < limit) out.items.push_back(i);
  }
  return out;
}

}  // namespace yusuan
