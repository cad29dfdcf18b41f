// Tests for the two forms of every fallible named function of
// <yusuan/money.hpp>: the form with a std::error_code gives what the throwing
// form returns, and on each failure sets the code the throwing form's
// exception carries and returns 0 (no parts for allocate).  Also: every
// amount_errc compares equal to errc::malformed_amount.
#include <yusuan/money.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using yusuan::amount_errc;
using yusuan::decimal;
using yusuan::errc;
using yusuan::money;
using yusuan::money_sum;
using yusuan::rounding;
using yusuan::unit;

constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();

money yuan(std::string_view s) { return money::parse(s); }
money fen(std::int64_t f) { return money::from_fen(f); }
template <int S>
decimal<S> dec(std::string_view s) {
  return decimal<S>::parse(s);
}

// Runs `throwing()` and `with_ec(ec)` on the same arguments.  `expected` is
// errc::ok when both are to succeed: then they give the same value and `ec`
// is cleared.  Otherwise the throwing form throws a yusuan::error whose code
// is `expected`, the other sets exactly that code and returns a value-
// initialised result (0, or no parts).
template <class Throwing, class WithEc>
void expect_same_outcome(errc expected, Throwing throwing, WithEc with_ec) {
  using result = decltype(throwing());
  static_assert(std::is_same_v<result, decltype(with_ec(std::declval<std::error_code&>()))>);
  std::error_code ec = errc::syntax_error;  // set by the call either way
  const result got = with_ec(ec);
  if (expected == errc::ok) {
    EXPECT_FALSE(ec) << ec.message();
    EXPECT_EQ(got, throwing());
    return;
  }
  EXPECT_EQ(ec, std::error_code(expected)) << ec.message();
  EXPECT_EQ(got, result{});
  try {
    (void)throwing();
    ADD_FAILURE() << "no exception; expected " << std::error_code(expected).message();
  } catch (const yusuan::error& e) {
    EXPECT_EQ(e.code(), std::error_code(expected)) << e.what();
    EXPECT_EQ(ec, e.code());
  }
}

// The error-code forms of the money functions never throw.
static_assert(noexcept(money::from_yuan(1, std::declval<std::error_code&>())));
static_assert(noexcept(money{}.round(unit::wan_yuan, 2, rounding::half_up, std::declval<std::error_code&>())));
static_assert(noexcept(money{}.multiply(decimal<2>{}, rounding::half_up, std::declval<std::error_code&>())));
static_assert(noexcept(money{}.divide(3, rounding::half_up, std::declval<std::error_code&>())));
static_assert(noexcept(money{}.muldiv(1, 3, rounding::half_up, std::declval<std::error_code&>())));
static_assert(noexcept(money::ratio<4>(money{}, money{}, rounding::half_up, std::declval<std::error_code&>())));
static_assert(noexcept(money{}.abs(std::declval<std::error_code&>())));
static_assert(noexcept(money{}.format_to(nullptr, unit::yuan, 2, std::declval<std::error_code&>())));
static_assert(noexcept(yusuan::share(money{}, money{}, std::declval<std::error_code&>())));
static_assert(noexcept(yusuan::change(money{}, money{}, rounding::down, std::declval<std::error_code&>())));
static_assert(noexcept(yusuan::sum(std::span<const money>{}, std::declval<std::error_code&>())));
static_assert(noexcept(money_sum{}.value(std::declval<std::error_code&>())));
static_assert(noexcept(decimal<2>::from_integer(1, std::declval<std::error_code&>())));
static_assert(noexcept(decimal<4>{}.rescale<2>(rounding::half_up, std::declval<std::error_code&>())));
static_assert(noexcept(decimal<2>{}.multiply(decimal<4>{}, rounding::half_up, std::declval<std::error_code&>())));
static_assert(noexcept(decimal<2>{}.divide(decimal<2>{}, rounding::half_up, std::declval<std::error_code&>())));

TEST(ErrorCodeForms, FromYuan) {
  const auto both = [](errc expected, auto y) {
    SCOPED_TRACE(std::to_string(y));
    expect_same_outcome(
        expected, [&] { return money::from_yuan(y); }, [&](std::error_code& ec) { return money::from_yuan(y, ec); });
  };
  both(errc::ok, 12);
  both(errc::ok, -7);
  both(errc::ok, i64_max / 100);
  both(errc::ok, i64_min / 100);
  both(errc::overflow, i64_max / 100 + 1);
  both(errc::overflow, i64_min / 100 - 1);
  both(errc::overflow, i64_max);
  both(errc::overflow, std::numeric_limits<std::uint64_t>::max());
  both(errc::ok, std::uint64_t{5});
}

TEST(ErrorCodeForms, Round) {
  const auto both = [](errc expected, money m, unit u, int decimals, rounding mode) {
    SCOPED_TRACE(m.format() + " to " + std::to_string(decimals) + " places of " + std::string(yusuan::unit_name(u)));
    expect_same_outcome(
        expected, [&] { return m.round(u, decimals, mode); },
        [&](std::error_code& ec) { return m.round(u, decimals, mode, ec); });
  };
  both(errc::ok, yuan("38381.46"), unit::wan_yuan, 2, rounding::half_up);
  both(errc::ok, yuan("-38381.46"), unit::wan_yuan, 0, rounding::floor);
  both(errc::ok, yuan("12.34"), unit::yuan, 2, rounding::unnecessary);  // nothing to round
  both(errc::ok, yuan("12.34"), unit::yuan, 5, rounding::unnecessary);
  both(errc::ok, yuan("12000"), unit::wan_yuan, 1, rounding::unnecessary);
  both(errc::invalid_argument, yuan("12.34"), unit::yuan, -1, rounding::half_up);
  both(errc::rounding_necessary, yuan("12.34"), unit::yuan, 1, rounding::unnecessary);
  both(errc::overflow, money::max(), unit::wan_yuan, 0, rounding::up);
  both(errc::overflow, money::min(), unit::yi_yuan, 0, rounding::floor);
  both(errc::ok, money::max(), unit::wan_yuan, 0, rounding::down);
}

TEST(ErrorCodeForms, MultiplyDivideMuldivRatio) {
  const auto multiply = [](errc expected, money m, decimal<4> f, rounding mode) {
    SCOPED_TRACE(m.format() + " * " + f.format());
    expect_same_outcome(
        expected, [&] { return m.multiply(f, mode); },
        [&](std::error_code& ec) { return m.multiply(f, mode, ec); });
  };
  multiply(errc::ok, yuan("100"), dec<4>("0.0325"), rounding::half_up);
  multiply(errc::ok, money::max(), dec<4>("0.5"), rounding::half_even);  // through 128 bits
  multiply(errc::rounding_necessary, yuan("0.01"), dec<4>("0.5"), rounding::unnecessary);
  multiply(errc::rounding_necessary, money::max(), dec<4>("0.3333"), rounding::unnecessary);
  multiply(errc::overflow, money::max(), dec<4>("2"), rounding::half_up);
  multiply(errc::overflow, money::min(), dec<4>("-1"), rounding::half_up);

  const auto divide = [](errc expected, money m, auto d, rounding mode) {
    SCOPED_TRACE(m.format() + " / " + std::to_string(d));
    expect_same_outcome(
        expected, [&] { return m.divide(d, mode); }, [&](std::error_code& ec) { return m.divide(d, mode, ec); });
  };
  divide(errc::ok, yuan("100"), 3, rounding::half_up);
  divide(errc::ok, yuan("-100"), std::uint64_t{3}, rounding::floor);
  divide(errc::ok, money::max(), std::numeric_limits<std::uint64_t>::max(), rounding::up);
  divide(errc::division_by_zero, yuan("100"), 0, rounding::half_up);
  divide(errc::rounding_necessary, yuan("100"), 3, rounding::unnecessary);
  divide(errc::overflow, money::min(), -1, rounding::half_up);

  const auto muldiv = [](errc expected, money m, std::int64_t n, std::int64_t d, rounding mode) {
    SCOPED_TRACE(m.format() + " * " + std::to_string(n) + " / " + std::to_string(d));
    expect_same_outcome(
        expected, [&] { return m.muldiv(n, d, mode); }, [&](std::error_code& ec) { return m.muldiv(n, d, mode, ec); });
  };
  muldiv(errc::ok, money::max(), 3, 4, rounding::half_up);
  muldiv(errc::ok, yuan("10"), 1, 4, rounding::unnecessary);
  muldiv(errc::division_by_zero, yuan("10"), 1, 0, rounding::half_up);
  muldiv(errc::rounding_necessary, yuan("10"), 1, 3, rounding::unnecessary);
  muldiv(errc::overflow, money::max(), 4, 3, rounding::half_up);

  const auto ratio = [](errc expected, money a, money b, rounding mode) {
    SCOPED_TRACE(a.format() + " : " + b.format());
    expect_same_outcome(
        expected, [&] { return money::ratio<4>(a, b, mode); },
        [&](std::error_code& ec) { return money::ratio<4>(a, b, mode, ec); });
  };
  ratio(errc::ok, yuan("1"), yuan("3"), rounding::half_up);
  ratio(errc::ok, yuan("1"), yuan("4"), rounding::unnecessary);
  ratio(errc::division_by_zero, yuan("1"), money{}, rounding::half_up);
  ratio(errc::rounding_necessary, yuan("1"), yuan("3"), rounding::unnecessary);
  ratio(errc::overflow, money::max(), fen(1), rounding::half_up);
}

TEST(ErrorCodeForms, Abs) {
  for (const money m : {yuan("12.5"), yuan("-12.5"), money{}, money::max(), fen(i64_min + 1)}) {
    SCOPED_TRACE(m.format());
    expect_same_outcome(errc::ok, [&] { return m.abs(); }, [&](std::error_code& ec) { return m.abs(ec); });
  }
  expect_same_outcome(
      errc::overflow, [] { return money::min().abs(); }, [](std::error_code& ec) { return money::min().abs(ec); });
}

TEST(ErrorCodeForms, ShareAndChange) {
  const auto share = [](errc expected, money part, money whole, std::optional<rounding> mode) {
    SCOPED_TRACE(part.format() + " of " + whole.format());
    if (!mode)
      expect_same_outcome(
          expected, [&] { return yusuan::share(part, whole); },
          [&](std::error_code& ec) { return yusuan::share(part, whole, ec); });
    else
      expect_same_outcome(
          expected, [&] { return yusuan::share(part, whole, *mode); },
          [&](std::error_code& ec) { return yusuan::share(part, whole, *mode, ec); });
  };
  share(errc::ok, yuan("2327.71"), yuan("38381.46"), std::nullopt);
  share(errc::ok, yuan("2327.71"), yuan("38381.46"), rounding::down);
  share(errc::ok, yuan("1"), yuan("16"), rounding::unnecessary);
  share(errc::division_by_zero, yuan("5"), money{}, std::nullopt);
  share(errc::division_by_zero, money{}, money{}, rounding::half_even);
  share(errc::rounding_necessary, yuan("1"), yuan("3"), rounding::unnecessary);
  share(errc::overflow, money::max(), fen(1), std::nullopt);  // the quotient
  share(errc::overflow, money::min(), fen(-1), rounding::down);

  // At 18 places the 128-bit numerator itself does not fit.
  expect_same_outcome(
      errc::overflow, [] { return yusuan::share<18>(money::max(), money::max()); },
      [](std::error_code& ec) { return yusuan::share<18>(money::max(), money::max(), ec); });
  expect_same_outcome(
      errc::ok, [] { return yusuan::share<18>(fen(5), fen(100)); },
      [](std::error_code& ec) { return yusuan::share<18>(fen(5), fen(100), ec); });

  const auto change = [](errc expected, money current, money previous, std::optional<rounding> mode) {
    SCOPED_TRACE("from " + previous.format() + " to " + current.format());
    if (!mode)
      expect_same_outcome(
          expected, [&] { return yusuan::change(current, previous); },
          [&](std::error_code& ec) { return yusuan::change(current, previous, ec); });
    else
      expect_same_outcome(
          expected, [&] { return yusuan::change<3>(current, previous, *mode); },
          [&](std::error_code& ec) { return yusuan::change<3>(current, previous, *mode, ec); });
  };
  change(errc::ok, yuan("36894.12"), yuan("38381.46"), std::nullopt);
  change(errc::ok, money::min(), money::max(), rounding::half_up);
  change(errc::ok, yuan("12"), yuan("16"), rounding::unnecessary);
  change(errc::division_by_zero, yuan("5"), money{}, std::nullopt);
  change(errc::rounding_necessary, yuan("1"), yuan("3"), rounding::unnecessary);
  change(errc::overflow, money::max(), fen(-1), std::nullopt);
  expect_same_outcome(
      errc::overflow, [] { return yusuan::change<18>(fen(3'402'823'669'209'384'635), fen(1)); },
      [](std::error_code& ec) { return yusuan::change<18>(fen(3'402'823'669'209'384'635), fen(1), ec); });
}

TEST(ErrorCodeForms, Allocate) {
  const auto by_weights = [](errc expected, money total, std::vector<std::int64_t> w) {
    SCOPED_TRACE(total.format() + " by " + std::to_string(w.size()) + " weights");
    const std::span<const std::int64_t> weights(w);
    expect_same_outcome(
        expected, [&] { return yusuan::allocate(total, weights); },
        [&](std::error_code& ec) { return yusuan::allocate(total, weights, ec); });
  };
  by_weights(errc::ok, yuan("38381.46"), {232771, 3605375});
  by_weights(errc::ok, money::min(), {i64_max, i64_max, i64_max});
  by_weights(errc::ok, yuan("1"), {0, 1, 0});
  by_weights(errc::invalid_argument, yuan("1"), {});
  by_weights(errc::invalid_argument, yuan("1"), {2, -7});
  by_weights(errc::invalid_argument, yuan("1"), {0, 0, 0});

  const auto in_parts = [](errc expected, money total, std::size_t n) {
    SCOPED_TRACE(total.format() + " in " + std::to_string(n) + " parts");
    expect_same_outcome(
        expected, [&] { return yusuan::allocate(total, n); },
        [&](std::error_code& ec) { return yusuan::allocate(total, n, ec); });
  };
  in_parts(errc::ok, yuan("100"), 3);
  in_parts(errc::ok, money::max(), 2);
  in_parts(errc::invalid_argument, yuan("100"), 0);
}

TEST(ErrorCodeForms, Sum) {
  const auto both = [](errc expected, std::vector<money> amounts) {
    SCOPED_TRACE(std::to_string(amounts.size()) + " amounts");
    const std::span<const money> s(amounts);
    expect_same_outcome(
        expected, [&] { return yusuan::sum(s); }, [&](std::error_code& ec) { return yusuan::sum(s, ec); });
    money_sum total;
    total.add(s);
    expect_same_outcome(
        expected, [&] { return total.value(); }, [&](std::error_code& ec) { return total.value(ec); });
  };
  both(errc::ok, {});
  both(errc::ok, {yuan("0.10"), yuan("0.20")});
  both(errc::ok, {money::max(), fen(1), fen(-1)});  // past 64 bits on the way only
  both(errc::ok, {money::min(), money::max(), money::min(), money::max()});
  both(errc::overflow, {money::max(), fen(1)});
  both(errc::overflow, {money::min(), fen(-1)});
  both(errc::overflow, std::vector<money>(2000, money::max()));
}

TEST(ErrorCodeForms, Decimal) {
  const auto from_integer = [](errc expected, std::int64_t v) {
    SCOPED_TRACE(std::to_string(v));
    expect_same_outcome(
        expected, [&] { return decimal<4>::from_integer(v); },
        [&](std::error_code& ec) { return decimal<4>::from_integer(v, ec); });
  };
  from_integer(errc::ok, 100);
  from_integer(errc::ok, -i64_max / 10000);
  from_integer(errc::overflow, i64_max / 10000 + 1);
  from_integer(errc::overflow, i64_min);

  const auto finer = [](errc expected, decimal<2> d) {
    SCOPED_TRACE(d.format());
    expect_same_outcome(
        expected, [&] { return d.rescale<6>(rounding::unnecessary); },
        [&](std::error_code& ec) { return d.rescale<6>(rounding::unnecessary, ec); });
  };
  finer(errc::ok, dec<2>("-3.87"));
  finer(errc::overflow, decimal<2>::from_units(i64_max));
  const auto coarser = [](errc expected, decimal<4> d, rounding mode) {
    SCOPED_TRACE(d.format());
    expect_same_outcome(
        expected, [&] { return d.rescale<2>(mode); }, [&](std::error_code& ec) { return d.rescale<2>(mode, ec); });
  };
  coarser(errc::ok, dec<4>("6.0650"), rounding::half_even);
  coarser(errc::ok, dec<4>("6.0600"), rounding::unnecessary);
  coarser(errc::rounding_necessary, dec<4>("6.0650"), rounding::unnecessary);

  const auto multiply = [](errc expected, decimal<2> a, decimal<4> b, rounding mode) {
    SCOPED_TRACE(a.format() + " * " + b.format());
    expect_same_outcome(
        expected, [&] { return a.multiply(b, mode); }, [&](std::error_code& ec) { return a.multiply(b, mode, ec); });
  };
  multiply(errc::ok, dec<2>("6.06"), dec<4>("0.5"), rounding::half_up);
  multiply(errc::rounding_necessary, dec<2>("6.05"), dec<4>("0.5"), rounding::unnecessary);
  multiply(errc::overflow, decimal<2>::from_units(i64_max), dec<4>("2"), rounding::half_up);

  const auto divide = [](errc expected, decimal<2> a, decimal<2> b, rounding mode) {
    SCOPED_TRACE(a.format() + " / " + b.format());
    expect_same_outcome(
        expected, [&] { return a.divide(b, mode); }, [&](std::error_code& ec) { return a.divide(b, mode, ec); });
  };
  divide(errc::ok, dec<2>("1"), dec<2>("3"), rounding::half_up);
  divide(errc::division_by_zero, dec<2>("1"), decimal<2>{}, rounding::half_up);
  divide(errc::rounding_necessary, dec<2>("1"), dec<2>("3"), rounding::unnecessary);
  divide(errc::overflow, decimal<2>::from_units(i64_max), dec<2>("0.01"), rounding::half_up);
}

TEST(ErrorCodeForms, Format) {
  for (const int decimals : {-1, 0, 2, 6, 18, 19}) {
    const errc expected = decimals >= 0 && decimals <= 18 ? errc::ok : errc::invalid_argument;
    for (const bool thousands : {false, true}) {
      SCOPED_TRACE(std::to_string(decimals) + (thousands ? " places, thousands" : " places"));
      const money m = yuan("-1234567.89");
      expect_same_outcome(
          expected, [&] { return m.format(unit::wan_yuan, decimals, thousands); },
          [&](std::error_code& ec) { return m.format(unit::wan_yuan, decimals, thousands, ec); });
      const yusuan::int128 wide = yusuan::int128(i64_max) * 3;
      expect_same_outcome(
          expected, [&] { return yusuan::format_fen(wide, unit::yi_yuan, decimals, thousands); },
          [&](std::error_code& ec) { return yusuan::format_fen(wide, unit::yi_yuan, decimals, thousands, ec); });
      char a[64] = {}, b[64] = {};
      expect_same_outcome(
          expected, [&] { return std::string(a, m.format_to(a, unit::yuan, decimals, thousands)); },
          [&](std::error_code& ec) { return std::string(b, m.format_to(b, unit::yuan, decimals, thousands, ec)); });
    }
    const money m = yuan("38381.46");
    expect_same_outcome(
        expected, [&] { return m.format(unit::wan_yuan, decimals); },
        [&](std::error_code& ec) { return m.format(unit::wan_yuan, decimals, ec); });
    expect_same_outcome(
        expected, [&] { return yusuan::to_string(m, unit::wan_yuan, decimals); },
        [&](std::error_code& ec) { return yusuan::to_string(m, unit::wan_yuan, decimals, ec); });
    expect_same_outcome(
        expected, [&] { return yusuan::format_fen(m.fen(), unit::wan_yuan, decimals); },
        [&](std::error_code& ec) { return yusuan::format_fen(m.fen(), unit::wan_yuan, decimals, ec); });
    char a[64] = {}, b[64] = {};
    expect_same_outcome(
        expected, [&] { return std::string(a, m.format_to(a, unit::yuan, decimals)); },
        [&](std::error_code& ec) { return std::string(b, m.format_to(b, unit::yuan, decimals, ec)); });
  }
}

// ===========================================================================
// errc::malformed_amount: the condition of every amount_errc
// ===========================================================================

TEST(ErrorCondition, EveryAmountErrorIsAMalformedAmount) {
  constexpr std::array malformed = {amount_errc::empty,       amount_errc::missing_digits, amount_errc::bad_character,
                                    amount_errc::bad_grouping, amount_errc::second_point,   amount_errc::exponent,
                                    amount_errc::not_finite,   amount_errc::too_precise,    amount_errc::out_of_range};
  for (const amount_errc e : malformed) {
    const std::error_code ec = e;
    SCOPED_TRACE(ec.message());
    EXPECT_TRUE(ec == errc::malformed_amount);
    EXPECT_TRUE(errc::malformed_amount == ec);
    EXPECT_FALSE(ec != errc::malformed_amount);
    EXPECT_TRUE(ec == yusuan::make_error_condition(errc::malformed_amount));
    EXPECT_EQ(ec.default_error_condition(), yusuan::make_error_condition(errc::malformed_amount));
    EXPECT_FALSE(ec == errc::overflow);
    EXPECT_FALSE(ec == errc::syntax_error);
    EXPECT_TRUE(ec == e);  // the finer code is kept
  }
  EXPECT_FALSE(std::error_code(amount_errc::ok) == errc::malformed_amount);
  EXPECT_FALSE(std::error_code() == errc::malformed_amount);
  EXPECT_FALSE(std::make_error_code(std::errc::invalid_argument) == errc::malformed_amount);
}

TEST(ErrorCondition, OtherCodesMatchThemselvesOnly) {
  for (int v = 1; v <= static_cast<int>(errc::invalid_template); ++v) {
    const auto e = static_cast<errc>(v);
    const std::error_code ec = e;
    SCOPED_TRACE(ec.message());
    for (int w = 1; w <= static_cast<int>(errc::invalid_template); ++w)
      EXPECT_EQ(ec == static_cast<errc>(w), v == w) << std::error_code(static_cast<errc>(w)).message();
  }
  EXPECT_FALSE(std::make_error_code(std::errc::value_too_large) == errc::overflow);
}

TEST(ErrorCondition, WhatParseReportsIsAMalformedAmount) {
  std::error_code ec;
  (void)money::parse("1..2", unit::yuan, ec);
  EXPECT_EQ(ec, amount_errc::second_point);
  EXPECT_TRUE(ec == errc::malformed_amount);
  (void)decimal<2>::parse("1e5", ec);
  EXPECT_TRUE(ec == errc::malformed_amount);
  try {
    (void)money::parse("12,34");
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::error& e) {
    EXPECT_TRUE(e.code() == errc::malformed_amount) << e.what();
    EXPECT_EQ(e.diagnostic_code(), "E0202");
  }
  // A value finer than the rounding mode allows is a rounding error, not a
  // malformed amount.
  try {
    (void)money::parse("1.234", unit::yuan, rounding::unnecessary);
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::error& e) {
    EXPECT_TRUE(e.code() == errc::rounding_necessary) << e.what();
    EXPECT_FALSE(e.code() == errc::malformed_amount) << e.what();
  }
}

// Text finer than 1 分 (or the decimal's scale) with rounding::unnecessary:
// both forms of parse give a code that compares equal to
// errc::rounding_necessary, and not to errc::malformed_amount, at the first
// digit too fine; without a mode it is a malformed amount (too_precise).
TEST(ErrorCondition, RoundingNecessaryInBothFormsOfParse) {
  struct row {
    std::string_view text;
    unit u;
    std::size_t position;
  };
  for (const row r : {row{"1.234", unit::yuan, 4}, row{" -12.3456789", unit::wan_yuan, 11},
                      row{"1.00000000001", unit::yi_yuan, 12}}) {
    SCOPED_TRACE(r.text);
    std::error_code ec;
    std::size_t pos = 0;
    EXPECT_EQ(money::parse(r.text, r.u, rounding::unnecessary, ec, pos), money{});
    EXPECT_TRUE(ec == errc::rounding_necessary) << ec.message();
    EXPECT_FALSE(ec == errc::malformed_amount) << ec.message();
    EXPECT_EQ(ec, amount_errc::rounding_necessary);
    EXPECT_EQ(ec.default_error_condition(), yusuan::make_error_condition(errc::rounding_necessary));
    EXPECT_EQ(pos, r.position);
    EXPECT_TRUE(yusuan::describe_amount_error(r.text, ec, pos, r.u, rounding::unnecessary)
                    .ends_with("; rounding is necessary"));
    try {
      (void)money::parse(r.text, r.u, rounding::unnecessary);
      ADD_FAILURE() << "no exception";
    } catch (const yusuan::rounding_error& e) {
      EXPECT_TRUE(e.code() == errc::rounding_necessary) << e.what();
      EXPECT_FALSE(e.code() == errc::malformed_amount) << e.what();
      EXPECT_EQ(e.position(), r.position);
      EXPECT_EQ(e.diagnostic_code(), "E0702");
      EXPECT_EQ(std::string_view(e.what()), "yusuan: " + yusuan::describe_amount_error(r.text, ec, pos, r.u));
    }
    // Without a mode: too_precise, a malformed amount, at the same place.
    EXPECT_EQ(money::parse(r.text, r.u, ec, pos), money{});
    EXPECT_EQ(ec, amount_errc::too_precise);
    EXPECT_TRUE(ec == errc::malformed_amount) << ec.message();
    EXPECT_FALSE(ec == errc::rounding_necessary) << ec.message();
    EXPECT_EQ(pos, r.position);
    try {
      (void)money::parse(r.text, r.u);
      ADD_FAILURE() << "no exception";
    } catch (const yusuan::amount_parse_error& e) {
      EXPECT_TRUE(e.code() == errc::malformed_amount) << e.what();
      EXPECT_EQ(e.position(), r.position);
    }
    // Any other mode rounds.
    EXPECT_EQ(money::parse(r.text, r.u, rounding::down, ec), money::parse(r.text, r.u, rounding::down));
    EXPECT_FALSE(ec);
  }

  std::error_code ec;
  std::size_t pos = 0;
  EXPECT_EQ(decimal<2>::parse("-0.125", rounding::unnecessary, ec, pos), decimal<2>{});
  EXPECT_TRUE(ec == errc::rounding_necessary) << ec.message();
  EXPECT_FALSE(ec == errc::malformed_amount) << ec.message();
  EXPECT_EQ(pos, 5u);
  try {
    (void)decimal<2>::parse("-0.125", rounding::unnecessary);
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::rounding_error& e) {
    EXPECT_TRUE(e.code() == errc::rounding_necessary) << e.what();
    EXPECT_EQ(e.position(), 5u);
  }
  EXPECT_EQ(decimal<2>::parse("-0.125", ec, pos), decimal<2>{});
  EXPECT_TRUE(ec == errc::malformed_amount) << ec.message();
  EXPECT_EQ(ec, amount_errc::too_precise);
  EXPECT_EQ(pos, 5u);
  // Exact text needs no rounding, whatever the mode.
  EXPECT_EQ(money::parse("1.230000", unit::yuan, rounding::unnecessary, ec), yuan("1.23"));
  EXPECT_FALSE(ec);
}

}  // namespace
