// Projects (项目: 编码, 类型, 功能, 金额, items of their own) and their
// performance targets (绩效 { 产出 … 效益 … 成本 … 满意度 … }).
#include "support/test_support.hpp"
#include "language/full_budget.hpp"

using namespace yusuan_test;

TEST(lang_projects, declaration_and_targets) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.projects().size(), 1u);
  const auto& p = b.projects()[0];
  EXPECT_EQ(p.name, "社保公共服务经费");
  EXPECT_EQ(p.code, "410300200000000033610");
  EXPECT_EQ(p.kind, spending_kind::operating);
  EXPECT_EQ(p.function, fn("208 01 09"));
  EXPECT_EQ(p.amount, wan("50.00"));
  EXPECT_FALSE(p.has_items);
  EXPECT_EQ(p.group, 0u);
  EXPECT_EQ(where(p.span), "23:5");
  EXPECT_EQ(b.find_project("410300200000000033610"), &p);
  EXPECT_EQ(b.find_project("社保公共服务经费"), &p);
  EXPECT_EQ(b.find_project("无"), nullptr);
  ASSERT_EQ(p.targets.size(), 4u);
  EXPECT_EQ(p.targets[0].category, yusuan::target_category::output);
  EXPECT_EQ(p.targets[0].indicator, "社保政策宣传工作完成率");
  EXPECT_EQ(p.targets[0].comparator, "≥");
  EXPECT_EQ(p.targets[0].number, "95");
  EXPECT_EQ(p.targets[0].unit, "%");
  EXPECT_EQ(p.targets[0].text, "");
  EXPECT_EQ(p.targets[0].value_text(), "≥95%");
  EXPECT_EQ(where(p.targets[0].span), "25:5");
  EXPECT_EQ(p.targets[1].category, yusuan::target_category::outcome);
  EXPECT_EQ(p.targets[1].indicator, "各项社保待遇落实情况");
  EXPECT_EQ(p.targets[1].number, "");
  EXPECT_EQ(p.targets[1].text, "按时足额发放");
  EXPECT_EQ(p.targets[1].value_text(), "按时足额发放");
  EXPECT_EQ(p.targets[2].category, yusuan::target_category::cost);
  EXPECT_EQ(p.targets[2].comparator, "≤");
  EXPECT_EQ(p.targets[2].number, "350");
  EXPECT_EQ(p.targets[2].unit, "元/人.天");
  EXPECT_EQ(p.targets[3].category, yusuan::target_category::satisfaction);
  EXPECT_EQ(p.targets[3].value_text(), "≥90%");
}

TEST(lang_projects, target_values) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 金额 1.00 {\n  绩效目标 {\n    产出 天数 2天\n    产出 比例 >=99.5%\n"
                   "    产出 个数 ＝3家\n    满意度 \"群众 满意度\" \"较为 满意\"\n  }\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& t = r.value->projects()[0].targets;
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].comparator, "");
  EXPECT_EQ(t[0].number, "2");
  EXPECT_EQ(t[0].unit, "天");
  EXPECT_EQ(t[1].comparator, "≥");  // >= is normalised
  EXPECT_EQ(t[1].number, "99.5");
  EXPECT_EQ(t[2].comparator, "=");  // ＝ is normalised
  EXPECT_EQ(t[2].value_text(), "=3家");
  EXPECT_EQ(t[3].indicator, "群众 满意度");
  EXPECT_EQ(t[3].text, "较为 满意");
}

TEST(lang_projects, with_items_and_fields_on_their_own_lines) {
  auto r = compile("金额单位 万元\n项目 \"甲\" {\n  编码 P001\n  类型 特定目标类\n  功能 208 01 09\n  金额 6.00\n"
                   "  30201 办公费: 2.00\n  208 01 99 30202: 3.00\n}\n208 01 09 项目 \"甲\" 30203: 1.00\n"
                   "208 01 09 项目 \"乙\" 30204: 2.00\n# 乙 is declared after its item\n"
                   "核对 合计(项目 = 甲) = 6.00\n核对 合计(项目 = P001) = 6.00\n项目 \"乙\" 功能 208 01 09 类型 其他运转类\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.projects().size(), 2u);
  const auto& p = b.projects()[0];
  EXPECT_EQ(p.code, "P001");
  EXPECT_EQ(p.kind, spending_kind::specific);
  EXPECT_EQ(p.function, fn("2080109"));
  EXPECT_TRUE(p.has_items);
  EXPECT_EQ(p.amount, wan("6.00"));  // Σ of its items, the one outside the block included
  const auto items = b.items();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].project, 0u);
  EXPECT_EQ(items[0].kind, spending_kind::specific);  // from the project
  EXPECT_EQ(items[0].function, fn("2080109"));        // from the project
  EXPECT_EQ(items[1].function, fn("2080199"));        // its own
  EXPECT_EQ(items[2].project, 0u);
  EXPECT_EQ(items[2].kind, spending_kind::specific);
  // an item may name a project declared after it
  EXPECT_EQ(items[3].project, 1u);
  EXPECT_EQ(items[3].kind, spending_kind::operating);
  EXPECT_EQ(b.projects()[1].amount, wan("2.00"));
  EXPECT_EQ(b.projects()[1].function, fn("2080109"));
}

TEST(lang_projects, item_names_a_project_by_its_code) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 编码 P001 功能 208 01 09 金额 1.00\n208 01 09 项目 P001 30101: 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].project, 0u);
}

TEST(lang_projects, declaration_after_an_item) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n项目 \"p\" 金额 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->projects().size(), 1u);
  EXPECT_EQ(r.value->items()[0].project, yusuan::npos32);
}
