// Tests for money with integer operands of any signedness and width: a
// product, quotient or split is exact, and overflows only when its result
// does not fit an amount (an unsigned operand of 2^63 or more is not an
// overflow by itself).
#include <yusuan/money.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <system_error>
#include <vector>

namespace {

using yusuan::errc;
using yusuan::money;
using yusuan::rounding;

constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::uint64_t u64_max = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t two_63 = std::uint64_t{1} << 63;

money fen(std::int64_t f) { return money::from_fen(f); }

TEST(IntegerOperands, ZeroTimesAnyUnsignedIsZero) {
  EXPECT_EQ(money{} * two_63, money{});
  EXPECT_EQ(money{} * u64_max, money{});
  EXPECT_EQ(u64_max * money{}, money{});
  EXPECT_EQ(money::parse("0.00") * u64_max, money{});
  money m;
  m *= u64_max;
  EXPECT_EQ(m, money{});
}

TEST(IntegerOperands, AProductOfAnUnsignedPast63BitsThatFitsIsExact) {
  // -1 分 × 2^63 is -2^63 分, money::min().
  EXPECT_EQ(fen(-1) * two_63, money::min());
  EXPECT_EQ(two_63 * fen(-1), money::min());
  EXPECT_EQ(fen(1) * static_cast<std::uint64_t>(i64_max), money::max());
  EXPECT_EQ(fen(-1) * static_cast<std::uint64_t>(i64_max), fen(-i64_max));
}

TEST(IntegerOperands, AProductThatDoesNotFitOverflows) {
  EXPECT_THROW((void)(fen(1) * two_63), yusuan::overflow_error);
  EXPECT_THROW((void)(fen(-1) * (two_63 + 1)), yusuan::overflow_error);
  EXPECT_THROW((void)(fen(-1) * u64_max), yusuan::overflow_error);
  EXPECT_THROW((void)(fen(2) * two_63), yusuan::overflow_error);
  EXPECT_THROW((void)(money::max() * 2U), yusuan::overflow_error);
  EXPECT_THROW((void)(money::min() * std::uint64_t{2}), yusuan::overflow_error);
  try {
    (void)(fen(3) * u64_max);
    ADD_FAILURE() << "no overflow";
  } catch (const yusuan::overflow_error& e) {
    EXPECT_EQ(e.code(), errc::overflow);
    EXPECT_NE(std::string(e.what()).find(std::to_string(u64_max)), std::string::npos) << e.what();
  }
}

TEST(IntegerOperands, ADivisorPast63BitsDividesExactly) {
  EXPECT_EQ(money::min().divide(two_63, rounding::unnecessary), fen(-1));
  EXPECT_EQ(money{}.divide(u64_max, rounding::unnecessary), money{});
  // (2^63 - 1) / 2^63 is just under one half, (2^63 - 1) / (2^64 - 1) too.
  EXPECT_EQ(money::max().divide(two_63, rounding::half_up), fen(1));
  EXPECT_EQ(money::max().divide(u64_max, rounding::half_up), money{});
  EXPECT_EQ(money::max().divide(u64_max, rounding::up), fen(1));
  EXPECT_EQ(money::min().divide(u64_max, rounding::floor), fen(-1));
  EXPECT_THROW((void)money::max().divide(u64_max, rounding::unnecessary), yusuan::rounding_error);
  std::error_code ec;
  EXPECT_EQ(money::min().divide(two_63, rounding::unnecessary, ec), fen(-1));
  EXPECT_FALSE(ec);
  EXPECT_EQ(money::max().divide(u64_max, rounding::unnecessary, ec), money{});
  EXPECT_EQ(ec, errc::rounding_necessary);
}

TEST(IntegerOperands, AllocateSplitsTheLeastAmountExactly) {
  const auto parts = yusuan::allocate(money::min(), std::size_t{3});
  ASSERT_EQ(parts.size(), 3U);
  EXPECT_EQ(parts[0] + parts[1] + parts[2], money::min());
  const std::vector<std::int64_t> weights{i64_max, i64_max};
  const auto halves = yusuan::allocate(money::min(), weights);
  ASSERT_EQ(halves.size(), 2U);
  EXPECT_EQ(halves[0], fen(i64_min / 2));
  EXPECT_EQ(halves[1], fen(i64_min / 2));
}

}  // namespace
