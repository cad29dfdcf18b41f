// yusuan/compile/conditions.hpp -- when a constraint applies: its 当
// condition on the budget, or on one of its projects or units (每个), and
// whether it compares with a 上年 figure (which is the whole budget's).
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/evaluate.hpp>
#include <yusuan/query/dimension.hpp>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace yusuan::compile {

/// Whether an expression reaches a 上年 figure: 上年(…) or 增幅(…), directly
/// or through a measure (`seen`: the measures looked into).
inline bool reaches_prior(const expr& e, const budget& b, std::set<std::string>& seen) {
  if (e.kind == expr::op::prior || e.kind == expr::op::change) return true;
  if (e.kind == expr::op::name && seen.insert(e.name).second)
    for (const auto& m : b.measures())
      if (m.name == e.name && reaches_prior(m.definition, b, seen)) return true;
  for (const auto& a : e.args)
    if (reaches_prior(a, b, seen)) return true;
  return false;
}

/// Where a constraint compares with a 上年 figure: its 较上年 quantity, or
/// the outermost part of it that reaches one (`上年(…)`, `增幅(…)`, a measure
/// defined with them); none when it does not.
inline std::optional<source_span> prior_used_at(const constraint_def& c, const budget& b) {
  if (c.yoy != yoy_claim::none) return c.lhs.span;
  const auto at = [&](const auto& self, const expr& e) -> std::optional<source_span> {
    if (e.kind == expr::op::prior || e.kind == expr::op::change) return e.span;
    if (e.kind == expr::op::name) {
      std::set<std::string> seen;
      return reaches_prior(e, b, seen) ? std::optional<source_span>(e.span) : std::nullopt;
    }
    for (const auto& a : e.args)
      if (auto s = self(self, a)) return s;
    return std::nullopt;
  };
  if (auto s = at(at, c.lhs)) return s;
  return at(at, c.rhs);
}

/// Whether a constraint compares with a 上年 figure (prior_used_at).
inline bool compares_with_prior(const constraint_def& c, const budget& b) { return prior_used_at(c, b).has_value(); }

/// The first test of a condition on 年度, or nullptr.
inline const rule_condition* year_condition(const rule_condition& c) {
  if (c.kind == rule_condition::op::test) return c.what == rule_condition::subject::year ? &c : nullptr;
  for (const auto& x : c.children)
    if (const rule_condition* y = year_condition(x)) return y;
  return nullptr;
}

/// Whether the condition of 当 holds for the budget, or for one of its
/// projects or units (每个).
inline bool holds(const rule_condition& c, const budget& b, std::optional<std::size_t> project,
                  std::optional<std::size_t> unit_index, evaluator* scoped = nullptr) {
  using O = rule_condition::op;
  switch (c.kind) {
    case O::and_:
      for (const auto& x : c.children)
        if (!holds(x, b, project, unit_index, scoped)) return false;
      return true;
    case O::or_:
      for (const auto& x : c.children)
        if (holds(x, b, project, unit_index, scoped)) return true;
      return false;
    case O::not_: return !holds(c.children.front(), b, project, unit_index, scoped);
    case O::test: break;
  }
  using S = rule_condition::subject;
  const auto& u = b.units()[unit_index.value_or(0)];
  auto any_text = [&](std::initializer_list<std::string_view> names) {
    for (const auto& t : c.texts)
      for (auto n : names)
        if (!n.empty() && t == n) return true;
    return false;
  };
  auto ordered = [&](auto x, const auto& values) {
    if (values.empty()) return false;
    switch (c.cmp) {
      case filter::op::lt: return x < values.front();
      case filter::op::le: return x <= values.front();
      case filter::op::gt: return x > values.front();
      case filter::op::ge: return x >= values.front();
      default: break;
    }
    bool any = false;
    for (const auto& y : values) any = any || x == y;
    return c.cmp == filter::op::ne || c.cmp == filter::op::not_in ? !any : any;
  };
  bool is = false;
  switch (c.what) {
    case S::unit_type: {
      // the budget's unit, or under 每个 单位 that unit; a department
      // budget is of a type when one of its units is (机关运行经费 is the
      // 公用经费 of its 行政 and 参公 units, wherever in it they are)
      const auto of_type = [&](const budget_unit& x) {
        for (auto t : c.types)
          if (t == x.type) return true;
        return false;
      };
      if (unit_index || b.units().size() == 1) {
        is = of_type(u);
      } else {
        for (const auto& x : b.units()) is = is || of_type(x);
      }
      break;
    }
    case S::year: return ordered(b.header().year, c.years);
    case S::department: is = any_text({b.header().department_code, b.header().department_name}); break;
    case S::unit: {
      // 无 is the unit of neither a code nor a name (a department's own
      // items), as filters and grouped rows write it
      bool none = false;
      if (u.code.empty() && u.name.empty())
        for (const auto& t : c.texts) none = none || is_none_key(t);
      is = none || any_text({u.code, u.name});
      break;
    }
    // the figures the constraint is checked with: the budget's, or a unit's
    // own (a constraint of its file) as its evaluator has them
    case S::prior:
      for (const auto& t : c.texts) is = is || (scoped ? scoped->prior(t).has_value() : b.prior(t).has_value());
      break;
    case S::figure:
      for (const auto& t : c.texts) is = is || (scoped ? scoped->has_figure(t) : b.find_figure(t) != nullptr);
      break;
    case S::table_note: {
      // the budget carries a 表注 for one of the tables named: the same
      // text, or the same table number (预算09表, 09, 表9 and 9 agree)
      auto number = [](std::string_view t) {
        std::string digits;
        for (char ch : t)
          if (ch >= '0' && ch <= '9') digits.push_back(ch);
        const auto first = digits.find_first_not_of('0');
        return first == std::string::npos ? digits : digits.substr(first);
      };
      bool any = false;
      for (const auto& n : b.table_notes())
        for (const auto& t : c.texts)
          any = any || n.table == t || (!number(t).empty() && number(n.table) == number(t));
      is = any;
      break;
    }
    case S::project: {
      if (!project) return false;
      const auto& p = b.projects()[*project];
      is = any_text({p.name, p.code});
      break;
    }
    case S::kind: {
      if (!project) return false;
      bool any = false;
      for (auto k : c.kinds) any = any || kind_within(b.projects()[*project].kind, k);
      is = any;
      break;
    }
    case S::amount: {
      money m = b.expenditure_total();
      if (project) m = b.projects()[*project].amount;
      else if (scoped) m = scoped->sum(filter{}, c.span).value_or(money{});
      return ordered(m, c.amounts);
    }
  }
  const bool negative = c.cmp == filter::op::ne || c.cmp == filter::op::not_in;
  return negative ? !is : is;
}

}  // namespace yusuan::compile
