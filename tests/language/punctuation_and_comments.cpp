// Full-width and ASCII punctuation, statement separators and comments.
#include "support/test_support.hpp"

using namespace yusuan_test;

TEST(lang_punctuation, variants_and_comments) {
  auto r = compile("金额单位 万元  # 注释\n// 整行注释\n208 01 09 30101：1.00\n208 01 09 ｛ 30102: 2.00 ｝ # 块\n"
                   "208 01 09 30103: 3.00; 208 01 09 30107: 4.00\n口径 甲 ＝ 合计(经济 属于 (30101， 30102、30103))\n"
                   "核对 甲 ＝ 6.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items().size(), 4u);
  EXPECT_EQ(r.value->find_measure("甲")->value, wan("6.00"));
}

TEST(lang_punctuation, fullwidth_parentheses) {
  auto r = compile("208 01 09 30101: 1.00\n核对 合计（经济 = 30101） = 1.00\n核对 合计(经济 in （30101）) = 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->constraints().size(), 2u);
  for (const auto& c : r.value->constraints()) EXPECT_TRUE(c.passed) << c.text;
}

TEST(lang_punctuation, no_break_spaces_are_blanks) {
  // U+00A0, U+2007 and U+202F, as text copied from a document or a web page
  // has them: blanks like U+3000 (once 3 errors for one of them in an income
  // line, which took the next line's code as its amount)
  const std::string nbsp = "\xC2\xA0", figure = "\xE2\x80\x87", narrow = "\xE2\x80\xAF";
  auto r = compile("金额单位 万元\n收入 一般公共预算" + nbsp + "10.00\n208 01 11 30101" + figure + "基本工资" + narrow +
                   ": 10.00\n核对" + nbsp + "支出合计 = 10.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->constraints().size(), 1u);
  EXPECT_EQ(r.value->constraints()[0].text, "核对 支出合计 = 10.00");
  EXPECT_TRUE(r.value->constraints()[0].passed);
  // between the groups of a code it is named (one space joins them); between whole codes it is a blank
  EXPECT_EQ(one(compile("208 01" + nbsp + "11 30101: 1.00\n"), "E0101").expected,
            "a plain space between the groups of a code, not a no-break space (U+00A0)");
  EXPECT_TRUE(compile("208 01 11" + nbsp + "30101: 1.00\n").ok());
}
