// yusuan/syntax/keywords.hpp -- every keyword of the budget language and of
// the query language, with its spellings, defined once.
//
// A keyword is written in Chinese or in English (标题 / title); a few have a
// second Chinese spelling (绩效目标 beside 绩效).  The grammar matches
// keywords through this table, the documentation's keyword index is checked
// against it, and the formatter rewrites a keyword from one spelling to the
// other with it.  Vocabularies that are values rather than keywords (spending
// kinds, fund sources, unit types, units of amounts) live with their types in
// model/kinds.hpp and money/unit.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace yusuan::syntax {

enum class keyword : std::uint8_t {
  // header
  title, year, amounts, unit, type, department, import_, template_,
  // income
  income, of_which, year_end_balance,
  // blocks and coordinates
  total, fund, project,
  // projects
  code, function, amount, targets, cost, output, outcome, satisfaction, project_group,
  // figures
  prior, figure, count,
  // measures and constraints
  measure, expect, vs_prior, decrease, increase, fall, growth, flat, within, warning, by,
  // other statements
  table_note, catalog_edition, catalog_entry, allow_negative,
  // expressions and filters
  sum, share, change, where, and_, or_, not_, in, not_in, project_amount,
  // the query language
  min, max, pivot, rollup, order, key, descending, ascending, top,
  // rule files and their tests
  parameter, when, each, test, rules, should, pass, report, equals,
};

/// The spellings of a keyword: its Chinese form, an optional second Chinese
/// form, its English form and an optional second English form.
struct keyword_spelling {
  keyword id;
  std::string_view zh;
  std::string_view zh2;
  std::string_view en;
  std::string_view en2 = {};
};

inline constexpr std::array<keyword_spelling, 69> keyword_table{{
    {keyword::title, "标题", {}, "title"},
    {keyword::year, "年度", {}, "year"},
    {keyword::amounts, "金额单位", {}, "amounts"},
    {keyword::unit, "单位", {}, "unit"},
    {keyword::type, "类型", {}, "type"},
    {keyword::department, "部门", {}, "department"},
    {keyword::import_, "导入", {}, "import"},
    {keyword::template_, "模板", {}, "template"},
    {keyword::income, "收入", {}, "income"},
    {keyword::of_which, "其中", {}, "of-which"},
    {keyword::year_end_balance, "年终结转结余", {}, "year-end-balance"},
    {keyword::total, "合计", {}, "total"},
    {keyword::fund, "资金", {}, "fund"},
    {keyword::project, "项目", {}, "project"},
    {keyword::code, "编码", {}, "code"},
    {keyword::function, "功能", {}, "function"},
    {keyword::amount, "金额", {}, "amount"},
    {keyword::targets, "绩效", "绩效目标", "targets"},
    {keyword::cost, "成本", {}, "cost"},
    {keyword::output, "产出", {}, "output"},
    {keyword::outcome, "效益", {}, "outcome"},
    {keyword::satisfaction, "满意度", {}, "satisfaction"},
    {keyword::project_group, "项目组", {}, "project-group"},
    {keyword::prior, "上年", {}, "prior"},
    {keyword::figure, "数值", {}, "figure"},
    {keyword::count, "计数", {}, "count"},
    {keyword::measure, "口径", {}, "measure"},
    {keyword::expect, "核对", {}, "expect"},
    {keyword::vs_prior, "较上年", "比上年", "vs-prior"},
    {keyword::decrease, "减少", {}, "decrease"},
    {keyword::increase, "增加", {}, "increase"},
    {keyword::fall, "下降", {}, "fall"},
    {keyword::growth, "增长", "上升", "growth"},
    {keyword::flat, "持平", "保持一致", "flat"},
    {keyword::within, "容差", {}, "within"},
    {keyword::warning, "警告", {}, "warning"},
    {keyword::by, "按", {}, "by"},
    {keyword::table_note, "表注", {}, "table-note"},
    {keyword::catalog_edition, "科目版本", {}, "catalog-edition"},
    {keyword::catalog_entry, "科目", {}, "catalog-entry"},
    {keyword::allow_negative, "允许负数", {}, "allow-negative"},
    {keyword::sum, "合计", {}, "sum"},
    {keyword::share, "占比", {}, "share"},
    {keyword::change, "增幅", {}, "change"},
    {keyword::where, "其中", "满足", "where"},
    {keyword::and_, "且", {}, "and"},
    {keyword::or_, "或", {}, "or"},
    {keyword::not_, "非", {}, "not"},
    {keyword::in, "属于", {}, "in"},
    {keyword::not_in, "不属于", {}, {}},  // English: not in
    {keyword::project_amount, "项目金额", {}, "project-amount"},
    {keyword::min, "最小", {}, "min"},
    {keyword::max, "最大", {}, "max"},
    {keyword::pivot, "透视", {}, "pivot"},
    {keyword::rollup, "汇总", {}, "rollup"},
    {keyword::order, "排序", {}, "order"},
    {keyword::key, "键", {}, "key"},
    {keyword::descending, "降序", {}, "desc"},
    {keyword::ascending, "升序", {}, "asc"},
    {keyword::top, "前", {}, "top", "limit"},
    {keyword::parameter, "参数", {}, "parameter"},
    {keyword::when, "当", {}, "when"},
    {keyword::each, "每个", {}, "each"},
    {keyword::test, "测试", {}, "test"},
    {keyword::rules, "规则", {}, "rules"},
    {keyword::should, "应", {}, "should"},
    {keyword::pass, "通过", {}, "pass"},
    {keyword::report, "报错", {}, "report"},
    {keyword::equals, "等于", {}, "equal"},
}};

/// The spellings of a keyword.
constexpr const keyword_spelling& spelling(keyword k) noexcept {
  // the table lists the keywords in the order of the enum (checked below)
  const auto i = static_cast<std::size_t>(k);
  return i < keyword_table.size() ? keyword_table[i] : keyword_table[0];
}

/// The keywords a statement starts with (beside items and blocks, which
/// start with a code or a kind, and '}'): the grammar looks ahead for them,
/// and a line that starts with a word close to one gets "did you mean".
inline constexpr keyword statement_keywords[] = {
    keyword::title,       keyword::year,           keyword::amounts,          keyword::unit,
    keyword::department,  keyword::import_,        keyword::table_note,       keyword::catalog_edition,
    keyword::catalog_entry, keyword::template_,    keyword::allow_negative,   keyword::income,
    keyword::year_end_balance, keyword::project_group, keyword::project,      keyword::targets,
    keyword::cost,        keyword::output,         keyword::outcome,          keyword::satisfaction,
    keyword::code,        keyword::type,           keyword::function,         keyword::amount,
    keyword::prior,       keyword::figure,         keyword::count,            keyword::measure,
    keyword::each,        keyword::expect,         keyword::parameter};

namespace detail {
constexpr bool keyword_table_complete() noexcept {
  for (std::size_t i = 0; i < keyword_table.size(); ++i)
    if (static_cast<std::size_t>(keyword_table[i].id) != i) return false;
  return true;
}
static_assert(keyword_table_complete(), "keyword_table lists every keyword once, in the order of the enum");
}  // namespace detail

}  // namespace yusuan::syntax
