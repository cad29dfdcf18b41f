// Tags (key=value) on items and blocks, and filters on them.
#include "hostile/shapes.hpp"
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

TEST(lang_tags, many_tags_and_keys_written_again) {
  // a key written again keeps its last value, wherever it is on the line;
  // the same tags in another order make the same tag set
  auto r = compile("金额单位 元\n208 01 09 a=1 b=1 {\n  b=2 c=1 a=2 {\n    30101: 1.00 c=2 d=1 c=3 a=3\n"
                   "    30102: 1.00 d=1 a=3 c=3\n  }\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  const auto items = b.items();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(b.tag_of(items[0], "a"), "3");
  EXPECT_EQ(b.tag_of(items[0], "b"), "2");
  EXPECT_EQ(b.tag_of(items[0], "c"), "3");
  EXPECT_EQ(b.tag_of(items[0], "d"), "1");
  EXPECT_EQ(b.tags_of(items[0]).size(), 4u);
  EXPECT_EQ(items[0].tags, items[1].tags);
  // thousands of tags on each line
  auto many = compile(hostile::many_tags(3000));
  ASSERT_TRUE(many.ok()) << dump(many);
  const auto item = many.value->items()[0];
  EXPECT_EQ(many.value->tags_of(item).size(), 9000u);
  EXPECT_EQ(many.value->tag_of(item, "a2999"), "v");
  EXPECT_EQ(many.value->tag_of(item, "c0"), "v");
}
