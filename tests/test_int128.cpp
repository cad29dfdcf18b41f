// Tests for yusuan/money/int128.hpp.  Built twice: on the compiler's __int128
// and, with YUSUAN_NO_NATIVE_INT128, on Boost.Multiprecision; both must give
// the same answers, checked against GCC's own __int128.
#include <yusuan/money/int128.hpp>

#include "builtin_int128.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <string>

namespace {

using yusuan::int128;

using reference::i128;

constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();

TEST(Int128, Backend) {
#ifdef YUSUAN_NO_NATIVE_INT128
  EXPECT_FALSE(int128::is_native);
#else
  EXPECT_TRUE(int128::is_native);
#endif
}

TEST(Int128, ConstructionAndText) {
  EXPECT_EQ(int128().to_string(), "0");
  EXPECT_EQ(int128(0).to_string(), "0");
  EXPECT_EQ(int128(-1).to_string(), "-1");
  EXPECT_EQ(int128(i64_max).to_string(), "9223372036854775807");
  EXPECT_EQ(int128(i64_min).to_string(), "-9223372036854775808");
  EXPECT_EQ(int128(std::numeric_limits<std::uint64_t>::max()).to_string(), "18446744073709551615");
  EXPECT_EQ(int128(std::uint32_t{4'000'000'000}).to_string(), "4000000000");
  EXPECT_EQ(int128(short{-7}).to_string(), "-7");
  EXPECT_EQ(int128::max().to_string(), "170141183460469231731687303715884105727");
  EXPECT_EQ(int128::min().to_string(), "-170141183460469231731687303715884105728");
  std::ostringstream os;
  os << int128(i64_min) * 5 << ' ' << int128(42);
  EXPECT_EQ(os.str(), "-46116860184273879040 42");
}

TEST(Int128, Arithmetic) {
  const int128 m = int128(i64_max) * i64_max;
  EXPECT_EQ(m.to_string(), "85070591730234615847396907784232501249");
  EXPECT_EQ((int128(i64_min) * i64_min).to_string(), "85070591730234615865843651857942052864");
  EXPECT_EQ((m / i64_max).to_string(), "9223372036854775807");
  EXPECT_EQ((m % 1'000'000'007).to_string(), reference::i128_str(static_cast<i128>(i64_max) * i64_max % 1'000'000'007));
  EXPECT_EQ((int128(i64_max) + i64_max + 2).to_string(), "18446744073709551616");
  EXPECT_EQ((int128(i64_min) - i64_max).to_string(), "-18446744073709551615");
  EXPECT_EQ((-int128(i64_min)).to_string(), "9223372036854775808");
  EXPECT_EQ(+int128(5), 5);
  // Truncation toward zero; the remainder takes the dividend's sign.
  EXPECT_EQ(int128(7) / 2, 3);
  EXPECT_EQ(int128(-7) / 2, -3);
  EXPECT_EQ(int128(7) / -2, -3);
  EXPECT_EQ(int128(-7) % 2, -1);
  EXPECT_EQ(int128(7) % -2, 1);
  EXPECT_EQ(int128(-7) % -2, -1);
  int128 x = 10;
  x += 5;
  EXPECT_EQ(x, 15);
  x -= 20;
  EXPECT_EQ(x, -5);
  x *= -3;
  EXPECT_EQ(x, 15);
  x /= 4;
  EXPECT_EQ(x, 3);
  x %= 2;
  EXPECT_EQ(x, 1);
  EXPECT_EQ(abs(int128(-12)), 12);
  EXPECT_EQ(abs(int128(12)), 12);
  EXPECT_EQ(abs(int128::min() + 1), int128::max());
  EXPECT_EQ(int128::max() + int128::min(), -1);
}

TEST(Int128, Comparisons) {
  EXPECT_LT(int128(-1), int128(0));
  EXPECT_LT(int128(i64_max), int128(i64_max) + 1);
  EXPECT_GT(int128(i64_min), int128(i64_min) - 1);
  EXPECT_LT(int128::min(), int128(i64_min));
  EXPECT_GT(int128::max(), int128(std::numeric_limits<std::uint64_t>::max()));
  EXPECT_EQ(int128(3) <=> int128(3), std::strong_ordering::equal);
  EXPECT_EQ(int128(2) <=> int128(3), std::strong_ordering::less);
  EXPECT_EQ(int128(-2) <=> int128(-3), std::strong_ordering::greater);
  EXPECT_TRUE(int128(7) == 7);
  EXPECT_TRUE(7 == int128(7));
  EXPECT_TRUE(int128(7) != 8);
  EXPECT_TRUE(0 < int128(1));
}

TEST(Int128, FitsAndConversion) {
  EXPECT_TRUE(int128(i64_max).fits_int64());
  EXPECT_TRUE(int128(i64_min).fits_int64());
  EXPECT_TRUE(int128(0).fits_int64());
  EXPECT_FALSE((int128(i64_max) + 1).fits_int64());
  EXPECT_FALSE((int128(i64_min) - 1).fits_int64());
  EXPECT_FALSE(int128::max().fits_int64());
  EXPECT_FALSE(int128::min().fits_int64());
  EXPECT_EQ(static_cast<std::int64_t>(int128(i64_min)), i64_min);
  EXPECT_EQ(static_cast<std::int64_t>(int128(i64_max)), i64_max);
  EXPECT_EQ(static_cast<std::int64_t>(int128(i64_max) * 3 - int128(i64_max) * 2), i64_max);
  EXPECT_EQ(static_cast<std::uint64_t>(int128(std::uint64_t{1} << 63)), std::uint64_t{1} << 63);
  EXPECT_EQ(static_cast<std::uint64_t>(int128(std::numeric_limits<std::uint64_t>::max())),
            std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(static_cast<int>(int128(-42)), -42);
}

// Random operands of every size, against GCC's __int128.
TEST(Int128, AgreesWithBuiltin) {
  std::mt19937_64 rng(0x3132'3862'6974ULL);
  const auto operand = [&] {
    const int bits = 1 + static_cast<int>(rng() % 63);  // |v| < 2^bits ≤ 2^63
    const auto v = static_cast<std::int64_t>(rng() >> (64 - bits));
    return rng() % 2 ? v : -v;
  };
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t a = operand(), b = operand(), c = operand(), d = operand();
    const i128 ra = static_cast<i128>(a) * b + c, rd = d == 0 ? 1 : d;
    const int128 ya = int128(a) * b + c, yd = d == 0 ? 1 : d;
    ASSERT_EQ(ya.to_string(), reference::i128_str(ra)) << a << " * " << b << " + " << c;
    ASSERT_EQ((ya / yd).to_string(), reference::i128_str(ra / rd));
    ASSERT_EQ((ya % yd).to_string(), reference::i128_str(ra % rd));
    ASSERT_EQ((ya - int128(c) * d).to_string(), reference::i128_str(ra - static_cast<i128>(c) * d));
    ASSERT_EQ(ya < int128(c) * d, ra < static_cast<i128>(c) * d);
    ASSERT_EQ(ya == int128(a) * b + c, true);
    ASSERT_EQ(ya.fits_int64(), ra >= i64_min && ra <= i64_max);
    if (ya.fits_int64()) {
      ASSERT_EQ(static_cast<std::int64_t>(ya), static_cast<std::int64_t>(ra));
    }
    ASSERT_EQ(abs(ya).to_string(), reference::i128_str(ra < 0 ? -ra : ra));
  }
}

}  // namespace
