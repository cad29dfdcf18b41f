// yusuan/compile/evaluate.hpp -- values of expressions over a complete
// budget: literals, sums and counts of items (on the query engine), measures
// (evaluated once each, in the order the resolve pass found), figures,
// built-in quantities, income lines (收入), projects' amounts (项目金额),
// shares and year-on-year changes.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/model/balances.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/query.hpp>
#include <yusuan/query/income.hpp>
#include <yusuan/query/project_amounts.hpp>
#include <yusuan/text/suggest.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace yusuan::compile {

class evaluator {
public:
  evaluator(const budget& b, reporter& r) : b_(b), rep_(r) {
    for (const auto& m : b_.measures()) measures_.emplace(m.name, std::nullopt);
    use_figures_of(npos32);
  }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  /// Where each measure is in the order of evaluation (npos: part of a
  /// cycle, left out of it), for evaluators that evaluate a measure when it
  /// is first used.
  using measure_order = std::unordered_map<std::string, std::size_t>;
  static measure_order order_of_measures(const budget& b, const std::vector<std::size_t>& order) {
    measure_order out;
    for (const auto& m : b.measures()) out.emplace(m.name, npos);
    for (std::size_t i : order) out[b.measures()[i].name] = i;
    return out;
  }
  /// An evaluator that evaluates each measure when it is first used: a
  /// scope evaluates only the measures its constraints use (the others are
  /// the whole budget's, and an error in one is said there).  `order` is
  /// kept, and outlives it.
  evaluator(const budget& b, reporter& r, const measure_order& order) : b_(b), rep_(r), when_used_(&order) {
    use_figures_of(npos32);
  }

  /// Restricts every sum, count, 最大/最小, kind and 支出合计 to the items of
  /// one unit or one project (每个 单位 / 每个 项目), and 项目金额 and the
  /// numbers of targets (产出指标数 …) to that project; given `unit`, the
  /// income, 收入合计, 收入总计, 支出总计 and the balances to that unit's.
  void scope_to(filter items, std::optional<std::size_t> project, std::optional<std::size_t> unit = std::nullopt) {
    scope_ = std::move(items);
    project_ = project;
    unit_ = unit;
  }

  /// The 上年, 数值 and 计数 figures named in expressions: the budget's
  /// (npos32), or those a unit states in its own file (figure::of_unit).
  void use_figures_of(std::uint32_t unit) {
    figures_.clear();
    prior_.clear();
    for (const auto& f : b_.figures())
      if (f.of_unit == unit) figures_.emplace(f.name, &f);
    for (const auto& p : b_.prior_figures())
      if (p.of_unit == unit) prior_.emplace(p.name, p.amount);
  }

  /// The rules' parameters (参数), with where each is declared: a name used
  /// above its declaration, or close to one, is said so (E0302).
  void know_parameters(std::vector<std::pair<std::string, source_span>> ps) { parameters_ = std::move(ps); }

  /// Evaluates the measures, each after those it uses (`order`); a measure
  /// left out of the order (part of a cycle) has no value.
  void evaluate_measures(const std::vector<std::size_t>& order) {
    const auto ms = b_.measures();
    for (std::size_t i : order) measures_[ms[i].name] = eval(ms[i].definition);
  }

  /// The unit whose items, income and balances are counted (a unit's scope).
  std::optional<std::size_t> scoped_unit() const noexcept { return unit_; }

  /// Whether a figure (数值, 计数) of that name is seen here.
  bool has_figure(const std::string& name) const { return figures_.count(name) != 0; }

  /// The prior-year figure of a name.
  std::optional<money> prior(const std::string& name) const {
    auto it = prior_.find(name);
    if (it == prior_.end()) return std::nullopt;
    return it->second;
  }

  /// Sets the value of each measure of `ms` as evaluated: an amount, or a
  /// count; 0 for a measure without one (an error was reported).
  void store_values(std::vector<measure>& ms) const {
    for (auto& m : ms) {
      const auto it = measures_.find(m.name);
      const value* v = it != measures_.end() && it->second ? &*it->second : nullptr;
      m.is_count = v && v->kind == value::type::count;
      m.count = m.is_count ? v->count : 0;
      m.value = v && v->kind == value::type::money ? v->amount : money{};
    }
  }

  /// Σ of the items that pass `f` (on the aggregation engine); E0701 at
  /// `span` when no amount holds it.
  std::optional<money> sum(const filter& f, source_span span) {
    return amount_of(total(b_, scoped(f)).sum.fen(), span, "the sum of the items");
  }
  /// How many items pass `f`.
  std::int64_t count(const filter& f) const { return static_cast<std::int64_t>(total(b_, scoped(f)).count); }

  std::optional<value> eval(const expr& e) {
    value v;
    switch (e.kind) {
      case expr::op::money_literal:
        v.amount = e.amount;
        v.whole = e.whole;  // a whole number also reads as a count
        v.count = e.count;
        return v;
      case expr::op::count_literal:
        v.kind = value::type::count;
        v.count = e.count;
        return v;
      case expr::op::percent_literal:
        fail(e.span, "E0502",
             e.parameter.empty() ? "a percentage can only be compared with 占比(…) or 增幅(…)"
                                 : "parameter '" + e.parameter + "' is a percentage, not an amount");
        return std::nullopt;
      case expr::op::sum: {
        const auto m = sum(e.where, e.span);
        if (!m) return std::nullopt;
        v.amount = *m;
        return v;
      }
      case expr::op::count:
        v.kind = value::type::count;
        v.count = count(e.where);
        return v;
      case expr::op::max:
      case expr::op::min: {
        const auto sel = matching_items(b_, scoped(e.where));
        if (sel.items.empty()) {
          fail(e.span, "E0506", std::string(e.kind == expr::op::max ? "最大" : "最小") + "(…) of no item",
               "no item passes this filter");
          return std::nullopt;
        }
        const auto items = b_.items();
        money best = items[sel.items.front()].amount;
        for (const auto i : sel.items) {
          const money m = items[i].amount;
          if (e.kind == expr::op::max ? m > best : m < best) best = m;
        }
        v.amount = best;
        return v;
      }
      case expr::op::income:
        v.amount = income_sum(b_, e.where, unit_).sum.value();
        return v;
      case expr::op::project_amount: {
        if (!projects_) projects_.emplace(b_);
        money_sum s;
        for (std::size_t p = 0; p < b_.projects().size(); ++p)
          if (counts_project(p)) s += projects_->amount(p, e.where).sum;
        v.amount = s.value();
        return v;
      }
      case expr::op::name: return name_value(e.name, e.span);
      case expr::op::prior: {
        auto p = prior(e.name);
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
        if (a->kind != value::type::money || b->kind != value::type::money) {
          const bool past = literal_past_amounts(e.args[0]);
          if (literal_past_amounts(e.args[1]) || past) return std::nullopt;
          fail(e.span, "E0502", "占比(…) is a share of one amount in another");
          return std::nullopt;
        }
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
        auto p = prior(x.name);
        if (!p) {
          fail(x.span, "E0302", "no prior-year (上年) figure named '" + x.name + "'");
          return std::nullopt;
        }
        if (!cur) return std::nullopt;
        const auto delta = amount_of(int128(cur->amount.fen()) - p->fen(), e.span, "the change from 上年");
        if (!delta) return std::nullopt;
        v.kind = value::type::percent_ratio;
        v.numerator = *delta;
        v.denominator = p->abs();
        v.change = true;
        return v;
      }
      case expr::op::add: return add(e);
      case expr::op::neg: {
        auto a = eval(e.args[0]);
        if (!a) return std::nullopt;
        v = *a;
        // amounts and counts are within ±(2^63 - 1): each has a negation
        v.amount = -v.amount;
        v.count = -v.count;  // -2 is a count as well as an amount
        if (v.kind == value::type::percent_ratio) v.numerator = -v.numerator;
        return v;
      }
    }
    return std::nullopt;
  }

  /// E0202 where `e` is used as an amount but is a whole-number literal past
  /// what an amount holds (read as a count only: 1000000000 in 亿元), that
  /// literal negated, or a measure defined as one (口径 x = 1000000000, the
  /// error at the literal); whether it was one.
  bool literal_past_amounts(const expr& e) {
    const expr* x = &e;
    for (std::size_t hops = 0; hops <= b_.measures().size();) {  // measures in a cycle have no value
      if (x->kind == expr::op::neg && !x->args.empty()) {
        x = &x->args.front();
      } else if (const measure* m = x->kind == expr::op::name ? b_.find_measure(x->name) : nullptr) {
        x = &m->definition;
        ++hops;
      } else {
        break;
      }
    }
    // (a count built in C++, count_literal(n), has no text: it is a count, not an amount)
    if (x->kind != expr::op::count_literal || x->name.empty()) return false;
    fail(x->span, "E0202", "amount '" + x->name + "' is more than an amount can hold",
         "amounts are at most 92,233,720,368,547,758.07 元 either side of 0");
    return true;
  }

  /// Reports a problem once per place and message.
  /// Reports an error once per place and message; the diagnostic, or
  /// nullptr when it was reported before.
  diagnostic* fail(source_span span, const std::string& code, const std::string& msg, std::string label = {}) {
    if (!first_report(span, code, msg)) return nullptr;
    return &rep_.error(code, msg, span, std::move(label));
  }

  /// Whether this diagnostic, at this place, is not said yet (each once).
  bool first_report(source_span span, const std::string& code, const std::string& msg) {
    return reported_.insert(report_key(span, code, msg)).second;
  }
  /// The same, without noting it as said.
  bool not_yet_reported(source_span span, const std::string& code, const std::string& msg) const {
    return !reported_.count(report_key(span, code, msg));
  }
  static std::string report_key(source_span span, const std::string& code, const std::string& msg) {
    return code + msg + "@" + std::to_string(reinterpret_cast<std::uintptr_t>(span.file)) + ":" +
           std::to_string(span.offset);
  }

  /// A percentage the budget's figures leave undefined (a share of a whole
  /// of 0, a change from a 上年 of 0): E0502, or W0502 in a 警告 constraint,
  /// whose failure would be a warning too.  Not the rule's mistake but the
  /// budget's figures: the constraint is neither passed nor failed.
  void undefined_percentage(bool warning, source_span span, const std::string& msg) {
    if (!warning) {
      fail(span, "E0502", msg);
      return;
    }
    if (!first_report(span, "W0502", msg)) return;
    rep_.warning("W0502", msg, span).notes.push_back({"the constraint is marked 警告: it neither passes nor fails", {}});
  }

  /// An amount of `fen` in the budget's unit, with as many decimals as it
  /// takes (at least two), and the unit's name.
  std::string in_budget_unit(int128 fen, bool with_unit = true) const {
    const unit u = b_.header().amount_unit;
    return format_fen(fen, u, decimals_to_show(fen, u)) + (with_unit ? " " + std::string(unit_name(u)) : std::string());
  }

  /// An exact result in 分 as an amount, or E0701 at `span` when it is past
  /// what an amount holds (±92,233,720,368,547,758.07 元, so that every
  /// amount has a negation).
  std::optional<money> amount_of(int128 fen, source_span span, const std::string& what) {
    constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
    if (fen <= most && fen >= -most) return money::from_fen(static_cast<std::int64_t>(fen));
    fail(span, "E0701", what + " (" + in_budget_unit(fen) + ") is more than an amount can hold",
         "amounts and their totals are at most 92,233,720,368,547,758.07 元");
    return std::nullopt;
  }

  /// part / whole in units of 10^-scale percent (half up), or E0701 at `span`
  /// when the percentage is past 64 bits of those units.
  /// A whole of 0 is the caller's to rule out (E0502): it throws
  /// division_by_zero.
  std::optional<std::int64_t> percent_of(money part, money whole, int scale, source_span span, const char* what) {
    std::int64_t units = 0;
    const errc e = detail::try_percent_units(part, whole, scale, rounding::half_up, units);
    if (e == errc::ok) return units;
    if (e != errc::overflow) [[unlikely]]
      return detail::percent_units(part, whole, scale, rounding::half_up, what);  // throws, naming `what`
    fail(span, "E0701", std::string("the ") + what + " " + in_budget_unit(part.fen(), false) + " / " +
                            in_budget_unit(whole.fen()) + " is more than a percentage can hold",
         "a percentage is at most 9,223,372,036,854,775,807 units of its last decimal");
    return std::nullopt;
  }

  const budget& source() const noexcept { return b_; }

  /// `f` within the scope of the instance under 每个 (the items of its unit
  /// or project), or `f` itself.
  filter scoped(const filter& f) const {
    if (!scope_) return f;
    if (f.kind == filter::op::all) return *scope_;
    return *scope_ && f;
  }

private:
  /// Whether a value may stand for a count: a count, or a whole-number literal.
  static bool countable(const value& v) { return v.kind == value::type::count || v.whole; }

  std::optional<value> add(const expr& e) {
    std::vector<value> terms;
    terms.reserve(e.args.size());
    bool any_count = false, any_percent = false;
    for (const auto& a : e.args) {
      auto v = eval(a);
      if (!v) return std::nullopt;
      any_count = any_count || v->kind == value::type::count;
      any_percent = any_percent || v->kind == value::type::percent_ratio;
      terms.push_back(*v);
    }
    value out;
    if (any_count) {
      // a count and a whole-number literal make a count; a count and an amount do not mix
      for (std::size_t i = 0; i < terms.size(); ++i)
        if (!countable(terms[i])) {
          bool past = false;
          for (const auto& a : e.args) past = literal_past_amounts(a) || past;
          if (past) return std::nullopt;
          fail(e.span, "E0502", "a count cannot be added to or subtracted from an amount");
          return std::nullopt;
        }
      out.kind = value::type::count;
      int128 n = 0;
      for (const auto& t : terms) n += t.count;
      constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
      if (n > most || n < -most) {
        fail(e.span, "E0701", "the count " + n.to_string() + " is more than a count can hold",
             "counts are at most 9,223,372,036,854,775,807");
        return std::nullopt;
      }
      out.count = static_cast<std::int64_t>(n);
      return out;
    }
    if (any_percent) {
      fail(e.span, "E0502", "percentages cannot be added or subtracted");
      return std::nullopt;
    }
    money_sum s;
    for (const auto& t : terms) s += t.amount;
    const auto m = amount_of(s.fen(), e.span, "the sum");
    if (!m) return std::nullopt;
    out.amount = *m;
    return out;
  }

  std::optional<value> name_value(const std::string& name, source_span span) {
    value v;
    // a figure first: a unit's own 数值 outranks a rule file's 口径 of its
    // name (the budget's figures and measures never share one)
    if (auto it = figures_.find(name); it != figures_.end()) {
      const figure* f = it->second;
      if (f->is_money) {
        v.amount = f->amount;
      } else {
        v.kind = value::type::count;
        v.count = f->count;
      }
      return v;
    }
    // a measure not evaluated is part of a cycle, already reported
    if (auto it = measures_.find(name); it != measures_.end()) return it->second;
    if (when_used_)
      if (auto p = when_used_->find(name); p != when_used_->end()) {  // its first use: evaluated now
        if (p->second == npos) return std::nullopt;
        // the order has no cycle: a measure is never asked for while it is evaluated
        auto m = eval(b_.measures()[p->second].definition);
        measures_.emplace(name, m);
        return m;
      }
    if (name == "支出合计" || name == "本年支出合计" || name == "total-expenditure") {
      if (scope_) {
        const auto m = sum(filter{}, span);
        if (!m) return std::nullopt;
        v.amount = *m;
        return v;
      }
      v.amount = b_.expenditure_total();
      return v;
    }
    if (unit_) {  // a unit's income and balances (its items are the scope's)
      if (auto m = unit_amount(name, span)) {
        if (!*m) return std::nullopt;
        v.amount = **m;
        return v;
      }
    }
    if (auto t = target_count(name)) {
      v.kind = value::type::count;
      v.count = *t;
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
    if (const auto balance = parse_balance_name(name)) {  // 年终结转结余, 年初结转结余.一般公共预算 …
      const auto m = amount_of(balance_of(b_, *balance).value_or(money_sum{}).fen(), span, "the balance");
      if (!m) return std::nullopt;
      v.amount = *m;
      return v;
    }
    if (name == "项目金额合计" || name == "project-amount-total") {
      if (!unit_) {
        v.amount = b_.project_total();
        return v;
      }
      money_sum s;  // a unit's projects
      for (const auto& p : b_.projects())
        if (p.unit == *unit_) s += p.amount;
      const auto m = amount_of(s.fen(), span, "the unit's project amounts");
      if (!m) return std::nullopt;
      v.amount = *m;
      return v;
    }
    if (name == "项目数" || name == "project-count") {
      v.kind = value::type::count;
      const auto ps = b_.projects();
      v.count = unit_ ? std::count_if(ps.begin(), ps.end(), [&](const project& p) { return p.unit == *unit_; })
                      : static_cast<std::int64_t>(ps.size());
      return v;
    }
    if (auto k = parse_spending_kind(name)) {
      const auto m = sum(kind_is(*k), span);
      if (!m) return std::nullopt;
      v.amount = *m;
      return v;
    }
    if (auto src = parse_fund_source(name)) {
      money_sum s;
      for (const auto& l : b_.income())
        if (is_income_of(l, *src)) s += l.amount;
      const auto m = amount_of(s.fen(), span, "the income of " + name);
      if (!m) return std::nullopt;
      v.amount = *m;
      return v;
    }
    // a 参数 used above its declaration: read as the name of a measure
    for (const auto& [n, at] : parameters_)
      if (n == name) {
        if (auto* d = fail(span, "E0302", "parameter '" + name + "' is used above its declaration",
                           "a 参数 is declared before the statements that use it"))
          d->notes.push_back({"declared here", at});
        return std::nullopt;
      }
    // the names it might have meant only for an error that is shown (each
    // is looked for among every name: not for thousands of them, unshown)
    const std::string unknown = "unknown measure or figure '" + name + "'";
    if (!not_yet_reported(span, "E0302", unknown) || !rep_.may_suggest(severity::error)) {
      fail(span, "E0302", unknown);
      return std::nullopt;
    }
    const auto& known = known_names();
    // 支出合计-基本支出: '-' is part of a name (total-expenditure); known
    // names on either side were most likely meant to be subtracted
    if (const std::string apart = names_apart(name, known); !apart.empty()) {
      fail(span, "E0302", unknown, "'-' joins words into one name: to subtract, set it off by blanks: " + apart);
      return std::nullopt;
    }
    // (a name of one or two characters is one edit from many others: 水费, 电费)
    const auto near = text::length(name) > 2 ? text::closest_names(name, known) : std::vector<std::string>{};
    fail(span, "E0302", unknown, near.empty() ? std::string() : "did you mean " + text::quoted_list(near) + "?");
    return std::nullopt;
  }

  /// "A - B - C" when `name` is known names joined by '-' (A-B-C), else "".
  static std::string names_apart(const std::string& name, const std::vector<std::string>& known) {
    if (name.find('-') == std::string::npos) return {};
    std::string out;
    std::size_t from = 0;
    for (;;) {
      const std::size_t dash = name.find('-', from);
      const std::string part = name.substr(from, dash == std::string::npos ? std::string::npos : dash - from);
      if (!std::binary_search(known.begin(), known.end(), part)) return {};
      out += (out.empty() ? "" : " - ") + part;
      if (dash == std::string::npos) return out;
      from = dash + 1;
    }
  }

  /// The names name_value knows besides the budget's measures and figures.
  static constexpr std::string_view built_in_names[] = {
      "支出合计", "本年支出合计", "total-expenditure", "支出总计", "expenditure-grand-total", "收入合计",
      "本年收入合计", "total-income", "收入总计", "income-grand-total", "年终结转结余", "year-end-balance",
      "年初结转结余", "上年结转结余", "opening-balance", "财政拨款上年结转", "fiscal-opening-balance",
      "财政拨款年终结转", "fiscal-year-end-balance", "项目金额合计", "project-amount-total", "项目数",
      "project-count", "成本指标数", "cost-targets", "产出指标数", "output-targets", "效益指标数",
      "outcome-targets", "满意度指标数", "satisfaction-targets"};

  /// Every name a quantity has here, sorted (for "did you mean"): the
  /// budget's measures and figures, the built-in names, the spending kinds
  /// and the fund sources.
  const std::vector<std::string>& known_names() const {
    // kept while no name is added: thousands of unknown names look among them
    const std::array<std::size_t, 3> sizes{b_.measures().size(), figures_.size(), parameters_.size()};
    if (known_ && known_sizes_ == sizes) return *known_;
    known_sizes_ = sizes;
    auto& out = known_.emplace();
    for (const auto& m : b_.measures()) out.push_back(m.name);
    for (const auto& f : figures_) out.push_back(f.first);
    for (const auto& p : parameters_) out.push_back(p.first);
    for (const std::string_view n : built_in_names) out.emplace_back(n);
    for (const auto k : all_spending_kinds) {
      out.emplace_back(chinese_name(k));
      out.emplace_back(english_name(k));
    }
    for (const auto f : all_fund_sources) {
      out.emplace_back(chinese_name(f));
      out.emplace_back(english_name(f));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  mutable std::optional<std::vector<std::string>> known_;
  mutable std::array<std::size_t, 3> known_sizes_{};

  /// 绩效指标数, 成本指标数, 产出指标数, 效益指标数, 满意度指标数: the number of
  /// performance targets (of that category) of the project, or of every project.
  std::optional<std::int64_t> target_count(std::string_view name) const {
    std::optional<target_category> cat;
    if (name == "成本指标数" || name == "cost-targets") cat = target_category::cost;
    else if (name == "产出指标数" || name == "output-targets") cat = target_category::output;
    else if (name == "效益指标数" || name == "outcome-targets") cat = target_category::outcome;
    else if (name == "满意度指标数" || name == "satisfaction-targets") cat = target_category::satisfaction;
    else if (name != "绩效指标数" && name != "targets-count") return std::nullopt;
    std::int64_t n = 0;
    const auto ps = b_.projects();
    for (std::size_t p = 0; p < ps.size(); ++p)
      if (counts_project(p))
        for (const auto& t : ps[p].targets) n += !cat || t.category == *cat;
    return n;
  }

  /// Whether project `p` is counted here: under 每个 项目 that project, under
  /// a unit's scope the unit's projects, else every one.
  bool counts_project(std::size_t p) const {
    return (!project_ || *project_ == p) && (!unit_ || b_.projects()[p].unit == *unit_);
  }

  /// Under a unit's scope, the amount of a name that is the unit's income,
  /// balance or 支出总计: none when `name` is none of those, an empty value
  /// past what an amount holds (E0701 said).
  std::optional<std::optional<money>> unit_amount(const std::string& name, source_span span) {
    const std::size_t u = *unit_;
    money_sum s;
    const char* what = nullptr;
    if (name == "收入合计" || name == "本年收入合计" || name == "total-income" || name == "收入总计" ||
        name == "income-grand-total") {
      const bool grand = name == "收入总计" || name == "income-grand-total";
      for (const auto& l : b_.income())
        if (l.unit == u && !l.of_which && (grand || l.source != fund_source::carryover)) s += l.amount;
      what = "the unit's income";
    } else if (name == "支出总计" || name == "expenditure-grand-total") {
      s = total(b_, scoped(filter{})).sum;
      for (const auto& y : b_.year_end_by_unit())
        if (y.unit == u) s += y.amount;
      what = "the unit's expenditure";
    } else if (const auto balance = parse_balance_name(name)) {
      s = balance_of(b_, *balance, u).value_or(money_sum{});
      what = "the balance";
    } else if (const auto src = parse_fund_source(name)) {
      for (const auto& l : b_.income())
        if (l.unit == u && is_income_of(l, *src)) s += l.amount;
      what = "the unit's income";
    } else {
      return std::nullopt;
    }
    return amount_of(s.fen(), span, what);
  }

  const budget& b_;
  reporter& rep_;
  std::optional<filter> scope_;
  std::optional<std::size_t> project_;
  std::optional<std::size_t> unit_;
  std::unordered_map<std::string, std::optional<value>> measures_;
  const measure_order* when_used_ = nullptr;  // measures evaluated when first used: where each is in the order
  std::unordered_map<std::string, const figure*> figures_;
  std::unordered_map<std::string, money> prior_;
  std::set<std::string> reported_;
  std::vector<std::pair<std::string, source_span>> parameters_;
  std::optional<project_amounts> projects_;  // gathered when 项目金额(…) is first evaluated
};

}  // namespace yusuan::compile
