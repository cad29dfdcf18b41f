// yusuan/compile/constraints.hpp -- the last pass: every constraint (核对)
// checked against the complete budget.  A comparison of amounts or counts, a
// percentage (rounded to the stated decimals, half up), a year-on-year claim,
// or a grouped table of rows; a failure is E0501 (W0501 for 警告) with what
// was expected and what was found, and notes on the items counted.
#pragma once

#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/evaluate.hpp>

#include <string>
#include <vector>

namespace yusuan::compile {

class constraint_checker {
public:
  constraint_checker(evaluator& ev, reporter& r) : ev_(ev), b_(ev.source()), rep_(r) {}

  constraint_result check(const constraint_def& c) { return c.by.empty() ? check_one(c) : check_grouped(c); }

private:
  constraint_result start(const constraint_def& c) const {
    constraint_result r;
    r.text = c.text;
    r.level = c.warning ? severity::warning : severity::error;
    r.span = c.span;
    return r;
  }

  constraint_result check_one(const constraint_def& c) {
    constraint_result r = start(c);
    const unit u = c.file_unit;
    std::string expected, found, diff;
    bool passed = false;
    if (c.yoy != yoy_claim::none) {
      if (c.lhs.kind != expr::op::name) {
        ev_.fail(c.lhs.span, "E0302", "较上年 needs a named quantity that has a 上年 figure");
        return r;
      }
      auto cur = ev_.eval(c.lhs);
      auto p = ev_.prior(c.lhs.name);
      if (!p) {
        ev_.fail(c.lhs.span, "E0302", "no prior-year (上年) figure named '" + c.lhs.name + "'");
        return r;
      }
      if (!cur) return r;
      const auto change = ev_.amount_of(int128(cur->amount.fen()) - p->fen(), c.lhs.span, "the change from 上年");
      if (!change) return r;
      const money delta = *change;
      if (c.yoy == yoy_claim::decrease || c.yoy == yoy_claim::increase || c.yoy == yoy_claim::flat) {
        const money want = c.yoy == yoy_claim::decrease   ? -c.rhs.amount
                           : c.yoy == yoy_claim::increase ? c.rhs.amount
                                                          : money{};
        passed = delta == want;
        expected = describe_delta(want, u);
        found = describe_delta(delta, u) + " (" + cur->amount.format(u) + " against 上年 " + p->format(u) + ")";
      } else {
        if (p->is_zero()) {
          ev_.fail(c.lhs.span, "E0502", "the 上年 figure of '" + c.lhs.name + "' is 0: no percentage change");
          return r;
        }
        const auto units = ev_.percent_of(delta, p->abs(), c.rhs.scale, c.lhs.span, "year-on-year change");
        if (!units) return r;
        const std::int64_t got = *units;
        const std::int64_t want = c.yoy == yoy_claim::fall ? -c.rhs.percent_units : c.rhs.percent_units;
        passed = got == want;
        expected = describe_percent_change(want, c.rhs.scale);
        found = describe_percent_change(got, c.rhs.scale) + " (" + cur->amount.format(u) + " against 上年 " +
                p->format(u) + ")";
      }
    } else if (c.rhs.kind == expr::op::percent_literal || c.lhs.kind == expr::op::percent_literal) {
      const bool lit_left = c.lhs.kind == expr::op::percent_literal;
      const expr& ratio_e = lit_left ? c.rhs : c.lhs;
      const expr& lit = lit_left ? c.lhs : c.rhs;
      auto v = ev_.eval(ratio_e);
      if (!v) return r;
      if (v->kind != value::type::percent_ratio) {
        ev_.fail(ratio_e.span, "E0502", "a percentage can only be compared with 占比(…) or 增幅(…)");
        return r;
      }
      if (v->denominator.is_zero()) {
        ev_.fail(ratio_e.span, "E0502",
                 ratio_e.kind == expr::op::change ? "the 上年 figure is 0: no percentage change" : "the share's whole is 0");
        return r;
      }
      const auto units = ev_.percent_of(v->numerator, v->denominator, lit.scale, ratio_e.span, "share");
      if (!units) return r;
      const std::int64_t got = *units;
      passed = lit_left ? compare(lit.percent_units, got, c.cmp, 0) : compare(got, lit.percent_units, c.cmp, 0);
      expected = (is_equality(c.cmp) ? std::string() : (lit_left ? "(the other side of) " + c.cmp + " " : c.cmp + " ")) +
                 percent_text(lit.percent_units, lit.scale) + "%";
      found = percent_text(got, lit.scale) + "% (" + v->numerator.format(u) + " / " + v->denominator.format(u) + ")";
    } else {
      auto a = ev_.eval(c.lhs), b = ev_.eval(c.rhs);
      if (!a || !b) return r;
      if (a->kind == value::type::percent_ratio || b->kind == value::type::percent_ratio) {
        ev_.fail(c.span, "E0502", "compare 占比(…) and 增幅(…) with a percentage such as 6.06%");
        return r;
      }
      if (a->kind == value::type::count || b->kind == value::type::count) {
        // the other side must be a count too, or a whole-number literal
        if (!(a->kind == value::type::count || a->whole) || !(b->kind == value::type::count || b->whole)) {
          ev_.fail(c.span, "E0502", "a count can only be compared with a count or a whole number");
          return r;
        }
        passed = compare(a->count, b->count, c.cmp, 0);
        expected = std::to_string(b->count);
        found = std::to_string(a->count);
      } else {
        const std::int64_t tol = c.tolerance ? c.tolerance->fen() : 0;
        passed = compare(a->amount.fen(), b->amount.fen(), c.cmp, tol);
        expected = (is_equality(c.cmp) ? std::string() : c.cmp + " ") + b->amount.format(u);
        found = a->amount.format(u);
        const int128 d = int128(a->amount.fen()) - b->amount.fen();
        diff = (d > 0 ? "+" : "") + format_fen(d, u);
      }
    }
    r.passed = passed;
    if (!passed) {
      diagnostic d;
      d.level = r.level;
      d.code = c.warning ? "W0501" : "E0501";
      d.message = c.message.empty() ? "constraint failed: " + c.text : c.message;
      d.span = c.span;
      d.expected = expected;
      d.found = found + (diff.empty() ? "" : " (difference " + diff + " " + std::string(unit_name(u)) + ")");
      if (!c.message.empty()) d.notes.push_back({"constraint: " + c.text, {}});
      sum_notes(d, c.lhs, u);
      rep_.add(std::move(d));
    }
    return r;
  }

  /// 核对 合计(…) 按 dims { keys: amount … }: every stated row must equal its
  /// group's sum, and every group with a non-zero sum must be stated.
  constraint_result check_grouped(const constraint_def& c) {
    constraint_result r = start(c);
    const unit u = c.file_unit;
    const filter* f = aggregated_filter(c.lhs);
    if (!f) {
      ev_.fail(c.lhs.span, "E0504", "a grouped constraint (按 …) needs 合计(…) or a measure defined as one");
      return r;
    }
    auto groups = group_sums(b_, *f, c.by);
    std::vector<bool> stated(groups.size(), false);
    bool passed = true;
    const std::string level_code = c.warning ? "W0501" : "E0501";
    for (const auto& row : c.rows) {
      std::vector<dimension_key> key;
      bool ok = true;
      for (std::size_t d = 0; d < c.by.size() && d < row.keys.size(); ++d) {
        auto k = parse_key(b_, c.by[d], row.keys[d]);
        if (!k) {
          ev_.fail(row.span, "E0504",
                   "'" + row.keys[d] + "' is not a key of " + std::string(chinese_name(c.by[d].dim)) +
                       (c.by[d].level ? " at level " + std::to_string(c.by[d].level) : std::string()));
          ok = false;
          passed = false;
          break;
        }
        key.push_back(*k);
      }
      if (!ok) continue;
      int128 got = 0;
      for (std::size_t g = 0; g < groups.size(); ++g)
        if (groups[g].keys == key) {
          got = groups[g].sum.fen();
          stated[g] = true;
        }
      if (got != row.amount.fen()) {
        passed = false;
        diagnostic d;
        d.level = r.level;
        d.code = level_code;
        d.message = (c.message.empty() ? std::string("constraint failed") : c.message) + ": row " + join(row.keys) +
                    " of " + first_line(c.text);
        d.span = row.span;
        d.expected = row.amount.format(u);
        const int128 diff = got - row.amount.fen();
        d.found = format_fen(got, u) + " (difference " + (diff > 0 ? "+" : "") + format_fen(diff, u) + " " +
                  std::string(unit_name(u)) + ")";
        rep_.add(std::move(d));
      }
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (stated[g] || groups[g].sum.fen() == 0) continue;
      passed = false;
      std::vector<std::string> keys;
      for (std::size_t d = 0; d < c.by.size(); ++d)
        keys.push_back(groups[g].keys[d] == no_key ? std::string("无") : key_text(b_, c.by[d], groups[g].keys[d]));
      diagnostic d;
      d.level = r.level;
      d.code = c.warning ? "W0503" : "E0503";
      d.message = "group " + join(keys) + " (" + format_fen(groups[g].sum.fen(), u) + ") is missing from " + first_line(c.text);
      d.span = c.lhs.span;
      d.label = "add a row: " + join(keys) + ": " + format_fen(groups[g].sum.fen(), u);
      d.notes.push_back({"its first item", b_.span_of(b_.items()[groups[g].first_item])});
      rep_.add(std::move(d));
    }
    r.passed = passed;
    return r;
  }

  /// The filter of 合计(…), or of a measure defined as one.
  const filter* aggregated_filter(const expr& e) const {
    if (e.kind == expr::op::sum) return &e.where;
    if (e.kind == expr::op::name)
      if (const auto* m = b_.find_measure(e.name); m && m->definition.kind == expr::op::sum) return &m->definition.where;
    return nullptr;
  }

  /// Notes on the items counted by the left side (at most 10).
  void sum_notes(diagnostic& d, const expr& e, unit u) const {
    const filter* f = aggregated_filter(e);
    if (!f) return;
    const auto counted = matching_items(b_, *f, 10);
    for (const std::uint32_t i : counted.items) {
      const item& it = b_.items()[i];
      std::string what;
      if (it.function) what += it.function.spaced();
      if (it.econ) what += (what.empty() ? "" : " ") + it.econ.str();
      if (it.project != npos32) what += (what.empty() ? "" : " ") + b_.projects()[it.project].name;
      d.notes.push_back({"counted: " + (what.empty() ? std::string("item") : what) + " " + it.amount.format(u),
                         b_.span_of(it)});
    }
    if (counted.count == 0) d.notes.push_back({"no item matches this aggregation", {}});
    if (counted.count > counted.items.size())
      d.notes.push_back({"and " + std::to_string(counted.count - counted.items.size()) + " more items", {}});
  }

  static bool is_equality(const std::string& cmp) { return cmp == "=" || cmp == "==" || cmp == "＝"; }

  static bool compare(int128 a, int128 b, const std::string& cmp, int128 tol) {
    const int128 d = a - b;  // exact: the operands are 64-bit
    const int128 ad = d < 0 ? -d : d;
    if (is_equality(cmp)) return ad <= tol;
    if (cmp == "≠" || cmp == "!=") return ad > tol;
    if (cmp == "≤" || cmp == "<=") return a <= b + tol;
    if (cmp == "≥" || cmp == ">=") return a >= b - tol;
    if (cmp == "<") return a < b;
    if (cmp == ">") return a > b;
    return false;
  }

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
  static std::string percent_text(std::int64_t units, int scale) {
    const bool neg = units < 0;
    const std::uint64_t mag = neg ? 0ULL - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
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

  evaluator& ev_;
  const budget& b_;
  reporter& rep_;
};

}  // namespace yusuan::compile
