// budget_builder's tags, project groups, figures, measures and constraints:
// a budget assembled in C++ holds what the same budget written in the
// language holds, measures evaluate to the same values and constraints pass
// and fail alike; mistakes of the calling code are diagnostics, not crashes.
#include <yusuan/compile.hpp>
#include <yusuan/compile/builder.hpp>
#include <yusuan/query.hpp>
#include <yusuan/query/expressions.hpp>
#include <yusuan/rules/named_value.hpp>

#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <sstream>
#include <span>
#include <string>
#include <vector>

using namespace yusuan_test;
using yusuan::count_literal;
using yusuan::literal;
using yusuan::named;
using yusuan::percent;
using yusuan::sum_of;

namespace {

yusuan::item item_of(std::string_view amount, std::string_view econ, spending_kind kind) {
  yusuan::item it;
  it.amount = yuan(amount);
  it.function = fn("2080109");
  it.econ = ec(econ);
  it.kind = kind;
  return it;
}

/// The budget of `written` (below), assembled in C++; `change` adds to it
/// before it is built.
yusuan::budget_builder assembled() {
  yusuan::budget_builder bb;
  bb.year(2024).unit("900001", "测试单位", yusuan::unit_type::institution);
  yusuan::income_line l;
  l.amount = yuan("300.00");
  bb.add(l);
  yusuan::item office = item_of("100.00", "30201", spending_kind::public_funds);
  office.tags = bb.tags({{"来源", "定额"}, {"批次", "一"}});
  bb.add(office);
  yusuan::project p;
  p.name = "甲项目";
  p.kind = spending_kind::operating;
  p.function = fn("2080109");
  p.amount = yuan("200.00");
  const auto pid = bb.add(p);
  yusuan::project_group g;
  g.name = "运转项目";
  g.members = {pid};
  const auto gid = bb.add(g);
  for (auto [amount, econ] : {std::pair{"120.00", "30201"}, std::pair{"80.00", "30202"}}) {
    yusuan::item it = item_of(amount, econ, spending_kind::operating);
    it.group = gid;
    bb.add(it);
  }
  bb.prior("办公", yuan("250.00")).figure("采购", yuan("10.00")).count("车辆", 4, "辆");
  bb.measure("办公", sum_of(yusuan::econ_is(ec("30201"))));
  bb.measure("办公占比", yusuan::share_of(named("办公"), named("支出合计")));
  return bb;
}

/// The same budget in the language.
constexpr const char* written = R"(年度 2024
单位 900001 测试单位 类型 事业
收入 一般公共预算 300.00
208 01 09 公用经费 {
  30201: 100.00 来源=定额 批次=一
}
项目 甲项目 类型 其他运转类 功能 208 01 09 金额 200.00
项目组 运转项目 (甲项目) 208 01 09 其他运转类 {
  30201: 120.00
  30202: 80.00
}
上年 办公 250.00
数值 采购 10.00
计数 车辆 4 辆
口径 办公 = 合计(经济 = 30201)
口径 办公占比 = 占比(办公, 支出合计)
)";

}  // namespace

TEST(builder_rules, a_budget_assembled_in_cpp_holds_what_its_text_holds) {
  auto bb = assembled();
  yusuan::diagnostics diags;
  const auto built = bb.build(diags, no_catalog());
  ASSERT_TRUE(built.has_value()) << dump(diags);
  const auto text = compile(written);
  ASSERT_TRUE(text.value.has_value()) << dump(text);
  const yusuan::budget& a = *built;
  const yusuan::budget& b = *text.value;
  // tags: the same sets, read back by key
  ASSERT_EQ(a.items().size(), b.items().size());
  EXPECT_EQ(a.tag_of(a.items()[0], "来源"), "定额");
  EXPECT_EQ(a.tag_of(a.items()[0], "批次"), "一");
  EXPECT_EQ(a.tags_of(a.items()[0]), b.tags_of(b.items()[0]));
  const auto by_tag = [](const yusuan::budget& x) {
    return yusuan::total(x, yusuan::tag_is(x, "来源", "定额")).sum.value();
  };
  EXPECT_EQ(by_tag(a), yuan("100.00"));
  EXPECT_EQ(by_tag(a), by_tag(b));
  // the group: its member and its breakdown
  ASSERT_EQ(a.groups().size(), 1u);
  EXPECT_EQ(a.groups()[0].name, "运转项目");
  EXPECT_EQ(a.groups()[0].members, std::vector<std::uint32_t>{0});
  EXPECT_EQ(a.groups()[0].amount, yuan("200.00"));
  EXPECT_EQ(a.groups()[0].amount, b.groups()[0].amount);
  EXPECT_EQ(a.projects()[0].group, 0u);
  // figures
  EXPECT_EQ(a.prior("办公"), yuan("250.00"));
  ASSERT_EQ(a.figures().size(), 2u);
  EXPECT_EQ(a.figures()[1].name, "车辆");
  EXPECT_FALSE(a.figures()[1].is_money);
  EXPECT_EQ(a.figures()[1].count, 4);
  EXPECT_EQ(a.figures()[1].unit, "辆");
  // measures: the values the compiler finds for the same definitions
  ASSERT_EQ(a.measures().size(), 2u);
  EXPECT_EQ(a.measures()[0].value, yuan("220.00"));
  for (std::size_t i = 0; i < 2; ++i) {
    SCOPED_TRACE(a.measures()[i].name);
    EXPECT_EQ(a.measures()[i].name, b.measures()[i].name);
    EXPECT_EQ(a.measures()[i].value, b.measures()[i].value);
    EXPECT_EQ(a.measures()[i].is_count, b.measures()[i].is_count);
  }
}

TEST(builder_rules, constraints_pass_and_fail_as_the_same_text_does) {
  struct one {
    yusuan::expr lhs;
    const char* cmp;
    yusuan::expr rhs;
    yusuan::constraint_options options;
    const char* text;  // what the builder writes, and the language reads
  };
  const one cases[] = {
      {named("办公"), "=", literal(yuan("220.00")), {}, "核对 办公 = 220.00"},
      {named("办公"), "=", literal(yuan("220.01")), {}, "核对 办公 = 220.01"},
      {named("办公"), "=", literal(yuan("220.01")), {yuan("0.01"), false, {}, {}}, "核对 办公 = 220.01 容差 0.01"},
      {named("办公占比"), "≤", percent(70), {}, "核对 办公占比 ≤ 70%"},
      {named("办公占比"), "<", percent(7333, 2), {}, "核对 办公占比 < 73.33%"},
      {yusuan::count_of(), "=", count_literal(3), {}, "核对 计数() = 3"},
      {named("车辆"), "≥", count_literal(5), {}, "核对 车辆 ≥ 5"},
      {sum_of(yusuan::kind_is(spending_kind::operating)) - named("办公"), "≠", literal(yuan("0.00")), {},
       "核对 合计(类型 = 其他运转类) - 办公 ≠ 0.00"},
      {yusuan::change_of(named("办公")), "=", percent(-12), {}, "核对 增幅(办公) = -12%"},
      {named("办公"), ">", yusuan::prior_of("办公"), {{}, true, "办公经费应增长", {}}, "核对 办公 > 上年(办公) 警告"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto bb = assembled();
    bb.constraint(c.lhs, c.cmp, c.rhs, c.options);
    std::vector<yusuan::constraint_result> seen;
    auto options = no_catalog();
    options.on_constraint = [&](const yusuan::constraint_result& r) { seen.push_back(r); };
    yusuan::diagnostics from_cpp;
    const auto built = bb.build(from_cpp, options);
    const std::string source = std::string(written) + c.text +
                               (c.options.message.empty() ? "" : " \"" + c.options.message + "\"") + "\n";
    const auto text = compile(source);
    ASSERT_EQ(seen.size(), 1u) << dump(from_cpp);
    const auto& mine = built ? built->constraints() : std::span<const yusuan::constraint_result>(seen);
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].text, c.text);
    const auto& theirs = text.value ? text.value->constraints() : std::span<const yusuan::constraint_result>{};
    // the language's verdict, from its budget or from its diagnostics
    const bool text_passed = text.value ? theirs.size() == 1 && theirs[0].passed : false;
    EXPECT_EQ(mine[0].passed, text_passed) << dump(text);
    EXPECT_EQ(built.has_value(), text.value.has_value()) << dump(from_cpp) << "\n--\n" << dump(text);
    EXPECT_EQ(with_code(from_cpp, "E0501").size(), with_code(text, "E0501").size());
    EXPECT_EQ(with_code(from_cpp, "W0501").size(), with_code(text, "W0501").size());
    if (!c.options.message.empty()) {
      EXPECT_TRUE(has(dump(from_cpp), c.options.message)) << dump(from_cpp);
    }
  }
}

TEST(builder_rules, a_failed_constraint_is_located_by_its_text_not_a_file) {
  auto bb = assembled();
  bb.constraint(named("办公"), "=", literal(yuan("999.00")));
  yusuan::diagnostics diags;
  EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
  const auto failed = with_code(diags, "E0501");
  ASSERT_EQ(failed.size(), 1u) << dump(diags);
  EXPECT_TRUE(has(failed[0]->message, "核对 办公 = 999.00")) << dump(diags);
  EXPECT_EQ(failed[0]->expected, "999.00");
  EXPECT_TRUE(has(failed[0]->found, "220.00")) << dump(diags);
  // constraints_as_warnings: the budget is built, its constraint failed
  auto again = assembled();
  again.constraint(named("办公"), "=", literal(yuan("999.00")));
  auto options = no_catalog();
  options.constraints_as_warnings = true;
  yusuan::diagnostics warned;
  const auto b = again.build(warned, options);
  ASSERT_TRUE(b.has_value()) << dump(warned);
  ASSERT_EQ(b->constraints().size(), 1u);
  EXPECT_FALSE(b->constraints()[0].passed);
  EXPECT_EQ(with_code(warned, "W0501").size(), 1u) << dump(warned);
}

TEST(builder_rules, mistakes_of_the_calling_code_are_diagnostics) {
  struct bad_case {
    const char* what;
    std::function<void(yusuan::budget_builder&)> change;
    const char* code;
    const char* message;
  };
  const bad_case cases[] = {
      {"comparison", [](auto& bb) { bb.constraint(named("办公"), "=~", literal(yuan("1.00"))); }, "E0205",
       "constraint 0 compares with '=~'"},
      {"tolerance", [](auto& bb) { bb.constraint(named("办公"), "=", literal(yuan("1.00")), {yuan("-0.01"), false, {}, {}}); },
       "E0202", "constraint 0: a tolerance (容差) below zero"},
      {"tolerance of a percentage",
       [](auto& bb) { bb.constraint(named("办公占比"), "≤", percent(90), {yuan("0.01"), false, {}, {}}); }, "E0502",
       "constraint 0: 容差 does not apply to a percentage"},
      {"percentage of a negative scale", [](auto& bb) { bb.constraint(named("办公占比"), "≤", percent(9, -1)); },
       "E0202", "constraint 0: a percentage of 9 at scale -1"},
      {"percentage of seven decimals",
       [](auto& bb) { bb.constraint(named("办公占比"), "≤", percent(885328837, 7)); }, "E0202",
       "constraint 0: a percentage of 885328837 at scale 7"},
      {"amount without a negation",
       [](auto& bb) { bb.measure("负", named("支出合计") - literal(yusuan::money::min())); }, "E0202",
       "measure '负': an amount of -9223372036854775808 分 is more than an amount can hold"},
      {"published with more decimals than it has",
       [](auto& bb) { bb.constraint(named("办公"), "=", yusuan::published(yuan("220.05"), 1)); }, "E0202",
       "constraint 0: a published figure of 1 decimal: 220.05 元"},
      {"published without decimals",
       [](auto& bb) { bb.constraint(named("办公"), "=", yusuan::published(yuan("220.00"), -1)); }, "E0202",
       "constraint 0: a published figure needs its decimals"},
      {"a 政府 code as a 部门 one", [](auto& bb) { bb.measure("错码", sum_of(yusuan::econ_in({50101}))); }, "E0201",
       "measure '错码': 经济 = '50101' is no 部门 economic code"},
      {"a code of no level", [](auto& bb) { bb.measure("错码", sum_of(yusuan::econ_in({3}))); }, "E0201",
       "measure '错码': 经济 = '3' is no 部门 economic code"},
      {"no code", [](auto& bb) { bb.measure("错码", sum_of(yusuan::function_is(yusuan::function_code{}))); }, "E0201",
       "measure '错码': 功能 = '' is no functional code"},
      {"project code twice",
       [](auto& bb) {
         yusuan::project p;
         p.name = "乙项目";
         p.code = "C1";
         bb.add(p);
         p.name = "丙项目";
         bb.add(p);
       },
       "E0203", "project code C1 is given to two projects"},
      {"measure twice", [](auto& bb) { bb.measure("办公", count_literal(1)); }, "E0303",
       "a measure '办公' is declared twice"},
      {"figure and measure", [](auto& bb) { bb.figure("办公占比", yuan("1.00")); }, "E0303",
       "'办公占比' is declared as a measure and as a figure"},
      {"prior twice", [](auto& bb) { bb.prior("办公", yuan("1.00")); }, "E0303",
       "prior-year figure '办公' is stated twice"},
      {"group twice",
       [](auto& bb) {
         yusuan::project_group g;
         g.name = "运转项目";
         bb.add(g);
       },
       "E0303", "project group '运转项目' is declared twice"},
      {"project in two groups",
       [](auto& bb) {
         yusuan::project_group g;
         g.name = "另一组";
         g.members = {0};
         bb.add(g);
       },
       "E0303", "project '甲项目' is in group '运转项目' and in group '另一组'"},
      {"tag without a key", [](auto& bb) { bb.items()[0].tags = bb.tags({{"", "定额"}}); }, "E0206",
       "tag set 2 has a tag without a key"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto bb = assembled();
    c.change(bb);
    yusuan::diagnostics diags;
    EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
    const auto found = with_code(diags, c.code);
    ASSERT_EQ(found.size(), 1u) << dump(diags);
    EXPECT_EQ(found[0]->message, c.message);
    EXPECT_FALSE(found[0]->span);
    // and the throwing form throws budget_error, nothing else
    auto again = assembled();
    c.change(again);
    EXPECT_THROW((void)again.build(no_catalog()), yusuan::budget_error);
  }
  // a measure naming nothing the budget has: E0302, as in the language
  auto bb = assembled();
  bb.measure("误", named("不存在的口径"));
  yusuan::diagnostics diags;
  EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
  EXPECT_EQ(with_code(diags, "E0302").size(), 1u) << dump(diags);
}

TEST(builder_rules, a_tag_set_is_the_same_id_for_the_same_tags_and_keeps_a_keys_last_value) {
  yusuan::budget_builder bb;
  const auto a = bb.tags({{"甲", "1"}, {"乙", "2"}});
  const auto b = bb.tags({{"乙", "2"}, {"甲", "1"}});
  const auto c = bb.tags({{"甲", "0"}, {"乙", "2"}, {"甲", "1"}});
  EXPECT_NE(a, 0u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, c);
  EXPECT_EQ(bb.tags({}), 0u);
  const std::vector<std::pair<std::string, std::string>> v{{"甲", "9"}};
  EXPECT_NE(bb.tags(v), a);
}

TEST(builder_rules, the_example_of_the_language_guide_builds_with_its_warning) {
  // docs/language.md §11, as written there
  yusuan::budget_builder bb;
  bb.year(2024).unit("900001", "测试单位", yusuan::unit_type::institution);
  yusuan::item it;
  it.amount = yusuan::money::parse("10.00");
  it.function = *yusuan::function_code::parse("208 01 09");
  it.econ = *yusuan::econ_code::parse("30217");
  it.kind = yusuan::spending_kind::public_funds;
  it.tags = bb.tags({{"来源", "定额"}});
  bb.add(it);
  bb.prior("三公经费", yusuan::money::parse("9.20"));
  bb.measure("三公经费", yusuan::sum_of(yusuan::econ_in({30212, 30217, 30231, 31013})));
  bb.constraint(yusuan::named("三公经费"), "≤", yusuan::prior_of("三公经费"),
                {.tolerance = {}, .warning = true, .message = "三公经费不得增长", .text = {}});
  const yusuan::budget b = bb.build(no_catalog());
  ASSERT_EQ(b.constraints().size(), 1u);
  EXPECT_EQ(b.constraints()[0].text, "核对 三公经费 ≤ 上年(三公经费) 警告");
  EXPECT_FALSE(b.constraints()[0].passed);
  const auto w = with_code(b.warnings(), "W0501");
  ASSERT_EQ(w.size(), 1u) << dump(b.warnings());
  EXPECT_TRUE(has(w[0]->message, "三公经费不得增长")) << dump(b.warnings());
}

TEST(builder_rules, a_build_that_failed_can_be_tried_again) {
  auto bb = assembled();
  bb.constraint(named("办公"), "=", literal(yuan("230.00")));
  yusuan::diagnostics first;
  EXPECT_FALSE(bb.build(first, no_catalog()).has_value());
  EXPECT_EQ(with_code(first, "E0501").size(), 1u) << dump(first);
  // tried again, failed constraints as warnings: built, with the one
  // constraint's result (none left over from the first try)
  auto options = no_catalog();
  options.constraints_as_warnings = true;
  yusuan::diagnostics second;
  const auto b = bb.build(second, options);
  ASSERT_TRUE(b.has_value()) << dump(second);
  ASSERT_EQ(b->constraints().size(), 1u);
  EXPECT_FALSE(b->constraints()[0].passed);
  EXPECT_EQ(b->constraints()[0].level, yusuan::severity::warning);
  EXPECT_EQ(b->constraints()[0].text, "核对 办公 = 230.00");  // as written: 警告 is the option's, not the text's
  EXPECT_EQ(with_code(second, "W0501").size(), 1u) << dump(second);
  EXPECT_TRUE(with_code(second, "E0501").empty()) << dump(second);
}

TEST(builder_rules, tags_and_project_codes_are_named_by_their_text) {
  auto bb = assembled();
  yusuan::project p;
  p.name = "乙项目";
  p.code = "410300200000000033610";
  p.kind = spending_kind::specific;
  p.function = fn("2080109");
  p.amount = yuan("5.00");
  const auto pid = bb.add(p);
  yusuan::item it;  // neither kind nor function: the project's
  it.amount = yuan("5.00");
  it.econ = ec("30201");
  it.project = pid;
  bb.add(it);
  yusuan::income_line more;
  more.source = fund_source::government_fund;
  more.amount = yuan("5.00");
  bb.add(more);
  bb.measure("定额", sum_of(yusuan::tag_is("来源", "定额")));
  bb.measure("乙", sum_of(yusuan::where_eq({yusuan::dimension::project, 0, {}}, [] {
    yusuan::filter_value v;
    v.text = "410300200000000033610";
    return v;
  }())));
  yusuan::diagnostics diags;
  const auto b = bb.build(diags, no_catalog());
  ASSERT_TRUE(b.has_value()) << dump(diags);
  EXPECT_EQ(yusuan::value_of(*b, "定额")->amount, yuan("100.00"));
  EXPECT_EQ(yusuan::value_of(*b, "乙")->amount, yuan("5.00"));
  EXPECT_EQ(b->items().back().kind, spending_kind::specific);
  EXPECT_EQ(b->items().back().function, fn("2080109"));
  // a tag named by its text on a compiled budget: total() looks it up there
  EXPECT_EQ(yusuan::total(*b, yusuan::tag_is("来源", "定额")).sum.value(), yuan("100.00"));
  EXPECT_EQ(yusuan::total(*b, yusuan::tag_is("来源", "无此值")).count, 0u);
}

TEST(builder_rules, what_goes_wrong_in_a_measure_or_a_constraint_is_said_to_be_there) {
  auto bb = assembled();
  bb.measure("误", named("三工经费"));
  bb.constraint(named("支出合计"), "≤", count_literal(3));
  yusuan::diagnostics diags;
  EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
  const auto unknown = with_code(diags, "E0302");
  ASSERT_EQ(unknown.size(), 1u) << dump(diags);
  EXPECT_TRUE(note_has(*unknown[0], "in the measure '误' = 三工经费")) << dump(diags);
  // a count built in C++ against an amount: E0502, not an amount past what one holds
  const auto mixed = with_code(diags, "E0502");
  ASSERT_EQ(mixed.size(), 1u) << dump(diags);
  EXPECT_EQ(mixed[0]->message, "a count can only be compared with a count or a whole number");
  EXPECT_TRUE(note_has(*mixed[0], "in constraint 0: 核对 支出合计 ≤ 3")) << dump(diags);
  EXPECT_TRUE(with_code(diags, "E0202").empty()) << dump(diags);
}

TEST(builder_rules, a_name_no_budget_has_is_said_to_be_in_its_measure_or_constraint) {
  // an unknown project (E0301) and a tag key no item carries (W0305), found
  // while the names of the filters are looked up
  auto bb = assembled();
  yusuan::filter_value nowhere;
  nowhere.text = "无此项目";
  bb.measure("无此项目", sum_of(yusuan::where_eq({yusuan::dimension::project, 0, {}}, nowhere)));
  bb.constraint(sum_of(yusuan::tag_is("来源X", "定额")), "=", literal(yuan("0.00")));
  yusuan::diagnostics diags;
  EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
  const auto unknown = with_code(diags, "E0301");
  ASSERT_EQ(unknown.size(), 1u) << dump(diags);
  EXPECT_EQ(unknown[0]->message, "unknown project '无此项目'");
  EXPECT_TRUE(note_has(*unknown[0], "in the measure '无此项目' = 合计(项目 = 无此项目)")) << dump(diags);
  const auto tag = with_code(diags, "W0305");
  ASSERT_EQ(tag.size(), 1u) << dump(diags);
  EXPECT_TRUE(note_has(*tag[0], "in constraint 0: 核对 合计(来源X = 定额) = 0.00")) << dump(diags);
}

TEST(builder_rules, a_failed_constraint_prints_what_was_expected_and_found) {
  auto bb = assembled();
  bb.constraint(named("办公"), "≤", literal(yuan("200.00")));
  yusuan::diagnostics diags;
  EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
  std::ostringstream os;
  yusuan::render_text(os, diags);
  EXPECT_TRUE(has(os.str(), "error[E0501]: constraint failed: 核对 办公 ≤ 200.00\n  = expected: ≤ 200.00\n  = found: 220.00"))
      << os.str();
}

TEST(builder_rules, a_published_figure_is_compared_as_the_language_compares_it) {
  // 办公 is 220.00 元: as published in 万元 with two decimals it is 0.02
  auto bb = assembled();
  bb.amount_unit(yusuan::unit::wan_yuan);
  bb.constraint(named("办公"), "=", yusuan::published(wan("0.02")));
  bb.constraint(named("办公"), "=", literal(wan("0.02")));  // exactly: 0.022 is not 0.02
  std::vector<yusuan::constraint_result> seen;
  auto options = no_catalog();
  options.constraints_as_warnings = true;
  options.on_constraint = [&](const yusuan::constraint_result& r) { seen.push_back(r); };
  yusuan::diagnostics diags;
  ASSERT_TRUE(bb.build(diags, options).has_value()) << dump(diags);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].text, "核对 办公 = 0.02");
  EXPECT_TRUE(seen[0].passed);
  EXPECT_EQ(seen[1].text, "核对 办公 = 0.02");
  EXPECT_FALSE(seen[1].passed);
}

TEST(builder_rules, a_builder_that_has_built_starts_afresh_and_says_so) {
  auto bb = assembled();
  ASSERT_TRUE(bb.build(no_catalog()).items().size() > 0);
  yusuan::diagnostics diags;
  const auto empty = bb.build(diags, no_catalog());
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->items().empty());
  const auto w = with_code(diags, "W0410");
  ASSERT_EQ(w.size(), 1u) << dump(diags);
  EXPECT_TRUE(note_has(*w[0], "a budget_builder starts afresh once it has built a budget")) << dump(diags);
  // a builder that never built: the warning, without that note
  yusuan::budget_builder fresh;
  fresh.year(2024);
  yusuan::diagnostics d2;
  ASSERT_TRUE(fresh.build(d2, no_catalog()).has_value());
  const auto w2 = with_code(d2, "W0410");
  ASSERT_EQ(w2.size(), 1u) << dump(d2);
  EXPECT_TRUE(w2[0]->notes.empty()) << dump(d2);
}

TEST(builder_rules, a_diagnostic_about_an_item_names_it_by_its_index) {
  auto bb = assembled();
  yusuan::project p;
  p.name = "乙项目";
  p.kind = spending_kind::specific;
  p.function = fn("2080109");
  p.amount = yuan("1.00");  // its items add up to 5.00: E0402, its item in a note
  const auto pid = bb.add(p);
  yusuan::item it = item_of("5.00", "30201", spending_kind::specific);
  it.project = pid;
  bb.add(it);
  yusuan::diagnostics diags;
  EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
  const auto e = with_code(diags, "E0402");
  ASSERT_EQ(e.size(), 1u) << dump(diags);
  ASSERT_FALSE(e[0]->notes.empty());
  EXPECT_EQ(e[0]->notes.back().message, "208 01 09 30201 乙项目 5.00 (item 3)");
  EXPECT_FALSE(e[0]->notes.back().span);  // no line of text to point at
  std::ostringstream os;
  yusuan::render_text(os, diags);
  EXPECT_FALSE(has(os.str(), "<builder>")) << os.str();
}

TEST(builder_rules, a_rebuilt_budget_keeps_the_figures_of_its_text_as_written) {
  // an amount typed in another unit than the budget's is a figure of that unit
  const auto c = compile("年度 2024\n单位 1 \"X\" 类型 事业\n收入 一般公共预算 12,345.00\n"
                         "208 01 09 公用经费 30201: 12,345.00\n口径 M = 支出合计 - 1.2345万元\n核对 M = 0.00\n");
  ASSERT_TRUE(c.value.has_value()) << dump(c);
  yusuan::budget_builder bb(*c.value);
  yusuan::diagnostics diags;
  const auto b = bb.build(diags, no_catalog());
  ASSERT_TRUE(b.has_value()) << dump(diags);
  EXPECT_EQ(yusuan::value_of(*b, "M")->amount, yuan("0.00"));
}

TEST(builder_rules, items_edited_in_place_are_named_by_their_place_now) {
  auto bb = assembled();
  bb.items().erase(bb.items().begin());  // the office item: 100.00 less, income now 100.00 more
  yusuan::income_line l;
  l.amount = yuan("-100.00");
  l.source = fund_source::general_budget;
  yusuan::project p;
  p.name = "乙项目";
  p.kind = spending_kind::specific;
  p.function = fn("2080109");
  p.amount = yuan("1.00");
  const auto pid = bb.add(p);
  yusuan::item it = item_of("5.00", "30201", spending_kind::specific);
  it.project = pid;
  bb.items().push_back(it);  // not through add(): index 2 all the same
  yusuan::diagnostics diags;
  EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
  EXPECT_TRUE(with_code(diags, "E0206").empty()) << dump(diags);
  const auto e = with_code(diags, "E0402");
  ASSERT_EQ(e.size(), 1u) << dump(diags);
  EXPECT_EQ(e[0]->notes.back().message, "208 01 09 30201 乙项目 5.00 (item 2)");
}

TEST(builder_rules, a_name_means_one_project_or_group) {
  {
    auto bb = assembled();
    yusuan::project p;
    p.name = "乙项目";
    p.code = "甲项目";  // the name of another
    bb.add(p);
    yusuan::diagnostics diags;
    EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
    const auto e = with_code(diags, "E0203");
    ASSERT_EQ(e.size(), 1u) << dump(diags);
    EXPECT_EQ(e[0]->message, "project code 甲项目 is the name of another project");
  }
  {
    auto bb = assembled();
    yusuan::project_group g;
    g.name = "甲项目";
    bb.add(g);
    yusuan::diagnostics diags;
    EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
    const auto e = with_code(diags, "E0303");
    ASSERT_EQ(e.size(), 1u) << dump(diags);
    EXPECT_EQ(e[0]->message, "project group '甲项目' has the name of a project");
  }
}

TEST(builder_rules, a_constraints_text_follows_the_unit_of_each_build) {
  auto bb = assembled();
  bb.constraint(named("办公"), "=", literal(yuan("211.00")));
  yusuan::diagnostics first;
  EXPECT_FALSE(bb.build(first, no_catalog()).has_value());
  EXPECT_TRUE(has(dump(first), "核对 办公 = 211.00")) << dump(first);
  bb.amount_unit(yusuan::unit::wan_yuan);
  yusuan::diagnostics second;
  EXPECT_FALSE(bb.build(second, no_catalog()).has_value());
  EXPECT_TRUE(has(dump(second), "核对 办公 = 0.0211")) << dump(second);
}

TEST(builder_rules, an_item_placed_past_the_end_of_a_compiled_file_is_an_error) {
  yusuan::budget_builder bb(reference_budget());
  bb.items()[0].offset = 100000000;  // a place in the reference budget's file it does not have
  yusuan::diagnostics diags;
  EXPECT_FALSE(bb.build(diags).has_value());
  const auto e = with_code(diags, "E0206");
  ASSERT_EQ(e.size(), 1u) << dump(diags);
  EXPECT_EQ(e[0]->message, "item 0 is at offset 100000000 of file 0");
}
