// yusuan/query/result.hpp -- the result of a query: rows of keys, labels,
// names and values (amounts or counts), with the total.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/money.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/quantity.hpp>
#include <yusuan/query/query.hpp>
#include <yusuan/small_vector.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan {

namespace detail {
/// The value of a whole row: over every pivot column (the row's sum, count,
/// least or greatest amount); the only column without a pivot.  A row without
/// items (a group only last year has) sums and counts to 0, and has no least
/// or greatest amount.
template <class Values>
std::optional<quantity> row_value(aggregate agg, const Values& values) {
  if (values.size() == 1 && values.front()) return values.front();
  std::optional<quantity> out;
  money_sum s;
  std::int64_t n = 0;
  for (const auto& v : values) {
    if (!v) continue;
    switch (agg) {
      case aggregate::sum: s += v->amount(); out = money{}; break;
      case aggregate::count: n += v->count(); out = quantity::of_count(0); break;
      case aggregate::min: out = out ? std::min(*out, *v) : *v; break;
      case aggregate::max: out = out ? std::max(*out, *v) : *v; break;
    }
  }
  if (out && agg == aggregate::sum) out = s.value();
  if (out && agg == aggregate::count) out = quantity::of_count(n);
  if (!out && agg == aggregate::sum) out = money{};
  if (!out && agg == aggregate::count) out = quantity::of_count(0);
  return out;
}
}  // namespace detail

/// One row of a query result.
struct result_row {
  // Fields with one element per grouping dimension (or value column) keep two
  // of them in place: no allocation per row for most queries.
  small_vector<dimension_key, 2> keys;      // one per grouping dimension (no_key for a rolled-up level);
                                            // a row only last year has: keys of result_table::prior_source
  small_vector<std::string, 2> labels;      // the keys as printed ("208 01 09", 基本支出)
  small_vector<std::string_view, 2> names;  // names of the keys (社会保险经办机构), may be empty: views of
                                            // the budget's strings, valid while the budget (or the table) lives
  small_vector<std::optional<quantity>, 2> values;  // one per value column: an amount, or a count for count
                                                    // queries; empty optional: no item
  std::int64_t count = 0;
  int depth = 0;            // rollup: 0 for leaf rows, 1.. for subtotals (1 = the coarsest level)
  bool subtotal = false;
  std::optional<std::int64_t> share_units;   // percent at two decimals: of the total amount, or (count) of
                                             // the total count
  std::optional<quantity> prior;             // run_with_prior: the same row last year (0 for a sum or count
                                             // of a group new this year)
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
  bool rollup = false;  // subtotals of the first dimension (rows with subtotal set)
  unit amount_unit = unit::yuan;
  budget source;  // the budget queried: keeps the strings the rows' names view alive
  budget prior_source;  // run_with_prior: last year's, whose strings the names of its rows view (and whose
                        // keys a row only last year has carries)

  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
  std::size_t size() const { return rows.size(); }
  /// The value of a whole row: its only value column, or (pivot) the row's
  /// sum, count, least or greatest over every column.
  std::optional<quantity> row_value(const result_row& r) const { return detail::row_value(agg, r.values); }
  /// The value of the row whose labels are `labels` (first value column).
  std::optional<quantity> value(std::initializer_list<std::string_view> labels) const {
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


}  // namespace yusuan
