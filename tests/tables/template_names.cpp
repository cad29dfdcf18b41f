// The names a template file uses, read as a template has no budget to
// check them against: a dimension misspelt in 按, 排序 or a filter is E0305
// with the nearest dimensions (never a tag key that groups nothing), a real
// tag key still groups; a field misspelt, or a row's field, in a title, a
// header or a note is E0805 naming where it is and what it may print.
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

/// The diagnostics of a template of one table whose body is `body`.
yusuan::diagnostics read(const std::string& body) {
  yusuan::diagnostics d;
  const auto t = tb::read_template("模板 x\n表 A 甲 {\n" + body + "}\n", "m.template", d);
  EXPECT_EQ(t.has_value(), !d.has_errors()) << body;
  return d;
}

TEST(template_names, a_misspelt_dimension_is_an_error_with_the_nearest_names) {
  const std::string columns = "  列 \"名称\"\n  列 \"金额\" = 合计\n";
  for (const auto& [body, at] : std::vector<std::pair<std::string, std::string>>{
           {columns + "  按 经济类 行 经济.名称\n", "m.template:5:5"},
           {columns + "  按 经济 排序 经济类 行 经济.名称\n", "m.template:5:11"},
           {"  范围 经济类 = 301\n" + columns + "  行\n", "m.template:3:6"},
           {columns + "  行 \"其中\" 其中 经济类 = 301\n", "m.template:5:13"},
           {"  列 \"名称\"\n  列 \"金额\" = 合计(经济类 = 301)\n  行\n", "m.template:4:15"}}) {
    const auto d = read(body);
    ASSERT_EQ(d.size(), 1u) << body << dump(d);
    EXPECT_EQ(d[0].code, "E0305") << body;
    EXPECT_EQ(d[0].message, "unknown dimension '经济类'") << body;
    EXPECT_EQ(d[0].label, "did you mean '经济' or '经济.类'?") << body;
    EXPECT_EQ(where_in_file(d[0]), at) << body;
  }
  // in English as in Chinese
  const auto en = read("  列 \"名称\"\n  列 \"金额\" = 合计\n  按 kidn\n");
  ASSERT_EQ(en.size(), 1u) << dump(en);
  EXPECT_EQ(en[0].label, "did you mean 'kind'?");
}

TEST(template_names, a_tag_key_far_from_every_dimension_still_groups_and_filters) {
  const auto t = tb::read_template("模板 x\n表 A 甲 {\n  范围 项目类别 ≠ 其他\n  列 \"类别\"\n  列 \"金额\" = 合计\n"
                                   "  按 项目类别 行 项目类别\n}\n",
                                   "m.template");
  const auto b = yusuan::compile_string("金额单位 元\n208 01 09 基本支出 30101: 10.00 项目类别=定额\n"
                                        "208 01 09 基本支出 30102: 5.00 项目类别=其他\n",
                                        "b.budget");
  EXPECT_EQ(tb::to_string(tb::build(b, t, "A"), "csv"), "类别,金额\n定额,10.00\n");
  // the shipped templates group by the tag 项目类别
  EXPECT_EQ(tb::standard_templates().size(), 3u);
}

TEST(template_names, a_misspelt_field_of_a_title_says_where_it_is_and_what_a_title_prints) {
  const auto d = read("  标题 \"{年度}年{单位明称}预算表\"\n  列 \"名称\"\n  行 \"a\"\n");
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].code, "E0805");
  EXPECT_EQ(d[0].message, "unknown field '单位明称' in a title (标题)");
  EXPECT_EQ(d[0].label, "did you mean '单位名称'?");
  EXPECT_EQ(d[0].expected, "年度, 单位名称, 单位代码, 部门名称, 部门代码, 金额单位, 标题, 编号 or a 变量");
  EXPECT_EQ(where_in_file(d[0]), "m.template:3:12");
}

TEST(template_names, a_field_of_a_row_outside_a_row_names_the_text_it_is_in) {
  for (const auto& [body, message] : std::vector<std::pair<std::string, std::string>>{
           {"  标题 \"{功能.名称}\"\n  列 \"名称\"\n  行 \"a\"\n",
            "'功能.名称' is a field of a row, not of a title (标题)"},
           {"  列 \"{序号}\"\n  行 \"a\"\n", "'序号' is a field of a row, not of a column's header (列)"},
           {"  空表 \"{成本.指标}\"\n  列 \"名称\"\n  行 \"a\"\n",
            "'成本.指标' is a field of a row, not of an empty table's note (空表)"},
           {"  列 \"{金额单元}\"\n  行 \"a\"\n", "unknown field '金额单元' in a column's header (列)"}}) {
    const auto d = read(body);
    ASSERT_EQ(d.size(), 1u) << body << dump(d);
    EXPECT_EQ(d[0].code, "E0805") << body;
    EXPECT_EQ(d[0].message, message) << body;
  }
}

TEST(template_names, a_misspelt_field_of_a_row_is_unknown_with_the_nearest_fields) {
  const auto d = read("  列 \"名称\"\n  列 \"金额\" = 合计\n  按 功能 行 \"{功能名称}\"\n");
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].code, "E0805");
  EXPECT_EQ(d[0].message, "unknown field '功能名称'");
  EXPECT_EQ(d[0].label, "did you mean '功能.名称'?");
  // a tag key no group gives the row: the group it needs
  const auto tag = read("  列 \"名称\"\n  列 \"金额\" = 合计\n  按 功能 行 资金渠道\n");
  ASSERT_EQ(tag.size(), 1u) << dump(tag);
  EXPECT_EQ(tag[0].message, "'资金渠道' prints a key the row does not have");
}

}  // namespace
