// yusuan/query/scan.hpp -- one pass over a budget's columns through a
// compiled filter: the exact total and count of the items that pass, or the
// items themselves.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/money.hpp>
#include <yusuan/model/columns.hpp>
#include <yusuan/query/filter_program.hpp>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace yusuan::detail {

/// Items are filtered a block at a time: a block's mask stays in the cache.
inline constexpr std::size_t mask_block = 4096;

/// Σ and count of the items whose byte in `sel` is set (every item when `sel`
/// is null), or else of those `program` passes.
struct scan_total {
  money_sum sum;
  std::size_t count = 0;
};

inline scan_total scan(const item_columns& cols, const mask_program& program, const std::uint8_t* sel = nullptr) {
  scan_total out;
  const std::size_t n = cols.size();
  const std::int64_t* fen = cols.fen.data();
  // Wrapped 64-bit sums of up to n amounts below 2^amount_bits are exact.
  if (cols.amount_bits + std::bit_width(n) <= 63) {
    // Branch-free loops the compiler vectorises.
    std::uint64_t s = 0;
    std::size_t k = 0;
    auto masked = [&](const std::int64_t* __restrict f, const std::uint8_t* __restrict m, std::size_t len) {
      std::uint64_t bs = 0;
      std::uint32_t bk = 0;
      for (std::size_t j = 0; j < len; ++j) {
        bs += static_cast<std::uint64_t>(f[j]) & (std::uint64_t{0} - m[j]);
        bk += m[j];
      }
      s += bs;
      k += bk;
    };
    if (sel) {
      for (std::size_t i0 = 0; i0 < n; i0 += mask_block) masked(fen + i0, sel + i0, std::min(mask_block, n - i0));
    } else if (!program.all()) {
      std::uint8_t block[mask_block];
      for (std::size_t i0 = program.first(), end = program.end(); i0 < end; i0 += mask_block) {
        const std::size_t m = std::min(mask_block, end - i0);
        program.eval(i0, m, block);
        masked(fen + i0, block, m);
      }
    } else {
      for (std::size_t i = 0; i < n; ++i) s += static_cast<std::uint64_t>(fen[i]);
      k = n;
    }
    out.sum.add(money::from_fen(static_cast<std::int64_t>(s)));
    out.count = k;
    return out;
  }
  std::uint8_t block[mask_block];
  const std::size_t from = sel ? 0 : program.first(), to = sel ? n : program.end();
  for (std::size_t i0 = from; i0 < to; i0 += mask_block) {
    const std::size_t m = std::min(mask_block, to - i0);
    const std::uint8_t* mask = sel ? sel + i0 : block;
    if (!sel) program.eval(i0, m, block);
    for (std::size_t j = 0; j < m; ++j)
      if (mask[j]) {
        out.sum.add(money::from_fen(fen[i0 + j]));
        ++out.count;
      }
  }
  return out;
}

/// The indices of the first `limit` items `program` passes, in item order,
/// and how many pass in all.
inline std::size_t scan_items(const mask_program& program, std::size_t limit,
                              std::vector<std::uint32_t>& out) {
  std::size_t count = 0;
  std::uint8_t block[mask_block];
  for (std::size_t i0 = program.first(), end = program.end(); i0 < end; i0 += mask_block) {
    const std::size_t m = std::min(mask_block, end - i0);
    program.eval(i0, m, block);
    for (std::size_t j = 0; j < m; ++j)
      if (block[j]) {
        if (count < limit) out.push_back(static_cast<std::uint32_t>(i0 + j));
        ++count;
      }
  }
  return count;
}

}  // namespace yusuan::detail
