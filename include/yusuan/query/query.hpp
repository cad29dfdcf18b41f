// yusuan/query/query.hpp -- a query over a budget's items: what to aggregate,
// the filter, the grouping, pivot, rollup, share, order and limit.
#pragma once

#include <yusuan/error.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace yusuan {

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
  /// Groups by `d`; throws yusuan::error (errc::invalid_argument) for a
  /// level the dimension does not have (0 … max_level(d.dim)), 金额, or a
  /// 标签 without its key.
  query& group_by(dimension_ref d) { by.push_back(checked(std::move(d))); return *this; }
  query& group_by(dimension d, int level = 0) { return group_by(dimension_ref{d, level, {}}); }
  query& group_by_tag(std::string key) { return group_by(dimension_ref{dimension::tag, 0, std::move(key)}); }
  query& pivot_by(dimension_ref d) { pivot = checked(std::move(d)); return *this; }
  query& with_rollup(bool on = true) { rollup = on; return *this; }
  query& with_share(bool on = true) { share = on; return *this; }
  query& order(order_by o, bool desc = false) { ordering = o; descending = desc; return *this; }
  query& top(std::size_t n) { limit = n; return *this; }

private:
  static dimension_ref checked(dimension_ref d);
};

namespace detail {
/// Throws yusuan::error (errc::invalid_argument) for a dimension nothing
/// groups by: none of yusuan::dimension, a level it does not have (0 …
/// max_level), 金额 (items are not grouped by their amount), or a 标签
/// without its key.
inline void require_groupable(const dimension_ref& d) {
  const auto bad = [](const std::string& what) { throw error(errc::invalid_argument, "yusuan: " + what); };
  if (static_cast<int>(d.dim) > static_cast<int>(dimension::line))
    bad("dimension " + std::to_string(static_cast<int>(d.dim)) + " is none of yusuan::dimension");
  if (d.level < 0 || d.level > max_level(d.dim))
    bad("a dimension has levels 0 to " + std::to_string(max_level(d.dim)) + ", not " + std::to_string(d.level));
  if (d.dim == dimension::amount) bad("items are not grouped by their amount (金额)");
  if (d.dim == dimension::tag && d.tag_key.empty()) bad("a 标签 to group by names its key");
}
}  // namespace detail

inline dimension_ref query::checked(dimension_ref d) {
  detail::require_groupable(d);
  return d;
}

}  // namespace yusuan
