// Expenditure items and their coordinates: functional codes (功能科目) in every
// spelling, 部门 → 政府 economic pairs, the names written with codes, and the
// order in which items are kept.
#include "support/test_support.hpp"
#include "language/full_budget.hpp"

using namespace yusuan_test;

TEST(lang_items, all_coordinates) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.items().size(), 8u);
  for (std::size_t i = 0; i < 8; ++i) {
    const auto& it = b.items()[i];
    const auto& w = full_items[i];
    EXPECT_EQ(it.amount, wan(w.amount)) << i;
    EXPECT_EQ(it.function, fn("2080109")) << i;
    EXPECT_EQ(it.econ, ec(w.econ)) << i;
    EXPECT_EQ(it.gov_econ, ec(w.gov)) << i;
    EXPECT_EQ(it.kind, w.kind) << i;
    EXPECT_EQ(it.fund, fund_source::general_budget) << i;
    EXPECT_EQ(it.file, 0u);
    EXPECT_EQ(it.project, yusuan::npos32) << i;
  }
  // items of the group block
  EXPECT_EQ(b.items()[5].group, yusuan::npos32);
  EXPECT_EQ(b.items()[6].group, 0u);
  EXPECT_EQ(b.items()[7].group, 0u);
  // where each item was written
  EXPECT_EQ(where(b.span_of(b.items()[0])), "11:5");
  EXPECT_EQ(where(b.span_of(b.items()[4])), "18:7");
  EXPECT_EQ(where(b.span_of(b.items()[7])), "33:3");
  // the two items of the 30299 block belong to the same published line
  EXPECT_EQ(b.items()[4].line, b.items()[5].line);
  EXPECT_NE(b.items()[0].line, b.items()[1].line);
}

TEST(lang_items, order_and_repeated_coordinates) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 3.00\n208 01 09 30101: 1.00\n208 01 09 30102: 2.00\n"
                   "208 01 09 30101: 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].amount, wan("3.00"));
  EXPECT_EQ(items[1].amount, wan("1.00"));
  EXPECT_EQ(items[2].amount, wan("2.00"));
  EXPECT_EQ(items[3].amount, wan("1.00"));
  EXPECT_EQ(items[0].econ, ec("30101"));
  EXPECT_EQ(items[0].econ, items[1].econ);
  EXPECT_EQ(items[1].econ, items[3].econ);
  EXPECT_EQ(items[2].econ, ec("30102"));
  EXPECT_LT(items[0].offset, items[1].offset);
  EXPECT_LT(items[2].offset, items[3].offset);
  EXPECT_EQ(where(r.value->span_of(items[3])), "5:1");
  EXPECT_EQ(r.value->expenditure_total(), wan("7.00"));
}

TEST(lang_items, names_of_codes) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  EXPECT_EQ(b.name_of(fn("208 01 09")), "社会保险经办机构");
  EXPECT_EQ(b.name_of(fn("208")), "");
  EXPECT_EQ(b.name_of(ec("30101")), "基本工资");
  EXPECT_EQ(b.name_of(ec("50101")), "工资奖金津补贴");
  EXPECT_EQ(b.name_of(ec("50206")), "公务接待费");
  EXPECT_EQ(b.name_of(ec("30217")), "公务接待费");
  EXPECT_EQ(b.name_of(ec("50208")), "");  // written without a name
  EXPECT_EQ(b.name_of(ec("30299")), "其他商品和服务支出");
  EXPECT_EQ(b.function_names().size(), 1u);
  // sorted by code
  for (std::size_t i = 1; i < b.econ_names().size(); ++i)
    EXPECT_LT(b.econ_names()[i - 1].code, b.econ_names()[i].code);
}

TEST(lang_items, functional_code_levels_and_spellings) {
  auto r = compile("208: 1.00\n20805: 2.00\n208 05: 3.00\n2080507: 4.00\n208 05 07: 5.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].function.level(), 1);
  EXPECT_EQ(items[0].function.str(), "208");
  EXPECT_EQ(items[1].function.level(), 2);
  EXPECT_EQ(items[1].function.str(), "20805");
  EXPECT_EQ(items[1].function, items[2].function);
  EXPECT_EQ(items[2].function.spaced(), "208 05");
  EXPECT_EQ(items[3].function.level(), 3);
  EXPECT_EQ(items[3].function.str(), "2080507");
  EXPECT_EQ(items[3].function, items[4].function);
  EXPECT_EQ(items[4].function, fn("2080507"));
  EXPECT_EQ(items[4].function.spaced(), "208 05 07");
  EXPECT_TRUE(items[0].function.contains(items[4].function));
}

TEST(lang_items, functional_code_dotted_spelling) {
  auto r = compile("208 05 07: 1.00\n2080507: 2.00\n208.05.07: 3.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 3u);
  for (const auto& it : items) {
    EXPECT_EQ(it.function.str(), "2080507");
    EXPECT_EQ(it.function.spaced(), "208 05 07");
  }
  EXPECT_EQ(items[0].function, items[2].function);
  EXPECT_EQ(items[1].function, items[2].function);
}

TEST(lang_items, functional_code_dotted_spelling_in_a_filter) {
  auto r = compile("208 05 07: 1.00\n核对 合计(功能 = 208.05.07) = 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->constraints().size(), 1u);
  EXPECT_TRUE(r.value->constraints()[0].passed);
}

TEST(lang_items, economic_pairs) {
  auto r = compile("金额单位 万元\n208 01 09 30101 基本工资 → 50101 工资奖金津补贴: 1.00\n"
                   "208 01 09 30102 -> 50101: 2.00\n208 01 09 30103 => 50101: 3.00\n208 01 09 50102: 4.00\n"
                   "208 01 09 301: 5.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].econ, ec("30101"));
  EXPECT_EQ(items[0].gov_econ, ec("50101"));
  EXPECT_EQ(items[1].econ, ec("30102"));
  EXPECT_EQ(items[1].gov_econ, ec("50101"));
  EXPECT_EQ(items[2].econ, ec("30103"));
  EXPECT_EQ(items[2].gov_econ, ec("50101"));
  EXPECT_TRUE(items[3].econ.empty());  // a 5xxxx code alone is the 政府 code
  EXPECT_EQ(items[3].gov_econ, ec("50102"));
  EXPECT_TRUE(items[3].gov_econ.is_government());
  EXPECT_EQ(items[4].econ.level(), 1);
  EXPECT_EQ(items[4].econ.str(), "301");
  EXPECT_TRUE(items[4].gov_econ.empty());
}
