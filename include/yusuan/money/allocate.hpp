// yusuan/money/allocate.hpp -- splitting an amount into parts that add up to
// it exactly (largest-remainder method).
#pragma once

#include <yusuan/error.hpp>
#include <yusuan/money/int128.hpp>
#include <yusuan/money/money.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace yusuan {

namespace detail {

/// What is wrong with the weights of an allocation, if anything, and their sum.
struct allocation_weights {
  enum problem_t { none, empty, negative, zero_sum } problem = none;
  std::size_t index = 0;  ///< the first negative weight
  int128 sum = 0;
};
inline allocation_weights check_weights(std::span<const std::int64_t> weights) noexcept {
  allocation_weights c;
  if (weights.empty()) c.problem = allocation_weights::empty;
  for (std::size_t i = 0; i < weights.size() && c.problem == allocation_weights::none; ++i) {
    if (weights[i] < 0) {
      c.problem = allocation_weights::negative;
      c.index = i;
    }
    c.sum += weights[i];
  }
  if (c.problem == allocation_weights::none && c.sum == 0) c.problem = allocation_weights::zero_sum;
  return c;
}
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_weights_error(const allocation_weights& c,
                                                                        std::span<const std::int64_t> weights) {
  if (c.problem == allocation_weights::empty) throw error(errc::invalid_argument, "yusuan: allocate: no weights");
  if (c.problem == allocation_weights::negative)
    throw error(errc::invalid_argument,
                "yusuan: allocate: weight " + std::to_string(weights[c.index]) + " is negative");
  throw error(errc::invalid_argument, "yusuan: allocate: the weights sum to zero");
}

/// The largest-remainder split of `total` by weights that check, summing to `sum`.
inline std::vector<money> split_by_weights(money total, std::span<const std::int64_t> weights, int128 sum) {
  const bool negative = total.fen() < 0;
  const int128 mag = abs(int128(total.fen()));
  // Magnitudes go up to 2^63 (a total of money::min()), so they are kept unsigned.
  std::vector<std::uint64_t> mags(weights.size());
  std::vector<std::pair<int128, std::size_t>> rem(weights.size());
  int128 given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const int128 ideal = mag * weights[i];
    const int128 q = ideal / sum;
    rem[i] = {ideal - q * sum, i};
    given += q;
    mags[i] = static_cast<std::uint64_t>(q);
  }
  auto left = static_cast<std::size_t>(mag - given);  // < number of parts
  std::stable_sort(rem.begin(), rem.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; k < left; ++k) ++mags[rem[k].second];
  std::vector<money> parts(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i)
    parts[i] = money::from_fen(static_cast<std::int64_t>(negative ? 0ULL - mags[i] : mags[i]));
  return parts;
}

}  // namespace detail

/// Splits `total` in proportion to `weights` by the largest-remainder method.
/// The parts always sum exactly to `total`; each is within one 分 of its ideal
/// share total * w / Σw.  The 分 left over after rounding every share toward
/// zero go one each to the parts with the largest remainders; among equal
/// remainders the earlier part wins.  A negative total is split as its
/// magnitude and negated.  Weights must be non-negative with a positive sum;
/// otherwise throws yusuan::error (errc::invalid_argument).
inline std::vector<money> allocate(money total, std::span<const std::int64_t> weights) {
  const detail::allocation_weights c = detail::check_weights(weights);
  if (c.problem != detail::allocation_weights::none) [[unlikely]]
    detail::throw_weights_error(c, weights);
  return detail::split_by_weights(total, weights, c.sum);
}
/// allocate, setting errc::invalid_argument and returning no parts for
/// weights it cannot split by; throws nothing but std::bad_alloc.
inline std::vector<money> allocate(money total, std::span<const std::int64_t> weights, std::error_code& ec) {
  const detail::allocation_weights c = detail::check_weights(weights);
  if (!detail::report(c.problem == detail::allocation_weights::none ? errc::ok : errc::invalid_argument, ec))
    return {};
  return detail::split_by_weights(total, weights, c.sum);
}

/// Splits `total` into `n` parts as equal as possible (earlier parts get the
/// extra 分).  Throws yusuan::error (errc::invalid_argument) for zero parts.
inline std::vector<money> allocate(money total, std::size_t n) {
  if (n == 0) throw error(errc::invalid_argument, "yusuan: allocate: zero parts");
  std::vector<std::int64_t> w(n, 1);
  return allocate(total, std::span<const std::int64_t>(w));
}
/// allocate, setting errc::invalid_argument and returning no parts for zero
/// parts; throws nothing but std::bad_alloc.
inline std::vector<money> allocate(money total, std::size_t n, std::error_code& ec) {
  if (!detail::report(n == 0 ? errc::invalid_argument : errc::ok, ec)) return {};
  std::vector<std::int64_t> w(n, 1);
  return allocate(total, std::span<const std::int64_t>(w), ec);
}

}  // namespace yusuan
