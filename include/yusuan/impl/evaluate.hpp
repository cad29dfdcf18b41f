// yusuan/impl/evaluate.hpp -- evaluates expressions, measures and constraints
// over a budget.  Spirit-free.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/expr.hpp>
#include <yusuan/query.hpp>
#include <yusuan/detail/reference_filter.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace yusuan::detail {

namespace syntax {
enum class yoy : std::uint8_t;
}

/// A row of a grouped constraint: one key per dimension and the stated amount.
struct grouped_row {
  std::vector<std::string> keys;
  money amount;
  source_span span;
};

/// Evaluates expressions over a budget; reports unknown names once each.
class evaluator {
public:
  evaluator(const budget& b, diagnostics& diags) : b_(b), diags_(diags) {}

  /// Σ of the items that pass `f`.
  money sum(const filter& f) const {
    money_sum s;
    if (f.kind == filter::op::all) {
      for (const auto& it : b_.items()) s += it.amount;
    } else {
      for (const auto& it : b_.items())
        if (matches(b_, it, f)) s += it.amount;
    }
    return s.value();
  }
  std::int64_t count(const filter& f) const {
    std::int64_t n = 0;
    for (const auto& it : b_.items())
      if (matches(b_, it, f)) ++n;
    return n;
  }

  std::optional<value> eval(const expr& e) {
    value v;
    switch (e.kind) {
      case expr::op::money_literal: {
        v.amount = e.amount;
        // an integer literal also reads as a count (核对 项目数 = 11)
        bool integral = !e.name.empty();
        std::int64_t n = 0;
        for (char c : e.name) {
          integral = integral && c >= '0' && c <= '9' && n < 100000000000000LL;
          n = n * 10 + (c - '0');
        }
        if (integral) v.count = n;
        else v.count = -1;
        return v;
      }
      case expr::op::count_literal: v.kind = value::type::count; v.count = e.count; return v;
      case expr::op::percent_literal:
        fail(e.span, "E0502", "a percentage can only be compared with 占比(…) or 增幅(…)");
        return std::nullopt;
      case expr::op::sum:
        v.amount = sum(e.where);
        v.count = -1;
        return v;
      case expr::op::count: v.kind = value::type::count; v.count = count(e.where); return v;
      case expr::op::name: return name_value(e.name, e.span);
      case expr::op::prior: {
        auto p = b_.prior(e.name);
        if (!p) {
          fail(e.span, "E0302", "no prior-year (上年) figure named '" + e.name + "'");
          return std::nullopt;
        }
        v.amount = *p;
        return v;
      }
      case expr::op::share: {
        auto a = eval(e.args[0]), b = eval(e.args[1]);
        if (!a || !b) return std::nullopt;
        v.kind = value::type::percent_ratio;
        v.numerator = a->amount;
        v.denominator = b->amount;
        return v;
      }
      case expr::op::change: {
        const expr& x = e.args[0];
        if (x.kind != expr::op::name) {
          fail(x.span, "E0302", "增幅(…) needs a named quantity that has a 上年 figure");
          return std::nullopt;
        }
        auto cur = eval(x);
        auto p = b_.prior(x.name);
        if (!p) {
          fail(x.span, "E0302", "no prior-year (上年) figure named '" + x.name + "'");
          return std::nullopt;
        }
        if (!cur) return std::nullopt;
        v.kind = value::type::percent_ratio;
        v.numerator = cur->amount - *p;
        v.denominator = p->abs();
        return v;
      }
      case expr::op::add:
      case expr::op::sub: {
        auto a = eval(e.args[0]), b = eval(e.args[1]);
        if (!a || !b) return std::nullopt;
        const bool ca = a->kind == value::type::count, cb = b->kind == value::type::count;
        if (ca || cb) {
          // a count and a whole-number literal make a count; a count and an amount do not mix
          const bool ok_a = ca || (e.args[0].kind == expr::op::money_literal && a->count >= 0);
          const bool ok_b = cb || (e.args[1].kind == expr::op::money_literal && b->count >= 0);
          if (!ok_a || !ok_b) {
            fail(e.span, "E0502", "a count cannot be added to or subtracted from an amount");
            return std::nullopt;
          }
          v.kind = value::type::count;
          v.count = e.kind == expr::op::add ? a->count + b->count : a->count - b->count;
          return v;
        }
        if (a->kind == value::type::percent_ratio || b->kind == value::type::percent_ratio) {
          fail(e.span, "E0502", "percentages cannot be added or subtracted");
          return std::nullopt;
        }
        v.amount = e.kind == expr::op::add ? a->amount + b->amount : a->amount - b->amount;
        return v;
      }
      case expr::op::neg: {
        auto a = eval(e.args[0]);
        if (!a) return std::nullopt;
        v = *a;
        v.amount = -v.amount;
        if (v.kind == value::type::count) v.count = -v.count;
        else v.count = -1;
        return v;
      }
    }
    return std::nullopt;
  }

  std::optional<money> measure_value(const std::string& name) {
    auto v = name_value(name, {});
    if (!v) return std::nullopt;
    return v->amount;
  }

  /// Checks one constraint; reports it when it fails.
  constraint_result check(const expr& lhs, const expr& rhs, const std::string& cmp, syntax::yoy yoy,
                          const std::optional<money>& tolerance, bool warning, const std::string& message,
                          const std::string& text, source_span span, unit u, source_span yoy_span) {
    constraint_result r;
    r.text = text;
    r.level = warning ? severity::warning : severity::error;
    r.span = span;
    const int yoy_kind = static_cast<int>(yoy);
    std::string expected, found, diff;
    bool passed = false;
    if (yoy_kind != 0) {
      // 较上年 减少 / 增加 / 下降 / 增长 / 持平
      if (lhs.kind != expr::op::name) {
        fail(lhs.span, "E0302", "较上年 needs a named quantity that has a 上年 figure");
        return r;
      }
      auto cur = eval(lhs);
      auto p = b_.prior(lhs.name);
      if (!p) {
        fail(lhs.span, "E0302", "no prior-year (上年) figure named '" + lhs.name + "'");
        return r;
      }
      if (!cur) return r;
      const money delta = cur->amount - *p;
      const bool amount_claim = yoy_kind == 1 || yoy_kind == 2 || yoy_kind == 5;
      if (amount_claim) {
        const money want = yoy_kind == 1 ? -rhs.amount : yoy_kind == 2 ? rhs.amount : money{};
        passed = delta == want;
        expected = describe_delta(want, u);
        found = describe_delta(delta, u) + " (" + cur->amount.format(u) + " against 上年 " + p->format(u) + ")";
      } else {
        if (p->is_zero()) {
          fail(lhs.span, "E0502", "the 上年 figure of '" + lhs.name + "' is 0: no percentage change");
          return r;
        }
        const std::int64_t got =
            detail::percent_units(delta, p->abs(), rhs.scale, rounding::half_up, "year-on-year change");
        const std::int64_t want = yoy_kind == 3 ? -rhs.percent_units : rhs.percent_units;
        passed = got == want;
        expected = describe_percent_change(want, rhs.scale);
        found = describe_percent_change(got, rhs.scale) + " (" + cur->amount.format(u) + " against 上年 " + p->format(u) + ")";
      }
      (void)yoy_span;
    } else if (rhs.kind == expr::op::percent_literal || lhs.kind == expr::op::percent_literal) {
      const expr& ratio_e = rhs.kind == expr::op::percent_literal ? lhs : rhs;
      const expr& lit = rhs.kind == expr::op::percent_literal ? rhs : lhs;
      auto v = eval(ratio_e);
      if (!v) return r;
      if (v->kind != value::type::percent_ratio) {
        fail(ratio_e.span, "E0502", "a percentage can only be compared with 占比(…) or 增幅(…)");
        return r;
      }
      if (v->denominator.is_zero()) {
        fail(ratio_e.span, "E0502",
             ratio_e.kind == expr::op::change ? "the 上年 figure is 0: no percentage change" : "the share's whole is 0");
        return r;
      }
      const std::int64_t got =
          detail::percent_units(v->numerator, v->denominator, lit.scale, rounding::half_up, "share");
      const bool lit_left = lhs.kind == expr::op::percent_literal;
      passed = lit_left ? compare(lit.percent_units, got, cmp, 0) : compare(got, lit.percent_units, cmp, 0);
      const bool equality = cmp == "=" || cmp == "==" || cmp == "＝";
      expected = (equality ? std::string() : (lit_left ? "(the other side of) " + cmp + " " : cmp + " ")) +
                 percent_text(lit.percent_units, lit.scale) + "%";
      found = percent_text(got, lit.scale) + "% (" + v->numerator.format(u) + " / " + v->denominator.format(u) + ")";
    } else {
      auto a = eval(lhs), b = eval(rhs);
      if (!a || !b) return r;
      if (a->kind == value::type::percent_ratio || b->kind == value::type::percent_ratio) {
        fail(span, "E0502", "compare 占比(…) and 增幅(…) with a percentage such as 6.06%");
        return r;
      }
      if (a->kind == value::type::count || b->kind == value::type::count) {
        const std::int64_t x = a->count, y = b->count;
        // the other side must be a count too, or a whole-number literal
        const bool ok_a = a->kind == value::type::count || (lhs.kind == expr::op::money_literal && a->count >= 0);
        const bool ok_b = b->kind == value::type::count || (rhs.kind == expr::op::money_literal && b->count >= 0);
        if (!ok_a || !ok_b) {
          fail(span, "E0502", "a count can only be compared with a count or a whole number");
          return r;
        }
        passed = compare(x, y, cmp, 0);
        expected = std::to_string(y);
        found = std::to_string(x);
      } else {
        const std::int64_t tol = tolerance ? tolerance->fen() : 0;
        passed = compare(a->amount.fen(), b->amount.fen(), cmp, tol);
        expected = (cmp == "=" || cmp == "==" || cmp == "＝" ? std::string() : cmp + " ") + b->amount.format(u);
        found = a->amount.format(u);
        diff = (a->amount - b->amount).format(u);
        if ((a->amount - b->amount).sign() > 0) diff = "+" + diff;
      }
    }
    r.passed = passed;
    if (!passed) {
      diagnostic d;
      d.level = r.level;
      d.code = warning ? "W0501" : "E0501";
      d.message = message.empty() ? "constraint failed: " + text : message;
      d.span = span;
      d.expected = expected;
      d.found = found + (diff.empty() ? "" : " (difference " + diff + " " + std::string(unit_name(u)) + ")");
      if (!message.empty()) d.notes.push_back({"constraint: " + text, {}});
      add_sum_notes(d, lhs, u);
      diags_.add(std::move(d));
    }
    return r;
  }

  /// 核对 合计(…) 按 dims { keys: amount … }: every stated row must equal its
  /// group's sum, and every group with a non-zero sum must be stated.
  constraint_result check_grouped(const expr& lhs, const std::vector<dimension_ref>& by,
                                  const std::vector<grouped_row>& rows, bool warning, const std::string& message,
                                  const std::string& text, source_span span, unit u) {
    constraint_result r;
    r.text = text;
    r.level = warning ? severity::warning : severity::error;
    r.span = span;
    const filter* f = nullptr;
    if (lhs.kind == expr::op::sum) f = &lhs.where;
    else if (lhs.kind == expr::op::name)
      if (const auto* m = b_.find_measure(lhs.name); m && m->definition.kind == expr::op::sum) f = &m->definition.where;
    if (!f) {
      fail(lhs.span, "E0504", "a grouped constraint (按 …) needs 合计(…) or a measure defined as one");
      return r;
    }
    auto groups = group_sums(b_, *f, by);
    std::vector<bool> stated(groups.size(), false);
    bool passed = true;
    const std::string level_code = warning ? "W0501" : "E0501";
    for (const auto& row : rows) {
      std::vector<dimension_key> key;
      bool ok = true;
      for (std::size_t d = 0; d < by.size() && d < row.keys.size(); ++d) {
        auto k = parse_key(b_, by[d], row.keys[d]);
        if (!k) {
          fail(row.span, "E0504",
               "'" + row.keys[d] + "' is not a key of " + std::string(chinese_name(by[d].dim)) +
                   (by[d].level ? " at level " + std::to_string(by[d].level) : std::string()));
          ok = false;
          passed = false;
          break;
        }
        key.push_back(*k);
      }
      if (!ok) continue;
      money found;
      for (std::size_t g = 0; g < groups.size(); ++g)
        if (groups[g].keys == key) {
          found = groups[g].sum.value();
          stated[g] = true;
        }
      if (found != row.amount) {
        passed = false;
        diagnostic d;
        d.level = r.level;
        d.code = level_code;
        d.message = (message.empty() ? std::string("constraint failed") : message) + ": row " + join(row.keys) + " of " +
                    first_line(text);
        d.span = row.span;
        d.expected = row.amount.format(u);
        money diff = found - row.amount;
        d.found = found.format(u) + " (difference " + (diff.sign() > 0 ? "+" : "") + diff.format(u) + " " +
                  std::string(unit_name(u)) + ")";
        diags_.add(std::move(d));
      }
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (stated[g] || groups[g].sum.value().is_zero()) continue;
      passed = false;
      std::vector<std::string> keys;
      for (std::size_t d = 0; d < by.size(); ++d)
        keys.push_back(groups[g].keys[d] == no_key ? std::string("无") : key_text(b_, by[d], groups[g].keys[d]));
      diagnostic d;
      d.level = r.level;
      d.code = warning ? "W0503" : "E0503";
      d.message = "group " + join(keys) + " (" + groups[g].sum.value().format(u) + ") is missing from " + first_line(text);
      d.span = lhs.span;
      d.label = "add a row: " + join(keys) + ": " + groups[g].sum.value().format(u);
      d.notes.push_back({"its first item", b_.span_of(b_.items()[groups[g].first_item])});
      diags_.add(std::move(d));
    }
    r.passed = passed;
    return r;
  }

private:
  static std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& k : v) s += (s.empty() ? "" : ", ") + k;
    return s;
  }
  static std::string first_line(const std::string& t) {
    auto p = t.find('{');
    std::string s = p == std::string::npos ? t : t.substr(0, p);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return "'" + s + "'";
  }

  static bool compare(std::int64_t a, std::int64_t b, const std::string& cmp, std::int64_t tol) {
    const std::int64_t d = a - b;
    const std::int64_t ad = d < 0 ? -d : d;
    if (cmp == "=" || cmp == "==" || cmp == "＝") return ad <= tol;
    if (cmp == "≠" || cmp == "!=") return ad > tol;
    if (cmp == "≤" || cmp == "<=") return a <= b + tol;
    if (cmp == "≥" || cmp == ">=") return a >= b - tol;
    if (cmp == "<") return a < b;
    if (cmp == ">") return a > b;
    return false;
  }

  static std::string percent_text(std::int64_t units, int scale) {
    const bool neg = units < 0;
    std::uint64_t mag = neg ? 0ULL - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    char buf[48];
    return std::string(buf, detail::write_fixed(buf, neg, mag, scale, false));
  }
  static std::string describe_delta(money d, unit u) {
    if (d.is_zero()) return "持平 (no change)";
    return (d.sign() < 0 ? "减少 " : "增加 ") + d.abs().format(u);
  }
  static std::string describe_percent_change(std::int64_t units, int scale) {
    if (units == 0) return "持平 0%";
    return (units < 0 ? "下降 " : "增长 ") + percent_text(units < 0 ? -units : units, scale) + "%";
  }

  void fail(source_span span, const std::string& code, const std::string& msg) {
    const std::string key = code + msg + "@" + std::to_string(reinterpret_cast<std::uintptr_t>(span.file)) + ":" +
                            std::to_string(span.offset);
    if (!reported_.insert(key).second) return;
    diagnostic d;
    d.code = code;
    d.message = msg;
    d.span = span;
    diags_.add(std::move(d));
  }

  std::optional<value> name_value(const std::string& name, source_span span) {
    if (const auto* m = b_.find_measure(name)) {
      auto it = cache_.find(name);
      if (it != cache_.end()) return it->second;
      if (!active_.insert(name).second) {
        fail(span, "E0302", "measure '" + name + "' is defined in terms of itself");
        return std::nullopt;
      }
      auto v = eval(m->definition);
      active_.erase(name);
      cache_[name] = v;
      return v;
    }
    value v;
    if (const auto* f = b_.find_figure(name)) {
      if (f->is_money) {
        v.amount = f->amount;
        v.count = -1;
      } else {
        v.kind = value::type::count;
        v.count = f->count;
      }
      return v;
    }
    if (name == "支出合计" || name == "本年支出合计" || name == "total-expenditure") {
      v.amount = b_.expenditure_total();
      return v;
    }
    if (name == "支出总计" || name == "expenditure-grand-total") {
      v.amount = b_.expenditure_grand_total();
      return v;
    }
    if (name == "收入合计" || name == "本年收入合计" || name == "total-income") {
      v.amount = b_.income_total();
      return v;
    }
    if (name == "收入总计" || name == "income-grand-total") {
      v.amount = b_.income_grand_total();
      return v;
    }
    if (name == "年终结转结余" || name == "year-end-balance") {
      v.amount = b_.year_end_balance().value_or(money{});
      return v;
    }
    if (name == "项目金额合计" || name == "project-amount-total") {
      v.amount = b_.project_total();
      return v;
    }
    if (name == "项目数" || name == "project-count") {
      v.kind = value::type::count;
      v.count = static_cast<std::int64_t>(b_.projects().size());
      return v;
    }
    if (auto k = parse_spending_kind(name)) {
      filter f;
      f.kind = filter::op::eq;
      f.dim.dim = dimension::kind;
      filter_value fv;
      fv.kind = *k;
      f.values.push_back(fv);
      v.amount = sum(f);
      return v;
    }
    if (auto src = parse_fund_source(name)) {
      money_sum s;
      for (const auto& l : b_.income())
        if (l.source == *src) s += l.amount;
      v.amount = s.value();
      return v;
    }
    fail(span, "E0302", "unknown measure or figure '" + name + "'");
    return std::nullopt;
  }

  void add_sum_notes(diagnostic& d, const expr& e, unit u) {
    const filter* f = nullptr;
    if (e.kind == expr::op::sum) f = &e.where;
    else if (e.kind == expr::op::name) {
      if (const auto* m = b_.find_measure(e.name); m && m->definition.kind == expr::op::sum) f = &m->definition.where;
    }
    if (!f) return;
    std::size_t shown = 0, total = 0;
    for (const auto& it : b_.items()) {
      if (!matches(b_, it, *f)) continue;
      ++total;
      if (shown < 10) {
        std::string what;
        if (it.function) what += it.function.spaced();
        if (it.econ) what += (what.empty() ? "" : " ") + it.econ.str();
        if (it.project != npos32) what += (what.empty() ? "" : " ") + b_.projects()[it.project].name;
        d.notes.push_back({"counted: " + (what.empty() ? std::string("item") : what) + " " + it.amount.format(u),
                           b_.span_of(it)});
        ++shown;
      }
    }
    if (total == 0) d.notes.push_back({"no item matches this aggregation", {}});
    if (total > shown) d.notes.push_back({"and " + std::to_string(total - shown) + " more items", {}});
  }

  const budget& b_;
  diagnostics& diags_;
  std::map<std::string, std::optional<value>> cache_;
  std::set<std::string> active_;
  std::set<std::string> reported_;
};

}  // namespace yusuan::detail
