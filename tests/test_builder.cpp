// budget_builder (<yusuan/compile/builder.hpp>): a budget assembled in C++ is
// checked as a compiled one is, whatever the calling code puts in its items,
// and a budget rebuilt from a compiled one is the same budget but for its
// constraints (核对), which the model holds only as results.
#include <yusuan/compile.hpp>
#include <yusuan/compile/builder.hpp>
#include <yusuan/query.hpp>

#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

using namespace yusuan_test;

namespace {

yusuan::item plain_item() {
  yusuan::item it;
  it.amount = yuan("100.00");
  it.function = fn("2080109");
  it.econ = ec("30201");
  it.kind = spending_kind::public_funds;
  return it;
}

/// The diagnostics of building a budget of one item, changed by `change`.
yusuan::diagnostics build_one(const std::function<void(yusuan::item&)>& change) {
  yusuan::budget_builder bb;
  bb.year(2024).unit("900001", "测试单位", yusuan::unit_type::institution);
  bb.add(plain_item());
  change(bb.items().back());  // add() sets the file and the offset: edited in place after
  yusuan::diagnostics diags;
  EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
  return diags;
}

/// The diagnostics of a build, in 元, of what `fill` adds, which must fail.
yusuan::diagnostics failed_build(const std::function<void(yusuan::budget_builder&)>& fill,
                                 const yusuan::compile_options& options) {
  yusuan::budget_builder bb;
  bb.amount_unit(yusuan::unit::yuan);
  fill(bb);
  yusuan::diagnostics d;
  EXPECT_FALSE(bb.build(d, options).has_value());
  return d;
}

}  // namespace

TEST(budget_builder, an_index_that_names_nothing_is_an_error_not_a_crash) {
  struct bad_case {
    const char* what;
    std::function<void(yusuan::item&)> change;
    const char* code;
    const char* message;
  };
  const bad_case cases[] = {
      {"project", [](yusuan::item& it) { it.project = 7; }, "E0301", "item 0 names project 7"},
      {"unit", [](yusuan::item& it) { it.unit = 9; }, "E0301", "item 0 names unit 9"},
      {"group", [](yusuan::item& it) { it.group = 3; }, "E0301", "item 0 names project group 3"},
      {"tags", [](yusuan::item& it) { it.tags = 5; }, "E0206", "item 0 names tag set 5"},
      {"file", [](yusuan::item& it) { it.file = 2; }, "E0206", "item 0 is at offset 0 of file 2"},
      {"kind", [](yusuan::item& it) { it.kind = static_cast<spending_kind>(42); }, "E0205",
       "item 0 has spending kind 42"},
      {"fund", [](yusuan::item& it) { it.fund = static_cast<fund_source>(200); }, "E0205",
       "item 0 has fund source 200"},
      {"balance of another fund's item", [](yusuan::item& it) { it.balance_of = fund_source::government_fund; },
       "E0205", "item 0 is paid from the balance of fund source 政府性基金"},
      {"balance of no fund",
       [](yusuan::item& it) {
         it.fund = fund_source::carryover;
         it.balance_of = static_cast<fund_source>(99);
       },
       "E0205", "item 0 is paid from the balance of fund source 99"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const auto diags = build_one(c.change);
    ASSERT_EQ(diags.size(), 1u) << dump(diags);
    EXPECT_EQ(diags[0].code, c.code);
    EXPECT_EQ(diags[0].message, c.message);
    EXPECT_FALSE(diags[0].span);  // the calling code's mistake: no position in a file
  }
  // the throwing form throws budget_error with the same diagnostic
  yusuan::budget_builder bb;
  yusuan::item it = plain_item();
  it.project = 0;  // no project was added
  bb.add(it);
  try {
    (void)bb.build(no_catalog());
    FAIL() << "no budget_error";
  } catch (const yusuan::budget_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].code, "E0301");
    EXPECT_EQ(e.diagnostics()[0].label, "the budget has 0 projects");
  }
}

TEST(budget_builder, an_income_line_a_project_or_a_group_naming_nothing_is_an_error) {
  {
    yusuan::budget_builder bb;
    yusuan::income_line l;
    l.amount = yuan("1.00");
    l.unit = 4;
    bb.add(l);
    yusuan::diagnostics diags;
    EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
    ASSERT_EQ(diags.size(), 1u) << dump(diags);
    EXPECT_EQ(diags[0].message, "income line 0 names unit 4");
  }
  {
    yusuan::budget_builder bb;
    yusuan::project p;
    p.name = "甲项目";
    p.group = 0;  // no group
    bb.add(p);
    yusuan::diagnostics diags;
    EXPECT_FALSE(bb.build(diags, no_catalog()).has_value());
    ASSERT_EQ(diags.size(), 1u) << dump(diags);
    EXPECT_EQ(diags[0].code, "E0301");
    EXPECT_EQ(diags[0].message, "project '甲项目' names project group 0");
  }
}

TEST(budget_builder, a_valid_index_still_builds) {
  yusuan::budget_builder bb;
  bb.year(2024).unit("900001", "测试单位", yusuan::unit_type::institution);
  const auto other = bb.add_unit("900002", "下属单位", yusuan::unit_type::institution);
  yusuan::project p;
  p.name = "甲项目";
  p.kind = spending_kind::operating;
  p.amount = yuan("100.00");  // checked against its items, as a stated 金额 is
  const auto pid = bb.add(p);
  yusuan::item it = plain_item();
  it.unit = other;
  it.project = pid;
  it.kind = spending_kind::operating;
  bb.add(it);
  const yusuan::budget b = bb.build(no_catalog());
  ASSERT_EQ(b.items().size(), 1u);
  ASSERT_EQ(b.projects().size(), 1u);
  EXPECT_EQ(b.projects()[0].amount, yuan("100.00"));
  const auto t = yusuan::run(b, yusuan::parse_query("sum by unit", b));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t.rows[0].values[0]->amount(), yuan("100.00"));
}

TEST(budget_builder, rebuilding_a_compiled_budget_gives_the_same_budget) {
  // The reference budget's measures name projects (项目 = …): the builder
  // knows the projects, groups and units of the budget it starts from.
  const yusuan::budget& ref = reference_budget();
  yusuan::budget_builder bb(ref);
  yusuan::diagnostics diags;
  const auto again = bb.build(diags);
  ASSERT_TRUE(again.has_value()) << dump(diags);
  EXPECT_FALSE(diags.has_errors());
  ASSERT_EQ(again->items().size(), ref.items().size());
  ASSERT_EQ(again->measures().size(), ref.measures().size());
  for (std::size_t i = 0; i < ref.measures().size(); ++i) {
    EXPECT_EQ(again->measures()[i].name, ref.measures()[i].name);
    EXPECT_EQ(again->measures()[i].value, ref.measures()[i].value) << ref.measures()[i].name;
    EXPECT_EQ(again->measures()[i].is_count, ref.measures()[i].is_count) << ref.measures()[i].name;
    EXPECT_EQ(again->measures()[i].count, ref.measures()[i].count) << ref.measures()[i].name;
  }
  // its constraints are not carried over: the model holds their results only
  EXPECT_FALSE(ref.constraints().empty());
  EXPECT_TRUE(again->constraints().empty());
  for (const char* q : {"sum by function.类", "sum by project", "sum by econ where kind = 基本支出"}) {
    const auto want = yusuan::run(ref, yusuan::parse_query(q, ref));
    const auto got = yusuan::run(*again, yusuan::parse_query(q, *again));
    ASSERT_EQ(got.size(), want.size()) << q;
    for (std::size_t r = 0; r < want.size(); ++r) {
      EXPECT_EQ(got.rows[r].labels, want.rows[r].labels) << q;
      EXPECT_EQ(got.rows[r].values[0]->amount(), want.rows[r].values[0]->amount()) << q;
    }
  }
}

TEST(budget_builder, a_measure_of_a_rebuilt_budget_names_projects_by_name_and_code) {
  const auto r = compile(
      "标题 \"项目口径\"\n年度 2024\n金额单位 元\n单位 900001 \"测试单位\" 类型 事业\n"
      "项目 \"甲项目\" 编码 P001 类型 其他运转类 {\n  208 01 09 30201: 30.00\n}\n"
      "项目 \"乙项目\" 类型 特定目标类 {\n  208 01 09 30201: 12.00\n}\n"
      "口径 甲 = 合计(项目 = \"甲项目\")\n口径 甲码 = 合计(项目 = P001)\n口径 乙 = 合计(项目 = \"乙项目\")\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  yusuan::budget_builder bb(*r.value);
  yusuan::item more = plain_item();  // outside the projects
  bb.add(more);
  yusuan::diagnostics diags;
  const auto b = bb.build(diags, no_catalog());
  ASSERT_TRUE(b.has_value()) << dump(diags);
  auto value = [&](const std::string& name) {
    for (const auto& m : b->measures())
      if (m.name == name) return m.value;
    ADD_FAILURE() << "no measure " << name;
    return money{};
  };
  EXPECT_EQ(value("甲"), yuan("30.00"));
  EXPECT_EQ(value("甲码"), yuan("30.00"));
  EXPECT_EQ(value("乙"), yuan("12.00"));
  EXPECT_EQ(yusuan::run(*b, yusuan::parse_query("sum", *b)).total, yuan("142.00"));
}

TEST(budget_builder, a_rebuilt_budget_keeps_count_measures_and_drops_constraints_and_their_warnings) {
  const auto r = compile(
      "金额单位 元\n208 01 09 30101: 1.00\n208 01 09 30102: 2.00\n计数 车辆 2 辆\n"
      "口径 工资项数 = 计数(经济 属于 (30101, 30102))\n口径 车辆加一 = 车辆 + 1\n"
      "核对 工资项数 = 2\n核对 支出合计 < 1.00 警告 \"支出过高\"\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->constraints().size(), 2u);
  ASSERT_EQ(r.value->warnings().size(), 1u) << dump(r.value->warnings());
  EXPECT_EQ(r.value->warnings()[0].code, "W0501");
  yusuan::budget_builder bb(*r.value);
  yusuan::diagnostics diags;
  const auto b = bb.build(diags, no_catalog());
  ASSERT_TRUE(b.has_value()) << dump(diags);
  ASSERT_EQ(b->measures().size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    SCOPED_TRACE(b->measures()[i].name);
    EXPECT_TRUE(r.value->measures()[i].is_count);
    EXPECT_TRUE(b->measures()[i].is_count);
    EXPECT_EQ(b->measures()[i].count, r.value->measures()[i].count);
  }
  EXPECT_EQ(b->measures()[0].count, 2);
  EXPECT_EQ(b->measures()[1].count, 3);
  EXPECT_TRUE(b->constraints().empty());
  EXPECT_TRUE(b->warnings().empty()) << dump(b->warnings());
}

TEST(budget_builder, two_units_may_each_have_a_project_of_one_name) {
  yusuan::budget_builder bb;
  bb.year(2024).unit("A01", "甲");
  yusuan::project p;
  p.name = "培训费";
  p.kind = spending_kind::operating;
  p.amount = yuan("100.00");
  const auto of_a = bb.add(p);
  p.unit = bb.add_unit("B01", "乙");
  const auto of_b = bb.add(p);
  for (const auto project : {of_a, of_b}) {
    auto it = plain_item();
    it.kind = spending_kind::operating;
    it.project = project;
    it.unit = static_cast<std::uint16_t>(project);
    bb.add(it);
  }
  const yusuan::budget b = bb.build();
  ASSERT_EQ(b.projects().size(), 2u);
  // the name names both
  const auto both = yusuan::run(b, yusuan::query().filtered(yusuan::project_is(b, "培训费")));
  EXPECT_EQ(both.rows.at(0).values.at(0), yuan("200.00"));
  // in one unit, a second is declared twice
  yusuan::budget_builder again;
  again.year(2024).unit("A01", "甲");
  again.add(p);
  again.add(p);
  yusuan::diagnostics diags;
  EXPECT_FALSE(again.build(diags));
  EXPECT_TRUE(diags.has_errors());
}

TEST(budget_builder, contents_the_language_cannot_write_are_the_readers_errors) {
  // each is what reading a budget reports: a built budget must not hold it either
  auto built = [](const std::function<void(yusuan::budget_builder&)>& fill) {
    std::vector<std::string> out;
    for (const auto& x : failed_build(fill, yusuan::compile_options{})) out.push_back(x.code + " " + x.message);
    return out;
  };
  using yusuan::fund_source;
  auto line = [](fund_source s, const char* amount, std::optional<fund_source> of = std::nullopt) {
    yusuan::income_line l;
    l.source = s;
    l.of_which = of;
    l.amount = yuan(amount);
    return l;
  };
  EXPECT_EQ(built([&](auto& bb) {
              bb.add(line(fund_source::general_budget, "1.00")).add(line(fund_source::general_budget, "1.00"));
            }),
            std::vector<std::string>{"E0206 income line 1: income line '一般公共预算' is stated twice"});
  EXPECT_EQ(built([&](auto& bb) { bb.add(line(fund_source::fiscal_appropriation, "1.00")); }),
            std::vector<std::string>{"E0205 income line 0 is of 财政拨款"});
  EXPECT_EQ(built([&](auto& bb) {
              bb.add(line(fund_source::general_budget, "1.00"))
                  .add(line(fund_source::institution_revenue, "1.00", fund_source::general_budget));
            }),
            std::vector<std::string>{"E0205 income line 1: 其中 事业收入 is not a part of 一般公共预算"});
  EXPECT_EQ(built([&](auto& bb) {
              bb.add(line(fund_source::general_budget, "1.00"))
                  .add(line(fund_source::fiscal_appropriation, "2.00", fund_source::general_budget));
            }),
            std::vector<std::string>{"E0401 其中 财政拨款 2.00 exceeds 一般公共预算 1.00"});
  EXPECT_EQ(built([&](auto& bb) {
              bb.add(line(fund_source::carryover, "3.00"))
                  .add(line(fund_source::general_budget, "1.00", fund_source::carryover));
            }),
            std::vector<std::string>{"E0401 the 其中 parts of 上年结转结余 add up to 1.00, not 3.00"});
  EXPECT_EQ(built([&](auto& bb) {
              bb.year_end_balance(yuan("3.00"), {{fund_source::general_budget, yuan("2.00")}});
            }),
            std::vector<std::string>{"E0401 the 其中 parts of 年终结转结余 add up to 2.00, not 3.00"});
  EXPECT_EQ(built([&](auto& bb) {
              auto it = plain_item();
              it.econ = ec("50101");
              bb.add(it);
            }),
            std::vector<std::string>{"E0201 item 0 has 政府 economic code 50101 as its 部门 code"});
  EXPECT_EQ(built([&](auto& bb) {
              yusuan::project p;
              p.name = "X";
              bb.add(p);
              bb.add(p);
            }),
            std::vector<std::string>{"E0303 project 'X' is declared twice"});
  // a year-end balance by fund, as the language writes it, builds and balances by fund
  yusuan::budget_builder bb;
  bb.amount_unit(yusuan::unit::yuan)
      .add(line(fund_source::general_budget, "100.00"))
      .add(line(fund_source::carryover, "6.00"))
      .add(line(fund_source::general_budget, "6.00", fund_source::carryover))
      .year_end_balance(yuan("2.00"), {{fund_source::general_budget, yuan("2.00")}});
  auto it = plain_item();
  it.amount = yuan("104.00");
  bb.add(it);
  yusuan::diagnostics d;
  const auto b = bb.build(d);
  ASSERT_TRUE(b.has_value()) << dump(d);
  EXPECT_EQ(b->year_end_balance(fund_source::general_budget), yuan("2.00"));
}

TEST(budget_builder, codes_kinds_units_years_and_amounts_the_language_rejects_are_rejected) {
  // each of these built before (and printed rows "7" or "0"); the language
  // reads none of them
  auto codes = [](const std::function<void(yusuan::budget_builder&)>& fill) {
    std::vector<std::string> out;
    for (const auto& x : failed_build(fill, no_catalog())) out.push_back(x.code);
    return out;
  };
  using V = std::vector<std::string>;
  auto with_item = [](const std::function<void(yusuan::item&)>& change) {
    return [change](yusuan::budget_builder& bb) {
      auto it = plain_item();
      change(it);
      bb.add(it);
    };
  };
  EXPECT_EQ(codes(with_item([](auto& it) { it.econ = yusuan::econ_code::from_digits(7, 2); })), V{"E0201"});
  EXPECT_EQ(codes(with_item([](auto& it) { it.econ = yusuan::econ_code::from_digits(40101, 2); })), V{"E0201"});
  EXPECT_EQ(codes(with_item([](auto& it) { it.function = yusuan::function_code::from_digits(1080111, 3); })), V{"E0201"});
  EXPECT_EQ(codes(with_item([](auto& it) { it.function = yusuan::function_code::from_digits(2080111, 9); })), V{"E0201"});
  EXPECT_EQ(codes(with_item([](auto& it) { it.gov_econ = yusuan::econ_code::from_digits(50, 1); })), V{"E0201"});
  EXPECT_EQ(codes(with_item([](auto& it) { it.amount = yusuan::money::min(); })), V{"E0202"});
  EXPECT_EQ(codes([](auto& bb) {
              yusuan::project p;
              p.name = "甲";
              p.kind = spending_kind::personnel;  // 人员经费 is no project's kind
              bb.add(p);
            }),
            V{"E0205"});
  EXPECT_EQ(codes([](auto& bb) {
              yusuan::project p;
              p.name = "甲";
              p.kind = static_cast<spending_kind>(77);
              bb.add(p);
            }),
            V{"E0205"});
  EXPECT_EQ(codes([](auto& bb) { bb.year(99999).add(plain_item()); }), V{"E0206"});
  EXPECT_EQ(codes([](auto& bb) { bb.year(-5).add(plain_item()); }), V{"E0206"});
  EXPECT_EQ(codes([](auto& bb) { bb.year(1900).add(plain_item()); }), V{"E0206"});  // as the language: 1949 to 2200
  EXPECT_EQ(codes([](auto& bb) { bb.amount_unit(static_cast<yusuan::unit>(9)).add(plain_item()); }), V{"E0205"});
  EXPECT_EQ(codes([](auto& bb) { bb.unit("900001", "甲", static_cast<yusuan::unit_type>(9)).add(plain_item()); }),
            V{"E0205"});
  EXPECT_EQ(codes([](auto& bb) {
              bb.unit("900001", "甲").add(plain_item());
              bb.add_unit("900001", "乙");  // merged with 甲 by `sum by unit`
            }),
            V{"E0303"});
  EXPECT_EQ(codes([](auto& bb) {
              yusuan::income_line part;  // 其中 财政拨款 of a 一般公共预算 line the unit does not have
              part.source = yusuan::fund_source::fiscal_appropriation;
              part.of_which = yusuan::fund_source::general_budget;
              part.amount = yuan("1.00");
              bb.add(part).add(plain_item());
            }),
            V{"E0206"});
  EXPECT_EQ(codes([](auto& bb) {
              bb.add(plain_item());
              for (int i = 0; i < 70000; ++i) bb.add_unit(std::to_string(900002 + i), "单位");
            }),
            V{"E0711"});
  {  // the index of a unit past the limit is no unit's: it does not wrap to 单位 0, 1, …
    yusuan::budget_builder many;
    std::uint16_t last = 0, past = 0, further = 0;
    for (std::size_t i = 1; i < yusuan::max_units; ++i) last = many.add_unit(std::to_string(900000 + i), "单位");
    past = many.add_unit("999998", "单位");
    further = many.add_unit("999999", "单位");
    EXPECT_EQ(last, yusuan::max_units - 1);
    EXPECT_EQ(past, yusuan::max_units);
    EXPECT_EQ(further, yusuan::max_units);
  }
  // a year of four digits, or none, builds
  yusuan::budget_builder fine;
  fine.year(0).add(plain_item());
  yusuan::diagnostics d;
  EXPECT_TRUE(fine.build(d, no_catalog()).has_value()) << dump(d);
}

TEST(budget_builder, a_failed_build_leaves_the_builder_as_it_was) {
  // the first build linked the groups in place (甲 in 组1) and failed; the
  // second, of the same contents, built
  yusuan::budget_builder bb;
  bb.amount_unit(yusuan::unit::yuan);
  yusuan::project a, b;
  a.name = "甲";
  a.kind = spending_kind::operating;
  a.amount = yuan("60.00");
  b.name = "乙";
  b.kind = spending_kind::operating;
  b.amount = yuan("40.00");
  const auto ia = bb.add(a);
  const auto ib = bb.add(b);
  yusuan::project_group g1, g2;
  g1.name = "组1";
  g1.members = {ia, ib};
  g2.name = "组2";
  g2.members = {ia};
  const auto i1 = bb.add(g1);
  const auto i2 = bb.add(g2);
  auto it = plain_item();
  it.amount = yuan("40.00");
  it.group = i1;
  bb.add(it);
  it.amount = yuan("60.00");
  it.group = i2;
  bb.add(it);
  std::vector<std::string> tries;
  for (int i = 0; i < 3; ++i) {
    yusuan::diagnostics d;
    EXPECT_FALSE(bb.build(d, no_catalog()).has_value());
    std::string said;
    for (const auto& x : d) said += x.code + " " + x.message + "\n";
    tries.push_back(said);
  }
  EXPECT_EQ(tries[0], "E0303 project '甲' is in group '组1' and in group '组2'\n");
  EXPECT_EQ(tries[1], tries[0]);
  EXPECT_EQ(tries[2], tries[0]);
  // what items() gave is still the builder's
  auto& items = bb.items();
  ASSERT_EQ(items.size(), 2u);
  items[1].group = i1;  // both in 组1: 40 + 60 = 100 = 甲 + 乙
  yusuan::diagnostics d;
  EXPECT_FALSE(bb.build(d, no_catalog()).has_value());  // 组2 still lists 甲
  EXPECT_EQ(with_code(d, "E0303").size(), 1u) << dump(d);
}

TEST(budget_builder, an_expression_or_filter_nested_too_deeply_is_an_error_not_a_crash) {
  // alternating 且 and 或 cannot be flattened (4,000 levels here; at 100,000
  // the filter's own copy and destruction, recursive, overflow the stack)
  yusuan::filter f = yusuan::econ_in({302});
  for (int i = 0; i < 2000; ++i) f = (f || yusuan::econ_in({303})) && yusuan::econ_in({302});
  EXPECT_GT(yusuan::nesting_of(f), yusuan::max_nesting);
  yusuan::budget_builder bb;
  bb.amount_unit(yusuan::unit::yuan).add(plain_item());
  bb.measure("深", yusuan::sum_of(f));
  yusuan::diagnostics d;
  EXPECT_FALSE(bb.build(d, no_catalog()).has_value());
  EXPECT_EQ(with_code(d, "E0715").size(), 1u) << dump(d);
  // and in a query built in C++, run against a budget: an error with a code
  yusuan::budget_builder one;
  one.amount_unit(yusuan::unit::yuan).add(plain_item());
  const auto b = one.build(no_catalog());
  yusuan::query q;
  q.where = f;
  std::error_code e;
  EXPECT_FALSE(yusuan::run(b, q, e).has_value());
  EXPECT_EQ(e, yusuan::errc::limit_exceeded);
  EXPECT_THROW(yusuan::total(b, f), yusuan::error);
  // a 非 of no condition reads as nothing: an error, not "every item" here and "none" there
  yusuan::filter empty_not;
  empty_not.kind = yusuan::filter::op::not_;
  q.where = empty_not;
  EXPECT_FALSE(yusuan::run(b, q, e).has_value());
  EXPECT_EQ(e, yusuan::errc::invalid_argument);
  // deep but within the limit, it runs
  yusuan::filter shallow = yusuan::econ_in({302});
  for (int i = 0; i < 100; ++i) shallow = (shallow || yusuan::econ_in({303})) && yusuan::econ_in({302});
  EXPECT_EQ(yusuan::total(b, shallow).count, 1u);
}
