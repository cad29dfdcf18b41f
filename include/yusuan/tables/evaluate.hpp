// yusuan/tables/evaluate.hpp -- the value of a table's cell: a column's (or a
// row's) expression within the row's keys, on the aggregation engine.
//
// 合计(…) sums the items of the table's scope, the row's 其中 and the row's
// keys (one grouped sum per expression and grouping, kept for every row);
// 收入(…) the income lines of the row's unit; 项目金额(…) the projects of
// the row's unit or the row's project (both gathered by unit once).  A cell is blank when nothing is
// summed into it, not 0.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/budget_error.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/model/balances.hpp>
#include <yusuan/money.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/engine.hpp>
#include <yusuan/query/filters.hpp>
#include <yusuan/query/income.hpp>
#include <yusuan/query/project_amounts.hpp>
#include <yusuan/tables/bind.hpp>
#include <yusuan/tables/template.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace yusuan::tables {

/// An amount being computed: blank until something is added.
struct cell_value {
  money_sum sum;
  bool any = false;
  void add(const cell_value& o) {
    if (!o.any) return;
    sum += o.sum;
    any = true;
  }
  void add(const item_total& t) {
    if (t.count == 0) return;
    sum += t.sum;
    any = true;
  }
  void add(money m) {
    sum += m;
    any = true;
  }
  bool is_zero() const { return any && sum.fen() == 0; }
  std::optional<money> get() const { return any ? std::optional<money>(sum.value()) : std::nullopt; }
};

/// Where a row's cells are computed: the keys of its groups, outermost
/// first, and a fixed row's 其中.
struct row_context {
  std::vector<dimension_ref> dims;
  std::vector<dimension_key> keys;
  const filter* where = nullptr;

  /// The row's key on dimension `d` (the innermost), or nullopt.
  std::optional<dimension_key> key_of(dimension d) const {
    for (std::size_t i = dims.size(); i-- > 0;)
      if (dims[i].dim == d) return keys[i];
    return std::nullopt;
  }
};

/// A problem of a template found while rendering (a name the budget does
/// not define): E0805 at the expression.
[[noreturn]] inline void template_failure(const source_span& at, std::string message, std::string label = {}) {
  diagnostics d;
  diagnostic x;
  x.code = "E0805";
  x.message = std::move(message);
  x.span = at;
  x.label = std::move(label);
  d.add(std::move(x));
  throw budget_error(std::move(d));
}

class cell_evaluator {
public:
  cell_evaluator(const budget& b, const table_template& t, const std::optional<filter>& scope)
      : b_(b), t_(t), scope_(scope ? bound(b, *scope) : filter{}) {}

  const budget& source() const noexcept { return b_; }
  const filter& scope() const noexcept { return scope_; }

  /// How deep a cell's expression may nest, measures named in it counted
  /// with their definitions (a measure defined by another, and so on): past
  /// it the cell is an error, not a stack overflow.
  static constexpr std::size_t max_depth = 256;
  /// How many terms a cell's expression may have with the measures it names
  /// written out (a measure used twice by another counts twice): measures are
  /// computed for each cell, so past it the cell is an error, not a run
  /// without end (`m2 = m1 + m1`, `m3 = m2 + m2`, … doubles at each step).
  static constexpr std::uint64_t max_terms = 100'000;

  /// The value of `e` in row `r`; `column`: the column the cell is in (本列).
  cell_value eval(const expr& e, const row_context& r, const column_spec* column) {
    if (depth_ >= max_depth)
      template_failure(e.span, "a cell's expression nests more than " + std::to_string(max_depth) + " deep",
                       "counting the definitions of the measures it names");
    if (depth_ == 0 && terms(e, column, 0) > max_terms)
      template_failure(e.span,
                       "a cell's expression has more than " + std::to_string(max_terms) +
                           " terms with its measures written out",
                       "a measure used more than once is computed each time");
    struct deeper {
      std::size_t& d;
      explicit deeper(std::size_t& x) : d(++x) {}
      ~deeper() { --d; }
    } guard(depth_);
    cell_value v;
    switch (e.kind) {
      case expr::op::money_literal: v.add(e.amount); return v;
      case expr::op::sum: return items(e.where, r);
      case expr::op::income: return income(bound_filter(e.where), r);
      case expr::op::project_amount: return project_sum(bound_filter(e.where), r);
      case expr::op::name: return name(e, r, column);
      case expr::op::prior:
        if (auto p = b_.prior(e.name)) v.add(*p);
        return v;
      case expr::op::add:
        for (const auto& a : e.args) v.add(eval(a, r, column));
        return v;
      case expr::op::neg: {
        const cell_value x = eval(e.args.front(), r, column);
        if (x.any) v.add(-x.sum.value());
        return v;
      }
      default:
        template_failure(e.span, "a table cell holds an amount", "占比, 增幅, 计数 and percentages cannot fill one");
    }
  }

  /// The projects' amounts by source, gathered once.
  const project_amounts& projects() {
    if (!projects_) projects_.emplace(b_);
    return *projects_;
  }

  /// The projects of row r's unit (every project when the row has none), by
  /// index, gathered by unit once.
  const std::vector<std::size_t>& projects_of(const row_context& r) {
    if (!projects_by_unit_) {
      projects_by_unit_.emplace();
      for (std::size_t p = 0; p < b_.projects().size(); ++p) projects_by_unit_->add(projects().unit_of(p), p);
    }
    return projects_by_unit_->of(r);
  }

  /// Σ of the items of the table's scope that pass `where` (bound), grouped
  /// by `by`: each group's total by its keys.
  using key_list = std::vector<dimension_key>;
  struct key_hash {
    std::size_t operator()(const key_list& k) const noexcept {
      std::size_t h = 0x9E3779B97F4A7C15ull;
      for (auto x : k) h = (h ^ static_cast<std::size_t>(x)) * 0x100000001B3ull;
      return h;
    }
  };
  using grouped = std::unordered_map<key_list, item_total, key_hash>;

private:
  /// 合计(where) in row r: one grouped sum per (expression, row filter, grouping).
  cell_value items(const filter& where, const row_context& r) {
    cell_value v;
    auto key = std::make_tuple(&where, r.where, signature(r.dims));
    auto it = sums_.find(key);
    if (it == sums_.end()) {
      filter f = both(scope_, bound_filter(where));
      if (r.where) f = both(f, bound_filter(*r.where));
      grouped g;
      if (r.dims.empty()) {
        g.emplace(key_list{}, total(b_, f));
      } else {
        for (auto& x : group_sums(b_, f, r.dims)) {
          item_total t;
          t.sum = x.sum;
          t.count = x.count;
          g.emplace(std::move(x.keys), t);
        }
      }
      it = sums_.emplace(std::move(key), std::move(g)).first;
    }
    if (auto found = it->second.find(r.keys); found != it->second.end()) v.add(found->second);
    return v;
  }

  /// What a row of a unit sums: the income lines or the projects of each
  /// unit, and of the whole budget for a row of no unit.
  template <class T>
  struct by_unit {
    std::vector<std::vector<T>> units;
    std::vector<T> all;
    void add(std::size_t unit, T x) {
      if (unit >= units.size()) units.resize(unit + 1);
      units[unit].push_back(x);
      all.push_back(x);
    }
    const std::vector<T>& of(const row_context& r) const {
      static const std::vector<T> none;
      const auto unit = r.key_of(dimension::unit);
      if (!unit) return all;
      return *unit < units.size() ? units[*unit] : none;
    }
  };

  /// The income lines of row r's unit, or every line when the row has no
  /// unit: gathered by unit once, so that the rows of thousands of units do
  /// not each pass over every unit's lines.
  const std::vector<const income_line*>& income_lines(const row_context& r) {
    if (!income_by_unit_) {
      income_by_unit_.emplace();
      for (const auto& l : b_.income()) income_by_unit_->add(l.unit, &l);
    }
    return income_by_unit_->of(r);
  }

  /// 收入(where) in row r: the income lines of the row's unit.
  cell_value income(const filter& where, const row_context& r) {
    if (!general_stated_) general_stated_ = units_stating_general_part(b_.income(), b_.units().size());
    cell_value v;
    for (const auto* l : income_lines(r))
      if (income_passes(where, *l, l->unit < general_stated_->size() && (*general_stated_)[l->unit])) v.add(l->amount);
    return v;
  }

  /// 项目金额(where) in row r: the row's project, or the projects of its unit.
  cell_value project_sum(const filter& where, const row_context& r) {
    cell_value v;
    const auto& pa = projects();
    const auto project = r.key_of(dimension::project);
    const auto unit = r.key_of(dimension::unit);
    if (project) {  // a project's row: its own amount, not a pass over every project
      if (*project < b_.projects().size() && (!unit || *unit == pa.unit_of(*project)))
        v.add(pa.amount(static_cast<std::size_t>(*project), where));
      return v;
    }
    for (const auto p : projects_of(r)) v.add(pa.amount(p, where));
    return v;
  }

  /// The terms of `e` with the measures it names written out, at most
  /// max_terms + 1 (a measure's count kept once worked out).
  std::uint64_t terms(const expr& e, const column_spec* column, std::size_t depth) {
    if (depth >= max_depth)
      template_failure(e.span, "a cell's expression nests more than " + std::to_string(max_depth) + " deep",
                       "counting the definitions of the measures it names");
    std::uint64_t n = 1;
    const auto add = [&](std::uint64_t k) { n = std::min<std::uint64_t>(n + k, max_terms + 1); };
    for (const auto& a : e.args) add(terms(a, column, depth + 1));
    if (e.kind != expr::op::name) return n;
    const std::string& name = e.name;
    if ((name == "本列" || name == "this-column") && column && column->value)
      return add(terms(*column->value, nullptr, depth + 1)), n;
    const expr* definition = nullptr;
    if (const auto* m = b_.find_measure(name)) definition = &m->definition;
    else if (const auto* m = t_.measure(name)) definition = &m->definition;
    if (!definition) return n;
    if (const auto it = terms_.find(name); it != terms_.end()) return add(it->second), n;
    const std::uint64_t k = terms(*definition, column, depth + 1);
    terms_.emplace(name, k);
    add(k);
    return n;
  }

  cell_value name(const expr& e, const row_context& r, const column_spec* column) {
    const std::string& n = e.name;
    cell_value v;
    if (n == "本列" || n == "this-column") {
      if (!column) template_failure(e.span, "本列 is the value of a row's column", "used outside a row's values");
      if (column->value) return eval(*column->value, r, nullptr);
      return v;
    }
    if (n == "空" || n == "blank") return v;
    if (const auto* m = b_.find_measure(n)) return eval(m->definition, r, column);
    if (const auto* m = t_.measure(n)) return eval(m->definition, r, column);
    if (n == "支出合计" || n == "本年支出合计" || n == "total-expenditure") return items(all_, r);
    if (n == "支出总计" || n == "expenditure-grand-total") {
      v = items(all_, r);
      if (auto m = b_.year_end_balance()) v.add(*m);
      return v;
    }
    if (const auto balance = parse_balance_name(n)) {  // 年终结转结余, 年初结转结余.一般公共预算 …
      if (const auto m = balance_of(b_, *balance)) {
        v.sum += *m;
        v.any = true;
      }
      return v;
    }
    if (n == "收入合计" || n == "本年收入合计" || n == "total-income" || n == "收入总计" || n == "income-grand-total") {
      const bool grand = n == "收入总计" || n == "income-grand-total";
      for (const auto* l : income_lines(r))
        if (!l->of_which && (grand || l->source != fund_source::carryover)) v.add(l->amount);
      return v;
    }
    if (n == "项目金额合计" || n == "project-amount-total") return project_sum(all_, r);
    if (auto k = parse_spending_kind(n)) return items(synthesized(n, kind_is(*k)), r);
    if (auto s = parse_fund_source(n)) {
      for (const auto* l : income_lines(r))
        if (is_income_of(*l, *s)) v.add(l->amount);
      return v;
    }
    template_failure(e.span, "unknown measure or figure '" + n + "'",
                     "neither the template nor the budget defines it (口径)");
  }

  const filter& bound_filter(const filter& f) {
    auto it = bound_.find(&f);
    if (it == bound_.end()) it = bound_.emplace(&f, bound(b_, f)).first;
    return it->second;
  }
  const filter& synthesized(const std::string& n, filter f) {
    return made_.try_emplace(n, std::move(f)).first->second;
  }
  static std::string signature(const std::vector<dimension_ref>& dims) {
    std::string s;
    for (const auto& d : dims) {
      s += static_cast<char>('a' + static_cast<int>(d.dim));
      s += static_cast<char>('0' + d.level);
      s += d.tag_key;
      s += '\x1F';
    }
    return s;
  }

  const budget& b_;
  const table_template& t_;
  filter scope_;
  const filter all_{};
  std::map<const filter*, filter> bound_;
  std::map<std::string, filter> made_;
  std::map<std::tuple<const filter*, const filter*, std::string>, grouped> sums_;
  std::optional<project_amounts> projects_;
  std::size_t depth_ = 0;  // eval calls open
  std::unordered_map<std::string, std::uint64_t> terms_;  // of each measure named, written out
  std::optional<by_unit<const income_line*>> income_by_unit_;
  std::optional<std::vector<bool>> general_stated_;  // whose 上年结转结余 states a 一般公共预算 part, by unit
  std::optional<by_unit<std::size_t>> projects_by_unit_;
};

}  // namespace yusuan::tables
