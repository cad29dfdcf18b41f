// The two forms of run() and run_with_prior() (<yusuan/query/run.hpp>): the
// form with a std::error_code gives what the throwing form returns, and for a
// result past what an amount holds sets the code the throwing form's
// exception carries (errc::overflow) and returns no table.
#include <yusuan/compile/builder.hpp>
#include <yusuan/query.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

using yusuan::dimension;
using yusuan::errc;
using yusuan::money;
using yusuan::query;

namespace {

/// A budget of items of `fen` 分 each, of 208 01 09, 人员经费 for a positive
/// amount and 公用经费 for a negative one.
yusuan::budget budget_of(const std::vector<std::int64_t>& fen) {
  yusuan::budget_builder bb;
  bb.year(2024).unit("900001", "测试单位");
  for (const std::int64_t f : fen) {
    yusuan::item it;
    it.amount = money::from_fen(f);
    it.function = *yusuan::function_code::parse("2080109");
    it.kind = f >= 0 ? yusuan::spending_kind::personnel : yusuan::spending_kind::public_funds;
    bb.add(it);
  }
  yusuan::compile_options o;
  o.check_catalog = false;
  return bb.build(o);
}

constexpr std::int64_t near_max = std::numeric_limits<std::int64_t>::max() - 100;

/// Two items near the largest amount and one that takes them back: the
/// budget's total fits, the sum of 人员经费 does not.
const yusuan::budget& two_near_max() {
  static const yusuan::budget b = budget_of({near_max, near_max, -near_max});
  return b;
}

/// What the throwing form throws, as its code; errc::ok when it returns.
template <class F>
std::error_code thrown(F&& f) {
  try {
    (void)f();
  } catch (const yusuan::overflow_error& e) {
    EXPECT_EQ(e.diagnostic_code(), "E0701");
    return e.code();
  } catch (const yusuan::error& e) {
    ADD_FAILURE() << "not an overflow_error: " << e.what();
    return e.code();
  }
  return errc::ok;
}

}  // namespace

TEST(query_error_codes, a_group_sum_past_an_amount_is_overflow_in_both_forms) {
  const auto& b = two_near_max();
  ASSERT_EQ(b.expenditure_total(), money::from_fen(near_max));
  const query by_kind = query{}.sum().group_by(dimension::kind);
  const query personnel = query{}.sum().filtered(yusuan::kind_is(yusuan::spending_kind::personnel));
  const query pivot = query{}.sum().group_by(dimension::function, 1).pivot_by({dimension::kind, 0, {}});
  for (const query* q : {&by_kind, &personnel, &pivot}) {
    EXPECT_EQ(thrown([&] { return yusuan::run(b, *q); }), errc::overflow);
    std::error_code code = errc::invalid_argument;
    const std::optional<yusuan::result_table> t = yusuan::run(b, *q, code);
    EXPECT_FALSE(t.has_value());
    EXPECT_EQ(code, errc::overflow);
    EXPECT_EQ(code.category(), yusuan::error_category());
  }
}

TEST(query_error_codes, a_query_that_fits_gives_the_same_table_and_clears_the_code) {
  const auto& b = two_near_max();
  const query q = query{}.sum().group_by(dimension::function, 3);
  std::error_code code = errc::overflow;
  const auto t = yusuan::run(b, q, code);
  EXPECT_FALSE(code);
  ASSERT_TRUE(t.has_value());
  const auto want = yusuan::run(b, q);
  ASSERT_EQ(t->size(), want.size());
  ASSERT_EQ(t->size(), 1u);
  EXPECT_EQ(t->rows[0].labels, want.rows[0].labels);
  EXPECT_EQ(t->rows[0].values[0], money::from_fen(near_max));
  EXPECT_EQ(t->total, money::from_fen(near_max));
}

TEST(query_error_codes, run_with_prior_sets_overflow_for_either_year) {
  const auto& big = two_near_max();
  const auto small = budget_of({100, 200});
  const query by_kind = query{}.sum().group_by(dimension::kind);
  for (const auto& [current, prior] : {std::pair{&big, &small}, std::pair{&small, &big}}) {
    EXPECT_EQ(thrown([&] { return yusuan::run_with_prior(*current, *prior, by_kind); }), errc::overflow);
    std::error_code code;
    EXPECT_FALSE(yusuan::run_with_prior(*current, *prior, by_kind, code).has_value());
    EXPECT_EQ(code, errc::overflow);
  }
  // Sums that fit, and a change from 0.01 to near the largest amount that
  // does not fit 64 bits in percent.
  const auto one_fen = budget_of({1});
  const auto large = budget_of({near_max});
  const query total = query{}.sum();
  EXPECT_EQ(thrown([&] { return yusuan::run_with_prior(large, one_fen, total); }), errc::overflow);
  std::error_code code;
  EXPECT_FALSE(yusuan::run_with_prior(large, one_fen, total, code).has_value());
  EXPECT_EQ(code, errc::overflow);
  // The same years the other way round: a change of -99.999… %, -100.00.
  const auto t = yusuan::run_with_prior(one_fen, large, total, code);
  EXPECT_FALSE(code);
  ASSERT_TRUE(t.has_value());
  ASSERT_EQ(t->size(), 1u);
  EXPECT_EQ(t->rows[0].prior, money::from_fen(near_max));
  EXPECT_EQ(t->rows[0].change_units, -10000);
}
