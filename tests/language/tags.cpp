// Tags (key=value) on items and blocks, and filters on them.
#include "support/test_support.hpp"

using namespace yusuan_test;

TEST(lang_tags, inherited_overridden_and_filtered) {
  auto r = compile("金额单位 万元\n208 01 09 来源=甲 {\n  30101: 1.00\n  30102: 2.00 来源=乙\n  30103: 3.00 另一=\"丙 丁\"\n}\n"
                   "208 01 09 30107: 4.00 类别=x 类别=y\n208 01 09 30108: 5.00\n核对 合计(来源 = 甲) = 4.00\n"
                   "核对 合计(来源 in (甲, 乙)) = 6.00\n核对 合计(另一 = \"丙 丁\") = 3.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  const auto items = b.items();
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(b.tag_of(items[0], "来源"), "甲");
  EXPECT_EQ(b.tag_of(items[1], "来源"), "乙");  // the item's own tag wins
  EXPECT_EQ(b.tag_of(items[2], "来源"), "甲");
  EXPECT_EQ(b.tag_of(items[2], "另一"), "丙 丁");
  EXPECT_EQ(b.tags_of(items[2]).size(), 2u);
  EXPECT_EQ(b.tag_of(items[3], "类别"), "y");  // the last one written wins
  EXPECT_EQ(b.tags_of(items[3]).size(), 1u);
  EXPECT_EQ(b.tag_of(items[4], "来源"), "");
  EXPECT_EQ(items[4].tags, 0u);
  EXPECT_NE(b.string_id("甲"), yusuan::npos32);
  EXPECT_EQ(b.string_id("不存在"), yusuan::npos32);
}
