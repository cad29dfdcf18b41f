// yusuan/compile/constraints.hpp -- the last pass: every constraint (核对)
// checked against the complete budget.  A comparison of amounts or counts, a
// percentage (rounded to the stated decimals, half up), a year-on-year claim,
// or a grouped table of rows; a failure is E0501 (W0501 for 警告) with what
// was expected and what was found, and notes on the items counted.
#pragma once

#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/evaluate.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace yusuan::compile {

/// A figure as published: stated with `decimals` in `u`.  The exact side
/// of a comparison with it is rounded half up to those decimals, the way the
/// published document rounded it, and then compared exactly.
struct published {
  money value;
  unit u = unit::yuan;
  int decimals = 2;
  bool stated = false;
  unit file_unit = unit::yuan;  // the unit the constraint's file writes amounts in
  bool thousands = false;       // shown with thousands separators

  static published of(const expr& literal, unit file_unit, bool thousands) {
    return {literal.amount, literal.written_in, literal.decimals, true, file_unit, thousands};
  }
  /// `exact` rounded as this figure is written; unrounded when rounding it
  /// half up would pass the largest amount (within 1 万元 of it).
  money round(money exact) const {
    if (!stated || decimals >= exact_decimals(u)) return exact;
    std::error_code ec;
    const money rounded = exact.round(u, decimals, rounding::half_up, ec);
    if (ec == errc::overflow) return exact;
    // decimals ≥ 0 and half up: overflow is the one failure; any other throws as round does
    if (ec) [[unlikely]]
      return exact.round(u, decimals, rounding::half_up);
    return rounded;
  }
  /// The unit's name after a figure written in another unit than the file's.
  std::string suffix() const { return u == file_unit ? std::string() : std::string(unit_name(u)); }
  /// An amount written as this figure is: its unit, its decimals.
  std::string number(money m) const { return m.format(u, decimals, thousands); }
  std::string text(money m) const { return number(m) + suffix(); }
  /// " (exact …, rounded half up to N decimals)" when rounding changed the value;
  /// `as_change` writes it as 增加 / 减少.
  std::string exact_note(money exact, bool as_change = false) const {
    if (!stated || round(exact) == exact) return {};
    std::string shown = exact_text(as_change ? exact.abs() : exact, u, thousands) + suffix();
    if (as_change) shown = (exact.sign() < 0 ? "减少 " : "增加 ") + shown;
    return " (exact " + shown + ", rounded half up to " + std::to_string(decimals) + " decimal" +
           (decimals == 1 ? "" : "s") + ")";
  }
};

class constraint_checker {
public:
  constraint_checker(evaluator& ev, reporter& r) : ev_(ev), b_(ev.source()), rep_(r) {}

  constraint_result check(const constraint_def& c) { return c.by.empty() ? check_one(c) : check_grouped(c); }

  /// Whether `cmp` is a comparison compare() knows: = ≠ ≤ ≥ < > and their
  /// ASCII and full-width spellings.
  static bool is_comparator(std::string_view cmp) noexcept {
    for (std::string_view c : {"=", "==", "＝", "≠", "!=", "≤", "<=", "≥", ">=", "<", ">"})
      if (cmp == c) return true;
    return false;
  }

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
    unit u_shown = u;  // the unit of the difference: the stated figure's
    bool passed = false;
    if (c.yoy != yoy_claim::none) {
      if (c.lhs.kind != expr::op::name) {
        ev_.fail(c.lhs.span, "E0302", "较上年 needs a named quantity that has a 上年 figure");
        return r;
      }
      auto cur = ev_.eval(c.lhs);
      if (!cur) return r;  // said once: an unknown quantity has no 上年 figure either
      auto p = ev_.prior(c.lhs.name);
      if (!p) {
        ev_.fail(c.lhs.span, "E0302", "no prior-year (上年) figure named '" + c.lhs.name + "'");
        return r;
      }
      const auto change = ev_.amount_of(int128(cur->amount.fen()) - p->fen(), c.lhs.span, "the change from 上年");
      if (!change) return r;
      const money delta = *change;
      if (c.yoy == yoy_claim::decrease || c.yoy == yoy_claim::increase || c.yoy == yoy_claim::flat) {
        const money want = c.yoy == yoy_claim::decrease   ? -c.rhs.amount
                           : c.yoy == yoy_claim::increase ? c.rhs.amount
                                                          : money{};
        // a stated change is a published figure: the exact change rounded as
        // it is written; a 参数's value is a threshold, compared exactly
        const published fig =
            c.yoy == yoy_claim::flat || c.rhs.threshold ? published{} : published::of(c.rhs, u, th_);
        const money rounded = fig.round(delta);
        const std::int64_t tol = c.tolerance ? c.tolerance->fen() : 0;
        passed = compare(rounded.fen(), want.fen(), "=", tol);
        const unit shown = fig.stated ? fig.u : u;
        expected = describe_delta(want, shown, fig);
        const std::string in_unit = fig.suffix().empty() ? "" : " " + std::string(unit_name(u));
        found = describe_delta(rounded, shown, fig) + fig.exact_note(delta, true) + " (" +
                exact_text(cur->amount, u, th_) + " against 上年 " + exact_text(*p, u, th_) + in_unit + ")";
      } else {
        // from 0 to 0 is no change (0%); from 0 to anything else, no percentage
        if (p->is_zero() && !delta.is_zero()) {
          ev_.undefined_percentage(c.warning, c.lhs.span,
                                   "the 上年 figure of '" + c.lhs.name + "' is 0: no percentage change");
          return r;
        }
        const std::int64_t want = c.yoy == yoy_claim::fall ? -c.rhs.percent_units : c.rhs.percent_units;
        // a 参数's value is a threshold: the exact change is compared with it,
        // and shown with as many decimals as it takes to tell them apart
        int scale = c.rhs.scale;
        if (c.rhs.threshold && !p->is_zero()) {
          value change;
          change.kind = value::type::percent_ratio;
          change.numerator = delta;
          change.denominator = p->abs();
          expr at = c.rhs;
          at.percent_units = want;
          scale = shown_scale(change, at);
        }
        const auto units = p->is_zero() ? std::optional<std::int64_t>(0)
                                        : ev_.percent_of(delta, p->abs(), scale, c.lhs.span, "year-on-year change");
        if (!units) return r;
        const std::int64_t got = *units;
        passed = c.rhs.threshold && !p->is_zero() ? compare_ratio(delta, p->abs(), want, c.rhs.scale) == 0 : got == want;
        expected = describe_percent_change(want, c.rhs.scale);
        const auto part = [&](money m) { return c.rhs.threshold ? exact_text(m, u, th_) : m.format(u, 2, th_); };
        found = describe_percent_change(got, scale) + " (" + part(cur->amount) + " against 上年 " + part(*p) + ")";
      }
    } else if (c.rhs.kind == expr::op::percent_literal || c.lhs.kind == expr::op::percent_literal) {
      const bool lit_left = c.lhs.kind == expr::op::percent_literal;
      const expr& ratio_e = lit_left ? c.rhs : c.lhs;
      const expr& lit = lit_left ? c.lhs : c.rhs;
      auto v = ev_.eval(ratio_e);
      if (!v) return r;
      if (v->kind != value::type::percent_ratio) {
        if (!lit.parameter.empty())  // a 参数 of a percentage where an amount was meant
          ev_.fail(lit.span, "E0502", "parameter '" + lit.parameter + "' is a percentage, not an amount");
        else
          ev_.fail(ratio_e.span, "E0502", "a percentage can only be compared with 占比(…) or 增幅(…)");
        return r;
      }
      // a change from 0 to 0 is none (0%); from 0 to anything else, no percentage
      const bool none_to_none = v->change && v->denominator.is_zero() && v->numerator.is_zero();
      if (v->denominator.is_zero() && !none_to_none) {
        ev_.undefined_percentage(c.warning, ratio_e.span,
                                 v->change ? "the 上年 figure is 0: no percentage change" : "the share's whole is 0");
        return r;
      }
      // a 参数 is a threshold: the exact ratio is compared with it, and shown
      // with as many decimals as it takes to tell it from the threshold
      const int scale = none_to_none ? lit.scale : lit.threshold ? shown_scale(*v, lit) : lit.scale;
      const auto units = none_to_none ? std::optional<std::int64_t>(0)
                                      : ev_.percent_of(v->numerator, v->denominator, scale, ratio_e.span,
                                                       v->change ? "year-on-year change" : "share");
      if (!units) return r;
      const std::int64_t got = *units;
      if (lit.threshold) {
        const int order = none_to_none ? (lit.percent_units > 0 ? -1 : lit.percent_units < 0 ? 1 : 0)
                                       : compare_ratio(v->numerator, v->denominator, lit.percent_units, lit.scale);
        passed = lit_left ? compare(0, order, c.cmp, 0) : compare(order, 0, c.cmp, 0);
      } else {
        passed = lit_left ? compare(lit.percent_units, got, c.cmp, 0) : compare(got, lit.percent_units, c.cmp, 0);
      }
      expected = (is_equality(c.cmp) ? std::string() : (lit_left ? "(the other side of) " + c.cmp + " " : c.cmp + " ")) +
                 percent_text(lit.percent_units, lit.scale) + "%";
      const auto part = [&](money m) { return lit.threshold ? exact_text(m, u, th_) : m.format(u, 2, th_); };
      found = percent_text(got, scale) + "% (" + part(v->numerator) + " / " + part(v->denominator) + ")";
    } else {
      auto a = ev_.eval(c.lhs), b = ev_.eval(c.rhs);
      if (!a || !b) return r;
      if (a->kind == value::type::percent_ratio || b->kind == value::type::percent_ratio) {
        // a 参数 of an amount where a percentage was meant
        const expr& other = a->kind == value::type::percent_ratio ? c.rhs : c.lhs;
        if (other.kind == expr::op::money_literal && !other.parameter.empty())
          ev_.fail(other.span, "E0502", "parameter '" + other.parameter + "' is an amount, not a percentage");
        else
          ev_.fail(c.span, "E0502", "compare 占比(…) and 增幅(…) with a percentage such as 6.06%");
        return r;
      }
      if (a->kind == value::type::count || b->kind == value::type::count) {
        // the other side must be a count too, or a whole-number literal
        if (!(a->kind == value::type::count || a->whole) || !(b->kind == value::type::count || b->whole)) {
          const bool past = ev_.literal_past_amounts(c.lhs);
          if (ev_.literal_past_amounts(c.rhs) || past) return r;
          ev_.fail(c.span, "E0502", "a count can only be compared with a count or a whole number");
          return r;
        }
        passed = compare(a->count, b->count, c.cmp, 0);
        expected = (is_equality(c.cmp) ? std::string() : c.cmp + " ") + std::to_string(b->count);
        found = std::to_string(a->count);
      } else {
        // a stated figure is a published one: the other side is rounded as it is written
        const bool rhs_stated = c.rhs.kind == expr::op::money_literal && c.rhs.decimals >= 0;
        const bool lhs_stated = !rhs_stated && c.lhs.kind == expr::op::money_literal && c.lhs.decimals >= 0;
        const published fig = rhs_stated   ? published::of(c.rhs, u, th_)
                              : lhs_stated ? published::of(c.lhs, u, th_)
                                           : published{};
        const money x = rhs_stated ? fig.round(a->amount) : a->amount;
        const money y = lhs_stated ? fig.round(b->amount) : b->amount;
        const std::int64_t tol = c.tolerance ? c.tolerance->fen() : 0;
        passed = compare(x.fen(), y.fen(), c.cmp, tol);
        const unit shown = fig.stated ? fig.u : u;
        auto text = [&](money m) { return fig.stated ? fig.text(m) : exact_text(m, u, th_); };
        expected = (is_equality(c.cmp) ? std::string() : c.cmp + " ") + text(y) + (lhs_stated ? fig.exact_note(b->amount) : "");
        found = text(x) + (rhs_stated ? fig.exact_note(a->amount) : "");
        const int128 d = int128(x.fen()) - y.fen();
        diff = (d > 0 ? "+" : "") + (fig.stated            ? format_fen(d, fig.u, fig.decimals, th_)
                                     : d.fits_int64() ? exact_text(money::from_fen(static_cast<std::int64_t>(d)), u, th_)
                                                      : format_fen(d, u, exact_decimals(u), th_));
        u_shown = shown;
      }
    }
    r.passed = passed;
    r.decided = true;
    if (!passed) {
      diagnostic d;
      d.level = r.level;
      d.code = c.warning ? "W0501" : "E0501";
      d.message = c.message.empty() ? "constraint failed: " + shown(c.text) : c.message;
      d.span = c.span;
      d.expected = expected;
      d.found = found + (diff.empty() ? "" : " (difference " + diff + " " + std::string(unit_name(u_shown)) + ")");
      if (!c.message.empty()) d.notes.push_back({"constraint: " + shown(c.text), {}});
      sum_notes(d, c.lhs, u);
      fiscal_note(d, c);
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
    auto groups = group_sums(b_, ev_.scoped(*f), c.by);  // of the project or unit checked
    std::vector<bool> stated(groups.size(), false);
    std::map<std::vector<dimension_key>, std::size_t> group_of;  // a row's key -> its group (one a key)
    for (std::size_t g = 0; g < groups.size(); ++g) group_of.emplace(groups[g].keys, g);
    bool passed = true;
    bool bad_key = false, mismatch = false;  // undecided: a row's key is wrong, and no figure is
    std::map<std::vector<dimension_key>, source_span> rows_seen;
    std::size_t rows_noted = 0;
    const std::string level_code = c.warning ? "W0501" : "E0501";
    for (const auto& row : c.rows) {
      std::vector<dimension_key> key;
      bool ok = true;
      for (std::size_t d = 0; d < c.by.size() && d < row.keys.size(); ++d) {
        auto k = parse_key(b_, c.by[d], row.keys[d]);
        // a tag value no item carries is a group of no item: its sum is 0
        // (published 10.74, found 0.00), as for a code no item has
        if (!k && c.by[d].dim == dimension::tag)
          k = (dimension_key{1} << 62) | (std::hash<std::string>{}(row.keys[d]) & ((dimension_key{1} << 62) - 1));
        if (!k) {
          // grouped by 资金, spending from any fund's balance is one group
          const bool balance_of_a_fund =
              c.by[d].dim == dimension::fund && row.keys[d].find('.') != std::string::npos &&
              parse_fund_source(row.keys[d].substr(0, row.keys[d].find('.'))) == fund_source::carryover;
          ev_.fail(row.span, "E0504",
                   "'" + row.keys[d] + "' is not a key of " + std::string(chinese_name(c.by[d].dim)) +
                       (c.by[d].level ? " at level " + std::to_string(c.by[d].level) : std::string()),
                   balance_of_a_fund ? "grouped by 资金, the spending from every balance is the row 上年结转结余"
                                     : std::string());
          ok = false;
          passed = false;
          bad_key = true;
          break;
        }
        if (c.by[d].dim == dimension::project && !(*k >> 32)) {
          // a name that projects of several units have: the row's unit's
          const auto own = row_project(c, row, d);
          if (!own) {
            ev_.fail(row.span, "E0203",
                     "project name '" + row.keys[d] + "' is that of projects of " +
                         std::to_string(b_.find_projects(row.keys[d]).size()) + " units",
                     "write the project's 编码, or group by 单位 as well");
            ok = false;
            passed = false;
            bad_key = true;
            break;
          }
          if (*own != npos32) k = *own;
        }
        key.push_back(*k);
      }
      if (!ok) continue;
      // a row stated twice (a key mistyped as another's, or a row pasted twice)
      if (const auto [first, added] = rows_seen.emplace(key, row.span); !added) {
        auto& d = rep_.error("E0303", "row " + join(row.keys) + " of " + first_line(c.text) + " is stated twice",
                             row.span);
        d.notes.push_back({"stated first here", first->second});
        passed = false;
        bad_key = true;
        continue;
      }
      int128 got = 0;
      const auto at = group_of.find(key);
      if (at != group_of.end()) {
        got = groups[at->second].sum.fen();
        stated[at->second] = true;
      }
      // each row is a published figure: the group's sum rounded as the row
      // writes it; a rule file's row is a threshold, compared exactly
      const published fig{row.amount, row.written_in, row.threshold ? exact_decimals(row.written_in) : row.decimals,
                          true, u, th_};
      const bool fits = got.fits_int64();
      const money exact = fits ? money::from_fen(static_cast<std::int64_t>(got)) : money{};
      const money rounded = fits ? fig.round(exact) : money{};
      const std::int64_t tol = c.tolerance ? c.tolerance->fen() : 0;
      if (!fits || !compare(rounded.fen(), row.amount.fen(), "=", tol)) {
        passed = false;
        mismatch = true;
        diagnostic d;
        d.level = r.level;
        d.code = level_code;
        d.message = (c.message.empty() ? std::string("constraint failed") : unscoped_message(c)) + ": row " +
                    join(row.keys) + " of " + first_line(c.text);
        d.span = row.span;
        const auto text = [&](money m) {
          return row.threshold ? exact_text(m, fig.u, th_) + fig.suffix() : fig.text(m);
        };
        d.expected = text(row.amount);
        if (fits) {
          const int128 diff = int128(rounded.fen()) - row.amount.fen();
          d.found = text(rounded) + fig.exact_note(exact) + " (difference " +
                    (row.threshold ? signed_text(diff, fig.u, th_)
                                   : (diff > 0 ? "+" : "") + format_fen(diff, fig.u, fig.decimals, th_)) +
                    " " + std::string(unit_name(fig.u)) + ")";
        } else {
          const int128 diff = got - row.amount.fen();
          d.found = format_fen(got, u, 2, th_) + " (difference " + (diff > 0 ? "+" : "") + format_fen(diff, u, 2, th_) +
                    " " + std::string(unit_name(u)) + ")";
        }
        // the items of the first rows that fail (each a scan of the items)
        if (at != group_of.end() && rows_noted++ < 20) row_notes(d, ev_.scoped(*f), c.by, key, u);
        rep_.add(std::move(d));
      }
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (stated[g] || groups[g].sum.fen() == 0) continue;
      passed = false;
      mismatch = true;
      std::vector<std::string> keys;
      for (std::size_t d = 0; d < c.by.size(); ++d)
        keys.push_back(groups[g].keys[d] == no_key ? std::string("无") : row_key(c.by[d], row_key_text(c.by[d], groups[g].keys[d])));
      diagnostic d;
      d.level = r.level;
      d.code = c.warning ? "W0503" : "E0503";
      d.message = (c.message.empty() ? std::string() : unscoped_message(c) + ": ") + "group " + join(keys) + " (" +
                  format_fen(groups[g].sum.fen(), u, 2, th_) + ") is missing from " + first_line(c.text);
      d.span = c.lhs.span;
      d.label = "add a row: " + join(keys) + ": " + format_fen(groups[g].sum.fen(), u, 2, th_);
      d.notes.push_back({"its first item", b_.span_of(b_.items()[groups[g].first_item])});
      rep_.add(std::move(d));
    }
    r.passed = passed;
    r.decided = !bad_key || mismatch;
    return r;
  }

  /// The filter of 合计(…), or of a measure defined as one.
  const filter* aggregated_filter(const expr& e) const { return filter_of(e, expr::op::sum); }
  /// The filter of an aggregation of kind `op` (合计, 计数 …), or of a measure defined as one.
  const filter* filter_of(const expr& e, expr::op op) const {
    if (e.kind == op) return &e.where;
    if (e.kind == expr::op::name)
      if (const auto* m = b_.find_measure(e.name); m && m->definition.kind == op) return &m->definition.where;
    return nullptr;
  }

  /// Notes on the items summed or counted by the left side (at most 10),
  /// within the instance's unit or project under 每个.
  /// Where 财政拨款 is compared in a budget that also has 政府性基金 or
  /// 国有资本经营 income, a note that the name counts the 其中 财政拨款 of
  /// 一般公共预算 only, while a table's 财政拨款收入 adds the other two.
  void fiscal_note(diagnostic& d, const constraint_def& c) const {
    const auto fiscal = [](const expr& e) {
      return e.kind == expr::op::name && parse_fund_source(e.name) == fund_source::fiscal_appropriation;
    };
    if (!fiscal(c.lhs) && !fiscal(c.rhs)) return;
    const auto income = b_.income();
    const auto of = ev_.scoped_unit();  // a unit's own constraint, or one of 每个 单位: that unit's income
    if (std::none_of(income.begin(), income.end(), [&](const income_line& l) {
          return (!of || l.unit == *of) &&
                 (is_income_of(l, fund_source::government_fund) || is_income_of(l, fund_source::state_capital));
        }))
      return;
    d.notes.push_back({std::string("财政拨款 counts the 其中 财政拨款 of 一般公共预算 only; ") +
                           (of ? "this unit" : "this budget") + " also has 政府性基金 or "
                       "国有资本经营 income, which a table's 财政拨款收入 adds: for all three, compare "
                       "财政拨款 + 政府性基金 + 国有资本经营",
                       {}});
  }

  void sum_notes(diagnostic& d, const expr& e, unit u) const {
    const filter* f = aggregated_filter(e);
    if (!f) f = filter_of(e, expr::op::count);
    if (!f) return;
    const auto counted = matching_items(b_, ev_.scoped(*f), 10);
    for (const std::uint32_t i : counted.items) {
      const item& it = b_.items()[i];
      d.notes.push_back({"counted: " + item_what(it) + " " + exact_text(it.amount, u, th_), b_.span_of(it)});
    }
    if (counted.count == 0) d.notes.push_back({"no item matches this aggregation", {}});
    if (counted.count > counted.items.size())
      d.notes.push_back({"and " + std::to_string(counted.count - counted.items.size()) + " more items", {}});
  }

  /// The project a row's key `d` names where projects of several units have
  /// that name: the one of the unit the row names (grouped by 单位 too), else
  /// of the unit whose constraint it is; npos32 for a name of one project,
  /// nullopt for a name the row cannot tell apart.
  std::optional<std::uint32_t> row_project(const constraint_def& c, const grouped_row& row, std::size_t d) const {
    const auto named = b_.find_projects(row.keys[d]);
    if (named.size() < 2) return npos32;
    std::optional<std::size_t> unit = ev_.scoped_unit();
    for (std::size_t u = 0; u < c.by.size() && u < row.keys.size(); ++u)
      if (c.by[u].dim == dimension::unit)
        if (const auto k = parse_key(b_, c.by[u], row.keys[u]); k && *k != no_key) unit = static_cast<std::size_t>(*k);
    if (unit)
      for (const project* p : named)
        if (p->unit == *unit) return static_cast<std::uint32_t>(p - b_.projects().data());
    return std::nullopt;
  }

  /// A constraint's message without the project or unit it ends with, for a
  /// message that names the constraint's text as well, which ends with it.
  static std::string unscoped_message(const constraint_def& c) {
    const std::string suffix = " (" + c.instance + ")";
    if (c.instance.empty() || !c.message.ends_with(suffix)) return c.message;
    return c.message.substr(0, c.message.size() - suffix.size());
  }

  /// An item as a note names it: its codes and its project.
  std::string item_what(const item& it) const {
    std::string what;
    if (it.function) what += it.function.spaced();
    if (it.econ) what += (what.empty() ? "" : " ") + it.econ.str();
    if (it.project != npos32) what += (what.empty() ? "" : " ") + b_.projects()[it.project].name;
    return what.empty() ? std::string("item") : what;
  }

  /// Notes on the items of a row of a grouped constraint that does not hold
  /// (at most 5): an item under a wrong code is among those of the row it
  /// went to.
  void row_notes(diagnostic& d, const filter& f, const std::vector<dimension_ref>& by,
                 const std::vector<dimension_key>& key, unit u) const {
    const auto in_row = group_items(b_, f, by, key, 5);
    for (const std::uint32_t i : in_row.items) {
      const item& it = b_.items()[i];
      d.notes.push_back({"in this row: " + item_what(it) + " " + exact_text(it.amount, u, th_), b_.span_of(it)});
    }
    if (in_row.count > in_row.items.size())
      d.notes.push_back({"and " + std::to_string(in_row.count - in_row.items.size()) +
                             (in_row.count - in_row.items.size() == 1 ? " more item" : " more items") + " in this row",
                         {}});
  }

  /// A key's text: a unit without a code (Shanghai's budgets publish none)
  /// by its name, which a row names it by as well.
  std::string row_key_text(const dimension_ref& d, dimension_key k) const {
    // the unit of neither a code nor a name (a department's own file that
    // declares no 单位) is the row 无, as parse_key reads it
    if (d.dim == dimension::unit && k < b_.units().size() && b_.units()[k].code.empty() && b_.units()[k].name.empty())
      return "无";
    // a project's name that projects of several units have: its 编码, which a
    // row can name it by (where the unit is not in the row or the scope)
    if (d.dim == dimension::project && !(k >> 32)) {
      const auto& p = b_.projects()[static_cast<std::size_t>(k)];
      if (!p.code.empty() && b_.find_projects(p.name).size() > 1) return p.code;
    }
    return key_text(b_, d, k);
  }

  /// A key as a row of `核对 … 按 …` writes it, to be pasted: a name of a
  /// project, a unit or a tag value that is no word (it holds a blank or a
  /// punctuation character, or starts as a number does) as a string.
  static std::string row_key(const dimension_ref& d, const std::string& k) {
    if (d.dim != dimension::project && d.dim != dimension::unit && d.dim != dimension::tag) return k;
    if (!k.empty() && k.find_first_not_of("0123456789") == std::string::npos) return k;  // a code
    bool word = !k.empty() && !(k[0] >= '0' && k[0] <= '9') && k[0] != '-' && k[0] != '.';
    static constexpr std::string_view ascii = " \t{}()[]:;,\"'=<>!+*%#/&|";
    static constexpr std::string_view wide[] = {"：", "；", "，", "、", "。", "“", "”", "‘", "’", "→", "≠", "≤",
                                                "≥", "＝", "％", "｛", "｝", "（", "）", "\u3000"};
    word = word && k.find_first_of(ascii) == std::string::npos;
    for (auto w : wide) word = word && k.find(w) == std::string::npos;
    if (word) return k;
    std::string q = "\"";
    for (char ch : k) {
      if (ch == '"' || ch == '\\') q += '\\';
      q += ch;
    }
    return q + "\"";
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
    return "'" + shown(s) + "'";
  }
  /// A constraint's text as a message quotes it: its first 200 characters
  /// (a constraint of thousands of terms is not repeated whole in each line
  /// that names it; its place is the diagnostic's).
  static std::string shown(const std::string& t) {
    constexpr std::size_t most = 200;
    const char* p = t.data();
    const char* const e = p + t.size();
    for (std::size_t n = 0; p < e; ++n) {
      if (n == most) return std::string(t.data(), p) + " …";
      text::decode(p, e);
    }
    return t;
  }
  /// The sign of part / whole − units × 10^-scale %, exactly (whole ≠ 0).
  static int compare_ratio(money part, money whole, std::int64_t units, int scale) {
    std::int64_t per_unit = 100;  // part / whole is units × 10^-scale % when part × 100 × 10^scale = units × whole
    for (int i = 0; i < scale; ++i) per_unit *= 10;
    int128 lhs = int128(part.fen()) * int128(per_unit);
    int128 rhs = int128(units) * int128(whole.fen());
    if (whole.sign() < 0) std::swap(lhs, rhs);
    return lhs < rhs ? -1 : rhs < lhs ? 1 : 0;
  }

  /// The decimals to show a ratio compared with a threshold in: the
  /// threshold's, at least two, and more (up to six) while the ratio rounded
  /// reads as the threshold but is not it.
  int shown_scale(const value& v, const expr& lit) const {
    if (compare_ratio(v.numerator, v.denominator, lit.percent_units, lit.scale) == 0) return lit.scale;
    // past a percentage's own six decimals when need be: 1/3 against
    // 33.333333% shows as 33.3333333%, not as the threshold itself
    constexpr int most = 12;
    const int first = std::max(lit.scale, 2);
    for (int s = first; s <= most; ++s) {
      std::int64_t units = 0;
      if (detail::try_percent_units(v.numerator, v.denominator, s, rounding::half_up, units) != errc{})
        return s > first ? s - 1 : s;  // the finest that fits
      int128 at_scale = int128(lit.percent_units);
      for (int i = lit.scale; i < s; ++i) at_scale *= int128(10);
      // told apart from the threshold, and a change that is not 0 not shown as 0 (持平)
      if (int128(units) != at_scale && (units != 0 || v.numerator.is_zero())) return s;
    }
    return most;
  }

  static std::string percent_text(std::int64_t units, int scale) {
    const bool neg = units < 0;
    const std::uint64_t mag = neg ? 0ULL - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    char buf[48];
    return std::string(buf, detail::write_fixed(buf, neg, mag, scale, false));
  }
  std::string describe_delta(money d, unit u, const published& fig) const {
    if (d.is_zero()) return "持平 (no change)";
    return (d.sign() < 0 ? "减少 " : "增加 ") + (fig.stated ? fig.text(d.abs()) : exact_text(d.abs(), u, th_));
  }
  static std::string describe_percent_change(std::int64_t units, int scale) {
    if (units == 0) return "持平 0%";
    return (units < 0 ? "下降 " : "增长 ") + percent_text(units < 0 ? -units : units, scale) + "%";
  }

  evaluator& ev_;
  const budget& b_;
  reporter& rep_;
  bool th_ = b_.header().thousands;  // amounts shown as the budget writes them
};

}  // namespace yusuan::compile
