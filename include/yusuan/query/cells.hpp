// yusuan/query/cells.hpp -- how a query's items fall into cells (one per
// combination of its grouping keys) and the sums, counts, least and greatest
// amounts of each cell.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/money.hpp>
#include <yusuan/model/columns.hpp>
#include <yusuan/query/dimension_index.hpp>
#include <yusuan/query/filter_program.hpp>
#include <yusuan/model/key_ids.hpp>
#include <yusuan/query/scan.hpp>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace yusuan::detail {

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
/// cell when asked for or when cells were hashed (dense cells decode to their
/// ids).
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

/// Calls f(cell_of) with the reader of the plan's cells, cell_of(i) the cell
/// of item i: each kind of plan gets a loop of its own.
template <class F>
void with_cell_reader(const cell_plan& plan, F&& f) {
  if (!plan.cells.empty()) {
    f([c = plan.cells.data()](std::size_t i) { return c[i]; });
  } else if (!plan.a) {
    f([](std::size_t) { return std::uint32_t{0}; });
  } else if (!plan.b) {
    const dim_index& a = *plan.a;
    if (a.ord32) f([m = a.map.data(), o = a.ord32](std::size_t i) { return m[o[i]]; });
    else if (a.ord8) f([m = a.map.data(), o = a.ord8](std::size_t i) { return m[o[i]]; });
    else f([ids = a.ids.data()](std::size_t i) { return ids[i]; });
  } else {
    const dim_index& a = *plan.a;
    const dim_index& b = *plan.b;
    const auto nb = static_cast<std::uint32_t>(plan.nb);
    auto pair = [&](const auto* oa, const auto* ob) {
      f([ma = a.map.data(), mb = b.map.data(), oa, ob, nb](std::size_t i) { return ma[oa[i]] * nb + mb[ob[i]]; });
    };
    // Both dimensions of a direct plan of two read a column (direct_plan()).
    if (a.ord32 && b.ord32) pair(a.ord32, b.ord32);
    else if (a.ord32) pair(a.ord32, b.ord8);
    else if (b.ord32) pair(a.ord8, b.ord32);
    else pair(a.ord8, b.ord8);
  }
}

/// The cells of items [i0, i0 + m).
inline void cells_of(const cell_plan& plan, std::size_t i0, std::size_t m, std::uint32_t* __restrict out) {
  with_cell_reader(plan, [&](auto cell_of) {
    for (std::size_t k = 0; k < m; ++k) out[k] = cell_of(i0 + k);
  });
}

/// Sums and counts of items [i0, i0 + m) (those whose byte in `mask` is set,
/// when there is a mask): the loop of every sum and count query.
template <class CellOf>
void add_sums(const std::int64_t* __restrict fen, CellOf cell_of, const std::uint8_t* __restrict mask, std::size_t i0,
              std::size_t m, std::uint64_t* __restrict wrapped, std::uint32_t* __restrict count) noexcept {
  if (mask) {
    for (std::size_t k = 0; k < m; ++k)
      if (mask[k]) {
        const std::uint32_t c = cell_of(i0 + k);
        wrapped[c] += static_cast<std::uint64_t>(fen[i0 + k]);
        ++count[c];
      }
  } else {
    for (std::size_t k = 0; k < m; ++k) {
      const std::uint32_t c = cell_of(i0 + k);
      wrapped[c] += static_cast<std::uint64_t>(fen[i0 + k]);
      ++count[c];
    }
  }
}

/// A block with more than sums and counts: least and greatest amounts, first
/// items; `cells` the cells of the block's items.
template <bool MinMax, bool First>
void add_block_fully(cell_totals& t, const std::int64_t* __restrict fen, const std::uint32_t* __restrict cells,
                     const std::uint8_t* __restrict mask, std::size_t i0, std::size_t m) noexcept {
  std::uint64_t* __restrict wrapped = t.wrapped.data();
  std::uint32_t* __restrict count = t.count.data();
  std::uint32_t* __restrict first = t.first.data();
  std::int64_t* __restrict lo = t.lo.data();
  std::int64_t* __restrict hi = t.hi.data();
  for (std::size_t k = 0; k < m; ++k) {
    if (mask && !mask[k]) continue;
    const std::uint32_t c = cells[k];
    const std::int64_t x = fen[k];
    wrapped[c] += static_cast<std::uint64_t>(x);
    if (count[c]++ == 0) [[unlikely]] {
      if constexpr (First) first[c] = static_cast<std::uint32_t>(i0 + k);
      if constexpr (MinMax) lo[c] = hi[c] = x;
    }
    if constexpr (MinMax) {
      lo[c] = x < lo[c] ? x : lo[c];
      hi[c] = x > hi[c] ? x : hi[c];
    }
  }
}

/// The same with exact sums past 64 bits (amounts near 2^63).
inline void add_block_exactly(cell_totals& t, const std::int64_t* fen, const std::uint32_t* cells, const std::uint8_t* mask,
                              std::size_t i0, std::size_t m, bool minmax, bool track_first) {
  for (std::size_t k = 0; k < m; ++k) {
    if (mask && !mask[k]) continue;
    const std::uint32_t c = cells[k];
    const std::int64_t x = fen[k];
    t.exact[c].add(money::from_fen(x));
    if (t.count[c]++ == 0) {
      if (track_first) t.first[c] = static_cast<std::uint32_t>(i0 + k);
      if (minmax) t.lo[c] = t.hi[c] = x;
    } else if (minmax) {
      t.lo[c] = x < t.lo[c] ? x : t.lo[c];
      t.hi[c] = x > t.hi[c] ? x : t.hi[c];
    }
  }
}

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
  if (nc == 1 && !track_first && !minmax) {  // one cell: a plain scan
    const scan_total s = scan(cols, program, sel);
    if (t.exact_wrapped) t.wrapped[0] = static_cast<std::uint64_t>(s.sum.value().fen());
    else t.exact[0] = s.sum;
    t.count[0] = static_cast<std::uint32_t>(s.count);
    return t;
  }
  const std::int64_t* fen = cols.fen.data();
  std::uint8_t block[mask_block];
  // The block's mask: the kept mask of every item, or the filter evaluated
  // for the block, or none when every item passes.
  auto mask_of = [&](std::size_t i0, std::size_t m) -> const std::uint8_t* {
    if (sel) return sel + i0;
    if (program.all()) return nullptr;
    program.eval(i0, m, block);
    return block;
  };
  // the items a filter can pass (every item with a kept mask)
  const std::size_t from = sel ? 0 : program.first(), to = sel ? n : program.end();
  if (t.exact_wrapped && !minmax && !track_first) {
    with_cell_reader(plan, [&](auto cell_of) {
      for (std::size_t i0 = from; i0 < to; i0 += mask_block) {
        const std::size_t m = std::min(mask_block, to - i0);
        add_sums(fen, cell_of, mask_of(i0, m), i0, m, t.wrapped.data(), t.count.data());
      }
    });
    return t;
  }
  std::uint32_t cell_block[mask_block];
  for (std::size_t i0 = from; i0 < to; i0 += mask_block) {
    const std::size_t m = std::min(mask_block, to - i0);
    const std::uint8_t* mask = mask_of(i0, m);
    const std::uint32_t* cells = cell_block;
    if (!plan.cells.empty()) cells = plan.cells.data() + i0;  // computed beforehand
    else cells_of(plan, i0, m, cell_block);
    if (!t.exact_wrapped) add_block_exactly(t, fen + i0, cells, mask, i0, m, minmax, track_first);
    else if (minmax && track_first) add_block_fully<true, true>(t, fen + i0, cells, mask, i0, m);
    else if (minmax) add_block_fully<true, false>(t, fen + i0, cells, mask, i0, m);
    else add_block_fully<false, true>(t, fen + i0, cells, mask, i0, m);
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

/// The columns, the filter's program and the dimensions' ids of a grouping;
/// rollup: the first dimension keeps codes coarser than its level as written.
inline std::unique_ptr<prepared_cells> prepare(const budget& b, const filter& where, const std::vector<dimension_ref>& by,
                                               const std::optional<dimension_ref>& pivot, bool rollup = false) {
  auto p = std::make_unique<prepared_cells>();
  p->columns = budget_access::columns(b);
  const item_columns& cols = *p->columns;
  p->program.emplace(b, cols, where);
  p->dims.reserve(by.size() + 1);
  for (std::size_t i = 0; i < by.size(); ++i) p->dims.push_back(index_dimension(b, cols, by[i], rollup && i == 0));
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

}  // namespace yusuan::detail
