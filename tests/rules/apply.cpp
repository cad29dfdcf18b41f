// apply_rules: rule files applied to a budget compiled (or built) before,
// which gives what compiling the budget with them gives; the budget's own
// 参数, measures, constraints and warnings; a budget built in C++.
#include "rules/rules_support.hpp"
#include "support/test_support.hpp"

#include <yusuan/compile/builder.hpp>
#include <yusuan/query/expressions.hpp>
#include <yusuan/testing.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using namespace yusuan_test;
using namespace yusuan::testing;
using ::testing::Not;

namespace {

compile_options rules_only(const fs::path& rules) {
  compile_options o;
  o.rules = {rules};
  return o;
}

yusuan::budget compiled_quietly(std::string_view text) { return yusuan::compile_string(text, "<test>", quiet()); }

/// A constraint's result and each diagnostic said as one line: what two ways
/// of checking must agree on.
std::vector<std::string> outcome(const compiled_budget& r) {
  std::vector<std::string> out;
  out.push_back(r.value ? "built" : "not built");
  if (r.value)
    for (const auto& c : r.value->constraints())
      out.push_back(c.text + (c.passed ? " passed" : " failed") + (c.from_rules ? " (rules)" : ""));
  for (const auto& d : r.diags) {
    const auto at = yusuan::resolve(d.span);
    std::string line = d.code + " " + at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + " " +
                       d.message + " | " + d.expected + " | " + d.found;
    for (const auto& n : d.notes) line += " | " + n.message;
    out.push_back(line);
  }
  return out;
}

const std::string austerity = "budgets/std/rules/austerity.budget";

}  // namespace

TEST(apply_rules, gives_what_compiling_the_budget_with_the_rules_gives) {
  const std::vector<std::string> budgets = {
      // 三公经费 grew: fails
      "金额单位 万元\n单位 001 \"甲\" 类型 行政\n上年 三公经费 10.00\n208 01 09 30217: 12.00\n",
      // fell: passes
      "金额单位 万元\n单位 001 \"甲\" 类型 行政\n上年 三公经费 10.00\n208 01 09 30217: 8.00\n",
      // no 上年: the rule does not apply
      "金额单位 万元\n208 01 09 30217: 12.00\n",
      // 上年 机关运行经费 of a 参公 unit, exceeded by 0.01
      "金额单位 万元\n单位 001 \"甲\" 类型 参公\n上年 机关运行经费 1.00\n208 01 09 公用经费 30201: 1.01\n",
  };
  for (const auto& text : budgets) {
    SCOPED_TRACE(text);
    const auto compiled_with = compile_with_rules(text, {austerity}, quiet());
    const auto applied = apply_rules_to(compiled_quietly(text), {austerity}, quiet());
    EXPECT_EQ(outcome(applied), outcome(compiled_with));
  }
  // the pinned outcome of the first, so that agreeing cannot mean both wrong
  const auto grew = apply_rules_to(compiled_quietly(budgets[0]), {austerity}, quiet());
  EXPECT_THAT(grew, FailsRule("三公经费不得增长"));
  EXPECT_THAT(grew, Reports("E0501", "expected ≤ 10.00, found 12.00"));
  EXPECT_THAT(grew, Reports("E0501", "checked on the budget <test>"));
  EXPECT_THAT(apply_rules_to(compiled_quietly(budgets[1]), {austerity}, quiet()), ChecksClean());
}

TEST(apply_rules, the_budget_is_not_changed_and_keeps_its_own_constraints_first) {
  rules_file r("核对 支出合计 ≥ 0 \"非负\"\n");
  const auto b = compiled_quietly("208 01 09 30101: 1.00\n核对 支出合计 = 1.00\n");
  ASSERT_EQ(b.constraints().size(), 1u);
  const auto once = yusuan::apply_rules(b, rules_only(r.path));
  EXPECT_EQ(b.constraints().size(), 1u);  // b itself is as it was
  ASSERT_EQ(once.constraints().size(), 2u);
  EXPECT_FALSE(once.constraints()[0].from_rules);
  EXPECT_TRUE(once.constraints()[1].from_rules);
  EXPECT_EQ(once.constraints()[1].text, "核对 支出合计 ≥ 0 \"非负\"");
  // one budget, several rule sets in turn: each result builds on the one before
  rules_file r2("核对 支出合计 ≤ 2.00\n");
  const auto twice = yusuan::apply_rules(once, rules_only(r2.path));
  EXPECT_EQ(twice.constraints().size(), 3u);
  EXPECT_EQ(twice.items().size(), b.items().size());
  EXPECT_EQ(yusuan::total(twice, {}).value(), yusuan::total(b, {}).value());
}

TEST(apply_rules, the_budgets_own_parameter_comes_before_the_default_and_set_before_both) {
  rules_file r("金额单位 万元\n参数 上限 = 2.00\n核对 支出合计 ≤ 上限 \"超过上限\"\n");
  const auto over_default = compiled_quietly("金额单位 万元\n208 01 09 30101: 2.50\n");
  EXPECT_THAT(apply_rules_to(over_default, {r.path}, quiet()), FailsRule("超过上限"));
  // the budget's own 参数 上限 = 3.00, kept from its compile
  const auto own = compiled_quietly("金额单位 万元\n参数 上限 = 3.00\n208 01 09 30101: 2.50\n");
  EXPECT_THAT(apply_rules_to(own, {r.path}, quiet()), ChecksClean());
  EXPECT_THAT(compile_with_rules("金额单位 万元\n参数 上限 = 3.00\n208 01 09 30101: 2.50\n", {r.path}, quiet()),
              ChecksClean());
  // --set before both
  auto o = quiet();
  o.parameters = {{"上限", "2.40"}};
  const auto set = apply_rules_to(own, {r.path}, o);
  EXPECT_THAT(set, FailsRule("超过上限"));
  EXPECT_THAT(set, Reports("E0501", "expected ≤ 2.40, found 2.50"));
  // a value no rule declares
  o.parameters = {{"下限", "1.00"}};
  EXPECT_THAT(apply_rules_to(own, {r.path}, o), Reports("E0307", "下限"));
}

TEST(apply_rules, a_rule_file_names_the_budgets_measures_and_may_import_the_same_library) {
  // the budget imports std/measures.budget and so does the rule file: its
  // 三公经费 is the budget's own, not defined twice
  const auto b = compile(
      "金额单位 万元\n导入 <std/measures.budget>\n单位 001 \"甲\" 类型 行政\n上年 三公经费 1.00\n"
      "208 01 09 30217: 0.50\n208 01 09 30231: 0.70\n",
      quiet());
  ASSERT_TRUE(b) << dump(b.diagnostics);
  const auto r = apply_rules_to(*b.value, {austerity}, quiet());
  EXPECT_THAT(r, FailsRule("三公经费不得增长"));
  EXPECT_THAT(r, Reports("E0501", "expected ≤ 1.00, found 1.20"));
  EXPECT_EQ(with_code(r.diags, "E0303").size(), 0u);
}

TEST(apply_rules, a_mistake_in_a_rule_file_is_located_there_and_builds_nothing) {
  rules_file r("核对 支出合计 ≤ 未知口径\n");
  const auto b = compiled_quietly("208 01 09 30101: 1.00\n");
  yusuan::diagnostics diags;
  EXPECT_FALSE(yusuan::apply_rules(b, diags, rules_only(r.path)));
  const auto e0302 = with_code(diags, "E0302");
  ASSERT_EQ(e0302.size(), 1u) << dump(diags);
  EXPECT_EQ(file_of(*e0302.front()), r.path.string());
  EXPECT_EQ(yusuan::resolve(e0302.front()->span).line, 1u);
  EXPECT_THROW(yusuan::apply_rules(b, rules_only(r.path)), yusuan::budget_error);
  yusuan::diagnostics missing;
  EXPECT_FALSE(yusuan::apply_rules(b, missing, rules_only(r.dir.path() / "no-such.budget")));
  EXPECT_EQ(with_code(missing, "E0001").size(), 1u) << dump(missing);
}

TEST(apply_rules, warnings_stay_the_budgets_and_only_the_rules_are_reported) {
  rules_file r("核对 支出合计 ≤ 0.50 警告 \"偏高\"\n");
  const auto b = compiled_quietly("208 01 09 30101: 1.00\n");  // W0412-free, warning-free
  ASSERT_TRUE(b.warnings().empty());
  yusuan::diagnostics diags;
  const auto out = yusuan::apply_rules(b, diags, rules_only(r.path));
  ASSERT_TRUE(out);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags.begin()->code, "W0501");
  EXPECT_EQ(out->warnings().size(), 1u);
  // a budget with warnings of its own keeps them, and they are not said
  // again (W0305: its measure filters on a tag no item carries)
  const auto warned = compile("208 01 09 30101: 1.00\n口径 定额部分 = 合计(来源 = 定额)\n", quiet());
  ASSERT_TRUE(warned) << dump(warned.diagnostics);
  const std::size_t own = warned.value->warnings().size();
  ASSERT_EQ(with_code(warned.value->warnings(), "W0305").size(), 1u) << dump(warned.diagnostics);
  yusuan::diagnostics again;
  const auto out2 = yusuan::apply_rules(*warned.value, again, rules_only(r.path));
  ASSERT_TRUE(out2);
  EXPECT_EQ(again.size(), 1u) << dump(again);
  EXPECT_EQ(out2->warnings().size(), own + 1);
}

TEST(apply_rules, a_rule_file_the_budget_read_itself_is_not_read_again) {
  // examples/budgets/main.budget imports rules.budget: compiled with it as a
  // rule file, it is not read twice; applied after, neither
  auto o = quiet();
  o.rules = {"examples/budgets/rules.budget"};
  const auto b = yusuan::compile_file("examples/budgets/main.budget", quiet());
  yusuan::diagnostics diags;
  const auto out = yusuan::apply_rules(b, diags, o);
  ASSERT_TRUE(out) << dump(diags);
  EXPECT_EQ(out->constraints().size(), b.constraints().size());
  EXPECT_EQ(diags.size(), 0u) << dump(diags);
  yusuan::diagnostics compiled_diags;
  const auto compiled = yusuan::compile_file("examples/budgets/main.budget", compiled_diags, o);
  ASSERT_TRUE(compiled) << dump(compiled_diags);
  EXPECT_EQ(compiled->constraints().size(), b.constraints().size());
}

TEST(apply_rules, rule_sets_applied_in_turn_clash_as_they_would_together) {
  // two rule sets defining one 口径: E0303 together, and one after the other
  // (the second does not take the first's definition for its own)
  rules_file a("参数 P = 1.00\n口径 M = 合计(经济 = 30101)\n");
  rules_file b("参数 P = 10.00\n口径 M = 合计(经济 = 30201)\n核对 M ≤ P \"B规则\"\n");
  const std::string text = "208 01 09 30101: 2.00\n208 01 09 30201: 50.00\n";
  auto both = quiet();
  both.rules = {a.path, b.path};
  yusuan::diagnostics together;
  EXPECT_FALSE(yusuan::compile_string(text, "<test>", together, both));
  EXPECT_TRUE(yusuan_test::has(dump(together), "measure 'M' is defined twice")) << dump(together);
  auto first = quiet();
  first.rules = {a.path};
  const auto with_a = yusuan::compile_string(text, "<test>", first);
  const auto then_b = apply_rules_to(with_a, {b.path}, quiet());
  EXPECT_THAT(then_b, Reports("E0303", "measure 'M' is defined twice"));
  // a library both import is read once: its measures are no clash
  rules_file c("导入 <std/measures.budget>\n核对 三公经费 ≤ 100.00\n");
  auto std_first = quiet();
  std_first.rules = {c.path};
  const auto with_c = yusuan::compile_string(text, "<test>", std_first);
  EXPECT_THAT(apply_rules_to(with_c, {austerity}, quiet()), ChecksClean());
}

TEST(apply_rules, a_set_value_of_a_parameter_only_the_budget_declares_is_its_value) {
  rules_file r("核对 支出合计 ≤ 上限 \"超过上限\"\n核对 支出合计 ≥ 0\n");
  // the rule names the budget's own 参数 上限, and --set gives it 2.40
  const auto b = compiled_quietly("金额单位 万元\n参数 上限 = 3.00\n208 01 09 30101: 2.50\n");
  auto o = quiet();
  o.parameters = {{"上限", "2.40"}};
  const auto applied = apply_rules_to(b, {r.path}, o);
  EXPECT_THAT(applied, Not(Reports("E0307")));
  EXPECT_THAT(applied, FailsRule("超过上限"));
  EXPECT_THAT(applied, Reports("E0501", "expected ≤ 24000.00, found 25000.00"));  // in the rule file's 元
  EXPECT_EQ(outcome(applied),
            outcome(compile_with_rules("金额单位 万元\n参数 上限 = 3.00\n208 01 09 30101: 2.50\n", {r.path}, o)));
  // of the other kind: E0502 at the --set, as when compiling
  o.parameters = {{"上限", "5%"}};
  EXPECT_THAT(apply_rules_to(b, {r.path}, o), Reports("E0502", "parameter '上限' is an amount, not a percentage"));
}

TEST(apply_rules, a_rule_file_that_adds_to_the_budget_has_it_checked_again) {
  // an item in a rule file: income against expenditure no longer balances
  rules_file r("208 01 09 30201: 5.00\n");
  const std::string text = "收入 一般公共预算 1.00\n208 01 09 30101: 1.00\n";
  EXPECT_THAT(compile_with_rules(text, {r.path}, quiet()), Reports("E0404"));
  EXPECT_THAT(apply_rules_to(compiled_quietly(text), {r.path}, quiet()), Reports("E0404"));
}

TEST(apply_rules, the_budgets_style_of_amounts_is_its_own_not_its_rule_files) {
  // the rule file writes thousands separators, the budget does not: figures
  // of the budget are written without them either way
  rules_file r("核对 支出合计 ≤ 1,000.00 \"超过一千\"\n");
  const std::string text = "208 01 09 30101: 2500.00\n";
  const auto compiled = compile_with_rules(text, {r.path}, quiet());
  EXPECT_THAT(compiled, Reports("E0501", "found 2500.00"));
  EXPECT_EQ(outcome(apply_rules_to(compiled_quietly(text), {r.path}, quiet())), outcome(compiled));
}

TEST(apply_rules, each_unit_of_a_department_budget) {
  rules_file r("每个 单位: 核对 支出合计 ≤ 5.00 \"单位支出过高\"\n");
  temp_dir d;
  d.write("a.budget", "单位 2 \"甲中心\" 类型 事业\n208 01 09 30101: 6.00\n");
  d.write("b.budget", "单位 3 \"乙中心\" 类型 事业\n208 01 09 30101: 4.00\n");
  auto o = quiet();
  o.root = d.path();
  const std::string text = "单位 1 \"局本级\" 类型 行政\n208 01 09 30101: 1.00\n导入 \"a.budget\"\n导入 \"b.budget\"\n";
  const auto b = yusuan::compile_string(text, "<test>", o);
  const auto applied = apply_rules_to(b, {r.path}, quiet());
  EXPECT_THAT(applied, FailsRule("单位支出过高 (单位 2 甲中心)"));
  EXPECT_THAT(applied, ::testing::Not(FailsRule("乙中心")));
  EXPECT_EQ(outcome(applied), outcome(compile_with_rules(text, {r.path}, o)));
}

TEST(apply_rules, to_a_budget_built_in_cpp) {
  yusuan::budget_builder bb;
  bb.amount_unit(yusuan::unit::wan_yuan).unit("001", "甲", yusuan::unit_type::administrative);
  yusuan::item it;
  it.amount = yusuan::money::parse("12.00", yusuan::unit::wan_yuan);
  it.function = *yusuan::function_code::parse("208 01 09");
  it.econ = *yusuan::econ_code::parse("30217");
  it.kind = yusuan::spending_kind::public_funds;
  bb.add(it);
  bb.prior("三公经费", yusuan::money::parse("10.00", yusuan::unit::wan_yuan));
  const auto b = bb.build(quiet());
  const auto r = apply_rules_to(b, {austerity}, quiet());
  EXPECT_THAT(r, FailsRule("三公经费不得增长"));
  EXPECT_THAT(r, Reports("E0501", "checked on the budget <builder>"));
  // an item the builder added is named by its index, as in the builder's own
  // diagnostics (its place was <builder>:1:1, a file of no text)
  rules_file sum("核对 合计(经济 = 30217) ≤ 1.00 \"接待费过高\"\n");
  yusuan::diagnostics said;
  ASSERT_TRUE(yusuan::apply_rules(b, said, [&] {
    auto o = quiet();
    o.rules = {sum.path};
    o.constraints_as_warnings = true;
    return o;
  }()));
  const auto failed = with_code(said, "W0501");
  ASSERT_EQ(failed.size(), 1u) << dump(said);
  std::string counted;
  for (const auto& n : failed[0]->notes)
    if (n.message.starts_with("counted:")) counted += n.message + (n.span ? " at a place" : "") + "\n";
  EXPECT_EQ(counted, "counted: 208 01 09 30217 120000.00 (item 0)\n") << dump(said);  // in the rule file's 元
  // a check of the caller's own that throws leaves the builder as it was
  yusuan::budget_builder thrown(b);
  thrown.constraint(yusuan::named("支出合计"), "≤", yusuan::literal(yusuan::money::parse("5.00", yusuan::unit::wan_yuan)));
  compile_options throwing = quiet();
  throwing.extra_checks = [](const yusuan::budget&, yusuan::diagnostics&) { throw std::runtime_error("checker down"); };
  EXPECT_THROW(thrown.build(throwing), std::runtime_error);
  yusuan::diagnostics after;
  const auto rebuilt = thrown.build(after, quiet());
  EXPECT_FALSE(rebuilt);  // 12.00 > 5.00, said once
  EXPECT_EQ(with_code(after, "E0501").size(), 1u) << dump(after);
  // the builder does not read rule files itself: said, not passed over
  yusuan::budget_builder again(b);
  compile_options with_rules = quiet();
  with_rules.rules = {austerity};
  EXPECT_THROW(again.build(with_rules), yusuan::error);
}
