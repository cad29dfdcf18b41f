// yusuan/compile/amount_limits.hpp -- E0701 for a total of a budget past
// what an amount can hold.
#pragma once

#include <yusuan/compile/reporter.hpp>
#include <yusuan/money.hpp>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>

namespace yusuan::compile {

/// Whether every sum fits in an amount; E0701 at `at` when one does not.
/// Amounts are within ±(2^63 - 1) 分, so that each has a negation.
inline bool fits_in_amount(reporter& rep, std::initializer_list<money_sum> sums, source_span at, const char* what) {
  for (const money_sum& s : sums) {
    const auto v = s.fen();
    if (v <= std::numeric_limits<std::int64_t>::max() && v >= -std::numeric_limits<std::int64_t>::max()) continue;
    rep.error("E0701", std::string(what) + " is more than an amount can hold", at,
              "amounts and their totals are at most 92,233,720,368,547,758.07 元");
    return false;
  }
  return true;
}

}  // namespace yusuan::compile
