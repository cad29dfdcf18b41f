// Every keyword and vocabulary word has an English spelling: full_en is full_zh
// written with them, and both give the same, expected, model.
#include "support/test_support.hpp"
#include "language/full_budget.hpp"

#include <cstdint>
#include <sstream>
#include <string>

using namespace yusuan_test;

namespace {

// The same budget in the English spellings of every keyword and vocabulary word.
const char* const full_en = R"B(# every construct, English keywords
title "往返测试 2024"
year 2024
amounts wan
unit 803019 "洛阳市社会保险中心" type civil-service
department 803 "洛阳市人力资源和社会保障局"
income general-budget 120.00 of-which fiscal-appropriation 120.00
year-end-balance 0.00
208 01 09 社会保险经办机构 basic {
  personnel {
    30101 基本工资 -> 50101 工资奖金津补贴: 40.00
    30103 奖金 -> 50101: 10.00
  }
  public fund general-budget {
    30217 公务接待费 -> 50206 公务接待费: 2.20
    30231 公务用车运行维护费 -> 50208: 7.00
    30299 其他商品和服务支出 -> 50299 total 10.80 {
      208 01 09: 10.10 项目类别=公用经费综合定额
      208 01 09: 0.70 项目类别=离退休人员公用经费
    }
  }
}
project "社保公共服务经费" code 410300200000000033610 type operating function 208 01 09 amount 50.00 {
  targets {
    output 社保政策宣传工作完成率 ≥95%
    outcome "各项社保待遇落实情况" 按时足额发放
    cost 人均成本 ≤350元/人.天
    satisfaction 服务对象满意度 ≥90%
  }
}
project-group "运转项目" ("社保公共服务经费") 208 01 09 operating {
  30201 办公费 -> 50201 办公经费: 38.00
  30202 印刷费 -> 50201: 12.00
}
prior 支出总计 130.00
prior 三公经费 8.80
figure 政府采购 0.00
count 车辆 4 辆
measure 三公经费 = sum(econ in (30212, 30217, 30231, 31013))
expect 三公经费 = 9.20
expect share(basic, total-expenditure) = 58.33%
expect 支出总计 vs-prior decrease 10.00
expect 支出总计 vs-prior fall 7.69%
expect 三公经费 vs-prior increase 0.40
expect project-count = 1
expect 车辆 = 4
expect sum(project = 运转项目) = 50.00
expect sum(kind = basic and not econ = 30101) <= 100.00 within 0.01 warning "基本支出过高"
expect sum(function.款 = 208 01 or fund not in (government-fund)) = 120.00
)B";

/// An index into a list of the model, "-" for none.
std::string index(std::uint32_t i) { return i == yusuan::npos32 ? "-" : std::to_string(i); }

/// Everything the model holds except source offsets and constraint texts, as
/// text; amounts in 分.
std::string describe(const yusuan::budget& b) {
  std::ostringstream os;
  const auto& h = b.header();
  os << "header " << h.title << "|" << h.year << "|" << yusuan::unit_name(h.amount_unit) << "|" << h.unit_code << "|"
     << h.unit_name << "|" << yusuan::chinese_name(h.type) << "|" << h.department_code << "|" << h.department_name << "\n";
  for (const auto& u : b.units()) os << "unit " << u.code << "|" << u.name << "|" << yusuan::chinese_name(u.type) << "\n";
  for (const auto& l : b.income())
    os << "income " << yusuan::chinese_name(l.source) << "|" << (l.of_which ? yusuan::chinese_name(*l.of_which) : "-")
       << "|" << l.amount.fen() << "\n";
  os << "balance " << (b.year_end_balance() ? std::to_string(b.year_end_balance()->fen()) : "-") << "\n";
  for (const auto& it : b.items()) {
    os << "item " << it.amount.fen() << "|" << it.function.str() << "|" << it.econ.str() << "|" << it.gov_econ.str()
       << "|" << yusuan::chinese_name(it.kind) << "|" << yusuan::chinese_name(it.fund) << "|" << it.file << "|"
       << index(it.unit) << "|" << index(it.project) << "|" << index(it.group) << "|" << it.line;
    for (auto [k, v] : b.tags_of(it)) os << "|" << k << "=" << v;
    os << "\n";
  }
  for (const auto& n : b.function_names()) os << "fname " << n.code.str() << "=" << n.name << "\n";
  for (const auto& n : b.econ_names()) os << "ename " << n.code.str() << "=" << n.name << "\n";
  for (const auto& p : b.projects()) {
    os << "project " << p.name << "|" << p.code << "|" << yusuan::chinese_name(p.kind) << "|" << p.function.str() << "|"
       << p.amount.fen() << "|" << p.has_items << "|" << index(p.group) << "\n";
    for (const auto& t : p.targets)
      os << "  target " << yusuan::chinese_name(t.category) << "|" << t.indicator << "|" << t.comparator << "|"
         << t.number << "|" << t.unit << "|" << t.text << "\n";
  }
  for (const auto& g : b.groups()) {
    os << "group " << g.name << "|" << g.amount.fen();
    for (auto m : g.members) os << "|" << index(m);
    os << "\n";
  }
  for (const auto& p : b.prior_figures()) os << "prior " << p.name << "|" << p.amount.fen() << "\n";
  for (const auto& f : b.figures())
    os << "figure " << f.name << "|" << f.is_money << "|" << f.amount.fen() << "|" << f.count << "|" << f.unit << "\n";
  for (const auto& m : b.measures()) os << "measure " << m.name << "|" << m.value.fen() << "\n";
  for (const auto& c : b.constraints()) os << "constraint " << c.passed << "|" << yusuan::to_string(c.level) << "\n";
  return os.str();
}

/// What describe() gives for full_zh and full_en.  Amounts in 分: 40.00 万元
/// is 40000000.  Item fields: amount, function, econ, gov_econ, kind, fund,
/// file, unit, project, group, published line, tags.
const char* const full_model = R"(header 往返测试 2024|2024|万元|803019|洛阳市社会保险中心|参公|803|洛阳市人力资源和社会保障局
unit 803019|洛阳市社会保险中心|参公
income 一般公共预算|-|120000000
income 财政拨款|一般公共预算|120000000
balance 0
item 40000000|2080109|30101|50101|人员经费|一般公共预算|0|0|-|-|0
item 10000000|2080109|30103|50101|人员经费|一般公共预算|0|0|-|-|1
item 2200000|2080109|30217|50206|公用经费|一般公共预算|0|0|-|-|2
item 7000000|2080109|30231|50208|公用经费|一般公共预算|0|0|-|-|3
item 10100000|2080109|30299|50299|公用经费|一般公共预算|0|0|-|-|4|项目类别=公用经费综合定额
item 700000|2080109|30299|50299|公用经费|一般公共预算|0|0|-|-|4|项目类别=离退休人员公用经费
item 38000000|2080109|30201|50201|其他运转类|一般公共预算|0|0|-|0|5
item 12000000|2080109|30202|50201|其他运转类|一般公共预算|0|0|-|0|6
fname 2080109=社会保险经办机构
ename 30101=基本工资
ename 30103=奖金
ename 30201=办公费
ename 30202=印刷费
ename 30217=公务接待费
ename 30231=公务用车运行维护费
ename 30299=其他商品和服务支出
ename 50101=工资奖金津补贴
ename 50201=办公经费
ename 50206=公务接待费
project 社保公共服务经费|410300200000000033610|其他运转类|2080109|50000000|0|0
  target 产出|社保政策宣传工作完成率|≥|95|%|
  target 效益|各项社保待遇落实情况||||按时足额发放
  target 成本|人均成本|≤|350|元/人.天|
  target 满意度|服务对象满意度|≥|90|%|
group 运转项目|50000000|0
prior 支出总计|130000000
prior 三公经费|8800000
figure 政府采购|1|0|0|
figure 车辆|0|0|4|辆
measure 三公经费|9200000
constraint 1|error
constraint 1|error
constraint 1|error
constraint 1|error
constraint 1|error
constraint 1|error
constraint 1|error
constraint 1|error
constraint 1|warning
constraint 1|error
)";

}  // namespace

TEST(lang_english_keywords, give_the_same_model) {
  auto zh = compile(full_zh);
  auto en = compile(full_en);
  ASSERT_TRUE(zh.ok()) << dump(zh);
  ASSERT_TRUE(en.ok()) << dump(en);
  EXPECT_TRUE(en.diagnostics.empty()) << dump(en);
  EXPECT_EQ(describe(*zh.value), full_model);
  EXPECT_EQ(describe(*en.value), full_model);
  EXPECT_EQ(describe(*zh.value), describe(*en.value));
  EXPECT_EQ(zh.value->constraints().size(), en.value->constraints().size());
  EXPECT_EQ(en.value->constraints().size(), 10u);
}

TEST(lang_english_keywords, description_sees_the_details) {
  // A guard for the comparison above: the description does see the details.
  auto a = compile(full_zh);
  std::string changed = full_zh;
  changed.replace(changed.find("项目类别=离退休人员公用经费"), std::string("项目类别=离退休人员公用经费").size(),
                  "项目类别=其他");
  auto b = compile(changed);
  ASSERT_TRUE(a.ok() && b.ok()) << dump(b);
  EXPECT_NE(describe(*a.value), describe(*b.value));
}
