// yusuan/rules/named_value.hpp -- the value a name has in a compiled budget,
// as an expression of the language reads it: a measure (口径), a figure (数值,
// 计数) or a built-in quantity (支出合计, 收入总计, 项目数, 基本支出,
// 年终结转结余.一般公共预算 …).  What `应 等于 NAME AMOUNT` and
// testing::HasMeasure compare.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/evaluate.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/model/expr.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace yusuan {

/// A named value: an amount, or a count (计数, 项目数 …) with what it counts.
struct named_value {
  bool is_count = false;
  money amount;            // an amount
  std::int64_t count = 0;  // a count
  std::string unit;        // a count's unit as stated (辆, 人), if any
};

/// The value of `name` in `b`: its measure, its figure, or the built-in
/// quantity of that name; none for a name that has none (or for a share,
/// which is no amount).
inline std::optional<named_value> value_of(const budget& b, const std::string& name) {
  for (const auto& m : b.measures())
    if (m.name == name) return m.is_count ? named_value{true, {}, m.count, {}} : named_value{false, m.value, 0, {}};
  for (const auto& f : b.figures())
    if (f.name == name) return f.is_money ? named_value{false, f.amount, 0, {}} : named_value{true, {}, f.count, f.unit};
  compile::reporter rep(1);
  compile::evaluator ev(b, rep);
  expr e;
  e.kind = expr::op::name;
  e.name = name;
  const auto v = ev.eval(e);
  if (!v || rep.has_errors()) return std::nullopt;
  switch (v->kind) {
    case value::type::money: return named_value{false, v->amount, 0, {}};
    case value::type::count: return named_value{true, {}, v->count, {}};
    case value::type::percent_ratio: break;
  }
  return std::nullopt;
}

}  // namespace yusuan
