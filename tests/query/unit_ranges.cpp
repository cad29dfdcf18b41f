// A filter on units scans only the items between the first and the last of
// those units (item_columns::unit_items, mask_program::first/end): the sums
// must be those of every item, whether a unit's items are together or
// interleaved with another's, under and, or and not, and for units with no
// items or none named.
#include "support/test_support.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/compile/builder.hpp>
#include <yusuan/query.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

/// Units 0 to 3: unit 1's items together, unit 2's interleaved with unit 0's
/// across several blocks of the scan, unit 3 without items.
yusuan::budget units_budget() {
  yusuan::budget_builder bb;
  bb.year(2025).unit("900000", "本级");
  const auto u1 = bb.add_unit("900001", "甲");
  const auto u2 = bb.add_unit("900002", "乙");
  bb.add_unit("900003", "丙");
  std::mt19937_64 rng(11);
  auto add = [&](std::uint16_t unit) {
    yusuan::item it;
    it.unit = unit;
    it.amount = yusuan::money::from_fen(static_cast<std::int64_t>(1 + rng() % 1'000'000));
    it.function = *yusuan::function_code::parse(rng() % 2 ? "2080109" : "2010301");
    it.econ = *yusuan::econ_code::parse(rng() % 2 ? "30101" : "30201");
    it.kind = rng() % 2 ? yusuan::spending_kind::personnel : yusuan::spending_kind::public_funds;
    bb.add(it);
  };
  for (int i = 0; i < 6'000; ++i) add(rng() % 3 == 0 ? u2 : 0);
  for (int i = 0; i < 5'000; ++i) add(u1);
  for (int i = 0; i < 3'000; ++i) add(rng() % 2 ? u2 : 0);
  yusuan::compile_options o;
  o.check_catalog = false;
  return bb.build(o);
}

/// The sum of the items whose unit is one of `units` (and, with `kind`, of that kind), item by item.
yusuan::money naive(const yusuan::budget& b, const std::vector<std::uint16_t>& units, bool negate = false,
                    const yusuan::spending_kind* kind = nullptr) {
  yusuan::money_sum s;
  for (const auto& it : b.items()) {
    bool in = false;
    for (auto u : units) in = in || it.unit == u;
    if (in == negate) continue;
    if (kind && !yusuan::kind_within(it.kind, *kind)) continue;
    s += it.amount;
  }
  return s.value();
}

yusuan::money sum_of(const yusuan::budget& b, const std::string& where) {
  const auto t = yusuan::run(b, yusuan::parse_query("sum where " + where, b));
  return t.total.value_or(yusuan::money{});
}

}  // namespace

TEST(unit_ranges, a_filter_on_units_sums_every_item_of_those_units) {
  const auto b = units_budget();
  ASSERT_EQ(b.items().size(), 14'000u);
  const auto personnel = yusuan::spending_kind::personnel;
  EXPECT_EQ(sum_of(b, "unit = 900000"), naive(b, {0}));
  EXPECT_EQ(sum_of(b, "unit = 900001"), naive(b, {1}));
  EXPECT_EQ(sum_of(b, "unit = 900002"), naive(b, {2}));
  EXPECT_EQ(sum_of(b, "unit = 900003"), yusuan::money{});
  EXPECT_EQ(sum_of(b, "unit in (900001, 900002)"), naive(b, {1, 2}));
  EXPECT_EQ(sum_of(b, "unit = 900001 or unit = 900003"), naive(b, {1}));
  EXPECT_EQ(sum_of(b, "unit = 900002 and kind = 人员经费"), naive(b, {2}, false, &personnel));
  EXPECT_EQ(sum_of(b, "unit = 900001 and unit = 900002"), yusuan::money{});
  EXPECT_EQ(sum_of(b, "unit != 900001"), naive(b, {1}, true));
  EXPECT_EQ(sum_of(b, "not unit = 900002"), naive(b, {2}, true));
  EXPECT_EQ(sum_of(b, "unit = 900001 or kind = 人员经费"), [&] {
    yusuan::money_sum s;
    for (const auto& it : b.items())
      if (it.unit == 1 || yusuan::kind_within(it.kind, personnel)) s += it.amount;
    return s.value();
  }());
  // counts and groups see the same items
  const auto t = yusuan::run(b, yusuan::parse_query("count by kind where unit = 900002", b));
  std::size_t n = 0;
  for (const auto& it : b.items()) n += it.unit == 2;
  std::size_t counted = 0;
  for (const auto& r : t.rows) counted += static_cast<std::size_t>(r.values[0]->count());
  EXPECT_EQ(counted, n);
}

TEST(unit_ranges, a_constraint_of_each_unit_counts_that_units_items) {
  // each unit's 核对 in a department: the per-unit sum, over items interleaved
  auto r = compile("金额单位 元\n单位 900000 \"本级\"\n208 01 09 基本支出 30101: 1.00\n"
                   "单位 900001 \"甲\"\n208 01 09 基本支出 30101: 2.00\n208 01 09 基本支出 30102: 3.00\n"
                   "单位 900002 \"乙\"\n208 01 09 基本支出 30101: 4.00\n"
                   "核对 合计(单位 = 900001) = 5.00\n核对 合计(单位 = 900002) = 4.00\n"
                   "核对 合计(单位 属于 (900000, 900002)) = 5.00\n核对 合计(单位 ≠ 900001) = 5.00\n");
  EXPECT_TRUE(r.ok()) << dump(r);
}
