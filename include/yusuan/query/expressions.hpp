// yusuan/query/expressions.hpp -- expressions over a budget built in C++
// (the measures and constraints of budget_builder): sums, counts and the
// largest or smallest amount of the items a filter takes, literals, names,
// 上年 figures, 占比 and 增幅, + and -; and the text of an expression or a
// filter as the budget language writes it.  Spirit-free.
//
//   using namespace yusuan;
//   expr three = sum_of(econ_in({30212, 30217, 30231, 31013}));   // 合计(经济 属于 (30212, …))
//   expr share = share_of(named("三公经费"), named("支出合计"));     // 占比(三公经费, 支出合计)
//   to_text(three - literal(money::parse("1.00")));                 // "合计(经济 属于 (30212, 30217, 30231, 31013)) - 1.00"
#pragma once

#include <yusuan/model/expr.hpp>
#include <yusuan/money.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/filters.hpp>
#include <yusuan/syntax/keywords.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace yusuan {

namespace detail {
inline expr over(expr::op k, filter where) {
  expr e;
  e.kind = k;
  e.where = std::move(where);
  return e;
}
}  // namespace detail

/// 合计(where): the sum of the items `where` takes (all of them by default).
inline expr sum_of(filter where = {}) { return detail::over(expr::op::sum, std::move(where)); }
/// 计数(where): how many items `where` takes.
inline expr count_of(filter where = {}) { return detail::over(expr::op::count, std::move(where)); }
/// 最大(where) / 最小(where): the largest / smallest amount of those items.
inline expr max_of(filter where = {}) { return detail::over(expr::op::max, std::move(where)); }
inline expr min_of(filter where = {}) { return detail::over(expr::op::min, std::move(where)); }
/// 收入(where): the income lines (and 其中 parts) of the fund sources `where` takes.
inline expr income_of(filter where = {}) { return detail::over(expr::op::income, std::move(where)); }

/// An amount, compared exactly (see published() for a figure compared as
/// published, rounded to its decimals, as one typed in a budget file is).
inline expr literal(money m) {
  expr e;
  e.kind = expr::op::money_literal;
  e.amount = m;
  return e;
}
/// A figure as published, with `decimals` decimals in the budget's unit: the
/// other side of a comparison is rounded half up to those decimals before
/// it is compared, as with a figure typed in a budget file (`核对 三公经费 =
/// 9.20` holds for an exact 9.204).
inline expr published(money m, int decimals = 2) {
  expr e = literal(m);
  e.decimals = decimals < 0 ? -2 : decimals;  // none is no figure: budget_builder says so (E0202)
  return e;
}
/// A number of items, figures or targets.
inline expr count_literal(std::int64_t n) {
  expr e;
  e.kind = expr::op::count_literal;
  e.count = n;
  return e;
}
/// A percentage of `units` / 10^scale: percent(606, 2) is 6.06%.
inline expr percent(std::int64_t units, int scale = 0) {
  expr e;
  e.kind = expr::op::percent_literal;
  e.percent_units = units;
  e.scale = scale;
  return e;
}
/// A measure (口径), a figure (数值, 计数) or a built-in quantity (支出合计,
/// 项目数, 三公经费 …), by its name.
inline expr named(std::string name) {
  expr e;
  e.kind = expr::op::name;
  e.name = std::move(name);
  return e;
}
/// 上年(name): the prior-year figure of a name.
inline expr prior_of(std::string name) {
  expr e;
  e.kind = expr::op::prior;
  e.name = std::move(name);
  return e;
}
/// 占比(part, whole): part / whole as a percentage.
inline expr share_of(expr part, expr whole) {
  expr e;
  e.kind = expr::op::share;
  e.args.push_back(std::move(part));
  e.args.push_back(std::move(whole));
  return e;
}
/// 增幅(quantity): the change of a named quantity from its 上年 figure, as a percentage.
inline expr change_of(expr quantity) {
  expr e;
  e.kind = expr::op::change;
  e.args.push_back(std::move(quantity));
  return e;
}

/// -a; - -a is a.
inline expr operator-(expr a) {
  if (a.kind == expr::op::neg && a.args.size() == 1 && !a.span) return std::move(a.args.front());
  expr e;
  e.kind = expr::op::neg;
  e.args.push_back(std::move(a));
  return e;
}
/// a + b, flat: the terms of a sum built in C++ join the others, as the
/// language reads a + b + c.
inline expr operator+(expr a, expr b) {
  expr e;
  if (a.kind == expr::op::add && !a.span) {
    e = std::move(a);
  } else {
    e.kind = expr::op::add;
    e.args.push_back(std::move(a));
  }
  if (b.kind == expr::op::add && !b.span)
    for (auto& t : b.args) e.args.push_back(std::move(t));
  else
    e.args.push_back(std::move(b));
  return e;
}
inline expr operator-(expr a, expr b) { return std::move(a) + -std::move(b); }

namespace detail {

/// A name or value as the language reads it back: bare when it is a word
/// (letters, digits of a word that does not start with one, '_', '.', and
/// any character beyond ASCII) and no keyword (合计, 且, sum …), else quoted
/// with \" and \\ escaped.
inline std::string word_or_quoted(std::string_view s) {
  bool bare = !s.empty() && !(s.front() >= '0' && s.front() <= '9');
  for (const auto& k : syntax::keyword_table) bare = bare && s != k.zh && s != k.zh2 && s != k.en && s != k.en2;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool ok = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    c == '_' || c == '.';
    bare = bare && ok;
  }
  if (bare) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

/// An amount with as many decimals as it takes (at least two).
inline std::string amount_text(money m, unit u) { return m.format(u, decimals_to_show(m.fen(), u)); }

inline std::string value_text(const filter& f, const filter_value& v, unit u) {
  if (f.dim.dim == dimension::tag && v.text.empty() && v.id == npos32) return "\"\"";  // tag_is(key, "")
  if (!v.text.empty()) return f.dim.dim == dimension::function || f.dim.dim == dimension::econ ||
                                     f.dim.dim == dimension::gov_econ
                                 ? v.text
                                 : word_or_quoted(v.text);
  switch (f.dim.dim) {
    case dimension::function: return v.function.spaced();
    case dimension::econ:
    case dimension::gov_econ: return v.econ.str();
    case dimension::kind: return std::string(chinese_name(v.kind));
    case dimension::fund: return std::string(chinese_name(v.fund));
    case dimension::unit_type: return std::string(chinese_name(v.type));
    case dimension::amount: return amount_text(v.amount, u);
    default: return "#" + std::to_string(v.id);  // an id set in C++ without its text
  }
}

inline std::string filter_text(const filter& f, unit u, bool nested) {
  const auto joined = [&](std::string_view word) {
    std::string s;
    for (const auto& c : f.children) {
      if (!s.empty()) s += word;
      s += filter_text(c, u, true);
    }
    return nested && f.children.size() > 1 ? "(" + s + ")" : s;
  };
  const auto values = [&] {
    std::string s = "(";
    for (std::size_t i = 0; i < f.values.size(); ++i)  // a name of several units' projects is written once
      if (i == 0 || f.values[i].text != f.values[i - 1].text || f.dim.dim != dimension::project)
        s += (s.size() > 1 ? ", " : "") + value_text(f, f.values[i], u);
    return s + ")";
  };
  const std::string dim = dimension_header(f.dim);
  switch (f.kind) {
    case filter::op::all: return "";
    case filter::op::eq: return dim + " = " + (f.values.empty() ? "" : value_text(f, f.values.front(), u));
    case filter::op::ne: return dim + " ≠ " + (f.values.empty() ? "" : value_text(f, f.values.front(), u));
    case filter::op::in: return dim + " 属于 " + values();
    case filter::op::not_in: return dim + " 不属于 " + values();
    case filter::op::and_: return joined(" 且 ");
    case filter::op::or_: return joined(" 或 ");
    case filter::op::not_: return f.children.empty() ? "非 ()" : "非 " + filter_text(f.children.front(), u, true);
    case filter::op::lt: return dim + " < " + (f.values.empty() ? "" : value_text(f, f.values.front(), u));
    case filter::op::le: return dim + " ≤ " + (f.values.empty() ? "" : value_text(f, f.values.front(), u));
    case filter::op::gt: return dim + " > " + (f.values.empty() ? "" : value_text(f, f.values.front(), u));
    case filter::op::ge: return dim + " ≥ " + (f.values.empty() ? "" : value_text(f, f.values.front(), u));
  }
  return "";
}

inline std::string percent_text(std::int64_t units, int scale) {
  const bool negative = units < 0;
  std::string digits = std::to_string(negative ? -static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units));
  // a scale the language cannot write (budget_builder rejects it, E0202):
  // shown, not spelt out at any length
  if (scale < -18 || scale > 18) return std::to_string(units) + "e" + std::to_string(-static_cast<std::int64_t>(scale)) + "%";
  if (scale < 0) digits += std::string(static_cast<std::size_t>(-scale), '0');
  if (scale > 0) {
    if (digits.size() <= static_cast<std::size_t>(scale)) digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(scale), 1, '.');
  }
  return (negative ? "-" : "") + digits + "%";
}

}  // namespace detail

/// A filter as the language writes it, its amounts (金额) in `u`:
/// 经济 = 30201 且 类型 = 公用经费 (empty for the filter that takes every item).
inline std::string to_text(const filter& f, unit u = unit::yuan) { return detail::filter_text(f, u, false); }

/// An expression as the language writes it, its amounts in `u`:
/// 合计(经济 = 30201) + 上年(三公经费) - 1.00.
inline std::string to_text(const expr& e, unit u = unit::yuan) {
  const auto over = [&](std::string_view word) { return std::string(word) + "(" + to_text(e.where, u) + ")"; };
  const auto operand = [&](const expr& a) {
    const std::string s = to_text(a, u);
    return a.kind == expr::op::add ? "(" + s + ")" : s;
  };
  switch (e.kind) {
    case expr::op::money_literal:
      if (e.decimals >= 0 && e.decimals <= exact_decimals(u)) {  // as published, with its decimals when they hold it
        std::error_code ec;
        if (const money r = e.amount.round(u, e.decimals, rounding::half_up, ec); !ec && r == e.amount)
          return e.amount.format(u, e.decimals);
      }
      return detail::amount_text(e.amount, u);
    case expr::op::count_literal: return std::to_string(e.count);
    case expr::op::percent_literal: return detail::percent_text(e.percent_units, e.scale);
    case expr::op::sum: return over("合计");
    case expr::op::count: return over("计数");
    case expr::op::income: return over("收入");
    case expr::op::project_amount: return over("项目金额");
    case expr::op::max: return over("最大");
    case expr::op::min: return over("最小");
    case expr::op::name: return detail::word_or_quoted(e.name);
    case expr::op::prior: return "上年(" + detail::word_or_quoted(e.name) + ")";
    case expr::op::share:
      return "占比(" + (e.args.size() > 0 ? to_text(e.args[0], u) : "") + ", " +
             (e.args.size() > 1 ? to_text(e.args[1], u) : "") + ")";
    case expr::op::change: return "增幅(" + (e.args.empty() ? "" : to_text(e.args[0], u)) + ")";
    case expr::op::neg: return "-" + (e.args.empty() ? "" : operand(e.args[0]));
    case expr::op::add: {
      std::string s;
      for (const auto& t : e.args) {
        if (s.empty()) s = to_text(t, u);
        else if (t.kind == expr::op::neg && t.args.size() == 1) s += " - " + operand(t.args[0]);
        else s += " + " + operand(t);
      }
      return s;
    }
  }
  return "";
}

}  // namespace yusuan
