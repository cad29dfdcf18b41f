// The header of a budget: 标题, 年度, 金额单位, 单位 (and its 类型), 部门, and
// the units of a department budget.
#include "support/test_support.hpp"
#include "language/full_budget.hpp"

using namespace yusuan_test;

TEST(lang_header, title_year_unit_and_department) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r);
  const auto& b = *r.value;
  EXPECT_EQ(b.header().title, "往返测试 2024");
  EXPECT_EQ(b.year(), 2024);
  EXPECT_EQ(b.amount_unit(), yusuan::unit::wan_yuan);
  EXPECT_EQ(b.header().unit_code, "803019");
  EXPECT_EQ(b.header().unit_name, "洛阳市社会保险中心");
  EXPECT_EQ(b.header().type, yusuan::unit_type::civil_service);
  EXPECT_EQ(b.header().department_code, "803");
  EXPECT_EQ(b.header().department_name, "洛阳市人力资源和社会保障局");
  ASSERT_EQ(b.units().size(), 1u);
  EXPECT_EQ(b.units()[0].code, "803019");
  EXPECT_EQ(b.units()[0].name, "洛阳市社会保险中心");
  EXPECT_EQ(where(b.units()[0].span), "5:4");
  ASSERT_EQ(b.sources().size(), 1u);
  EXPECT_EQ(b.sources()[0]->name(), "t.budget");
}

TEST(lang_header, defaults_and_unit_types) {
  auto r = compile("208 01 09 30101: 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->year(), 0);
  EXPECT_EQ(r.value->amount_unit(), yusuan::unit::yuan);
  EXPECT_EQ(r.value->header().type, yusuan::unit_type::unknown);
  EXPECT_EQ(r.value->items()[0].amount, yuan("1.00"));
  for (auto [word, type] : {std::pair{"行政", yusuan::unit_type::administrative}, {"事业", yusuan::unit_type::institution},
                            {"参公", yusuan::unit_type::civil_service}, {"事业单位", yusuan::unit_type::institution}}) {
    auto u = compile(std::string("单位 1 \"x\" 类型 ") + word + "\n");
    ASSERT_TRUE(u.ok()) << dump(u);
    EXPECT_EQ(u.value->header().type, type) << word;
  }
}

TEST(lang_header, amount_units) {
  auto r = compile("金额单位 亿元\n208 01 09 30101: 1.5\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].amount, yuan("150000000.00"));
  auto y = compile("金额单位 元\n208 01 09 30101: 1,234.56\n");
  ASSERT_TRUE(y.ok()) << dump(y);
  EXPECT_EQ(y.value->items()[0].amount, yuan("1234.56"));
  auto w = compile("金额单位 万元\n208 01 09 30101: 0.0123\n");
  ASSERT_TRUE(w.ok()) << dump(w);
  EXPECT_EQ(w.value->items()[0].amount, yuan("123.00"));
}

TEST(lang_header, units_of_a_department) {
  auto r = compile("金额单位 万元\n部门 803 \"人社局\"\n单位 803001 \"局机关\" 类型 行政\n208 01 01 30101: 1.00\n"
                   "单位 803019 \"社保中心\" 类型 参公\n208 01 09 30101: 2.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.units().size(), 2u);
  EXPECT_EQ(b.units()[1].code, "803019");
  EXPECT_EQ(b.units()[1].type, yusuan::unit_type::civil_service);
  EXPECT_EQ(b.items()[0].unit, 0u);
  EXPECT_EQ(b.items()[1].unit, 1u);
}

TEST(lang_header, unit_and_department_without_a_code) {
  // many published budgets print no code: the name alone declares the unit
  auto r = compile("部门 \"上海市普陀区商务委员会\"\n单位 \"上海市普陀区商务委员会\" 类型 行政\n"
                   "208 01 09 30101: 1.00\n核对 合计(单位 = 上海市普陀区商务委员会) = 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& h = r.value->header();
  EXPECT_EQ(h.unit_code, "");
  EXPECT_EQ(h.unit_name, "上海市普陀区商务委员会");
  EXPECT_EQ(h.department_code, "");
  EXPECT_EQ(h.department_name, "上海市普陀区商务委员会");
  EXPECT_EQ(h.type, yusuan::unit_type::administrative);
  EXPECT_TRUE(r.value->constraints()[0].passed);
}
