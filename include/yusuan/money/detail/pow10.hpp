// yusuan/money/detail/pow10.hpp -- powers of ten up to 10^19.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace yusuan::detail {

inline constexpr std::array<std::uint64_t, 20> pow10_table = {
    1ULL,
    10ULL,
    100ULL,
    1000ULL,
    10000ULL,
    100000ULL,
    1000000ULL,
    10000000ULL,
    100000000ULL,
    1000000000ULL,
    10000000000ULL,
    100000000000ULL,
    1000000000000ULL,
    10000000000000ULL,
    100000000000000ULL,
    1000000000000000ULL,
    10000000000000000ULL,
    100000000000000000ULL,
    1000000000000000000ULL,
    10000000000000000000ULL};

/// 10^n for 0 ≤ n ≤ 19.
constexpr std::uint64_t pow10(int n) noexcept { return pow10_table[static_cast<std::size_t>(n)]; }

}  // namespace yusuan::detail
