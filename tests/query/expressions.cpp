// Expressions and filters built in C++ (<yusuan/query/expressions.hpp>) and
// their text: what to_text writes is what the language reads, and reads back
// to the same value.
#include <yusuan/compile.hpp>
#include <yusuan/query/expressions.hpp>
#include <yusuan/rules/named_value.hpp>

#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace yusuan_test;
using namespace yusuan;

TEST(expressions, a_filter_is_written_as_the_language_writes_it) {
  EXPECT_EQ(to_text(filter{}), "");
  EXPECT_EQ(to_text(econ_is(ec("30201"))), "经济 = 30201");
  EXPECT_EQ(to_text(function_is(fn("2080109"))), "功能 = 208 01 09");
  EXPECT_EQ(to_text(econ_in({30212, 302})), "经济 属于 (30212, 302)");
  EXPECT_EQ(to_text(kind_is(spending_kind::personnel) && fund_is(fund_source::general_budget)),
            "类型 = 人员经费 且 资金 = 一般公共预算");
  // an 或 inside a 且 keeps its parentheses; 非 takes one operand
  EXPECT_EQ(to_text(econ_is(ec("30201")) && (kind_is(spending_kind::personnel) || !econ_is(ec("302")))),
            "经济 = 30201 且 (类型 = 人员经费 或 非 经济 = 302)");
  // a name that is not a word is quoted, its quotes escaped
  filter_value v;
  v.text = "甲 \"乙\"";
  EXPECT_EQ(to_text(where_eq({dimension::project, 0, {}}, v)), "项目 = \"甲 \\\"乙\\\"\"");
  // an amount in the unit the text is written in
  filter_value big;
  big.amount = money::parse("12345.60");
  filter f = where_eq({dimension::amount, 0, {}}, big);
  f.kind = filter::op::ge;
  EXPECT_EQ(to_text(f), "金额 ≥ 12345.60");
  EXPECT_EQ(to_text(f, unit::wan_yuan), "金额 ≥ 1.23456");
  // an empty tag value given by text
  EXPECT_EQ(to_text(tag_is("来源", "")), "来源 = \"\"");
}

TEST(expressions, an_expression_is_written_as_the_language_writes_it) {
  EXPECT_EQ(to_text(sum_of()), "合计()");
  EXPECT_EQ(to_text(count_of(econ_is(ec("30201")))), "计数(经济 = 30201)");
  EXPECT_EQ(to_text(named("三公经费") + named("会议费") - literal(money::parse("1.5"))), "三公经费 + 会议费 - 1.50");
  EXPECT_EQ(to_text(named("甲") - (named("乙") + named("丙"))), "甲 - (乙 + 丙)");
  EXPECT_EQ(to_text(-(-named("甲"))), "甲");
  EXPECT_EQ(to_text(share_of(named("基本支出"), named("支出合计"))), "占比(基本支出, 支出合计)");
  EXPECT_EQ(to_text(change_of(named("三公经费"))), "增幅(三公经费)");
  EXPECT_EQ(to_text(prior_of("支出总计")), "上年(支出总计)");
  EXPECT_EQ(to_text(percent(606, 2)), "6.06%");
  EXPECT_EQ(to_text(percent(5, 2)), "0.05%");
  EXPECT_EQ(to_text(percent(-3)), "-3%");
  EXPECT_EQ(to_text(max_of(econ_is(ec("302")))), "最大(经济 = 302)");
  EXPECT_EQ(to_text(literal(money::parse("412.165", unit::wan_yuan)), unit::wan_yuan), "412.165");
  EXPECT_EQ(to_text(named("2024年")), "\"2024年\"");
  // a keyword as a name is quoted, or it would be read as the keyword
  EXPECT_EQ(to_text(named("合计")), "\"合计\"");
  EXPECT_EQ(to_text(named("sum") + named("且")), "\"sum\" + \"且\"");
  // a published figure keeps its decimals; a scale no text can write is shown, not spelt out
  EXPECT_EQ(to_text(published(money::parse("9.2"), 1)), "9.2");
  EXPECT_EQ(to_text(published(money::parse("9.2"))), "9.20");
  EXPECT_EQ(to_text(percent(9, -1)), "90%");
  EXPECT_EQ(to_text(percent(9, -2000000000)), "9e2000000000%");
}

TEST(expressions, the_text_reads_back_to_the_same_value) {
  const budget& ref = reference_budget();  // 万元
  const std::pair<const char*, expr> cases[] = {
      {"三公", sum_of(econ_in({30212, 30217, 30231, 31013}))},
      {"人员", sum_of(kind_is(spending_kind::personnel) && !econ_is(ec("30103")))},
      {"行数", count_of(econ_is(ec("302")) || function_is(fn("2080109")))},
      {"差额", named("支出合计") - sum_of(kind_is(spending_kind::basic)) - literal(money::parse("0.01", unit::wan_yuan))},
  };
  std::string text = read_all(reference_path);
  for (const auto& [name, e] : cases) text += std::string("\n口径 ") + name + " = " + to_text(e, unit::wan_yuan);
  const auto again = yusuan_test::compile(text + "\n", with_catalog(), reference_path);
  ASSERT_TRUE(again.value.has_value()) << dump(again);
  for (const auto& [name, e] : cases) {
    SCOPED_TRACE(name);
    const auto v = value_of(*again.value, name);
    ASSERT_TRUE(v.has_value());
    const auto t = total(ref, e.where);
    if (e.kind == expr::op::sum) {
      EXPECT_EQ(v->amount, t.sum.value());
    } else if (e.kind == expr::op::count) {
      EXPECT_TRUE(v->is_count);
      EXPECT_EQ(v->count, static_cast<std::int64_t>(t.count));
    }
  }
  // the difference: 支出合计 less 基本支出 is 项目支出, less 0.01
  const auto d = value_of(*again.value, "差额");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->amount, total(ref, kind_is(spending_kind::project)).sum.value() - money::parse("0.01", unit::wan_yuan));
}
