// tests/data/small.budget, the sample budget of the other tests: it compiles
// without a diagnostic, and it holds what full_zh holds.
#include "support/test_support.hpp"
#include "language/full_budget.hpp"

using namespace yusuan_test;

TEST(lang_small_budget, checks_clean) {
  auto r = compile_path("tests/data/small.budget");
  ASSERT_TRUE(r.ok()) << r.diagnostics.size();
  EXPECT_EQ(r.value->items().size(), 8u);
  EXPECT_EQ(r.value->expenditure_total(), yusuan::money::parse("120.00", yusuan::unit::wan_yuan));
}

TEST(lang_small_budget, has_no_diagnostics_and_loads) {
  auto r = compile_path("tests/data/small.budget");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r);
  EXPECT_FALSE(r.io_error);
  const yusuan::budget b = yusuan::compile_file("tests/data/small.budget");
  EXPECT_EQ(b.constraints().size(), 7u);
  for (const auto& c : b.constraints()) EXPECT_TRUE(c.passed) << c.text;
}

TEST(lang_small_budget, matches_the_full_one) {
  // small.budget is full_zh without the extra targets, figures and constraints.
  auto small = compile_path("tests/data/small.budget");
  ASSERT_TRUE(small.ok()) << dump(small);
  auto full = compile(full_zh);
  ASSERT_TRUE(full.ok());
  ASSERT_EQ(small.value->items().size(), 8u);
  ASSERT_EQ(small.value->items().size(), full.value->items().size());
  for (std::size_t i = 0; i < small.value->items().size(); ++i) {
    const auto& x = small.value->items()[i];
    const auto& y = full.value->items()[i];
    const auto& w = full_items[i];
    EXPECT_EQ(x.amount, wan(w.amount)) << i;
    EXPECT_EQ(x.econ, ec(w.econ)) << i;
    EXPECT_EQ(x.gov_econ, ec(w.gov)) << i;
    EXPECT_EQ(x.kind, w.kind) << i;
    EXPECT_EQ(x.amount, y.amount) << i;
    EXPECT_EQ(x.econ, y.econ) << i;
    EXPECT_EQ(x.gov_econ, y.gov_econ) << i;
    EXPECT_EQ(x.kind, y.kind) << i;
  }
}
