// Tests of the budget language: parsing, checks and diagnostics.
#include <yusuan/compile.hpp>

#include <gtest/gtest.h>

TEST(dsl, small_budget_checks_clean) {
  auto r = yusuan::compile_file("tests/data/small.budget");
  ASSERT_TRUE(r.ok()) << r.diagnostics.size();
  EXPECT_EQ(r.value->items().size(), 8u);
  EXPECT_EQ(r.value->expenditure_total(), yusuan::money::parse("120.00", yusuan::unit::wan_yuan));
}
