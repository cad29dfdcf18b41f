// tests/support/reference_filter.hpp -- a filter evaluated on one item at a
// time, as plainly as it can be written: the reference the aggregation
// engine's results (yusuan::total, matching_items, group_sums, run) are
// checked against in the randomized tests.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/model/expr.hpp>

namespace reference {

using namespace yusuan;

/// Whether an item's coordinate on `dim` equals (or lies under) the value.
inline bool matches_value(const yusuan::budget& b, const yusuan::item& it, const yusuan::dimension_ref& dim,
                          const yusuan::filter_value& v) {
  switch (dim.dim) {
    case dimension::function: return v.function.contains(it.function);
    case dimension::econ: return v.econ.contains(it.econ);
    case dimension::gov_econ: return v.econ.contains(it.gov_econ);
    case dimension::kind: return kind_within(it.kind, v.kind);
    case dimension::fund:
      if (v.part_of)  // 上年结转结余.FUND: paid from last year's balance of FUND
        return it.fund == fund_source::carryover && it.balance_of != fund_source::carryover &&
               (it.balance_of == v.fund ||
                (v.fund == fund_source::fiscal_appropriation && it.balance_of == fund_source::general_budget));
      return it.fund == v.fund || (v.fund == fund_source::fiscal_appropriation && it.fund == fund_source::general_budget);
    case dimension::project:
      if (v.id == npos32) return false;
      return (v.id & 0x80000000u) ? it.group == (v.id & 0x7FFFFFFFu) : it.project == v.id;
    case dimension::unit: return it.unit == v.id;
    case dimension::line: return false;
    case dimension::tag: {
      for (auto [k, val] : b.tag_set(it.tags))
        if (b.string_at(k) == dim.tag_key) return val == v.id;
      return false;
    }
    case dimension::unit_type: return it.unit < b.units().size() && b.units()[it.unit].type == v.type;
    case dimension::amount: return it.amount == v.amount;
  }
  return false;
}

/// Whether an item passes a filter.
inline bool matches(const yusuan::budget& b, const yusuan::item& it, const yusuan::filter& f) {
  switch (f.kind) {
    case filter::op::all: return true;
    case filter::op::eq:
    case filter::op::in:
      for (const auto& v : f.values)
        if (matches_value(b, it, f.dim, v)) return true;
      return false;
    case filter::op::ne:
    case filter::op::not_in:
      for (const auto& v : f.values)
        if (matches_value(b, it, f.dim, v)) return false;
      return true;
    case filter::op::and_:
      for (const auto& c : f.children)
        if (!matches(b, it, c)) return false;
      return true;
    case filter::op::or_:
      for (const auto& c : f.children)
        if (matches(b, it, c)) return true;
      return false;
    case filter::op::not_: return !matches(b, it, f.children.front());
    case filter::op::lt: return it.amount < f.values.front().amount;
    case filter::op::le: return it.amount <= f.values.front().amount;
    case filter::op::gt: return it.amount > f.values.front().amount;
    case filter::op::ge: return it.amount >= f.values.front().amount;
  }
  return false;
}

}  // namespace reference
