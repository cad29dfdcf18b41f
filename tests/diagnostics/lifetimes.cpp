// What the values the library hands out promise on their own: a diagnostic
// copied out of its diagnostics or its exception still resolves its place
// (it keeps its files alive); a budget moved from is still a budget; the
// diagnostics& forms add to what the caller's diagnostics held; a
// budget_error of one located error carries its position.
#include "support/test_support.hpp"

#include <yusuan/compile/builder.hpp>

#include <optional>
#include <sstream>
#include <utility>

using namespace yusuan_test;

TEST(lifetimes, a_diagnostic_copied_out_of_its_error_still_resolves_its_place) {
  std::optional<yusuan::diagnostic> kept;
  try {
    (void)yusuan::compile_string("金额单位 元\n208 01 09 30101: 1.00\n收入 一般公共预算 2.00\n", "k.budget", no_catalog());
  } catch (const yusuan::budget_error& e) {
    kept = e.diagnostics()[0];
  }
  ASSERT_TRUE(kept);  // the exception, its diagnostics and the budget's files are gone
  EXPECT_EQ(kept->code, "E0404");
  EXPECT_EQ(where_in_file(*kept), "k.budget:3:4");
  yusuan::diagnostics one;
  one.add(*kept);
  std::ostringstream os;
  yusuan::render_text(os, one);
  EXPECT_HAS(os.str(), "3 | 收入 一般公共预算 2.00");
}

TEST(lifetimes, diagnostics_outlive_the_budget_they_are_about) {
  yusuan::diagnostics d;
  {
    const auto b = yusuan::compile_string("金额单位 元\n208 01 09 基本支出 30101: 10.00\n208 01 09 基本支出 30201: -1.50\n",
                                          "w.budget", no_catalog());
    d = b.warnings();  // W0408 at the negative item, on a budget about to be destroyed
  }
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "W0408");
  EXPECT_EQ(where_in_file(d[0]).substr(0, 11), "w.budget:3:");
}

TEST(lifetimes, a_budget_moved_from_is_still_a_budget) {
  auto a = yusuan::compile_string("年度 2024\n金额单位 元\n208 01 09 30101: 1.00\n", "m.budget", no_catalog());
  const yusuan::budget b = std::move(a);
  EXPECT_EQ(b.year(), 2024);
  EXPECT_EQ(a.year(), 2024);  // NOLINT(bugprone-use-after-move): a move shares the contents
  EXPECT_EQ(a.items().size(), 1u);
  yusuan::budget c;
  c = std::move(a);
  EXPECT_EQ(c.items().size(), 1u);
  EXPECT_EQ(a.items().size(), 1u);  // NOLINT(bugprone-use-after-move)
}

TEST(lifetimes, the_diagnostics_forms_add_to_what_the_diagnostics_held) {
  yusuan::diagnostics d;
  EXPECT_FALSE(yusuan::compile_string("208 01 09 30101: x\n", "a.budget", d, no_catalog()));
  const std::size_t first = d.size();
  ASSERT_GT(first, 0u);
  EXPECT_TRUE(yusuan::compile_string("金额单位 元\n208 01 09 30101: 1.00\n", "b.budget", d, no_catalog()));
  EXPECT_EQ(d.size(), first);  // the second adds nothing, and keeps the first's
  EXPECT_EQ(d.error_count(), first);
  const auto b = yusuan::compile_string("金额单位 元\n208 01 09 30101: 1.00\n", "c.budget", no_catalog());
  EXPECT_FALSE(yusuan::parse_query("sum where 没有 = 1", b, d));
  EXPECT_GT(d.size(), first);
  EXPECT_EQ(file_of(d[0]), "a.budget");
  // a budget compiled into diagnostics that held errors is returned: its own warnings are its own
  EXPECT_TRUE(yusuan::compile_string("金额单位 元\n208 01 09 30101: 1.00\n", "e.budget", d, no_catalog()));
}

TEST(lifetimes, a_budget_error_of_one_located_error_carries_its_position) {
  try {
    (void)yusuan::compile_string("金额单位 元\n208 01 09 30101: 1.0x\n", "p.budget", no_catalog());
    FAIL() << "no budget_error";
  } catch (const yusuan::budget_error& e) {
    ASSERT_EQ(e.diagnostics().error_count(), 1u) << e.what();
    EXPECT_EQ(e.diagnostic_code(), e.diagnostics()[0].code);
    EXPECT_EQ(e.position(), e.diagnostics()[0].span.offset);
    EXPECT_NE(e.position(), yusuan::error::no_position);
  }
  try {
    (void)yusuan::compile_string("金额单位 元\n208 01 09 30101: 1.0x\n208 01 09 30101: 2.0y\n", "p.budget", no_catalog());
    FAIL() << "no budget_error";
  } catch (const yusuan::budget_error& e) {
    EXPECT_EQ(e.position(), yusuan::error::no_position);  // two errors: diagnostics() has both places
    EXPECT_EQ(e.diagnostic_code(), "");
  }
}
