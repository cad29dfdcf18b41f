// yusuan/query/run.hpp -- runs a query: the engine's cells turned into rows
// (pivot columns, rollup subtotals, shares, order, limit), and the same query
// against last year's budget.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/error.hpp>
#include <yusuan/money.hpp>
#include <yusuan/query/cells.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/filters.hpp>
#include <yusuan/model/key_ids.hpp>
#include <yusuan/query/quantity.hpp>
#include <yusuan/query/query.hpp>
#include <yusuan/query/result.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <vector>

namespace yusuan {

namespace detail {
/// (current - prior) / |prior| in percent at two decimals, half up; nullopt
/// for a prior of zero.  Counts change as amounts do.
inline std::optional<std::int64_t> change_percent_units(const quantity& current, const quantity& prior) {
  const auto as_money = [](const quantity& q) { return q.is_count() ? money::from_fen(q.count()) : q.amount(); };
  const money p = as_money(prior);
  if (p.is_zero()) return std::nullopt;
  return change<2>(as_money(current), p, rounding::half_up).units();
}

/// Whether a query has rollup subtotals: over a first grouping by a
/// classification.
inline bool rolls_up(const query& q) {
  return q.rollup && !q.by.empty() &&
         (q.by[0].dim == dimension::function || q.by[0].dim == dimension::econ || q.by[0].dim == dimension::gov_econ);
}

/// A row's share of the table's total in percent at two decimals, half up: a
/// sum's of the total amount, a count's of the total count; nullopt for a
/// total of zero (and for the least or greatest amount, no part of a total).
inline std::optional<std::int64_t> share_units(aggregate agg, const quantity& v, const result_table& t) {
  if (agg == aggregate::count)
    return t.total_count == 0 ? std::nullopt
                              : std::optional(share<2>(money::from_fen(v.count()), money::from_fen(t.total_count),
                                                       rounding::half_up).units());
  if (agg != aggregate::sum || !t.total || t.total->is_zero()) return std::nullopt;
  return share<2>(v.amount(), *t.total, rounding::half_up).units();
}

/// The order of a query's rows, as indexes into `rows`: by key (subtotals
/// before their children), by value or by count, ties under value or count
/// in key order.  rank(r, d) places row r's key on dimension d among the
/// keys of that dimension (the first dimension of a rollup is placed by its
/// codes); in_key_order: the rows are in ascending key order already.
template <class Rank>
std::vector<std::uint32_t> row_order(const std::vector<result_row>& rows, const query& q, bool rollup, bool in_key_order,
                                     Rank rank) {
  const std::size_t nd = q.by.size();
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
        if (k == no_key) s[i++] = code(order_value(q.by[0], no_key));
        for (int l = 1; l <= levels; ++l) s[i++] = code(order_value(q.by[0], parent_key(q.by[0], k, l)));
        s[i] = row.subtotal ? 0 : 1;
      } else {
        s[0] = code(rank(r, 0));
      }
      if (!row.subtotal)
        for (std::size_t d = 1; d < nd; ++d) s[path + d - 1] = code(rank(r, d));
    }
    std::sort(perm.begin(), perm.end(), [&](std::uint32_t x, std::uint32_t y) {
      return std::lexicographical_compare(&sk[x * stride], &sk[x * stride] + stride, &sk[y * stride],
                                          &sk[y * stride] + stride);
    });
  };
  if (q.ordering == query::order_by::key) {
    if (nd != 0 && !(in_key_order && !q.descending)) sort_by_key(q.descending);
  } else {
    if (nd != 0 && !in_key_order) sort_by_key(false);
    std::vector<quantity> value(rows.size());
    if (q.ordering == query::order_by::value)
      for (std::size_t r = 0; r < rows.size(); ++r) value[r] = row_value(q.agg, rows[r].values).value_or(quantity{});
    std::stable_sort(perm.begin(), perm.end(), [&](std::uint32_t x, std::uint32_t y) {
      if (q.ordering == query::order_by::count)
        return q.descending ? rows[x].count > rows[y].count : rows[x].count < rows[y].count;
      return q.descending ? value[x] > value[y] : value[x] < value[y];
    });
  }
  return perm;
}
}  // namespace detail

/// Runs a query on `b`, whatever budget it was read against: its filter's
/// projects, units and tag values are those of `b` by name.  Throws overflow_error (errc::overflow, E0701) for a sum
/// past what an amount holds: a group's, a pivot cell's, a rollup subtotal's
/// or the total, which items of both signs can make however small the
/// budget's own total is; yusuan::error for a filter built in C++ nested
/// past max_nesting (errc::limit_exceeded, E0715), for one that nothing reads
/// or a grouping by what nothing groups by (errc::invalid_argument:
/// require_readable, require_groupable).
inline result_table run(const budget& b, const query& q) {
  detail::require_readable(q.where);
  for (const auto& d : q.by) detail::require_groupable(d);
  if (q.pivot) detail::require_groupable(*q.pivot);
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
  // a query read against another budget names its projects, units and tag
  // values by that budget's ids: looked up again in this one
  const std::optional<filter> rebound_where =
      bound_to(q.where, b) ? std::nullopt : std::optional<filter>(rebound(q.where, b));
  const bool rollup = detail::rolls_up(q);
  t.rollup = rollup;
  const auto prepared = detail::prepare(b, rebound_where ? *rebound_where : q.where, q.by, q.pivot, rollup);
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
      std::optional<quantity> v;
      switch (q.agg) {
        case aggregate::sum: v = cs.value(); break;
        case aggregate::count: v = quantity::of_count(acc.count[c]); break;
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
  // rows coded at that level or below.  An item coded coarser than the leaf
  // level (at its 类 in a grouping by 项) is a row of its own code, counted in
  // the subtotals of that code and above.
  if (rollup) {
    const auto& d0 = q.by[0];
    const int leaf_level = d0.level ? d0.level : d0.dim == dimension::function ? 3 : 2;
    // Sums of subtotals exactly (a partial sum may leave 64 bits on the way).
    std::vector<std::vector<money_sum>> subsum;
    std::vector<std::vector<std::int64_t>> subcount;
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
          subcount.emplace_back(ncols);
        }
        auto& s = rows[pos->second];
        const auto& leaf = rows[r];
        for (std::size_t c = 0; c < ncols; ++c)
          if (leaf.values[c]) {
            if (q.agg == aggregate::min) s.values[c] = s.values[c] ? std::min(*s.values[c], *leaf.values[c]) : *leaf.values[c];
            else if (q.agg == aggregate::max) s.values[c] = s.values[c] ? std::max(*s.values[c], *leaf.values[c]) : *leaf.values[c];
            else {
              if (q.agg == aggregate::count) subcount[pos->second - nleaf][c] += leaf.values[c]->count();
              else subsum[pos->second - nleaf][c] += leaf.values[c]->amount();
              s.values[c] = money{};  // the value is set below
            }
          }
        s.count += leaf.count;
      }
    }
    if (q.agg == aggregate::sum || q.agg == aggregate::count)
      for (std::size_t r = nleaf; r < rows.size(); ++r)
        for (std::size_t c = 0; c < ncols; ++c)
          if (rows[r].values[c])
            rows[r].values[c] = q.agg == aggregate::count ? quantity::of_count(subcount[r - nleaf][c])
                                                          : quantity(subsum[r - nleaf][c].value());
  }

  // Order: ids are numbered in key order, so an id is its key's rank.
  const bool in_key_order = rows_in_key_order && !rollup;
  std::vector<std::uint32_t> perm = detail::row_order(
      rows, q, rollup, in_key_order, [&](std::size_t r, std::size_t d) { return std::uint64_t{row_ids[r * nd + d]} + 2; });
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
    if (q.share)
      if (const auto v = detail::row_value(q.agg, row.values)) row.share_units = detail::share_units(q.agg, *v, t);
    if (!identity) t.rows.push_back(std::move(row));
  }
  if (identity) t.rows = std::move(rows);
  return t;
}

/// Runs `q` on this year's budget and on last year's, and gives each row its
/// prior-year value and change.  Rows are matched by their printed keys (a
/// project by its name, a unit by its code), never by ids that differ from
/// budget to budget; with a pivot, the row totals over every column are
/// compared.  Every group of either year is a row: a group only last year has
/// sums or counts to 0 this year (its pivot cells are blank); a group new
/// this year has a prior sum or count of 0 and no change in percent (there is
/// no base).  For the least or greatest amount, a year without items has no
/// value.  The order and the limit apply to the rows of both years together.
/// Throws overflow_error (errc::overflow, E0701) for a sum of either year
/// past what an amount holds, or a change in percent past 64 bits.
inline result_table run_with_prior(const budget& current, const budget& prior, const query& q) {
  query whole = q;
  whole.limit = 0;
  result_table t = run(current, whole);
  whole.where = rebound(std::move(whole.where), prior);  // 项目 = 甲: last year's 甲, whatever its id
  const result_table p = run(prior, whole);
  t.prior_source = prior;  // the names of last year's rows view its strings
  const bool additive = q.agg == aggregate::sum || q.agg == aggregate::count;
  const quantity zero = q.agg == aggregate::count ? quantity::of_count(0) : quantity(money{});
  // a row's printed keys; the row of no key (no project, …) is told from a
  // key printed as "(none)" (a project of that name) by a mark of its own.
  // A project of a budget of several units is its unit's: the units of a
  // department may each have a project of one name.
  auto row_id = [&](const result_row& r, const budget& of) {
    std::string s(r.subtotal ? "1" : "0");
    for (std::size_t d = 0; d < r.labels.size(); ++d) {
      s += '\x1f';
      if (d < r.keys.size() && r.keys[d] == no_key) {
        s += '\x1e';
        continue;
      }
      s += r.labels[d];
      if (d < r.keys.size() && d < q.by.size() && q.by[d].dim == dimension::project && !(r.keys[d] >> 32) &&
          of.units().size() > 1 && r.keys[d] < of.projects().size()) {
        const auto& u = of.units()[of.projects()[static_cast<std::size_t>(r.keys[d])].unit];
        s += '\x1d' + (u.code.empty() ? u.name : u.code);
      }
    }
    return s;
  };
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < t.rows.size(); ++i) index.try_emplace(row_id(t.rows[i], current), i);
  const std::size_t this_year = t.rows.size();
  std::vector<bool> matched(this_year, false);
  for (const auto& pr : p.rows) {
    if (pr.values.empty()) continue;
    const auto [pos, added] = index.try_emplace(row_id(pr, prior), t.rows.size());
    if (!added) {
      if (pos->second < this_year && !matched[pos->second]) {
        t.rows[pos->second].prior = detail::row_value(q.agg, pr.values);
        matched[pos->second] = true;
      }
      continue;
    }
    result_row& r = t.rows.emplace_back();
    r.keys = pr.keys;  // last year's keys
    r.labels = pr.labels;
    r.names = pr.names;
    r.values.assign(t.value_headers.size(), std::nullopt);
    if (!q.pivot && additive) r.values.front() = zero;
    r.depth = pr.depth;
    r.subtotal = pr.subtotal;
    r.prior = detail::row_value(q.agg, pr.values);
  }
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    auto& r = t.rows[i];
    if (i < this_year && !matched[i] && additive) r.prior = zero;  // new this year: nothing last year
    const auto v = detail::row_value(q.agg, r.values);
    if (r.prior && v) r.change_units = detail::change_percent_units(*v, *r.prior);
    if (i >= this_year && q.share && v) r.share_units = detail::share_units(q.agg, *v, t);
  }
  if (t.rows.size() == this_year && (!q.limit || t.rows.size() <= q.limit)) return t;

  // Last year's rows placed among this year's: keys the two budgets share
  // (codes, kinds, sources) by themselves; a project, unit or tag value by the
  // place it has in this year's budget, or after every key this year's
  // budget has (in last year's order) when it has none.
  auto rank = [&](std::size_t r, std::size_t d) -> std::uint64_t {
    const auto& dim = q.by[d];
    const dimension_key k = t.rows[r].keys[d];
    const bool own_ids = dim.dim == dimension::project || dim.dim == dimension::unit || dim.dim == dimension::tag ||
                         dim.dim == dimension::line;
    if (r < this_year || !own_ids || k == no_key) return detail::order_value(dim, k);
    if (const auto here = parse_key(current, dim, t.rows[r].labels[d])) return detail::order_value(dim, *here);
    return (std::uint64_t{1} << 61) + detail::order_value(dim, k);
  };
  std::vector<std::uint32_t> perm(t.rows.size());
  if (t.rows.size() != this_year) perm = detail::row_order(t.rows, q, detail::rolls_up(q), false, rank);
  else std::iota(perm.begin(), perm.end(), 0u);
  if (q.limit && perm.size() > q.limit) perm.resize(q.limit);
  std::vector<result_row> rows;
  rows.reserve(perm.size());
  for (auto i : perm) rows.push_back(std::move(t.rows[i]));
  t.rows = std::move(rows);
  return t;
}

namespace detail {
/// `f()`, or nullopt and what it throws as `ec`.
template <class F>
std::optional<result_table> run_without_throwing(std::error_code& ec, F&& f) {
  try {
    std::optional<result_table> t(f());
    ec.clear();
    return t;
  } catch (const yusuan::error& e) {
    ec = e.code();
    return std::nullopt;
  }
}
}  // namespace detail

/// Runs a query; sets `ec` to what the throwing form's exception carries
/// (errc::overflow, errc::limit_exceeded, errc::invalid_argument) and returns nullopt instead of throwing, or clears it.
/// Throws nothing but std::bad_alloc.
inline std::optional<result_table> run(const budget& b, const query& q, std::error_code& ec) {
  return detail::run_without_throwing(ec, [&] { return run(b, q); });
}

/// run_with_prior, setting `ec` (as run does) and returning nullopt
/// instead of throwing.  Throws nothing but std::bad_alloc.
inline std::optional<result_table> run_with_prior(const budget& current, const budget& prior, const query& q,
                                                  std::error_code& ec) {
  return detail::run_without_throwing(ec, [&] { return run_with_prior(current, prior, q); });
}

}  // namespace yusuan
