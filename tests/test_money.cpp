// Tests for yusuan/money.hpp: exact money, decimals, rounding, parsing,
// formatting, 人民币大写, allocation, shares and overflow.
#include <yusuan/money.hpp>

#include "builtin_int128.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <vector>

namespace {

using yusuan::amount_errc;
using yusuan::amount_parse_error;
using yusuan::decimal;
using yusuan::money;
using yusuan::money_sum;
using yusuan::rounding;
using yusuan::unit;

using reference::i128;
using reference::i128_str;

constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();

money yuan(std::string_view s) { return money::parse(s, unit::yuan); }
money wan(std::string_view s) { return money::parse(s, unit::wan_yuan); }
money fen(std::int64_t f) { return money::from_fen(f); }
template <int S>
decimal<S> dec(std::string_view s) {
  return decimal<S>::parse(s);
}

constexpr std::array<rounding, 8> all_modes = {rounding::half_up, rounding::half_even, rounding::half_down,
                                              rounding::up,      rounding::down,      rounding::ceiling,
                                              rounding::floor,   rounding::unnecessary};

// "'text' in 万元" for SCOPED_TRACE.  (Appended piece by piece: GCC 12 at -O3
// warns -Wrestrict, falsely, about "'" + std::string(...).)
std::string trace(std::string_view text, unit u) {
  std::string s(1, '\'');
  s.append(text).append("' in ").append(yusuan::unit_name(u));
  return s;
}

// What the non-throwing money::parse gives for `text`: the value, the error
// code and position it sets, and describe_amount_error's words for them.
struct parsed {
  money value;
  std::error_code ec;
  std::size_t position = 0;
  std::string detail;
};
parsed parse_ec(std::string_view text, unit u, std::optional<rounding> mode = std::nullopt) {
  parsed r;
  r.ec = amount_errc::bad_character;  // must be cleared on success
  r.position = 99;                    // must be set either way
  r.value = mode ? money::parse(text, u, *mode, r.ec, r.position) : money::parse(text, u, r.ec, r.position);
  r.detail = yusuan::describe_amount_error(text, r.ec, r.position, u, mode);
  return r;
}

// The same for decimal<S>::parse and describe_decimal_error.
template <int S>
struct parsed_decimal {
  decimal<S> value;
  std::error_code ec;
  std::size_t position = 0;
  std::string detail;
};
template <int S>
parsed_decimal<S> parse_dec_ec(std::string_view text, std::optional<rounding> mode = std::nullopt) {
  parsed_decimal<S> r;
  r.ec = amount_errc::bad_character;
  r.position = 99;
  r.value = mode ? decimal<S>::parse(text, *mode, r.ec, r.position) : decimal<S>::parse(text, r.ec, r.position);
  r.detail = yusuan::describe_decimal_error(text, r.ec, r.position, S, mode);
  return r;
}

// Number of digits after the decimal point in a plain numeral.
int decimals_in(std::string_view s) {
  const auto p = s.find('.');
  return p == std::string_view::npos ? 0 : static_cast<int>(s.size() - p - 1);
}

// ===========================================================================
// 1. Exactness
// ===========================================================================

TEST(Exactness, TenthsAddUpExactly) {
  const money a = yuan("0.10"), b = yuan("0.20");
  EXPECT_EQ(a + b, yuan("0.30"));
  EXPECT_EQ((a + b).fen(), 30);
  EXPECT_EQ((a + b).format(), "0.30");
  EXPECT_EQ(yuan("0.30") - b, a);
  EXPECT_EQ(yuan("0.1") + yuan("0.2"), yuan("0.3"));
}

TEST(Exactness, MillionCentsWithMoney) {
  money total;
  const money cent = yuan("0.01");
  for (int i = 0; i < 1'000'000; ++i) total += cent;
  EXPECT_EQ(total, yuan("10000.00"));
  EXPECT_EQ(total.fen(), 1'000'000);
  EXPECT_EQ(total.format(unit::yuan, 2, true), "10,000.00");
  EXPECT_EQ(total.format(unit::wan_yuan), "1.00");
}

TEST(Exactness, MillionCentsWithMoneySum) {
  money_sum sum;
  const money cent = yuan("0.01");
  for (int i = 0; i < 1'000'000; ++i) sum += cent;
  EXPECT_EQ(sum.value(), yuan("10000.00"));
  EXPECT_TRUE(sum.fen() == 1'000'000);
  money_sum other;
  other.add(yuan("0.05"));
  sum += other;
  EXPECT_EQ(sum.value(), yuan("10000.05"));
}

TEST(Exactness, SubtractionAndComparison) {
  EXPECT_EQ(yuan("1.00") - yuan("0.99"), yuan("0.01"));
  EXPECT_LT(yuan("0.01"), yuan("0.02"));
  EXPECT_GT(yuan("-0.01"), yuan("-0.02"));
  EXPECT_EQ(-yuan("3.50"), yuan("-3.50"));
  EXPECT_EQ(+yuan("3.50"), yuan("3.50"));
  EXPECT_EQ(yuan("-3.50").abs(), yuan("3.50"));
  EXPECT_EQ(yuan("-3.50").sign(), -1);
  EXPECT_EQ(yuan("0").sign(), 0);
  EXPECT_EQ(yuan("0.01").sign(), 1);
  EXPECT_TRUE(money{}.is_zero());
  EXPECT_FALSE(yuan("0.01").is_zero());
  money m = yuan("10");
  m -= yuan("2.5");
  EXPECT_EQ(m, yuan("7.50"));
  m *= 3;
  EXPECT_EQ(m, yuan("22.50"));
  EXPECT_EQ(4 * yuan("0.25"), yuan("1"));
  EXPECT_EQ(yuan("0.25") * 4u, yuan("1"));
  EXPECT_EQ(yuan("0.25") * std::int8_t{-4}, yuan("-1"));
  EXPECT_EQ(money::from_yuan(12), yuan("12.00"));
  EXPECT_EQ(money::from_yuan(-12LL), yuan("-12.00"));
  EXPECT_EQ(std::hash<money>{}(yuan("1.23")), std::hash<std::int64_t>{}(123));
  std::unordered_set<money> set{yuan("1"), yuan("1.00"), yuan("2")};
  EXPECT_EQ(set.size(), 2u);
  std::ostringstream os;
  os << yuan("-1543.19");
  EXPECT_EQ(os.str(), "-1543.19");
  EXPECT_EQ(yusuan::to_string(wan("2327.71"), unit::wan_yuan, 1), "2327.7");
  EXPECT_EQ(yusuan::to_string(wan("2327.71")), "23277100.00");
}

TEST(Units, NamesAndFactors) {
  EXPECT_EQ(yusuan::fen_per(unit::yuan), 100);
  EXPECT_EQ(yusuan::fen_per(unit::wan_yuan), 1'000'000);
  EXPECT_EQ(yusuan::fen_per(unit::yi_yuan), 10'000'000'000);
  EXPECT_EQ(yusuan::exact_decimals(unit::yuan), 2);
  EXPECT_EQ(yusuan::exact_decimals(unit::wan_yuan), 6);
  EXPECT_EQ(yusuan::exact_decimals(unit::yi_yuan), 10);
  EXPECT_EQ(yusuan::unit_name(unit::yuan), "元");
  EXPECT_EQ(yusuan::unit_name(unit::wan_yuan), "万元");
  EXPECT_EQ(yusuan::unit_name(unit::yi_yuan), "亿元");
  EXPECT_EQ(yusuan::parse_unit("元"), unit::yuan);
  EXPECT_EQ(yusuan::parse_unit("万元"), unit::wan_yuan);
  EXPECT_EQ(yusuan::parse_unit("wan"), unit::wan_yuan);
  EXPECT_EQ(yusuan::parse_unit("亿元"), unit::yi_yuan);
  EXPECT_EQ(yusuan::parse_unit("yi_yuan"), unit::yi_yuan);
  EXPECT_EQ(yusuan::parse_unit("千元"), std::nullopt);
  for (rounding r : all_modes) EXPECT_EQ(yusuan::parse_rounding(yusuan::to_string(r)), r);
  EXPECT_EQ(yusuan::parse_rounding("四舍五入"), rounding::half_up);
  EXPECT_EQ(yusuan::parse_rounding("银行家舍入"), rounding::half_even);
  EXPECT_EQ(yusuan::parse_rounding("half-up"), std::nullopt);
}

// ===========================================================================
// 2. Rounding modes, table driven
// ===========================================================================

// Expected results per mode, in the order of all_modes.  "!" means
// rounding::unnecessary must fail because the value is inexact.
struct rounding_row {
  std::string_view text;
  std::array<std::string_view, 8> expect;  // half_up half_even half_down up down ceiling floor unnecessary
};

// Values rounded to two decimals.
const rounding_row rounding_table[] = {
    //  text          half_up   half_even half_down up       down     ceiling  floor    unnecessary
    {"2.345",       {"2.35",  "2.34",  "2.34",  "2.35",  "2.34",  "2.35",  "2.34",  "!"}},
    {"-2.345",      {"-2.35", "-2.34", "-2.34", "-2.35", "-2.34", "-2.34", "-2.35", "!"}},
    {"2.355",       {"2.36",  "2.36",  "2.35",  "2.36",  "2.35",  "2.36",  "2.35",  "!"}},
    {"-2.355",      {"-2.36", "-2.36", "-2.35", "-2.36", "-2.35", "-2.35", "-2.36", "!"}},
    {"2.3449",      {"2.34",  "2.34",  "2.34",  "2.35",  "2.34",  "2.35",  "2.34",  "!"}},
    {"-2.3449",     {"-2.34", "-2.34", "-2.34", "-2.35", "-2.34", "-2.34", "-2.35", "!"}},
    {"2.3451",      {"2.35",  "2.35",  "2.35",  "2.35",  "2.34",  "2.35",  "2.34",  "!"}},
    {"-2.3451",     {"-2.35", "-2.35", "-2.35", "-2.35", "-2.34", "-2.34", "-2.35", "!"}},
    {"2.340",       {"2.34",  "2.34",  "2.34",  "2.34",  "2.34",  "2.34",  "2.34",  "2.34"}},
    {"-2.340",      {"-2.34", "-2.34", "-2.34", "-2.34", "-2.34", "-2.34", "-2.34", "-2.34"}},
    {"2.345001",    {"2.35",  "2.35",  "2.35",  "2.35",  "2.34",  "2.35",  "2.34",  "!"}},
    {"-2.345001",   {"-2.35", "-2.35", "-2.35", "-2.35", "-2.34", "-2.34", "-2.35", "!"}},
    {"2.344999",    {"2.34",  "2.34",  "2.34",  "2.35",  "2.34",  "2.35",  "2.34",  "!"}},
    {"0.005",       {"0.01",  "0.00",  "0.00",  "0.01",  "0.00",  "0.01",  "0.00",  "!"}},
    {"-0.005",      {"-0.01", "0.00",  "0.00",  "-0.01", "0.00",  "0.00",  "-0.01", "!"}},
    {"0.015",       {"0.02",  "0.02",  "0.01",  "0.02",  "0.01",  "0.02",  "0.01",  "!"}},
    {"-0.015",      {"-0.02", "-0.02", "-0.01", "-0.02", "-0.01", "-0.01", "-0.02", "!"}},
    {"0.0001",      {"0.00",  "0.00",  "0.00",  "0.01",  "0.00",  "0.01",  "0.00",  "!"}},
    {"-0.0001",     {"0.00",  "0.00",  "0.00",  "-0.01", "0.00",  "0.00",  "-0.01", "!"}},
    {"0.0099",      {"0.01",  "0.01",  "0.01",  "0.01",  "0.00",  "0.01",  "0.00",  "!"}},
    {"9.995",       {"10.00", "10.00", "9.99",  "10.00", "9.99",  "10.00", "9.99",  "!"}},
    {"-9.995",      {"-10.00","-10.00","-9.99", "-10.00","-9.99", "-9.99", "-10.00","!"}},
    {"0",           {"0.00",  "0.00",  "0.00",  "0.00",  "0.00",  "0.00",  "0.00",  "0.00"}},
    {"12",          {"12.00", "12.00", "12.00", "12.00", "12.00", "12.00", "12.00", "12.00"}},
    // Digits beyond 10^-6: only the text parsers see these.
    {"2.34500000",  {"2.35",  "2.34",  "2.34",  "2.35",  "2.34",  "2.35",  "2.34",  "!"}},
    {"2.34500001",  {"2.35",  "2.35",  "2.35",  "2.35",  "2.34",  "2.35",  "2.34",  "!"}},
    {"-2.34500001", {"-2.35", "-2.35", "-2.35", "-2.35", "-2.34", "-2.34", "-2.35", "!"}},
    {"2.34499999999999999999", {"2.34", "2.34", "2.34", "2.35", "2.34", "2.35", "2.34", "!"}},
    {"2.3400000000", {"2.34", "2.34", "2.34", "2.34", "2.34", "2.34", "2.34", "2.34"}},
};

TEST(Rounding, ModeNames) {
  EXPECT_EQ(yusuan::to_string(rounding::half_up), "half_up");
  EXPECT_EQ(yusuan::to_string(rounding::half_even), "half_even");
  EXPECT_EQ(yusuan::to_string(rounding::half_down), "half_down");
  EXPECT_EQ(yusuan::to_string(rounding::up), "up");
  EXPECT_EQ(yusuan::to_string(rounding::down), "down");
  EXPECT_EQ(yusuan::to_string(rounding::ceiling), "ceiling");
  EXPECT_EQ(yusuan::to_string(rounding::floor), "floor");
  EXPECT_EQ(yusuan::to_string(rounding::unnecessary), "unnecessary");
}

// money::parse(text, unit::yuan, mode), throwing and with an error code.
TEST(Rounding, MoneyParseTable) {
  for (const auto& row : rounding_table) {
    for (std::size_t m = 0; m < all_modes.size(); ++m) {
      const rounding mode = all_modes[m];
      SCOPED_TRACE(std::string(row.text) + " " + std::string(yusuan::to_string(mode)));
      if (row.expect[m] == "!") {
        EXPECT_THROW((void)money::parse(row.text, unit::yuan, mode), yusuan::rounding_error);
        const auto r = parse_ec(row.text, unit::yuan, mode);
        EXPECT_TRUE(r.ec);
        EXPECT_EQ(r.ec, amount_errc::rounding_necessary);
        EXPECT_EQ(r.value, money{});
        // Without a mode the text is too precise too.
        EXPECT_THROW((void)money::parse(row.text, unit::yuan), amount_parse_error);
      } else {
        const money expected = yuan(row.expect[m]);
        EXPECT_EQ(money::parse(row.text, unit::yuan, mode), expected);
        const auto r = parse_ec(row.text, unit::yuan, mode);
        ASSERT_FALSE(r.ec) << r.detail;
        EXPECT_EQ(r.value, expected);
        EXPECT_EQ(r.position, 0u);
        EXPECT_TRUE(r.detail.empty());
      }
    }
  }
}

// The same values read in 万元 and rounded with money::round(unit::wan_yuan, 2, mode).
TEST(Rounding, MoneyRoundTable) {
  int rows = 0;
  for (const auto& row : rounding_table) {
    if (decimals_in(row.text) > 6) continue;
    ++rows;
    const money v = wan(row.text);
    for (std::size_t m = 0; m < all_modes.size(); ++m) {
      const rounding mode = all_modes[m];
      SCOPED_TRACE(std::string(row.text) + " 万元 " + std::string(yusuan::to_string(mode)));
      if (row.expect[m] == "!") {
        EXPECT_THROW((void)v.round(unit::wan_yuan, 2, mode), yusuan::rounding_error);
      } else {
        EXPECT_EQ(v.round(unit::wan_yuan, 2, mode), wan(row.expect[m]));
      }
    }
  }
  EXPECT_GE(rows, 20);
}

TEST(Rounding, MoneyRoundOtherUnitsAndPlaces) {
  // To whole 元.
  EXPECT_EQ(yuan("2.50").round(unit::yuan, 0, rounding::half_up), yuan("3"));
  EXPECT_EQ(yuan("2.50").round(unit::yuan, 0, rounding::half_even), yuan("2"));
  EXPECT_EQ(yuan("3.50").round(unit::yuan, 0, rounding::half_even), yuan("4"));
  EXPECT_EQ(yuan("-2.50").round(unit::yuan, 0, rounding::half_down), yuan("-2"));
  EXPECT_EQ(yuan("-2.01").round(unit::yuan, 0, rounding::floor), yuan("-3"));
  EXPECT_EQ(yuan("-2.99").round(unit::yuan, 0, rounding::ceiling), yuan("-2"));
  EXPECT_EQ(yuan("2.01").round(unit::yuan, 1, rounding::up), yuan("2.1"));
  // Already at or finer than the representable precision: unchanged.
  EXPECT_EQ(yuan("2.01").round(unit::yuan, 2, rounding::unnecessary), yuan("2.01"));
  EXPECT_EQ(yuan("2.01").round(unit::yuan, 5, rounding::unnecessary), yuan("2.01"));
  EXPECT_EQ(wan("1.234567").round(unit::wan_yuan, 6, rounding::unnecessary), wan("1.234567"));
  // 亿元 to 2 decimals (100 万元 steps).
  EXPECT_EQ(wan("38381.46").round(unit::yi_yuan, 2, rounding::half_up), wan("38400"));
  EXPECT_EQ(wan("38381.46").round(unit::yi_yuan, 2, rounding::down), wan("38300"));
  EXPECT_EQ(wan("-38350").round(unit::yi_yuan, 2, rounding::half_even), wan("-38400"));
  EXPECT_EQ(wan("-38250").round(unit::yi_yuan, 2, rounding::half_even), wan("-38200"));
  EXPECT_THROW((void)yuan("1").round(unit::yuan, -1, rounding::half_up), yusuan::error);
  // money::min() rounds through the 128-bit path.
  EXPECT_EQ(money::min().round(unit::yuan, 1, rounding::ceiling), fen(i64_min + 8));
  EXPECT_EQ(money::min().round(unit::yuan, 1, rounding::down), fen(i64_min + 8));
  EXPECT_THROW((void)money::min().round(unit::yuan, 1, rounding::half_down), yusuan::overflow_error);
  EXPECT_THROW((void)money::min().round(unit::yuan, 1, rounding::floor), yusuan::overflow_error);
  EXPECT_THROW((void)money::min().round(unit::yuan, 1, rounding::unnecessary), yusuan::rounding_error);
}

// W(text) in 分 divided by 10^4 is text rounded to 分.
TEST(Rounding, MoneyDivideTable) {
  for (const auto& row : rounding_table) {
    if (decimals_in(row.text) > 6) continue;
    const money v = wan(row.text);
    for (std::size_t m = 0; m < all_modes.size(); ++m) {
      const rounding mode = all_modes[m];
      SCOPED_TRACE(std::string(row.text) + " / 10000 " + std::string(yusuan::to_string(mode)));
      if (row.expect[m] == "!") {
        EXPECT_THROW((void)v.divide(10'000, mode), yusuan::rounding_error);
        EXPECT_THROW((void)(-v).divide(-10'000, mode), yusuan::rounding_error);
      } else {
        EXPECT_EQ(v.divide(10'000, mode), yuan(row.expect[m]));
        // Same sign of the quotient with both operands negated.
        EXPECT_EQ((-v).divide(-10'000LL, mode), yuan(row.expect[m]));
      }
    }
  }
}

TEST(Rounding, MoneyDivideOtherDivisors) {
  struct row {
    std::string_view amount;
    std::int64_t divisor;
    std::array<std::string_view, 8> expect;
  };
  const row rows[] = {
      {"100.00", 3, {"33.33", "33.33", "33.33", "33.34", "33.33", "33.34", "33.33", "!"}},
      {"-100.00", 3, {"-33.33", "-33.33", "-33.33", "-33.34", "-33.33", "-33.33", "-33.34", "!"}},
      {"100.00", -3, {"-33.33", "-33.33", "-33.33", "-33.34", "-33.33", "-33.33", "-33.34", "!"}},
      {"200.00", 3, {"66.67", "66.67", "66.67", "66.67", "66.66", "66.67", "66.66", "!"}},
      {"0.05", 2, {"0.03", "0.02", "0.02", "0.03", "0.02", "0.03", "0.02", "!"}},
      {"0.07", 2, {"0.04", "0.04", "0.03", "0.04", "0.03", "0.04", "0.03", "!"}},
      {"0.05", -2, {"-0.03", "-0.02", "-0.02", "-0.03", "-0.02", "-0.02", "-0.03", "!"}},
      {"-0.05", -2, {"0.03", "0.02", "0.02", "0.03", "0.02", "0.03", "0.02", "!"}},
      {"0.01", 3, {"0.00", "0.00", "0.00", "0.01", "0.00", "0.01", "0.00", "!"}},
      {"0.02", 3, {"0.01", "0.01", "0.01", "0.01", "0.00", "0.01", "0.00", "!"}},
      {"9.00", 3, {"3.00", "3.00", "3.00", "3.00", "3.00", "3.00", "3.00", "3.00"}},
      {"-9.00", -3, {"3.00", "3.00", "3.00", "3.00", "3.00", "3.00", "3.00", "3.00"}},
  };
  for (const auto& r : rows) {
    for (std::size_t m = 0; m < all_modes.size(); ++m) {
      SCOPED_TRACE(std::string(r.amount) + " / " + std::to_string(r.divisor) + " " +
                   std::string(yusuan::to_string(all_modes[m])));
      if (r.expect[m] == "!")
        EXPECT_THROW((void)yuan(r.amount).divide(r.divisor, all_modes[m]), yusuan::rounding_error);
      else
        EXPECT_EQ(yuan(r.amount).divide(r.divisor, all_modes[m]), yuan(r.expect[m]));
    }
  }
  EXPECT_EQ(yuan("7").divide(std::uint8_t{2}, rounding::half_even), yuan("3.50"));
  EXPECT_EQ(money::max().divide(1, rounding::unnecessary), money::max());
  EXPECT_EQ(money::min().divide(1, rounding::unnecessary), money::min());
  EXPECT_EQ(money::min().divide(2, rounding::unnecessary), fen(i64_min / 2));
  EXPECT_EQ(money::max().divide(i64_max, rounding::unnecessary), fen(1));
  EXPECT_EQ(money::min().divide(i64_min, rounding::unnecessary), fen(1));
  EXPECT_THROW((void)yuan("1").divide(0, rounding::half_up), yusuan::division_by_zero);
}

// decimal<6> rescaled to decimal<2>, and decimal<2>::parse with a mode.
TEST(Rounding, DecimalRescaleAndParseTable) {
  for (const auto& row : rounding_table) {
    for (std::size_t m = 0; m < all_modes.size(); ++m) {
      const rounding mode = all_modes[m];
      SCOPED_TRACE(std::string(row.text) + " " + std::string(yusuan::to_string(mode)));
      const bool fails = row.expect[m] == "!";
      if (decimals_in(row.text) <= 6) {
        const auto d6 = dec<6>(row.text);
        if (fails)
          EXPECT_THROW((void)d6.rescale<2>(mode), yusuan::rounding_error);
        else
          EXPECT_EQ(d6.rescale<2>(mode), dec<2>(row.expect[m]));
      }
      if (decimals_in(row.text) <= 4) {
        const auto d4 = dec<4>(row.text);
        if (fails)
          EXPECT_THROW((void)d4.rescale<2>(mode), yusuan::rounding_error);
        else
          EXPECT_EQ(d4.rescale<2>(mode), dec<2>(row.expect[m]));
      }
      if (fails) {
        EXPECT_THROW((void)decimal<2>::parse(row.text, mode), yusuan::rounding_error);
        EXPECT_EQ(parse_dec_ec<2>(row.text, mode).ec, amount_errc::rounding_necessary);
      } else {
        EXPECT_EQ(decimal<2>::parse(row.text, mode), dec<2>(row.expect[m]));
      }
    }
  }
  // Rescaling to a finer scale is exact whatever the mode.
  EXPECT_EQ(dec<2>("-2.34").rescale<6>(rounding::unnecessary), dec<6>("-2.340000"));
  EXPECT_EQ(dec<2>("2.34").rescale<2>(rounding::unnecessary), dec<2>("2.34"));
  EXPECT_EQ(dec<2>("2.5").rescale<0>(rounding::half_even), dec<0>("2"));
  EXPECT_EQ(dec<2>("3.5").rescale<0>(rounding::half_even), dec<0>("4"));
}

// ===========================================================================
// 3. Parsing: accepted and rejected text, three APIs
// ===========================================================================

struct accept_row {
  std::string_view text;
  unit u;
  std::int64_t fen;
};

const accept_row accept_table[] = {
    {"38381.46", unit::yuan, 3'838'146},
    {"-1,543.19", unit::yuan, -154'319},
    {"0.5", unit::yuan, 50},
    {"+3", unit::yuan, 300},
    {"1,234,567.89", unit::yuan, 123'456'789},
    {" 12.00 ", unit::yuan, 1'200},
    {"\t12\r\n", unit::yuan, 1'200},
    {"0", unit::yuan, 0},
    {"-0", unit::yuan, 0},
    {"-0.00", unit::yuan, 0},
    {"007.10", unit::yuan, 710},
    {"1,000", unit::yuan, 100'000},
    {"123,456", unit::yuan, 12'345'600},
    {"12.3400", unit::yuan, 1'234},     // trailing zeros beyond 分 are exact
    {"0.01", unit::yuan, 1},
    {"-0.01", unit::yuan, -1},
    {"92233720368547758.07", unit::yuan, i64_max},
    {"-92233720368547758.08", unit::yuan, i64_min},
    {"92,233,720,368,547,758.07", unit::yuan, i64_max},
    {"38381.46", unit::wan_yuan, 38'381'460'000},  // 383814600.00 元
    {"-1,543.19", unit::wan_yuan, -1'543'190'000},
    {"9.2", unit::wan_yuan, 9'200'000},
    {"0.000001", unit::wan_yuan, 1},
    {"0.0000010", unit::wan_yuan, 1},
    {"9223372036854.775807", unit::wan_yuan, i64_max},
    {"-9,223,372,036,854.775808", unit::wan_yuan, i64_min},
    {"922337203685.477580", unit::wan_yuan, 922'337'203'685'477'580},
    {"3.8381", unit::yi_yuan, 38'381'000'000},
    {"1.5", unit::yi_yuan, 15'000'000'000},
    {"0.0000000001", unit::yi_yuan, 1},
    {"-922337203.6854775808", unit::yi_yuan, i64_min},
};

TEST(Parse, AcceptTable) {
  for (const auto& row : accept_table) {
    SCOPED_TRACE(trace(row.text, row.u));
    const auto r = parse_ec(row.text, row.u);
    ASSERT_FALSE(r.ec) << r.detail;
    EXPECT_EQ(r.value.fen(), row.fen);
    EXPECT_EQ(r.position, 0u);
    EXPECT_TRUE(r.detail.empty());
    const auto rm = parse_ec(row.text, row.u, rounding::unnecessary);
    EXPECT_FALSE(rm.ec);
    EXPECT_EQ(rm.value.fen(), row.fen);

    std::error_code ec = amount_errc::bad_character;  // must be cleared
    EXPECT_EQ(money::parse(row.text, row.u, ec).fen(), row.fen);
    EXPECT_FALSE(ec);

    EXPECT_EQ(money::parse(row.text, row.u).fen(), row.fen);
    EXPECT_EQ(money::parse(row.text, row.u, rounding::unnecessary).fen(), row.fen);
    if (row.u == unit::yuan) {
      std::error_code ec2;
      EXPECT_EQ(money::parse(row.text, ec2).fen(), row.fen);
      EXPECT_FALSE(ec2);
      EXPECT_EQ(money::parse(row.text).fen(), row.fen);
    }
  }
  // The documented 万元 example: 38381.46 万元 is 383814600.00 元.
  EXPECT_EQ(wan("38381.46"), yuan("383814600.00"));
  EXPECT_EQ(money::parse("3.838146", unit::yi_yuan), yuan("383814600"));
}

struct reject_row {
  std::string_view text;
  unit u;
  amount_errc code;
  std::size_t position;
  std::string_view detail;
};

const reject_row reject_table[] = {
    {"", unit::yuan, amount_errc::empty, 0, "empty amount"},
    {"   ", unit::yuan, amount_errc::empty, 3, "empty amount"},
    {"-", unit::yuan, amount_errc::missing_digits, 1, "expected a digit after '-'"},
    {"+", unit::yuan, amount_errc::missing_digits, 1, "expected a digit after '+'"},
    {" - ", unit::yuan, amount_errc::missing_digits, 2, "expected a digit after '-'"},
    {".", unit::yuan, amount_errc::missing_digits, 0, "expected a digit before '.' at offset 0"},
    {".5", unit::yuan, amount_errc::missing_digits, 0, "expected a digit before '.' at offset 0"},
    {"-.5", unit::yuan, amount_errc::missing_digits, 1, "expected a digit before '.' at offset 1"},
    {"5.", unit::yuan, amount_errc::missing_digits, 2, "expected a digit after '.' at offset 1"},
    {"--1", unit::yuan, amount_errc::missing_digits, 1, "expected a digit at offset 1, found '-'"},
    {"+-1", unit::yuan, amount_errc::missing_digits, 1, "expected a digit at offset 1, found '-'"},
    {"1..2", unit::yuan, amount_errc::second_point, 2, "expected a digit after '.' at offset 1, found '.'"},
    {"1.2.3", unit::yuan, amount_errc::second_point, 3, "second decimal point at offset 3"},
    {"1e5", unit::yuan, amount_errc::exponent, 1, "exponent notation ('e5' at offset 1) is not allowed in amounts"},
    {"1E5", unit::yuan, amount_errc::exponent, 1, "exponent notation ('E5' at offset 1) is not allowed in amounts"},
    {"1.5e-3", unit::yuan, amount_errc::exponent, 3,
     "exponent notation ('e-3' at offset 3) is not allowed in amounts"},
    {"nan", unit::yuan, amount_errc::not_finite, 0, "'nan' is not a finite decimal amount"},
    {"NaN", unit::yuan, amount_errc::not_finite, 0, "'NaN' is not a finite decimal amount"},
    {"inf", unit::yuan, amount_errc::not_finite, 0, "'inf' is not a finite decimal amount"},
    {"-inf", unit::yuan, amount_errc::not_finite, 0, "'-inf' is not a finite decimal amount"},
    {"infinity", unit::yuan, amount_errc::not_finite, 0, "'infinity' is not a finite decimal amount"},
    {" +Infinity ", unit::wan_yuan, amount_errc::not_finite, 1, "'+Infinity' is not a finite decimal amount"},
    {"1.234", unit::yuan, amount_errc::too_precise, 4,
     "'1.234' is finer than 1 分 (0.01 元) (digit at offset 4); give a rounding mode"},
    {"0.0000001", unit::wan_yuan, amount_errc::too_precise, 8,
     "'0.0000001' is finer than 1 分 (0.000001 万元) (digit at offset 8); give a rounding mode"},
    {"1.00000000001", unit::yi_yuan, amount_errc::too_precise, 12,
     "'1.00000000001' is finer than 1 分 (0.0000000001 亿元) (digit at offset 12); give a rounding mode"},
    {"1,23", unit::yuan, amount_errc::bad_grouping, 4,
     "thousands separator at offset 1 must be followed by exactly three digits"},
    {"12,3456", unit::yuan, amount_errc::bad_grouping, 7,
     "thousands separator at offset 2 must be followed by exactly three digits"},
    {"1234,567", unit::yuan, amount_errc::bad_grouping, 4,
     "thousands separator at offset 4 does not close a group of three digits"},
    {"1,234,56,789", unit::yuan, amount_errc::bad_grouping, 8,
     "thousands separator at offset 8 does not close a group of three digits"},
    // a leading 0 before a separator is a decimal comma, not a group (it read 500)
    {"0,500", unit::yuan, amount_errc::bad_grouping, 1,
     "thousands separator at offset 1 after a leading 0 (a decimal point is '.')"},
    {"-00,123.00", unit::yuan, amount_errc::bad_grouping, 3,
     "thousands separator at offset 3 after a leading 0 (a decimal point is '.')"},
    {"012,345", unit::yuan, amount_errc::bad_grouping, 3,
     "thousands separator at offset 3 after a leading 0 (a decimal point is '.')"},
    {",123", unit::yuan, amount_errc::missing_digits, 0, "expected a digit before ',' at offset 0"},
    {"1,234,", unit::yuan, amount_errc::missing_digits, 5, "expected three digits after ',' at offset 5"},
    {"1,234.5,6", unit::yuan, amount_errc::bad_grouping, 7, "thousands separator at offset 7 after the decimal point"},
    {"abc", unit::yuan, amount_errc::bad_character, 0, "unexpected character 'a' at offset 0 in amount"},
    {"ABC", unit::yuan, amount_errc::bad_character, 0, "unexpected character 'A' at offset 0 in amount"},
    {"¥12", unit::yuan, amount_errc::bad_character, 0, "unexpected character '¥' at offset 0 in amount"},
    {"12a", unit::yuan, amount_errc::bad_character, 2, "unexpected character 'a' at offset 2 in amount"},
    {"12元", unit::yuan, amount_errc::bad_character, 2, "unexpected character '元' at offset 2 in amount"},
    {"12 34", unit::yuan, amount_errc::bad_character, 2, "unexpected character ' ' at offset 2 in amount"},
    {"99999999999999999999", unit::yuan, amount_errc::out_of_range, 0,
     "amount '99999999999999999999' is out of range"},
    {"92233720368547758.08", unit::yuan, amount_errc::out_of_range, 0,
     "amount '92233720368547758.08' is out of range"},
    {"-92233720368547758.09", unit::yuan, amount_errc::out_of_range, 0,
     "amount '-92233720368547758.09' is out of range"},
    {"9223372036854.775808", unit::wan_yuan, amount_errc::out_of_range, 0,
     "amount '9223372036854.775808' is out of range"},
    {"10000000000000", unit::wan_yuan, amount_errc::out_of_range, 0, "amount '10000000000000' is out of range"},
    {"1000000000", unit::yi_yuan, amount_errc::out_of_range, 0, "amount '1000000000' is out of range"},
};

TEST(Parse, RejectTableErrorCodeAndPosition) {
  for (const auto& row : reject_table) {
    SCOPED_TRACE(trace(row.text, row.u));
    const auto r = parse_ec(row.text, row.u);
    EXPECT_TRUE(r.ec);
    EXPECT_EQ(r.ec, row.code);
    EXPECT_EQ(r.ec.category().name(), std::string("yusuan.amount"));
    EXPECT_EQ(r.ec.message(), yusuan::make_error_code(row.code).message());
    EXPECT_EQ(r.position, row.position);
    EXPECT_EQ(r.detail, row.detail);
    EXPECT_EQ(r.value, money{});
  }
}

TEST(Parse, RejectTableErrorCode) {
  for (const auto& row : reject_table) {
    SCOPED_TRACE(trace(row.text, row.u));
    std::error_code ec;
    const money m = money::parse(row.text, row.u, ec);
    EXPECT_TRUE(ec);
    EXPECT_EQ(ec, row.code);
    EXPECT_EQ(m, money{});
    if (row.u == unit::yuan) {
      std::error_code ec2;
      (void)money::parse(row.text, ec2);
      EXPECT_EQ(ec2, row.code);
    }
  }
}

TEST(Parse, RejectTableThrows) {
  for (const auto& row : reject_table) {
    SCOPED_TRACE(trace(row.text, row.u));
    bool thrown = false;
    try {
      (void)money::parse(row.text, row.u);
    } catch (const amount_parse_error& e) {
      thrown = true;
      EXPECT_EQ(e.code(), row.code);
      EXPECT_EQ(e.position(), row.position);
      EXPECT_EQ(std::string(e.what()), "yusuan: " + std::string(row.detail));
    }
    EXPECT_TRUE(thrown);
    // amount_parse_error is a yusuan::error, with the diagnostic code of a malformed amount.
    try {
      (void)money::parse(row.text, row.u);
    } catch (const yusuan::error& e) {
      EXPECT_EQ(e.code(), row.code);
      EXPECT_EQ(e.diagnostic_code(), "E0202");
      EXPECT_EQ(e.position(), row.position);
    }
    // A rounding mode only helps with too_precise.
    if (row.code == amount_errc::too_precise) {
      EXPECT_NO_THROW((void)money::parse(row.text, row.u, rounding::half_up));
      EXPECT_THROW((void)money::parse(row.text, row.u, rounding::unnecessary), yusuan::rounding_error);
    } else {
      EXPECT_THROW((void)money::parse(row.text, row.u, rounding::half_up), amount_parse_error);
      const auto r = parse_ec(row.text, row.u, rounding::half_up);
      EXPECT_EQ(r.ec, row.code);
      EXPECT_EQ(r.position, row.position);
      EXPECT_EQ(r.detail, row.detail);
    }
  }
}

TEST(Parse, TooPreciseWithRounding) {
  EXPECT_EQ(money::parse("1.234", unit::yuan, rounding::half_up), yuan("1.23"));
  // rounding::unnecessary on inexact text: rounding_error (and rounding_necessary from the error-code form).
  try {
    (void)money::parse("1.234", unit::yuan, rounding::unnecessary);
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::rounding_error& e) {
    EXPECT_STREQ(e.what(), "yusuan: '1.234' is finer than 1 分 (0.01 元) (digit at offset 4); rounding is necessary");
    EXPECT_EQ(e.code(), yusuan::errc::rounding_necessary);
    EXPECT_EQ(e.diagnostic_code(), "E0702");
    EXPECT_EQ(e.position(), 4u);
  }
  {
    const auto r = parse_ec("1.234", unit::yuan, rounding::unnecessary);
    EXPECT_EQ(r.ec, amount_errc::rounding_necessary);
    EXPECT_EQ(r.position, 4u);
    EXPECT_EQ(r.detail, "'1.234' is finer than 1 分 (0.01 元) (digit at offset 4); rounding is necessary");
  }
  EXPECT_EQ(money::parse("1.230000", unit::yuan, rounding::unnecessary), yuan("1.23"));
  EXPECT_THROW((void)decimal<2>::parse("1.234", rounding::unnecessary), yusuan::rounding_error);
  EXPECT_THROW((void)decimal<2>::parse("1.234"), amount_parse_error);
  EXPECT_EQ(money::parse("1.235", unit::yuan, rounding::half_up), yuan("1.24"));
  EXPECT_EQ(money::parse("0.0000005", unit::wan_yuan, rounding::half_up), fen(1));
  EXPECT_EQ(money::parse("0.0000005", unit::wan_yuan, rounding::half_even), fen(0));
  EXPECT_EQ(money::parse("0.0000001", unit::wan_yuan, rounding::up), fen(1));
  EXPECT_EQ(money::parse("-0.00000000005", unit::yi_yuan, rounding::half_up), fen(-1));
  // Rounding that leaves the range.
  EXPECT_EQ(money::parse("92233720368547758.074", unit::yuan, rounding::half_up), money::max());
  {
    const auto r = parse_ec("92233720368547758.075", unit::yuan, rounding::half_up);
    EXPECT_EQ(r.ec, amount_errc::out_of_range);
    EXPECT_EQ(r.position, 0u);
    EXPECT_EQ(r.detail, "'92233720368547758.075' is out of range");
    EXPECT_EQ(r.value, money{});
  }
  EXPECT_EQ(money::parse("-92233720368547758.075", unit::yuan, rounding::half_up), money::min());
  EXPECT_EQ(parse_ec("-92233720368547758.0801", unit::yuan, rounding::up).ec, amount_errc::out_of_range);
  // Out of range before any rounding: the words of the reject table.
  EXPECT_EQ(parse_ec("99999999999999999999.5", unit::yuan, rounding::half_up).detail,
            "amount '99999999999999999999.5' is out of range");
  EXPECT_EQ(money::parse("-92233720368547758.0801", unit::yuan, rounding::down), money::min());
}

// Every error-code form: the same value, code and position, with and without
// a rounding mode, a position or a unit.
TEST(Parse, ErrorCodeForms) {
  std::error_code ec;
  std::size_t pos = 99;
  EXPECT_EQ(money::parse(" 1,234.5 ", unit::wan_yuan, ec, pos), wan("1234.5"));
  EXPECT_FALSE(ec);
  EXPECT_EQ(pos, 0u);
  EXPECT_EQ(money::parse("1,234.505", unit::yuan, rounding::half_even, ec), yuan("1234.50"));
  EXPECT_FALSE(ec);
  EXPECT_EQ(money::parse("12.3456789", unit::wan_yuan, rounding::down, ec, pos), wan("12.345678"));
  EXPECT_FALSE(ec);
  EXPECT_EQ(pos, 0u);
  EXPECT_EQ(money::parse("12.3456789", unit::wan_yuan, rounding::unnecessary, ec, pos), money{});
  EXPECT_EQ(ec, amount_errc::rounding_necessary);
  EXPECT_EQ(pos, 9u);
  EXPECT_EQ(money::parse("12,34", unit::yuan, rounding::half_up, ec), money{});
  EXPECT_EQ(ec, amount_errc::bad_grouping);
  EXPECT_EQ(money::parse("1x", ec), money{});
  EXPECT_EQ(ec, amount_errc::bad_character);

  EXPECT_EQ(decimal<2>::parse("-0.125", rounding::half_even, ec, pos), dec<2>("-0.12"));
  EXPECT_FALSE(ec);
  EXPECT_EQ(pos, 0u);
  EXPECT_EQ(decimal<2>::parse("-0.125", rounding::unnecessary, ec), decimal<2>{});
  EXPECT_EQ(ec, amount_errc::rounding_necessary);
  EXPECT_EQ(decimal<2>::parse("1,2", ec, pos), decimal<2>{});
  EXPECT_EQ(ec, amount_errc::bad_grouping);
  EXPECT_EQ(pos, 3u);
  EXPECT_EQ(yusuan::describe_decimal_error("1,2", ec, pos, 2),
            "thousands separator at offset 1 must be followed by exactly three digits");
}

TEST(Parse, DescribeAmountError) {
  // No error: no words.
  EXPECT_EQ(yusuan::describe_amount_error("12.5", std::error_code{}, 0), "");
  EXPECT_EQ(yusuan::describe_amount_error("12.5", amount_errc::ok, 0), "");
  // The unit decides the words of too_precise (no rounding mode) and of
  // rounding_necessary (rounding::unnecessary, passed or not).
  EXPECT_EQ(yusuan::describe_amount_error("0.0000001", amount_errc::too_precise, 8, unit::wan_yuan),
            "'0.0000001' is finer than 1 分 (0.000001 万元) (digit at offset 8); give a rounding mode");
  EXPECT_EQ(yusuan::describe_amount_error("0.0000001", amount_errc::rounding_necessary, 8, unit::wan_yuan,
                                          rounding::unnecessary),
            "'0.0000001' is finer than 1 分 (0.000001 万元) (digit at offset 8); rounding is necessary");
  EXPECT_EQ(yusuan::describe_amount_error("0.0000001", amount_errc::rounding_necessary, 8, unit::wan_yuan),
            "'0.0000001' is finer than 1 分 (0.000001 万元) (digit at offset 8); rounding is necessary");
  EXPECT_EQ(yusuan::describe_decimal_error("1.5", amount_errc::rounding_necessary, 2, 0, rounding::unnecessary),
            "'1.5' is finer than a whole number (digit at offset 2); rounding is necessary");
  // too_precise is what parse sets without a mode, not with rounding::unnecessary.
  EXPECT_EQ(yusuan::describe_amount_error("1.234", amount_errc::too_precise, 4, unit::yuan, rounding::unnecessary),
            "amount is finer than the precision allowed; give a rounding mode");
  // A code or position that parsing the text does not give: only the code's message.
  EXPECT_EQ(yusuan::describe_amount_error("1.2.3", amount_errc::second_point, 1), "second decimal point in amount");
  EXPECT_EQ(yusuan::describe_amount_error("1.2.3", amount_errc::exponent, 3),
            "exponent notation is not allowed in amounts");
  EXPECT_EQ(yusuan::describe_amount_error("12", amount_errc::bad_character, 7), "unexpected character in amount");
  EXPECT_EQ(yusuan::describe_amount_error("", amount_errc::missing_digits, 0), "expected a digit");
  EXPECT_EQ(yusuan::describe_decimal_error("1.2.3", amount_errc::second_point, 3, 19), "second decimal point in amount");
  // A code of another category: its message.
  EXPECT_EQ(yusuan::describe_amount_error("12", std::make_error_code(std::errc::invalid_argument), 0),
            std::make_error_code(std::errc::invalid_argument).message());
}

// amount_parse_error in the one hierarchy of yusuan/error.hpp.
TEST(Parse, ExceptionHierarchy) {
  try {
    (void)money::parse("12..5");
    ADD_FAILURE() << "no exception";
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code(), amount_errc::second_point);
    EXPECT_STREQ(e.what(), "yusuan: expected a digit after '.' at offset 2, found '.'");
    const auto* y = dynamic_cast<const yusuan::error*>(&e);
    ASSERT_NE(y, nullptr);
    EXPECT_EQ(y->diagnostic_code(), "E0202");
    EXPECT_EQ(y->position(), 3u);
    EXPECT_NE(dynamic_cast<const amount_parse_error*>(&e), nullptr);
  }
  try {
    (void)decimal<2>::parse("1.005", rounding::unnecessary);
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::error& e) {
    EXPECT_NE(dynamic_cast<const yusuan::rounding_error*>(&e), nullptr);
    EXPECT_EQ(e.code(), yusuan::errc::rounding_necessary);
    EXPECT_EQ(e.position(), 4u);
    EXPECT_STREQ(e.what(), "yusuan: '1.005' is finer than 10^-2 (digit at offset 4); rounding is necessary");
  }
}

TEST(Parse, ErrorCategory) {
  const std::error_code ec = amount_errc::bad_grouping;
  EXPECT_EQ(&ec.category(), &yusuan::amount_category());
  EXPECT_STREQ(ec.category().name(), "yusuan.amount");
  EXPECT_EQ(ec.message(), "thousands separators must split the whole part into groups of three digits");
  EXPECT_EQ(std::error_code(amount_errc::too_precise).message(),
            "amount is finer than the precision allowed; give a rounding mode");
  EXPECT_EQ(std::error_code(amount_errc::out_of_range).message(), "amount out of range");
  EXPECT_EQ(std::error_code(amount_errc::rounding_necessary).message(),
            "amount is finer than the precision allowed; rounding is necessary");
  EXPECT_EQ(std::error_code(amount_errc::ok).message(), "no error");
  EXPECT_FALSE(std::error_code(amount_errc::ok));
  EXPECT_NE(std::error_code(amount_errc::empty), std::error_code(amount_errc::not_finite));
}

// ===========================================================================
// 4. Formatting
// ===========================================================================

TEST(Format, UnitsDecimalsAndSeparators) {
  const money m = yuan("1234567.89");
  EXPECT_EQ(m.format(), "1234567.89");
  EXPECT_EQ(m.format(unit::yuan, 2, true), "1,234,567.89");
  EXPECT_EQ(m.format(unit::yuan, 0), "1234568");
  EXPECT_EQ(m.format(unit::yuan, 1), "1234567.9");
  EXPECT_EQ(m.format(unit::yuan, 3), "1234567.890");
  EXPECT_EQ(m.format(unit::yuan, 6, true), "1,234,567.890000");
  EXPECT_EQ(m.format(unit::wan_yuan), "123.46");
  EXPECT_EQ(m.format(unit::wan_yuan, 6), "123.456789");
  EXPECT_EQ(m.format(unit::yi_yuan, 4), "0.0123");
  EXPECT_EQ(m.format(unit::yi_yuan, 10), "0.0123456789");

  const money budget = wan("38381.46");
  EXPECT_EQ(budget.format(unit::wan_yuan), "38381.46");
  EXPECT_EQ(budget.format(unit::wan_yuan, 2, true), "38,381.46");
  EXPECT_EQ(budget.format(unit::wan_yuan, 0), "38381");
  EXPECT_EQ(budget.format(unit::wan_yuan, 6), "38381.460000");
  EXPECT_EQ(budget.format(unit::yuan, 2, true), "383,814,600.00");
  EXPECT_EQ(budget.format(unit::yi_yuan), "3.84");
  EXPECT_EQ(budget.format(unit::yi_yuan, 4), "3.8381");
  EXPECT_EQ(budget.format(unit::yi_yuan, 6), "3.838146");

  EXPECT_EQ(yuan("0").format(), "0.00");
  EXPECT_EQ(yuan("0").format(unit::yuan, 0), "0");
  EXPECT_EQ(yuan("0").format(unit::wan_yuan, 2, true), "0.00");
  EXPECT_EQ(yuan("999.99").format(unit::yuan, 2, true), "999.99");
  EXPECT_EQ(yuan("1000").format(unit::yuan, 2, true), "1,000.00");
  EXPECT_EQ(yuan("100000").format(unit::yuan, 0, true), "100,000");
  EXPECT_EQ(yuan("0.07").format(unit::yuan, 2, true), "0.07");
}

TEST(Format, DecimalsZeroToSix) {
  const money m = yuan("-9876543.21");  // -987.654321 万元
  const std::array<std::string_view, 7> wan_text = {"-988",      "-987.7",     "-987.65",    "-987.654",
                                                    "-987.6543", "-987.65432", "-987.654321"};
  const std::array<std::string_view, 7> yuan_text = {"-9876543",       "-9876543.2",     "-9876543.21",
                                                     "-9876543.210",   "-9876543.2100",  "-9876543.21000",
                                                     "-9876543.210000"};
  const std::array<std::string_view, 7> yuan_sep = {"-9,876,543",       "-9,876,543.2",     "-9,876,543.21",
                                                    "-9,876,543.210",   "-9,876,543.2100",  "-9,876,543.21000",
                                                    "-9,876,543.210000"};
  for (int d = 0; d <= 6; ++d) {
    SCOPED_TRACE(d);
    EXPECT_EQ(m.format(unit::wan_yuan, d), wan_text[static_cast<std::size_t>(d)]);
    EXPECT_EQ(m.format(unit::yuan, d), yuan_text[static_cast<std::size_t>(d)]);
    EXPECT_EQ(m.format(unit::yuan, d, true), yuan_sep[static_cast<std::size_t>(d)]);
    EXPECT_EQ((-m).format(unit::wan_yuan, d), wan_text[static_cast<std::size_t>(d)].substr(1));
  }
}

TEST(Format, HalfUpDisplayRounding) {
  EXPECT_EQ(wan("1.005").format(unit::wan_yuan, 2), "1.01");
  EXPECT_EQ(wan("-1.005").format(unit::wan_yuan, 2), "-1.01");
  EXPECT_EQ(wan("1.004999").format(unit::wan_yuan, 2), "1.00");
  EXPECT_EQ(wan("1.015").format(unit::wan_yuan, 2), "1.02");  // not banker's
  EXPECT_EQ(wan("1.025").format(unit::wan_yuan, 2), "1.03");
  EXPECT_EQ(wan("999.995").format(unit::wan_yuan, 2, true), "1,000.00");
  EXPECT_EQ(wan("-999999.995").format(unit::wan_yuan, 2, true), "-1,000,000.00");
  EXPECT_EQ(yuan("2.5").format(unit::yuan, 0), "3");
  EXPECT_EQ(yuan("-2.5").format(unit::yuan, 0), "-3");
  EXPECT_EQ(yuan("2.49").format(unit::yuan, 0), "2");
  EXPECT_EQ(yuan("0.05").format(unit::yuan, 1), "0.1");
}

TEST(Format, NegativeRoundingToZeroHasNoSign) {
  EXPECT_EQ(wan("-0.004999").format(unit::wan_yuan, 2), "0.00");
  EXPECT_EQ(wan("-0.005").format(unit::wan_yuan, 2), "-0.01");
  EXPECT_EQ(yuan("-0.49").format(unit::yuan, 0), "0");
  EXPECT_EQ(yuan("-0.50").format(unit::yuan, 0), "-1");
  EXPECT_EQ(yuan("-0.04").format(unit::yuan, 1), "0.0");
  EXPECT_EQ(fen(-49).format(unit::wan_yuan, 4), "0.0000");
  EXPECT_EQ(fen(-50).format(unit::wan_yuan, 4), "-0.0001");
  EXPECT_EQ(fen(-1).format(unit::yi_yuan, 2, true), "0.00");
  EXPECT_EQ(fen(-1).format(unit::yuan, 2), "-0.01");
}

TEST(Format, Extremes) {
  EXPECT_EQ(money::max().format(unit::yuan, 2), "92233720368547758.07");
  EXPECT_EQ(money::min().format(unit::yuan, 2), "-92233720368547758.08");
  EXPECT_EQ(money::max().format(unit::yuan, 2, true), "92,233,720,368,547,758.07");
  EXPECT_EQ(money::min().format(unit::yuan, 2, true), "-92,233,720,368,547,758.08");
  EXPECT_EQ(money::max().format(unit::yuan, 0), "92233720368547758");
  EXPECT_EQ(money::min().format(unit::yuan, 0), "-92233720368547758");
  EXPECT_EQ(money::max().format(unit::wan_yuan, 6), "9223372036854.775807");
  EXPECT_EQ(money::min().format(unit::wan_yuan, 6), "-9223372036854.775808");
  EXPECT_EQ(money::max().format(unit::wan_yuan, 2, true), "9,223,372,036,854.78");
  EXPECT_EQ(money::max().format(unit::yi_yuan, 10), "922337203.6854775807");
  EXPECT_EQ(money::min().format(unit::yi_yuan, 10), "-922337203.6854775808");
  EXPECT_EQ(money::max().format(unit::yi_yuan, 2), "922337203.69");
  EXPECT_EQ(money::min().format(unit::yi_yuan, 18, true), "-922,337,203.685477580800000000");
  EXPECT_EQ(money::min().format(unit::yuan, 18, true), "-92,233,720,368,547,758.080000000000000000");
  char buf[48];
  const std::size_t len = money::min().format_to(buf, unit::yuan, 18, true);
  EXPECT_EQ(std::string(buf, len), "-92,233,720,368,547,758.080000000000000000");
  EXPECT_LE(len, sizeof buf);
  EXPECT_THROW((void)yuan("1").format(unit::yuan, -1), yusuan::error);
  try {
    (void)yuan("1").format(unit::yuan, 19);
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::error& e) {
    EXPECT_EQ(e.code(), yusuan::errc::invalid_argument);
    EXPECT_STREQ(e.what(), "yusuan: money::format: decimals must be in [0, 18]");
  }
}

// ===========================================================================
// 5. 人民币大写
// ===========================================================================

struct uppercase_row {
  std::string_view text;
  unit u;
  std::string_view expect;
};

// Expected strings follow 《支付结算办法》 附件一 (正确填写票据和结算凭证的基本规定)
// and, where the rules allow a choice, the conventions in the header comment.
const uppercase_row uppercase_table[] = {
    {"0", unit::yuan, "零元整"},
    {"0.05", unit::yuan, "伍分"},
    {"0.50", unit::yuan, "伍角"},
    {"0.55", unit::yuan, "伍角伍分"},
    {"1.00", unit::yuan, "壹元整"},
    {"1.01", unit::yuan, "壹元零壹分"},
    {"1.10", unit::yuan, "壹元壹角"},
    {"10.00", unit::yuan, "壹拾元整"},
    {"10.50", unit::yuan, "壹拾元零伍角"},
    {"100.00", unit::yuan, "壹佰元整"},
    {"101.00", unit::yuan, "壹佰零壹元整"},
    {"110.00", unit::yuan, "壹佰壹拾元整"},
    {"325.04", unit::yuan, "叁佰贰拾伍元零肆分"},
    {"1000.05", unit::yuan, "壹仟元零伍分"},
    {"1010.00", unit::yuan, "壹仟零壹拾元整"},
    {"1409.50", unit::yuan, "壹仟肆佰零玖元伍角"},
    {"1680.32", unit::yuan, "壹仟陆佰捌拾元零叁角贰分"},
    {"6007.14", unit::yuan, "陆仟零柒元壹角肆分"},
    {"10000.00", unit::yuan, "壹万元整"},
    {"10001.00", unit::yuan, "壹万零壹元整"},
    {"16409.02", unit::yuan, "壹万陆仟肆佰零玖元零贰分"},
    {"105000.00", unit::yuan, "壹拾万伍仟元整"},
    {"107000.53", unit::yuan, "壹拾万柒仟元零伍角叁分"},
    {"1000001.00", unit::yuan, "壹佰万零壹元整"},
    {"1000010.00", unit::yuan, "壹佰万零壹拾元整"},
    {"1005000.00", unit::yuan, "壹佰万伍仟元整"},
    {"10100.00", unit::yuan, "壹万零壹佰元整"},
    {"20000000.00", unit::yuan, "贰仟万元整"},
    {"30000500.00", unit::yuan, "叁仟万零伍佰元整"},
    {"10010000.00", unit::yuan, "壹仟零壹万元整"},
    {"1010000000", unit::yuan, "壹拾亿壹仟万元整"},
    {"100000000", unit::yuan, "壹亿元整"},
    {"100000001", unit::yuan, "壹亿零壹元整"},
    {"100005000", unit::yuan, "壹亿零伍仟元整"},
    {"100010000", unit::yuan, "壹亿零壹万元整"},
    {"110000000", unit::yuan, "壹亿壹仟万元整"},
    {"30000000010", unit::yuan, "叁佰亿零壹拾元整"},
    {"1000000000000", unit::yuan, "壹万亿元整"},
    {"1000000010000", unit::yuan, "壹万亿零壹万元整"},
    // A whole 亿 group of zeros is a run between non-zero digits, as a whole 万 group is (100005000).
    {"1000010000000", unit::yuan, "壹万亿零壹仟万元整"},
    {"1100010000000", unit::yuan, "壹万壹仟亿壹仟万元整"},
    {"10000000010000000", unit::yuan, "壹亿亿零壹仟万元整"},
    {"10000000100000000", unit::yuan, "壹亿零壹亿元整"},  // 100000001 亿
    {"10000000000000000", unit::yuan, "壹亿亿元整"},
    {"38381.46", unit::wan_yuan, "叁亿捌仟叁佰捌拾壹万肆仟陆佰元整"},
    {"2327.71", unit::wan_yuan, "贰仟叁佰贰拾柒万柒仟壹佰元整"},
    {"36053.75", unit::wan_yuan, "叁亿陆仟零伍拾叁万柒仟伍佰元整"},
    {"1543.19", unit::wan_yuan, "壹仟伍佰肆拾叁万壹仟玖佰元整"},
    {"9.20", unit::wan_yuan, "玖万贰仟元整"},
    {"165.82", unit::wan_yuan, "壹佰陆拾伍万捌仟贰佰元整"},
    {"-0.05", unit::yuan, "负伍分"},
    {"-1409.50", unit::yuan, "负壹仟肆佰零玖元伍角"},
    {"-1543.19", unit::wan_yuan, "负壹仟伍佰肆拾叁万壹仟玖佰元整"},
    {"-92233720368547758.08", unit::yuan, "负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分"},
    {"92233720368547758.07", unit::yuan, "玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分"},
};

TEST(ChineseUppercase, Table) {
  int count = 0;
  for (const auto& row : uppercase_table) {
    SCOPED_TRACE(std::string(row.text) + " " + std::string(yusuan::unit_name(row.u)));
    EXPECT_EQ(yusuan::to_chinese_uppercase(money::parse(row.text, row.u)), row.expect);
    ++count;
  }
  EXPECT_GE(count, 25);
}

// An independent model of the documented convention, digit by digit: a run of
// zero digits at positions lo..hi (counted from 元 = 0) between non-zero digits
// is written as one 零 unless it only closes a group, i.e. lo is the bottom of
// a 万/亿 group (lo % 4 == 0) and the run stays inside that group (hi - lo <= 2).
// 万 follows a group with a non-zero digit; 亿 follows every 8th position with a
// non-zero digit anywhere above it (so 壹万亿, 壹亿亿).
std::string model_uppercase(std::int64_t f) {
  static constexpr std::array<std::string_view, 10> digit = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  static constexpr std::array<std::string_view, 4> place = {"", "拾", "佰", "仟"};
  if (f == 0) return "零元整";
  const bool neg = f < 0;
  const std::uint64_t mag = neg ? 0ULL - static_cast<std::uint64_t>(f) : static_cast<std::uint64_t>(f);
  std::uint64_t y = mag / 100;
  const auto jiao = static_cast<std::size_t>(mag / 10 % 10), fen_digit = static_cast<std::size_t>(mag % 10);
  std::vector<int> d;  // d[p] is the digit at position p
  for (std::uint64_t t = y; t != 0; t /= 10) d.push_back(static_cast<int>(t % 10));
  const int len = static_cast<int>(d.size());
  std::string out = neg ? "负" : "";
  for (int p = len - 1; p >= 0; --p) {
    const auto pu = static_cast<std::size_t>(p);
    if (d[pu] != 0) {
      // Is there a zero run right above this digit that needs a 零?
      if (p + 1 < len && d[pu + 1] == 0) {
        const int lo = p + 1;
        int hi = lo;
        while (hi + 1 < len && d[static_cast<std::size_t>(hi + 1)] == 0) ++hi;
        if (!(lo % 4 == 0 && hi - lo <= 2)) out += "零";
      }
      out += digit[static_cast<std::size_t>(d[pu])];
      out += place[pu % 4];
    }
    if (p > 0 && p % 4 == 0) {
      bool group = false, above = false;
      for (int k = p; k < len; ++k) {
        if (d[static_cast<std::size_t>(k)] == 0) continue;
        above = true;
        if (k < p + 4) group = true;
      }
      if (p % 8 == 4 && group) out += "万";
      if (p % 8 == 0 && above) out += "亿";
    }
  }
  if (y != 0) out += "元";
  if (jiao == 0 && fen_digit == 0) return out + "整";
  if (jiao != 0) {
    if (y != 0 && d[0] == 0) out += "零";
    out += digit[jiao];
    out += "角";
  } else if (y != 0) {
    out += "零";
  }
  if (fen_digit != 0) {
    out += digit[fen_digit];
    out += "分";
  }
  return out;
}

TEST(ChineseUppercase, ModelOfTheConvention) {
  // The model agrees with the fixed table first ...
  for (const auto& row : uppercase_table) {
    SCOPED_TRACE(std::string(row.text));
    EXPECT_EQ(model_uppercase(money::parse(row.text, row.u).fen()), row.expect);
  }
  // ... then with the implementation on values with many zeros.
  std::mt19937_64 rng(1409'50);
  for (int i = 0; i < 50'000; ++i) {
    const int digits = 1 + static_cast<int>(rng() % 19);
    std::uint64_t v = 0;
    for (int k = 0; k < digits; ++k) v = v * 10 + (rng() % 10 < 6 ? 0 : 1 + rng() % 9);
    if (v > static_cast<std::uint64_t>(i64_max)) v %= static_cast<std::uint64_t>(i64_max);
    const auto f = rng() % 2 ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
    const std::string got = yusuan::to_chinese_uppercase(fen(f)), want = model_uppercase(f);
    if (got != want) {
      ADD_FAILURE() << fen(f).format() << ": " << got << " but the convention gives " << want;
      break;
    }
  }
  EXPECT_EQ(yusuan::to_chinese_uppercase(money::min()), model_uppercase(i64_min));
  EXPECT_EQ(yusuan::to_chinese_uppercase(money::max()), model_uppercase(i64_max));
}

TEST(ChineseUppercase, StructuralProperties) {
  // Over many values: 负 exactly for negatives, 整 exactly when there are no 角/分,
  // never two 零 in a row, never 零 right before 元/万/亿 or at the end.
  std::mt19937_64 rng(20240611);
  for (int i = 0; i < 20'000; ++i) {
    const int digits = 1 + static_cast<int>(rng() % 18);
    std::int64_t v = static_cast<std::int64_t>(rng() % yusuan::detail::pow10(digits));
    if (rng() % 2) v = -v;
    const money m = fen(v);
    const std::string s = yusuan::to_chinese_uppercase(m);
    SCOPED_TRACE(m.format() + " -> " + s);
    EXPECT_EQ(s.rfind("负", 0) == 0, v < 0);
    const bool whole = v % 100 == 0;
    EXPECT_EQ(s.size() >= 3 && s.compare(s.size() - 3, 3, "整") == 0, whole);
    EXPECT_EQ(s.find("零零"), std::string::npos);
    EXPECT_EQ(s.find("零元"), v == 0 ? 0 : std::string::npos);
    EXPECT_EQ(s.find("零万"), std::string::npos);
    EXPECT_EQ(s.find("零亿"), std::string::npos);
    EXPECT_EQ(s.find("零整"), std::string::npos);
    EXPECT_FALSE(s.size() >= 3 && s.compare(s.size() - 3, 3, "零") == 0);
    // The same string for the magnitude, behind 负.
    if (v < 0) {
      EXPECT_EQ(s, "负" + yusuan::to_chinese_uppercase(m.abs()));
    }
  }
}

// ===========================================================================
// 6. Allocation (largest remainder)
// ===========================================================================

std::vector<money> parts_of(std::initializer_list<std::string_view> texts) {
  std::vector<money> v;
  for (auto t : texts) v.push_back(yuan(t));
  return v;
}

std::vector<money> alloc(money total, std::vector<std::int64_t> w) {
  return yusuan::allocate(total, std::span<const std::int64_t>(w));
}

TEST(Allocate, EqualPartsEarlierWin) {
  EXPECT_EQ(yusuan::allocate(yuan("100.00"), 3), parts_of({"33.34", "33.33", "33.33"}));
  EXPECT_EQ(yusuan::allocate(yuan("100.01"), 3), parts_of({"33.34", "33.34", "33.33"}));
  EXPECT_EQ(yusuan::allocate(yuan("100.02"), 3), parts_of({"33.34", "33.34", "33.34"}));
  EXPECT_EQ(yusuan::allocate(yuan("-100.00"), 3), parts_of({"-33.34", "-33.33", "-33.33"}));
  EXPECT_EQ(yusuan::allocate(yuan("0.02"), 3), parts_of({"0.01", "0.01", "0.00"}));
  EXPECT_EQ(yusuan::allocate(yuan("0.03"), 4), parts_of({"0.01", "0.01", "0.01", "0.00"}));
  EXPECT_EQ(yusuan::allocate(yuan("0"), 2), parts_of({"0", "0"}));
  EXPECT_EQ(yusuan::allocate(yuan("7.77"), 1), parts_of({"7.77"}));
}

TEST(Allocate, Weighted) {
  // Ties between equal remainders go to the earlier part.
  EXPECT_EQ(alloc(yuan("0.02"), {1, 2, 1}), parts_of({"0.01", "0.01", "0.00"}));
  EXPECT_EQ(alloc(yuan("0.01"), {0, 1, 0, 1}), parts_of({"0", "0.01", "0", "0"}));
  // Largest remainder beats position: 0.10 by 1:2:7 -> ideal 0.01, 0.02, 0.07 exactly.
  EXPECT_EQ(alloc(yuan("0.10"), {1, 2, 7}), parts_of({"0.01", "0.02", "0.07"}));
  // 1.00 by 1:1:1:3 -> 16.66.., 16.66.., 16.66.., 50 -> extra 分 for the first two by order
  EXPECT_EQ(alloc(yuan("1.00"), {1, 1, 1, 3}), parts_of({"0.17", "0.17", "0.16", "0.50"}));
  // 10.00 by 3:3:1 -> 4.2857.., 4.2857.., 1.4285.. -> remainders .57,.57,.85: the last gets one first.
  EXPECT_EQ(alloc(yuan("10.00"), {3, 3, 1}), parts_of({"4.29", "4.28", "1.43"}));
  // Zero weights get nothing even when there is a 分 to spare.
  EXPECT_EQ(alloc(yuan("0.05"), {0, 3, 0, 3, 0}), parts_of({"0", "0.03", "0", "0.02", "0"}));
  EXPECT_EQ(alloc(yuan("-0.05"), {0, 3, 0, 3, 0}), parts_of({"0", "-0.03", "0", "-0.02", "0"}));
  // The budget: 38381.46 万元 split as 基本支出 : 项目支出.
  const auto budget = alloc(wan("38381.46"), {232771, 3605375});
  EXPECT_EQ(budget[0] + budget[1], wan("38381.46"));
  EXPECT_EQ(budget, (std::vector<money>{wan("2327.71"), wan("36053.75")}));
}

TEST(Allocate, Extremes) {
  EXPECT_EQ(yusuan::allocate(money::max(), 1), std::vector<money>{money::max()});
  EXPECT_EQ(yusuan::allocate(money::min(), 1), std::vector<money>{money::min()});
  EXPECT_EQ(alloc(money::min(), {0, 5, 0}), (std::vector<money>{fen(0), money::min(), fen(0)}));
  EXPECT_EQ(yusuan::allocate(money::min(), 2), (std::vector<money>{fen(i64_min / 2), fen(i64_min / 2)}));
  EXPECT_EQ(yusuan::allocate(money::max(), 2), (std::vector<money>{fen(i64_max / 2 + 1), fen(i64_max / 2)}));
  EXPECT_EQ(alloc(money::max(), {i64_max, i64_max, 1}).size(), 3u);
  const auto big = alloc(money::min(), {i64_max, i64_max, i64_max});
  money_sum s;
  for (auto p : big) s += p;
  EXPECT_EQ(s.value(), money::min());
}

TEST(Allocate, Errors) {
  EXPECT_THROW((void)alloc(yuan("1"), {}), yusuan::error);
  EXPECT_THROW((void)alloc(yuan("1"), {1, -1, 3}), yusuan::error);
  EXPECT_THROW((void)alloc(yuan("1"), {0, 0, 0}), yusuan::error);
  EXPECT_THROW((void)alloc(yuan("1"), {0}), yusuan::error);
  EXPECT_THROW((void)yusuan::allocate(yuan("1"), std::size_t{0}), yusuan::error);
  try {
    (void)alloc(yuan("1"), {2, -7});
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::error& e) {
    EXPECT_EQ(e.code(), yusuan::errc::invalid_argument);
    EXPECT_STREQ(e.what(), "yusuan: allocate: weight -7 is negative");
  }
}

TEST(Allocate, RandomProperties) {
  std::mt19937_64 rng(0x5955'5355'414eULL);
  for (int c = 0; c < 4000; ++c) {
    const std::size_t n = 1 + rng() % 12;
    std::vector<std::int64_t> w(n);
    const int wdigits = static_cast<int>(rng() % 19);  // weights up to 10^18
    for (auto& x : w) {
      x = static_cast<std::int64_t>(rng() % (yusuan::detail::pow10(wdigits) + 1));
      if (rng() % 4 == 0) x = 0;
    }
    if (std::all_of(w.begin(), w.end(), [](std::int64_t x) { return x == 0; })) w[rng() % n] = 1 + static_cast<std::int64_t>(rng() % 1000);
    std::int64_t total_fen;
    switch (rng() % 5) {
      case 0: total_fen = static_cast<std::int64_t>(rng() % 1000); break;
      case 1: total_fen = static_cast<std::int64_t>(rng() % 100'000'000); break;
      case 2: total_fen = static_cast<std::int64_t>(rng()); break;  // full range, either sign
      case 3: total_fen = rng() % 2 ? i64_max : i64_min; break;
      default: total_fen = static_cast<std::int64_t>(rng() % 10'000'000'000'000ULL); break;
    }
    if (rng() % 2 && total_fen != i64_min) total_fen = -total_fen;
    const money total = fen(total_fen);
    SCOPED_TRACE("case " + std::to_string(c) + ": total " + total.format());

    const auto parts = yusuan::allocate(total, std::span<const std::int64_t>(w));
    ASSERT_EQ(parts.size(), n);
    i128 sum_w = 0, sum_parts = 0;
    for (auto x : w) sum_w += x;
    for (auto p : parts) sum_parts += p.fen();
    ASSERT_TRUE(sum_parts == total_fen) << i128_str(sum_parts) << " != " << total_fen;

    const bool negative = total_fen < 0;
    const i128 mag = negative ? -static_cast<i128>(total_fen) : static_cast<i128>(total_fen);
    std::vector<i128> rem(n);
    std::vector<bool> extra(n);
    for (std::size_t i = 0; i < n; ++i) {
      const i128 ideal = static_cast<i128>(total_fen) * w[i];  // times Σw
      const i128 diff = static_cast<i128>(parts[i].fen()) * sum_w - ideal;
      ASSERT_TRUE((diff < 0 ? -diff : diff) < sum_w) << "part " << i << " = " << parts[i].fen();
      if (w[i] == 0) {
        EXPECT_EQ(parts[i], fen(0));
      }
      // Sign follows the total.
      EXPECT_TRUE(negative ? parts[i].fen() <= 0 : parts[i].fen() >= 0);
      const i128 m = mag * w[i];
      rem[i] = m % sum_w;
      const i128 got = negative ? -static_cast<i128>(parts[i].fen()) : static_cast<i128>(parts[i].fen());
      extra[i] = got != m / sum_w;
      if (extra[i]) {
        EXPECT_TRUE(got == m / sum_w + 1);
      }
    }
    // Largest remainders first, earlier part on ties.
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        if (extra[i] && !extra[j]) {
          EXPECT_TRUE(rem[i] > rem[j] || (rem[i] == rem[j] && i < j)) << i << " vs " << j;
        }
    // Deterministic.
    EXPECT_EQ(yusuan::allocate(total, std::span<const std::int64_t>(w)), parts);
  }
}

// ===========================================================================
// 7. Overflow at the boundaries
// ===========================================================================

template <class F>
std::string overflow_message(F&& f) {
  try {
    f();
  } catch (const yusuan::overflow_error& e) {
    return e.what();
  }
  return "<no overflow_error>";
}

bool contains(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

TEST(Overflow, Addition) {
  EXPECT_EQ(money::max() + fen(0), money::max());
  EXPECT_EQ(money::max() - yuan("0.01") + yuan("0.01"), money::max());
  EXPECT_THROW((void)(money::max() + yuan("0.01")), yusuan::overflow_error);
  EXPECT_THROW((void)(money::max() + yuan("0.01")), yusuan::error);
  EXPECT_THROW((void)(money::min() + yuan("-0.01")), yusuan::overflow_error);
  const auto msg = overflow_message([] { (void)(money::max() + yuan("0.01")); });
  EXPECT_TRUE(contains(msg, "addition")) << msg;
  EXPECT_TRUE(contains(msg, "92233720368547758.07")) << msg;
  EXPECT_TRUE(contains(msg, "0.01")) << msg;
  money m = money::max();
  EXPECT_THROW(m += yuan("0.01"), yusuan::overflow_error);
  EXPECT_EQ(m, money::max());  // unchanged after the failed +=
}

TEST(Overflow, SubtractionAndNegation) {
  EXPECT_EQ(money::min() + yuan("0.01") - yuan("0.01"), money::min());
  EXPECT_THROW((void)(money::min() - yuan("0.01")), yusuan::overflow_error);
  EXPECT_THROW((void)(money::max() - yuan("-0.01")), yusuan::overflow_error);
  EXPECT_THROW((void)(fen(0) - money::min()), yusuan::overflow_error);
  const auto msg = overflow_message([] { (void)(money::min() - yuan("0.01")); });
  EXPECT_TRUE(contains(msg, "subtraction")) << msg;
  EXPECT_TRUE(contains(msg, "-92233720368547758.08")) << msg;
  EXPECT_TRUE(contains(msg, "0.01")) << msg;
  EXPECT_EQ(-money::max(), fen(-i64_max));
  EXPECT_THROW((void)(-money::min()), yusuan::overflow_error);
  EXPECT_THROW((void)money::min().abs(), yusuan::error);
  const auto neg = overflow_message([] { (void)(-money::min()); });
  EXPECT_TRUE(contains(neg, "negation")) << neg;
  EXPECT_TRUE(contains(neg, "-92233720368547758.08")) << neg;
  money m = money::min();
  EXPECT_THROW(m -= yuan("1"), yusuan::overflow_error);
}

TEST(Overflow, IntegerMultiplication) {
  EXPECT_EQ(money::max() * 1, money::max());
  EXPECT_EQ(money::max() * -1, fen(-i64_max));
  EXPECT_EQ(fen(i64_min / 2) * 2, money::min());
  EXPECT_THROW((void)(money::max() * 2), yusuan::overflow_error);
  EXPECT_THROW((void)(2 * money::max()), yusuan::overflow_error);
  EXPECT_THROW((void)(money::min() * -1), yusuan::overflow_error);
  EXPECT_THROW((void)(fen(i64_max / 2 + 1) * 2), yusuan::overflow_error);
  EXPECT_THROW((void)(fen(1) * (std::uint64_t{1} << 63)), yusuan::overflow_error);
  EXPECT_THROW((void)(fen(-1) * std::numeric_limits<std::uint64_t>::max()), yusuan::overflow_error);
  EXPECT_EQ(fen(1) * static_cast<std::uint64_t>(i64_max), money::max());
  const auto msg = overflow_message([] { (void)(yuan("50000000000000000") * 2); });
  EXPECT_TRUE(contains(msg, "multiplication")) << msg;
  EXPECT_TRUE(contains(msg, "50000000000000000.00")) << msg;
  EXPECT_TRUE(contains(msg, " 2 ")) << msg;
  money m = yuan("50000000000000000");
  EXPECT_THROW(m *= 2, yusuan::overflow_error);
}

TEST(Overflow, FromYuan) {
  EXPECT_EQ(money::from_yuan(92233720368547758LL), fen(i64_max - 7));
  EXPECT_EQ(money::from_yuan(-92233720368547758LL), fen(i64_min + 8));
  EXPECT_THROW((void)money::from_yuan(92233720368547759LL), yusuan::overflow_error);
  EXPECT_THROW((void)money::from_yuan(-92233720368547759LL), yusuan::overflow_error);
  EXPECT_THROW((void)money::from_yuan(i64_max), yusuan::overflow_error);
  EXPECT_THROW((void)money::from_yuan(i64_min), yusuan::overflow_error);
  // Unsigned values beyond int64 must not wrap to negative amounts.
  EXPECT_THROW((void)money::from_yuan(std::numeric_limits<std::uint64_t>::max()), yusuan::overflow_error);
  EXPECT_THROW((void)money::from_yuan(std::uint64_t{1} << 63), yusuan::overflow_error);
  EXPECT_EQ(money::from_yuan(std::uint64_t{92233720368547758}), fen(i64_max - 7));
  EXPECT_EQ(money::from_yuan(std::uint32_t{4'000'000'000}), yuan("4000000000"));
  const auto msg = overflow_message([] { (void)money::from_yuan(92233720368547759LL); });
  EXPECT_TRUE(contains(msg, "from_yuan")) << msg;
  EXPECT_TRUE(contains(msg, "92233720368547759")) << msg;
}

TEST(Overflow, AWideSumIsFormattedWithTheDecimalsAnAmountTakes) {
  money_sum s;
  s += money::max();
  s += money::max();  // past 64 bits of 分
  EXPECT_EQ(yusuan::format_fen(s.fen(), yusuan::unit::yuan, 2), "184467440737095516.14");
  EXPECT_EQ(yusuan::format_fen(s.fen(), yusuan::unit::wan_yuan, 2, true), "18,446,744,073,709.55");
  // the most negative int128 has no negation: written all the same, rounded away from zero
  EXPECT_EQ(yusuan::format_fen(yusuan::int128::min(), yusuan::unit::yuan, 2), "-1701411834604692317316873037158841057.28");
  EXPECT_EQ(yusuan::format_fen(yusuan::int128::min(), yusuan::unit::wan_yuan, 2), "-170141183460469231731687303715884.11");
  for (const int decimals : {-1, 19, 40}) {
    SCOPED_TRACE(decimals);
    // as for an amount that fits: the library's invalid_argument, not std::length_error or 40 places
    for (const auto& fen : {s.fen(), yusuan::int128(100)}) {
      try {
        (void)yusuan::format_fen(fen, yusuan::unit::yuan, decimals);
        ADD_FAILURE() << "no exception for " << fen.to_string();
      } catch (const yusuan::error& e) {
        EXPECT_EQ(e.code(), yusuan::errc::invalid_argument);
      }
    }
  }
}

TEST(Overflow, MoneySumStaysExact) {
  money_sum s;
  s += money::max();
  s += money::max();
  s += money::max();
  EXPECT_TRUE(s.fen() == yusuan::int128(i64_max) * 3) << s.fen();
  EXPECT_EQ(s.fen().to_string(), "27670116110564327421");
  EXPECT_THROW((void)s.value(), yusuan::overflow_error);
  const auto msg = overflow_message([&] { (void)s.value(); });
  EXPECT_TRUE(contains(msg, "sum")) << msg;
  EXPECT_TRUE(contains(msg, "27670116110564327421")) << msg;
  // Back into range.
  s += money::min();
  s += money::min();
  s += money::min();
  EXPECT_EQ(s.value(), fen(-3));
  EXPECT_EQ(s.fen().to_string(), "-3");

  money_sum neg;
  for (int i = 0; i < 5; ++i) neg.add(money::min());
  EXPECT_EQ(neg.fen().to_string(), "-46116860184273879040");
  EXPECT_THROW((void)neg.value(), yusuan::error);
  // Combining sums.
  money_sum a, b;
  a += money::max();
  a += money::max();
  b += money::min();
  b += money::min();
  b += fen(5);
  a += b;
  EXPECT_EQ(a.value(), fen(3));
  money_sum e;
  EXPECT_EQ(e.value(), money{});
  EXPECT_TRUE(e.fen() == 0);
}

TEST(Overflow, MultiplyByDecimalUses128Bits) {
  // fen * 50 overflows 64 bits but the result fits.
  EXPECT_EQ(money::max().multiply(dec<2>("0.50"), rounding::down), fen(i64_max / 2));
  EXPECT_EQ(money::max().multiply(dec<2>("0.50"), rounding::up), fen(i64_max / 2 + 1));
  EXPECT_EQ(money::max().multiply(dec<2>("0.50"), rounding::half_even), fen(i64_max / 2 + 1));  // ...03.5 -> 04
  EXPECT_EQ(money::max().multiply(dec<4>("1.0000"), rounding::unnecessary), money::max());
  EXPECT_EQ(money::min().multiply(dec<6>("1"), rounding::unnecessary), money::min());
  EXPECT_EQ(money::min().multiply(dec<18>("0.5"), rounding::unnecessary), fen(i64_min / 2));
  EXPECT_EQ(money::max().multiply(dec<18>("-1"), rounding::unnecessary), fen(-i64_max));
  EXPECT_EQ(fen(3'000'000'000'000'000'000).multiply(dec<4>("3.0000"), rounding::unnecessary),
            fen(9'000'000'000'000'000'000));
  EXPECT_THROW((void)money::max().multiply(dec<2>("1.01"), rounding::half_up), yusuan::overflow_error);
  EXPECT_THROW((void)money::min().multiply(dec<2>("-1"), rounding::half_up), yusuan::overflow_error);
  EXPECT_THROW((void)money::max().multiply(dec<0>("2"), rounding::half_up), yusuan::error);
  // muldiv: a * b / c through 128 bits.
  EXPECT_EQ(money::max().muldiv(3, 3, rounding::unnecessary), money::max());
  EXPECT_EQ(money::max().muldiv(i64_max, i64_max, rounding::unnecessary), money::max());
  EXPECT_EQ(money::min().muldiv(i64_max, i64_max, rounding::unnecessary), money::min());
  const i128 two_thirds = static_cast<i128>(i64_max) * 2 / 3;
  EXPECT_EQ(money::max().muldiv(2, 3, rounding::down), fen(static_cast<std::int64_t>(two_thirds)));
  EXPECT_EQ(money::max().muldiv(-2, 3, rounding::floor), fen(-static_cast<std::int64_t>(two_thirds) - 1));
  EXPECT_EQ(wan("38381.46").muldiv(232771, 3838146, rounding::half_up), wan("2327.71"));
  EXPECT_THROW((void)money::min().muldiv(1, -1, rounding::half_up), yusuan::overflow_error);
  EXPECT_THROW((void)money::max().muldiv(3, 2, rounding::half_up), yusuan::overflow_error);
  EXPECT_THROW((void)money::max().muldiv(1, 0, rounding::half_up), yusuan::division_by_zero);
  EXPECT_THROW((void)yuan("1").muldiv(1, 3, rounding::unnecessary), yusuan::rounding_error);
  // Division overflow: min / -1.
  EXPECT_THROW((void)money::min().divide(-1, rounding::down), yusuan::overflow_error);
  // Rounding that leaves the range.
  EXPECT_THROW((void)money::max().round(unit::yuan, 0, rounding::up), yusuan::overflow_error);
  EXPECT_EQ(money::max().round(unit::yuan, 0, rounding::down), fen(i64_max - 7));
}

TEST(Overflow, Decimal) {
  using d2 = decimal<2>;
  const d2 top = d2::from_units(i64_max), bottom = d2::from_units(i64_min);
  EXPECT_THROW((void)(top + d2::from_units(1)), yusuan::overflow_error);
  EXPECT_THROW((void)(bottom - d2::from_units(1)), yusuan::overflow_error);
  EXPECT_THROW((void)(-bottom), yusuan::overflow_error);
  EXPECT_EQ(-top, d2::from_units(-i64_max));
  const auto add = overflow_message([&] { (void)(top + d2::from_units(1)); });
  EXPECT_TRUE(contains(add, "92233720368547758.07 + 0.01")) << add;
  d2 x = top;
  EXPECT_THROW(x += d2::from_units(1), yusuan::error);
  EXPECT_THROW(x -= d2::from_units(-1), yusuan::error);
  EXPECT_THROW((void)d2::from_integer(i64_max), yusuan::overflow_error);
  EXPECT_THROW((void)d2::from_integer(92233720368547759LL), yusuan::overflow_error);
  EXPECT_EQ(d2::from_integer(92233720368547758LL), d2::from_units(i64_max - 7));
  EXPECT_THROW((void)decimal<0>::from_integer(std::numeric_limits<std::uint64_t>::max()), yusuan::overflow_error);
  EXPECT_THROW((void)d2::from_integer(std::numeric_limits<std::uint64_t>::max()), yusuan::overflow_error);
  EXPECT_EQ(decimal<0>::from_integer(static_cast<std::uint64_t>(i64_max)).units(), i64_max);
  EXPECT_THROW((void)top.rescale<3>(rounding::unnecessary), yusuan::overflow_error);
  EXPECT_EQ(top.rescale<0>(rounding::down).units(), i64_max / 100);
  EXPECT_THROW((void)dec<2>("10000000000").multiply(dec<2>("10000000000"), rounding::half_up),
               yusuan::overflow_error);
  EXPECT_EQ(top.multiply(dec<4>("0.5000"), rounding::down), d2::from_units(i64_max / 2));
  EXPECT_THROW((void)top.divide(dec<2>("0.5"), rounding::half_up), yusuan::overflow_error);
  EXPECT_EQ(top.divide(dec<2>("1"), rounding::unnecessary), top);
}

// ===========================================================================
// 8. parse(format(x)) == x
// ===========================================================================

TEST(RoundTrip, FormatThenParse) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::int64_t> full(i64_min + 1, i64_max);
  std::vector<std::int64_t> values = {0, 1, -1, 99, -99, 100, 999'999, 1'000'000, i64_max, i64_min + 1, i64_min};
  for (int i = 0; i < 100'000; ++i) {
    if (i % 2 == 0) {
      values.push_back(full(rng));
    } else {
      // Uniform in the number of bits, so that small amounts are common too.
      const int bits = static_cast<int>(rng() % 63);
      std::int64_t v = static_cast<std::int64_t>(rng() >> (63 - bits) >> 1);
      values.push_back(rng() % 2 ? -v : v);
    }
  }
  std::size_t checked = 0;
  for (const std::int64_t f : values) {
    const money x = fen(f);
    const std::string plain = x.format(), grouped = x.format(unit::yuan, 2, true);
    const std::string w6 = x.format(unit::wan_yuan, 6), w6g = x.format(unit::wan_yuan, 6, true);
    const std::string y10 = x.format(unit::yi_yuan, 10, true);
    if (money::parse(plain) != x || money::parse(grouped) != x || money::parse(w6, unit::wan_yuan) != x ||
        money::parse(w6g, unit::wan_yuan) != x || money::parse(y10, unit::yi_yuan) != x) {
      ADD_FAILURE() << "round trip failed for " << f << ": " << plain << " | " << grouped << " | " << w6 << " | "
                    << w6g << " | " << y10;
      break;
    }
    // More decimals than needed still parse exactly.
    if (money::parse(x.format(unit::yuan, 5)) != x) {
      ADD_FAILURE() << "round trip with 5 decimals failed for " << f;
      break;
    }
    ++checked;
  }
  EXPECT_EQ(checked, values.size());
  EXPECT_GE(checked, 100'000u);
}

// ===========================================================================
// 9. Shares and year-on-year changes
// ===========================================================================

TEST(Share, BudgetExamples) {
  const money total = wan("38381.46"), basic = wan("2327.71"), project = wan("36053.75");
  EXPECT_EQ(basic + project, total);
  EXPECT_EQ(yusuan::share(basic, total), dec<2>("6.06"));
  EXPECT_EQ(yusuan::share(project, total), dec<2>("93.94"));
  EXPECT_EQ(yusuan::share(wan("2161.89"), basic), dec<2>("92.88"));
  EXPECT_EQ(yusuan::share(wan("165.82"), basic), dec<2>("7.12"));
  EXPECT_EQ(yusuan::share(basic, total).format(), "6.06");
  EXPECT_EQ(yusuan::share(total, total), dec<2>("100"));
  EXPECT_EQ(yusuan::share(fen(0), total), dec<2>("0"));

  EXPECT_EQ(yusuan::share<1>(basic, total), dec<1>("6.1"));
  EXPECT_EQ(yusuan::share<1>(project, total), dec<1>("93.9"));
  EXPECT_EQ(yusuan::share<1>(wan("2161.89"), basic), dec<1>("92.9"));
  EXPECT_EQ(yusuan::share<1>(wan("165.82"), basic), dec<1>("7.1"));
  EXPECT_EQ(yusuan::share<4>(basic, total), dec<4>("6.0647"));
  EXPECT_EQ(yusuan::share<4>(project, total), dec<4>("93.9353"));
  EXPECT_EQ(yusuan::share<4>(wan("2161.89"), basic), dec<4>("92.8763"));
  EXPECT_EQ(yusuan::share<4>(wan("165.82"), basic), dec<4>("7.1237"));
  EXPECT_EQ(yusuan::share<0>(basic, total), dec<0>("6"));
}

TEST(Change, BudgetExamples) {
  EXPECT_EQ(yusuan::change(wan("38381.46"), wan("39924.65")), dec<2>("-3.87"));
  EXPECT_EQ(yusuan::change(wan("165.82"), wan("179.44")), dec<2>("-7.59"));
  EXPECT_EQ(yusuan::change(wan("38381.46"), wan("39924.65")).format(), "-3.87");
  EXPECT_EQ(yusuan::change<1>(wan("38381.46"), wan("39924.65")), dec<1>("-3.9"));
  EXPECT_EQ(yusuan::change<1>(wan("165.82"), wan("179.44")), dec<1>("-7.6"));
  EXPECT_EQ(yusuan::change<4>(wan("38381.46"), wan("39924.65")), dec<4>("-3.8653"));
  EXPECT_EQ(yusuan::change<4>(wan("165.82"), wan("179.44")), dec<4>("-7.5903"));
  // A rise, no change, doubling.
  EXPECT_EQ(yusuan::change(wan("39924.65"), wan("38381.46")), dec<2>("4.02"));
  EXPECT_EQ(yusuan::change(wan("100"), wan("100")), dec<2>("0"));
  EXPECT_EQ(yusuan::change(wan("200"), wan("100")), dec<2>("100"));
  EXPECT_EQ(yusuan::change(fen(0), wan("100")), dec<2>("-100"));
  // Against a negative previous value the change is relative to its magnitude.
  EXPECT_EQ(yusuan::change(yuan("10"), yuan("-20")), dec<2>("150"));
  EXPECT_EQ(yusuan::change(yuan("-10"), yuan("-20")), dec<2>("50"));
  EXPECT_EQ(yusuan::change(yuan("-30"), yuan("-20")), dec<2>("-50"));
}

TEST(ShareChange, RoundingModes) {
  const money total = wan("38381.46"), basic = wan("2327.71");
  // 6.0647..%
  const std::array<std::string_view, 8> share_expect = {"6.06", "6.06", "6.06", "6.07",
                                                        "6.06", "6.07", "6.06", "!"};
  // -3.86526..%
  const std::array<std::string_view, 8> change_expect = {"-3.87", "-3.87", "-3.87", "-3.87",
                                                         "-3.86", "-3.86", "-3.87", "!"};
  // 1/16 = 6.25% exactly, at one decimal: an exact half.
  const std::array<std::string_view, 8> half_expect = {"6.3", "6.2", "6.2", "6.3", "6.2", "6.3", "6.2", "!"};
  const std::array<std::string_view, 8> neg_half_expect = {"-6.3", "-6.2", "-6.2", "-6.3",
                                                           "-6.2", "-6.2", "-6.3", "!"};
  for (std::size_t m = 0; m < all_modes.size(); ++m) {
    const rounding mode = all_modes[m];
    SCOPED_TRACE(std::string(yusuan::to_string(mode)));
    if (share_expect[m] == "!") {
      EXPECT_THROW((void)yusuan::share(basic, total, mode), yusuan::rounding_error);
      EXPECT_THROW((void)yusuan::change(total, wan("39924.65"), mode), yusuan::rounding_error);
      EXPECT_THROW((void)yusuan::share<1>(yuan("1"), yuan("16"), mode), yusuan::rounding_error);
      EXPECT_THROW((void)yusuan::share<1>(yuan("-1"), yuan("16"), mode), yusuan::rounding_error);
    } else {
      EXPECT_EQ(yusuan::share(basic, total, mode), dec<2>(share_expect[m]));
      EXPECT_EQ(yusuan::change(total, wan("39924.65"), mode), dec<2>(change_expect[m]));
      EXPECT_EQ(yusuan::share<1>(yuan("1"), yuan("16"), mode), dec<1>(half_expect[m]));
      EXPECT_EQ(yusuan::share<1>(yuan("-1"), yuan("16"), mode), dec<1>(neg_half_expect[m]));
    }
  }
  // Exact values pass with unnecessary.
  EXPECT_EQ(yusuan::share(yuan("1"), yuan("16"), rounding::unnecessary), dec<2>("6.25"));
  EXPECT_EQ(yusuan::change(yuan("12"), yuan("16"), rounding::unnecessary), dec<2>("-25"));
}

TEST(ShareChange, DivisionByZero) {
  EXPECT_THROW((void)yusuan::share(wan("1"), money{}), yusuan::division_by_zero);
  EXPECT_THROW((void)yusuan::share<4>(money{}, money{}), yusuan::division_by_zero);
  EXPECT_THROW((void)yusuan::change(wan("1"), money{}), yusuan::division_by_zero);
  EXPECT_THROW((void)yusuan::change<1>(money{}, money{}, rounding::down), yusuan::error);
  try {
    (void)yusuan::change(yuan("5"), money{});
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::division_by_zero& e) {
    EXPECT_TRUE(contains(e.what(), "5.00")) << e.what();
  }
}

TEST(ShareChange, ExtremesAndOverflow) {
  EXPECT_EQ(yusuan::share(money::max(), money::max()), dec<2>("100"));
  EXPECT_EQ(yusuan::share(money::min(), money::min()), dec<2>("100"));
  EXPECT_EQ(yusuan::share<16>(money::max(), money::max()), decimal<16>::from_integer(100));
  EXPECT_EQ(yusuan::share(fen(1), money::max(), rounding::up), dec<2>("0.01"));
  EXPECT_EQ(yusuan::change(money::max(), money::min()), dec<2>("200"));
  EXPECT_EQ(yusuan::change(money::max(), money::min(), rounding::down), dec<2>("199.99"));
  EXPECT_EQ(yusuan::change(money::min(), money::max()), dec<2>("-200"));
  EXPECT_THROW((void)yusuan::share(money::max(), fen(1)), yusuan::overflow_error);
  EXPECT_THROW((void)yusuan::change(money::max(), fen(-1)), yusuan::overflow_error);
  // 100% does not fit 64 bits at 17 or 18 places, and the 128-bit numerator
  // itself can overflow: that must throw, never wrap.
  EXPECT_THROW((void)yusuan::share<17>(money::max(), money::max()), yusuan::overflow_error);
  EXPECT_THROW((void)yusuan::share<18>(money::max(), money::max()), yusuan::overflow_error);
  EXPECT_THROW((void)yusuan::share<18>(fen(3'402'823'669'209'384'635), money::max()), yusuan::overflow_error);
  EXPECT_THROW((void)yusuan::share<18>(fen(-3'402'823'669'209'384'640), money::max()), yusuan::overflow_error);
  EXPECT_THROW((void)yusuan::change<18>(money::max(), fen(-(std::int64_t{1} << 62))), yusuan::overflow_error);
  EXPECT_THROW((void)yusuan::change<18>(fen(3'402'823'669'209'384'635), fen(1)), yusuan::overflow_error);
  EXPECT_EQ(yusuan::share<18>(fen(1), money::max()), decimal<18>::from_units(11));
  EXPECT_EQ(yusuan::share<18>(fen(5), fen(100)), dec<18>("5"));
}

// ===========================================================================
// 10. decimal<S>
// ===========================================================================

TEST(Decimal, ParseAndFormat) {
  EXPECT_EQ(dec<2>("6.06").units(), 606);
  EXPECT_EQ(dec<2>("6.06").format(), "6.06");
  EXPECT_EQ(dec<4>("-0.0325").units(), -325);
  EXPECT_EQ(dec<4>("-0.0325").format(), "-0.0325");
  EXPECT_EQ(dec<2>("1,000.5").units(), 100'050);
  EXPECT_EQ(dec<2>("1,000.5").format(), "1000.50");
  EXPECT_EQ(dec<0>("42").format(), "42");
  EXPECT_EQ(dec<0>("-42").units(), -42);
  EXPECT_EQ(dec<2>(" 3 ").format(), "3.00");
  EXPECT_EQ(dec<2>("-0.5").format(), "-0.50");
  EXPECT_EQ(dec<2>("-0").format(), "0.00");
  EXPECT_EQ(dec<18>("9.223372036854775807").units(), i64_max);
  EXPECT_EQ(dec<18>("-9.223372036854775808").units(), i64_min);
  EXPECT_EQ(dec<18>("-9.223372036854775808").format(), "-9.223372036854775808");
  EXPECT_EQ(dec<0>("9223372036854775807").units(), i64_max);
  EXPECT_EQ(dec<0>("-9223372036854775808").units(), i64_min);
  EXPECT_EQ(decimal<2>::from_integer(3), dec<2>("3.00"));
  EXPECT_EQ(decimal<2>::from_integer(-3).format(), "-3.00");
  EXPECT_EQ(decimal<3>::scale, 3);
  EXPECT_EQ(decimal<3>::one, 1000);
  std::ostringstream os;
  os << dec<2>("-3.87");
  EXPECT_EQ(os.str(), "-3.87");

  // Round trip through format over random units.
  std::mt19937_64 rng(7);
  for (int i = 0; i < 2000; ++i) {
    const auto u = static_cast<std::int64_t>(rng());
    EXPECT_EQ(decimal<4>::parse(decimal<4>::from_units(u).format()).units(), u);
    EXPECT_EQ(decimal<0>::parse(decimal<0>::from_units(u).format()).units(), u);
    EXPECT_EQ(decimal<18>::parse(decimal<18>::from_units(u).format()).units(), u);
  }
}

TEST(Decimal, ParseErrors) {
  {
    const auto r = parse_dec_ec<2>("1.005");
    EXPECT_EQ(r.ec, amount_errc::too_precise);
    EXPECT_EQ(r.position, 4u);
    EXPECT_EQ(r.detail, "'1.005' is finer than 10^-2 (digit at offset 4); give a rounding mode");
  }
  {
    const auto r = parse_dec_ec<0>("1.5");
    EXPECT_EQ(r.ec, amount_errc::too_precise);
    EXPECT_EQ(r.detail, "'1.5' is finer than a whole number (digit at offset 2); give a rounding mode");
  }
  EXPECT_EQ(decimal<2>::parse("1.005", rounding::half_up), dec<2>("1.01"));
  EXPECT_EQ(decimal<2>::parse("1.005", rounding::half_even), dec<2>("1.00"));
  EXPECT_EQ(decimal<0>::parse("1.5", rounding::half_even), dec<0>("2"));
  {
    const auto r = parse_dec_ec<2>("1x");
    EXPECT_EQ(r.ec, amount_errc::bad_character);
    EXPECT_EQ(r.position, 1u);
    EXPECT_EQ(r.detail, "unexpected character 'x' at offset 1 in decimal");
  }
  EXPECT_EQ(parse_dec_ec<2>("1e3").detail, "exponent notation ('e3' at offset 1) is not allowed in decimals");
  EXPECT_EQ(parse_dec_ec<2>("nan").detail, "'nan' is not a finite decimal decimal");
  EXPECT_EQ(parse_dec_ec<2>(" ").detail, "empty decimal");
  std::error_code ec;
  EXPECT_EQ(decimal<2>::parse("12.5", ec), dec<2>("12.50"));
  EXPECT_FALSE(ec);
  (void)decimal<2>::parse("12.555", ec);
  EXPECT_EQ(ec, amount_errc::too_precise);
  (void)decimal<2>::parse("1,2", ec);
  EXPECT_EQ(ec, amount_errc::bad_grouping);
  try {
    (void)decimal<2>::parse("1.2.3");
    ADD_FAILURE() << "no exception";
  } catch (const amount_parse_error& e) {
    EXPECT_EQ(e.code(), amount_errc::second_point);
    EXPECT_EQ(e.position(), 3u);
    EXPECT_STREQ(e.what(), "yusuan: second decimal point at offset 3");
  }
  // Out of range at every scale, including Scale 0 where ten times the
  // accumulated value no longer fits 64 bits.
  for (std::string_view t : {"9223372036854775808", "20000000000000000000", "99999999999999999999",
                             "184467440737095516160", "-9223372036854775809"}) {
    SCOPED_TRACE(t);
    const auto r = parse_dec_ec<0>(t);
    EXPECT_EQ(r.ec, amount_errc::out_of_range) << "value " << r.value.units();
    EXPECT_EQ(r.position, 0u);
    EXPECT_EQ(r.detail, "decimal '" + std::string(t) + "' is out of range");
  }
  EXPECT_EQ(parse_dec_ec<2>("92233720368547758.08").ec, amount_errc::out_of_range);
  EXPECT_EQ(parse_dec_ec<18>("9.223372036854775808").ec, amount_errc::out_of_range);
  EXPECT_EQ(parse_dec_ec<18>("10").ec, amount_errc::out_of_range);
}

TEST(Decimal, Arithmetic) {
  EXPECT_EQ(dec<2>("6.06") + dec<2>("93.94"), dec<2>("100"));
  EXPECT_EQ(dec<2>("6.06") - dec<2>("93.94"), dec<2>("-87.88"));
  EXPECT_EQ(-dec<2>("6.06"), dec<2>("-6.06"));
  auto d = dec<4>("0.1");
  d += dec<4>("0.2");
  EXPECT_EQ(d, dec<4>("0.3"));
  d -= dec<4>("0.3001");
  EXPECT_EQ(d, dec<4>("-0.0001"));
  EXPECT_LT(dec<2>("-0.01"), dec<2>("0"));
  EXPECT_GT(dec<2>("1.10"), dec<2>("1.09"));
  EXPECT_EQ(decimal<2>{}, dec<2>("0"));

  // multiply: the result keeps the scale of the left operand.
  EXPECT_EQ(dec<4>("1.0325").multiply(dec<2>("2.00"), rounding::unnecessary), dec<4>("2.0650"));
  EXPECT_EQ(dec<2>("1.25").multiply(dec<2>("0.5"), rounding::half_even), dec<2>("0.62"));
  EXPECT_EQ(dec<2>("1.25").multiply(dec<2>("0.5"), rounding::half_up), dec<2>("0.63"));
  EXPECT_EQ(dec<2>("-1.25").multiply(dec<2>("0.5"), rounding::half_up), dec<2>("-0.63"));
  EXPECT_EQ(dec<2>("-1.25").multiply(dec<2>("0.5"), rounding::ceiling), dec<2>("-0.62"));
  EXPECT_EQ(dec<2>("3").multiply(dec<0>("4"), rounding::unnecessary), dec<2>("12"));
  EXPECT_THROW((void)dec<2>("1.25").multiply(dec<2>("0.5"), rounding::unnecessary), yusuan::rounding_error);

  // divide
  EXPECT_EQ(dec<2>("1").divide(dec<2>("3"), rounding::half_up), dec<2>("0.33"));
  EXPECT_EQ(dec<2>("1").divide(dec<2>("3"), rounding::up), dec<2>("0.34"));
  EXPECT_EQ(dec<2>("2").divide(dec<2>("3"), rounding::half_up), dec<2>("0.67"));
  EXPECT_EQ(dec<2>("2").divide(dec<2>("3"), rounding::down), dec<2>("0.66"));
  EXPECT_EQ(dec<4>("1").divide(dec<4>("3"), rounding::half_up), dec<4>("0.3333"));
  EXPECT_EQ(dec<4>("-1").divide(dec<4>("8"), rounding::half_even), dec<4>("-0.1250"));
  EXPECT_EQ(dec<2>("-1").divide(dec<2>("8"), rounding::half_even), dec<2>("-0.12"));
  EXPECT_EQ(dec<2>("-1").divide(dec<2>("8"), rounding::floor), dec<2>("-0.13"));
  EXPECT_EQ(dec<18>("9").divide(dec<18>("3"), rounding::unnecessary), dec<18>("3"));
  EXPECT_THROW((void)dec<2>("1").divide(dec<2>("0"), rounding::half_up), yusuan::division_by_zero);
  EXPECT_THROW((void)dec<2>("1").divide(dec<2>("3"), rounding::unnecessary), yusuan::rounding_error);
  EXPECT_THROW((void)dec<2>("92233720368547758").divide(dec<2>("0.01"), rounding::half_up), yusuan::overflow_error);
}

TEST(Decimal, MoneyMultiplyAndRatio) {
  EXPECT_EQ(yuan("100.00").multiply(dec<4>("0.0325"), rounding::half_up), yuan("3.25"));
  EXPECT_EQ(yuan("33.33").multiply(dec<2>("0.5"), rounding::half_up), yuan("16.67"));
  EXPECT_EQ(yuan("33.33").multiply(dec<2>("0.5"), rounding::half_even), yuan("16.66"));
  EXPECT_EQ(yuan("33.33").multiply(dec<2>("0.5"), rounding::half_down), yuan("16.66"));
  EXPECT_EQ(yuan("-33.33").multiply(dec<2>("0.5"), rounding::ceiling), yuan("-16.66"));
  EXPECT_EQ(yuan("-33.33").multiply(dec<2>("0.5"), rounding::floor), yuan("-16.67"));
  EXPECT_EQ(yuan("-33.33").multiply(dec<2>("-0.5"), rounding::up), yuan("16.67"));
  EXPECT_EQ(yuan("10").multiply(dec<0>("3"), rounding::unnecessary), yuan("30"));
  EXPECT_EQ(wan("38381.46").multiply(dec<4>("0.0606"), rounding::half_up), wan("2325.916476"));
  EXPECT_THROW((void)yuan("33.33").multiply(dec<2>("0.5"), rounding::unnecessary), yusuan::rounding_error);

  EXPECT_EQ(money::ratio<4>(yuan("1"), yuan("3"), rounding::half_up), dec<4>("0.3333"));
  EXPECT_EQ(money::ratio<2>(yuan("2"), yuan("3"), rounding::half_up), dec<2>("0.67"));
  EXPECT_EQ(money::ratio<2>(yuan("2"), yuan("3"), rounding::down), dec<2>("0.66"));
  EXPECT_EQ(money::ratio<2>(yuan("-1"), yuan("8"), rounding::half_even), dec<2>("-0.12"));
  EXPECT_EQ(money::ratio<6>(wan("2327.71"), wan("38381.46"), rounding::half_up), dec<6>("0.060647"));
  EXPECT_EQ(money::ratio<18>(money::max(), money::max(), rounding::unnecessary), dec<18>("1"));
  EXPECT_EQ(money::ratio<0>(money::min(), fen(1), rounding::unnecessary).units(), i64_min);
  EXPECT_THROW((void)money::ratio<2>(yuan("1"), money{}, rounding::half_up), yusuan::division_by_zero);
  EXPECT_THROW((void)money::ratio<2>(yuan("1"), yuan("3"), rounding::unnecessary), yusuan::rounding_error);
  EXPECT_THROW((void)money::ratio<2>(money::max(), fen(1), rounding::half_up), yusuan::overflow_error);
}

}  // namespace
