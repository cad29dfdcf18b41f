// yusuan/rules/named_value.hpp -- the value a name has in a compiled budget,
// as an expression of the language reads it: a measure (口径), a figure (数值,
// 计数) or a built-in quantity (支出合计, 收入总计, 项目数, 基本支出,
// 年终结转结余.一般公共预算 …), and how it compares with a value as written.
// What `应 等于 NAME AMOUNT` and testing::HasMeasure compare, alike.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/evaluate.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/rules/expected_amount.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

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
    if (f.name == name && f.of_unit == npos32) return f.is_money ? named_value{false, f.amount, 0, {}} : named_value{true, {}, f.count, f.unit};
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

/// `v` as a test's messages show it: a count with what it counts (2 辆), an
/// amount in `u` with as many decimals as it has (9.204).
inline std::string value_text(const named_value& v, unit u) {
  if (v.is_count) return std::to_string(v.count) + (v.unit.empty() ? "" : " " + v.unit);
  return detail::exact_amount_text(v.amount, u);
}

/// How `got` (the value of `name`) differs from `written`: nothing when they
/// agree, else why ("expected 9.20, found 9.204").  `written` is read as a
/// budget reads it: for a count a whole number (thousands separators and
/// full-width digits allowed), for an amount one in `budget_unit` or in the
/// unit written after it (50000元, 5.00万元), exactly.
inline std::optional<std::string> value_differs(const named_value& got, const std::string& name, std::string_view written,
                                                unit budget_unit) {
  const std::string w(written);
  if (got.is_count) {  // a 计数, 项目数 …: a whole number
    std::string digits = compile::value_reader::narrow(written);
    digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
    const char* b = digits.data();
    const char* e = b + digits.size();
    if (b != e && *b == '+') ++b;
    std::int64_t want = 0;
    const auto [end, err] = std::from_chars(b, e, want);
    if (b == e || err != std::errc() || end != e) return "'" + w + "' is not a whole number, and " + name + " is a count (计数)";
    if (want != got.count) return "expected " + w + ", found " + value_text(got, budget_unit);
    return std::nullopt;
  }
  std::error_code ec;
  const auto want = detail::read_expected_amount(written, budget_unit, ec);
  if (ec == amount_errc::too_precise)  // as the language says it (E0202), not as the C++ API does
    return "'" + w + "' is finer than 1 分 in " + std::string(unit_name(want.shown_in)) + " (" +
           compile::value_reader::one_fen(want.shown_in) + ")";
  if (ec) return "'" + w + "' is not an amount in " + std::string(unit_name(want.shown_in)) + ": " + ec.message();
  if (got.amount != want.value)
    return "expected " + w + ", found " + detail::exact_amount_text(got.amount, want.shown_in) +
           (want.shown_in != budget_unit ? std::string(unit_name(want.shown_in)) : "");
  return std::nullopt;
}

}  // namespace yusuan
