// yusuan/model/columns.hpp -- the items of a budget column by column, as the
// aggregation engine reads them, and budget::columns().
#pragma once

#include <yusuan/model/budget.hpp>
#include <yusuan/model/key_ids.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <stdexcept>
#include <vector>

namespace yusuan {
namespace detail {

/// The fund column holds an item's fund source, or for an item paid from
/// last year's balance of a stated fund (资金 上年结转结余.政府性基金)
/// fund_balance_base + that fund.
inline constexpr unsigned fund_balance_base = 64;
constexpr std::uint8_t fund_byte(const item& it) noexcept {
  return static_cast<std::uint8_t>(it.fund == fund_source::carryover && it.balance_of != fund_source::carryover
                                       ? fund_balance_base + static_cast<unsigned>(it.balance_of)
                                       : static_cast<unsigned>(it.fund));
}
/// The fund source of a fund column byte, and the fund its balance is of
/// (carryover when not stated, or not of a balance).
constexpr fund_source fund_of_byte(unsigned x) noexcept {
  return x >= fund_balance_base ? fund_source::carryover : static_cast<fund_source>(x);
}
constexpr fund_source balance_of_byte(unsigned x) noexcept {
  return x >= fund_balance_base ? static_cast<fund_source>(x - fund_balance_base) : fund_source::carryover;
}

/// The items again, column by column, for the query engine: amounts in 分,
/// each code as an ordinal into the budget's distinct codes (sorted in the
/// tables' order, 0 for none), kinds and fund sources.  Built once when a
/// budget is compiled; a scan then reads 8-21 bytes per item instead of 48.
struct item_columns {
  std::vector<std::int64_t> fen;
  std::vector<std::uint32_t> function, econ, gov_econ;  // ordinals into function_codes / econ_codes
  std::vector<std::uint8_t> kind, fund;
  std::vector<function_code> function_codes;  // [0] is the empty code, then sorted, distinct
  std::vector<econ_code> econ_codes;          // [0] is the empty code, then sorted (部门 and 政府)
  std::vector<std::uint8_t> econ_used, gov_econ_used;  // per econ ordinal: whether that column has it
  std::array<bool, 256> kind_present{}, fund_present{};
  /// Per unit index: [first, end) of the items of that unit (a unit's items
  /// are mostly together: its file, or its block); {0, 0} for a unit without
  /// items.  A filter on units scans only the items in between.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> unit_items;
  const void* owner = nullptr;  // the budget data the columns were built for
  /// bit_width of the largest |amount|: wrapped 64-bit sums of up to 2^(63 -
  /// amount_bits) amounts are exact.
  int amount_bits = 0;
  std::size_t size() const noexcept { return fen.size(); }
};

inline std::shared_ptr<const item_columns> make_columns(std::span<const item> items, const void* owner = nullptr) {
  auto c = std::make_shared<item_columns>();
  const std::size_t n = items.size();
  if (n >= npos32) throw std::length_error("yusuan: a budget holds fewer than 2^32 - 1 items");
  c->owner = owner;
  c->fen.resize(n);
  c->function.resize(n);
  c->econ.resize(n);
  c->gov_econ.resize(n);
  c->kind.resize(n);
  c->fund.resize(n);
  // Ordinals in order of appearance first, renumbered in code order after.
  key_ids fids, eids;
  fids.get(0);  // the empty code is ordinal 0 (digits 0, level 0)
  eids.get(0);
  auto pack_f = [](function_code f) { return (std::uint64_t{f.digits()} << 8) | static_cast<unsigned>(f.level()); };
  auto pack_e = [](econ_code e) { return (std::uint64_t{e.digits()} << 8) | static_cast<unsigned>(e.level()); };
  std::uint64_t bound = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const item& it = items[i];
    const std::int64_t x = it.amount.fen();
    c->fen[i] = x;
    bound |= static_cast<std::uint64_t>(x ^ (x >> 63));
    c->function[i] = fids.get(pack_f(it.function));
    c->econ[i] = eids.get(pack_e(it.econ));
    c->gov_econ[i] = eids.get(pack_e(it.gov_econ));
    c->kind[i] = static_cast<std::uint8_t>(it.kind);
    c->fund[i] = fund_byte(it);
    c->kind_present[c->kind[i]] = true;
    c->fund_present[c->fund[i]] = true;
    if (it.unit >= c->unit_items.size()) c->unit_items.resize(std::size_t{it.unit} + 1, {0, 0});
    auto& span = c->unit_items[it.unit];
    if (span.second == 0) span.first = static_cast<std::uint32_t>(i);
    span.second = static_cast<std::uint32_t>(i + 1);
  }
  c->amount_bits = static_cast<int>(std::bit_width(bound));
  auto renumber = [n](const std::vector<std::uint64_t>& keys, auto unpack, auto& codes, std::vector<std::uint32_t>* columns[],
                      std::size_t ncolumns) {
    std::vector<std::uint32_t> order(keys.size()), rank(keys.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin() + 1, order.end(), [&](std::uint32_t a, std::uint32_t b) { return unpack(keys[a]) < unpack(keys[b]); });
    for (std::uint32_t i = 0; i < order.size(); ++i) {
      rank[order[i]] = i;
      codes.push_back(unpack(keys[order[i]]));
    }
    for (std::size_t k = 0; k < ncolumns; ++k)
      for (std::size_t i = 0; i < n; ++i) (*columns[k])[i] = rank[(*columns[k])[i]];
  };
  std::vector<std::uint32_t>* fcols[] = {&c->function};
  renumber(fids.keys(), [](std::uint64_t k) { return function_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF)); },
           c->function_codes, fcols, 1);
  std::vector<std::uint32_t>* ecols[] = {&c->econ, &c->gov_econ};
  renumber(eids.keys(), [](std::uint64_t k) { return econ_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF)); },
           c->econ_codes, ecols, 2);
  c->econ_used.assign(c->econ_codes.size(), 0);
  c->gov_econ_used.assign(c->econ_codes.size(), 0);
  for (std::size_t i = 0; i < n; ++i) {
    c->econ_used[c->econ[i]] = 1;
    c->gov_econ_used[c->gov_econ[i]] = 1;
  }
  return c;
}

}  // namespace detail

inline std::shared_ptr<const detail::item_columns> budget::columns() const {
  if (d_->columns && d_->columns->owner == d_.get() && d_->columns->size() == d_->items.size()) return d_->columns;
  return detail::make_columns(d_->items, d_.get());
}

}  // namespace yusuan
