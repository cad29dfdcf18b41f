// yusuan/compile/lower_rules.hpp -- lowering the statements that state
// figures and rules: 上年, 数值, 计数, 口径 (measures) and 核对 (constraints).
// Measures and constraints are evaluated once the budget is complete.
#pragma once

#include <yusuan/compile/context.hpp>
#include <yusuan/compile/vocabulary.hpp>
#include <yusuan/syntax/ast.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/syntax/keywords.hpp>
#include <yusuan/text/suggest.hpp>

#include <boost/variant/get.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

namespace yusuan::compile {

/// The value a --set gives (compile_options::parameters), read in the unit
/// of the file being read; its errors are located in the --set text.
inline expr read_override(lowering_context& c, const parameter_override& o, bool& ok) {
  const source_file* here = c.rep.file();
  c.rep.set_file(c.d.override_source.get());
  expr v = c.exprs.literal(syntax::ast::slice{o.b, o.e}, o.span, ok);
  c.rep.set_file(here);
  return v;
}

/// E0502 at a --set of the other kind (`given_percent`) than its 参数,
/// declared at `declared` (--set 比例=30 for 参数 比例 = 50%).
inline void override_of_the_other_kind(reporter& rep, const std::string& name, bool given_percent,
                                       const parameter_override& o, source_span declared) {
  auto& d = rep.error("E0502",
                      "parameter '" + name + "' is " + (given_percent ? "an amount" : "a percentage") + ", not " +
                          (given_percent ? "a percentage" : "an amount"),
                      o.span, "the value given to it");
  d.expected = given_percent ? "an amount such as 1.00" : "a percentage such as 5%";
  d.found = std::string(o.b, o.e);
  d.notes.push_back({"declared here", declared});
}

class rule_lowering {
public:
  explicit rule_lowering(lowering_context& c) : c_(c) {}

  void operator()(const syntax::ast::prior_figure& s) {
    auto m = c_.values.amount(s.amount);
    if (!m) return;
    auto& data = c_.data();
    const std::string name = c_.values.text(s.name);
    const std::uint32_t of_unit = c_.file_unit();
    if (auto [it, inserted] = c_.d.prior_ids.try_emplace(figure_key(name, of_unit), data.prior.size()); !inserted) {
      auto& d = c_.rep.error("E0303", "prior-year figure '" + name + "' is stated twice", c_.span_of(s.name));
      d.notes.push_back({"first stated here", data.prior[it->second].span});
      return;
    }
    data.prior.push_back({name, *m, c_.span_of(s.name), of_unit});
  }

  void operator()(const syntax::ast::figure& s) {
    if (names_a_keyword(s.name, "figure")) return;
    if (auto m = c_.values.amount(s.amount)) add_figure(s.name, {}, true, *m, 0);
  }

  void operator()(const syntax::ast::count_figure& s) {
    if (names_a_keyword(s.name, "count")) return;
    if (auto n = c_.values.whole(s.count, "a count")) add_figure(s.name, s.unit, false, {}, *n);
  }

  void operator()(const syntax::ast::measure& s) {
    if (names_a_keyword(s.name, "measure")) return;
    auto& data = c_.data();
    const std::string name = c_.values.text(s.name);
    if (auto it = c_.d.measure_ids.find(name); it != c_.d.measure_ids.end()) {
      if (c_.d.reading_rules && it->second < c_.d.measures_before_rules && !data.measures[it->second].from_rules)
        return;  // the budget defines it: its own
      // written again as it was in another file (each unit's file of a department): the same measure
      if (const auto first = c_.d.measure_texts.find(name);
          first != c_.d.measure_texts.end() && data.measures[it->second].span.file != c_.span_of(s.name).file &&
          first->second == std::pair(statement_text(s.where), c_.file.amount_unit))
        return;
      auto& d = c_.rep.error("E0303", "measure '" + name + "' is defined twice", c_.span_of(s.name));
      d.notes.push_back({"first defined here", data.measures[it->second].span});
      return;
    }
    if (auto it = c_.d.figure_ids.find(name); it != c_.d.figure_ids.end()) {
      if (c_.d.reading_rules) return;  // the budget states the figure: its own, as it would define the measure
      clash(name, "a measure", s.name, "a figure", data.figures[it->second].span);
      return;
    }
    if (auto it = c_.d.parameters.find(name); it != c_.d.parameters.end()) {
      clash(name, "a measure", s.name, "a 参数", it->second.span);
      return;
    }
    bool ok = true;
    measure m;
    m.name = name;
    m.span = c_.span_of(s.name);
    m.definition = c_.exprs.lower(s.value, ok);
    m.from_rules = c_.d.reading_rules;
    if (!ok) return;
    c_.d.measure_ids.emplace(name, data.measures.size());
    c_.d.measure_texts.emplace(name, std::pair(statement_text(s.where), c_.file.amount_unit));
    data.measures.push_back(std::move(m));
  }

  void operator()(const syntax::ast::constraint& s) {
    bool ok = true;
    constraint_def c;
    c.lhs = c_.exprs.lower(s.lhs, ok);
    c.text = statement_text(s.where);
    c.span = c_.span_at(s.where.b, std::min(s.where.size(), c.text.size()));
    c.file_unit = c_.file.amount_unit;
    if (const auto* g = std::get_if<syntax::ast::grouped_tail>(&s.tail)) {
      for (const auto& dtok : g->dimensions) {
        dimension_ref d;
        if (!c_.exprs.grouping(dtok, d)) ok = false;
        c.by.push_back(std::move(d));
        c.by_spans.push_back(c_.span_of(dtok));
      }
      for (const auto& row : g->rows) {
        grouped_row gr;
        for (const auto& k : row.keys) gr.keys.push_back(c_.values.text(k));
        const char* b = row.keys.front().b;
        gr.span = c_.span_at(b, static_cast<std::size_t>(row.keys.back().e - b));
        if (gr.keys.size() != c.by.size()) {
          c_.rep.error("E0504",
                       "row has " + std::to_string(gr.keys.size()) + " keys for " + std::to_string(c.by.size()) +
                           " dimensions",
                       gr.span);
          ok = false;
        }
        if (auto m = c_.values.stated(row.amount)) {
          gr.amount = m->value;
          gr.written_in = m->written_in;
          gr.decimals = m->decimals;
          gr.threshold = c_.d.reading_rules;  // as a rule's other amounts and its 参数 are
        } else {
          ok = false;
        }
        c.rows.push_back(std::move(gr));
      }
    } else if (const auto* y = std::get_if<syntax::ast::yoy_tail>(&s.tail)) {
      using K = syntax::ast::yoy_claim_kind;
      c.yoy = y->kind == K::decrease ? yoy_claim::decrease
              : y->kind == K::increase ? yoy_claim::increase
              : y->kind == K::fall     ? yoy_claim::fall
              : y->kind == K::growth   ? yoy_claim::growth
                                       : yoy_claim::flat;
      c.yoy_value = std::string(y->value.view());
      if (y->value) c.yoy_span = c_.span_of(y->value);
      if (y->value && c_.exprs.is_name(y->value)) {  // a 参数's value stands for the figure
        const bool percent = c.yoy == yoy_claim::fall || c.yoy == yoy_claim::growth;
        if (const expr* v = c_.exprs.parameter_value(y->value, percent)) {
          c.rhs = *v;
          c.rhs.threshold = true;  // the change is compared with it exactly, as with any 参数
          c.rhs.span = c_.span_of(y->value);
        } else {
          ok = false;
        }
      } else if (c.yoy == yoy_claim::decrease || c.yoy == yoy_claim::increase) {
        c.rhs.kind = expr::op::money_literal;
        c.rhs.span = c_.span_of(y->value);
        if (auto m = c_.values.stated(y->value)) {
          c.rhs.amount = m->value;
          c.rhs.written_in = m->written_in;
          c.rhs.decimals = m->decimals;
        } else {
          ok = false;
        }
      } else if (c.yoy == yoy_claim::fall || c.yoy == yoy_claim::growth) {
        c.rhs.kind = expr::op::percent_literal;
        c.rhs.span = c_.span_of(y->value);
        if (auto p = c_.values.percent(y->value)) {
          c.rhs.percent_units = p->units;
          c.rhs.scale = p->scale;
        } else {
          ok = false;
        }
      }
      if (c_.d.reading_rules) as_threshold(c.rhs);  // a rule's figure is a threshold, as a 参数 is (§23.2)
    } else {
      const auto& cmp = std::get<syntax::ast::comparison_tail>(s.tail);
      c.cmp = std::string(cmp.comparator.view());
      c.rhs = c_.exprs.lower(cmp.rhs, ok);
      if (c_.d.reading_rules) {  // a rule's amount or percentage is a threshold, as its 参数 are (§23.2)
        as_threshold(c.lhs);
        as_threshold(c.rhs);
      }
    }
    const bool percentage = c.yoy == yoy_claim::fall || c.yoy == yoy_claim::growth ||
                            c.lhs.kind == expr::op::percent_literal || c.rhs.kind == expr::op::percent_literal;
    for (const auto& o : s.options) {
      switch (o.kind) {
        case syntax::ast::option_kind::tolerance:
          if (percentage) {
            c_.rep.error("E0502", "容差 does not apply to a percentage", c_.span_of(o.where),
                         "a percentage is compared at its own decimals");
            ok = false;
          } else if (c_.exprs.is_name(o.value)) {  // a 参数 of an amount
            if (const expr* v = c_.exprs.parameter_value(o.value, false)) c.tolerance = v->amount;
            else ok = false;
          } else if (const auto v = o.value.view(); v.ends_with("%") || v.ends_with("％")) {
            auto& d = c_.rep.error("E0502", "容差 is an amount, not a percentage", c_.span_of(o.value),
                                   "how far apart the two amounts may be, in the file's unit");
            d.expected = "an amount such as 0.01";
            d.found = std::string(v);
            ok = false;
          } else if (auto m = c_.values.amount(o.value)) {
            if (m->fen() < 0) {  // |A − B| ≤ T: a bound on a distance
              auto& d = c_.rep.error("E0202", "a tolerance (容差) below zero", c_.span_of(o.value),
                                     "a tolerance is how far apart the two sides may be");
              d.expected = "an amount of 0 or more";
              d.found = std::string(o.value.view());
              ok = false;
            }
            c.tolerance = *m;
          } else {
            ok = false;
          }
          break;
        case syntax::ast::option_kind::warning: c.warning = true; break;
        case syntax::ast::option_kind::message: c.message = c_.values.text(o.value); break;
      }
    }
    if (s.each) {
      const std::string what = c_.values.text(s.each);
      if (what == "项目" || what == "project") c.scope = rule_scope::each_project;
      else if (what == "单位" || what == "unit") c.scope = rule_scope::each_unit;
      else {
        auto& d = c_.rep.error("E0205", "unknown 每个 '" + what + "'", c_.span_of(s.each));
        d.expected = "每个 项目 (each project) or 每个 单位 (each unit)";
        ok = false;
      }
    }
    if (!s.when.empty()) {
      rule_condition cond;
      if (condition(s.when.front(), cond, c.scope)) c.when = std::move(cond);
      else ok = false;
    }
    c.of_unit = c_.file_unit();  // a unit's own 核对 (每个 项目: each of its projects)
    if (ok) c_.d.constraints.push_back(std::move(c));
  }

  /// 参数 NAME = VALUE.  A rule file's 参数 is a default: the budget's own
  /// 参数 of that name and compile_options::parameters (--set) override it.
  void operator()(const syntax::ast::parameter& s) {
    if (names_a_keyword(s.name, "parameter")) return;
    const std::string name = c_.values.text(s.name);
    const source_span at = c_.span_of(s.name);
    if (auto it = c_.d.parameters.find(name); it != c_.d.parameters.end()) {
      if (c_.d.reading_rules && !it->second.from_rules) {  // the budget states its own value
        // … unless --set gives one: read in the unit of the rule file that
        // declares the parameter, as when the budget does not declare it, so
        // that one --set is one threshold for every budget checked
        if (auto ov = c_.d.overrides.find(name); it->second.from_override && ov != c_.d.overrides.end()) {
          bool again_ok = true;
          expr again = override_value(ov->second, again_ok);
          if (again_ok && again.kind != expr::op::count_literal) it->second.value = std::move(again);
        }
        // … of the kind the rule declares: an amount for an amount, a
        // percentage for a percentage
        bool declared_ok = true;
        expr declared = c_.exprs.literal(s.value, c_.span_of(s.value), declared_ok);
        const bool own_percent = it->second.value.kind == expr::op::percent_literal;
        if (declared_ok && declared.kind != expr::op::count_literal &&
            own_percent != (declared.kind == expr::op::percent_literal)) {
          auto& d = c_.rep.error("E0502",
                                 "parameter '" + name + "' is " + (own_percent ? "an amount" : "a percentage") +
                                     " in the rules, not " + (own_percent ? "a percentage" : "an amount"),
                                 it->second.value.span, "the budget's value of it");
          d.expected = own_percent ? "an amount such as 1.00" : "a percentage such as 5%";
          d.notes.push_back({"the rules declare it here", c_.span_of(s.value)});
          it->second.value = std::move(declared);  // the rules' value stands in: nothing more is said of it
        }
        return;
      }
      auto& d = c_.rep.error("E0303", "parameter '" + name + "' is declared twice", at);
      d.notes.push_back({"first declared here", it->second.span});
      return;
    }
    if (auto it = c_.d.measure_ids.find(name); it != c_.d.measure_ids.end()) {
      clash(name, "a 参数", s.name, "a measure", c_.data().measures[it->second].span);
      return;
    }
    if (auto it = c_.d.figure_ids.find(name); it != c_.d.figure_ids.end()) {
      clash(name, "a 参数", s.name, "a figure", c_.data().figures[it->second].span);
      return;
    }
    parameter_def p;
    p.span = at;
    p.from_rules = c_.d.reading_rules;
    bool ok = true;
    if (auto ov = c_.d.overrides.find(name); ov != c_.d.overrides.end()) {
      ov->second.used = true;
      p.value = override_value(ov->second, ok);
      if (!ok) {
        // the override's error is reported; the declared value stands in for
        // it, so that the rules using the parameter say nothing more of it
        bool declared_ok = true;
        expr declared = c_.exprs.literal(s.value, c_.span_of(s.value), declared_ok);
        if (declared_ok && declared.kind != expr::op::count_literal) {
          p.value = std::move(declared);
          c_.d.parameters.emplace(name, std::move(p));
        }
        return;
      }
      p.from_override = true;
      // a percentage for an amount, or an amount for a percentage (--set
      // 比例=5 for 5%): said at the --set, and the declared value stands in
      bool declared_ok = true;
      expr declared = c_.exprs.literal(s.value, c_.span_of(s.value), declared_ok);
      const bool percent = p.value.kind == expr::op::percent_literal;
      if (declared_ok && declared.kind != expr::op::count_literal &&
          percent != (declared.kind == expr::op::percent_literal)) {
        override_of_the_other_kind(c_.rep, name, percent, ov->second, c_.span_of(s.value));
        p.value = std::move(declared);
        p.from_override = false;
        c_.d.parameters.emplace(name, std::move(p));
        return;
      }
    } else {
      p.value = c_.exprs.literal(s.value, c_.span_of(s.value), ok);
    }
    if (ok && p.value.kind == expr::op::count_literal) {  // a parameter is an amount or a percentage
      c_.rep.error("E0202", "amount '" + p.value.name + "' is more than an amount can hold", p.value.span,
                   "amounts are at most 92,233,720,368,547,758.07 元 either side of 0");
      ok = false;
    }
    if (ok) c_.d.parameters.emplace(name, std::move(p));
  }

  expr override_value(const parameter_override& o, bool& ok) { return read_override(c_, o, ok); }

  /// A statement as written, for messages: up to its first '{', without
  /// comments, line breaks or trailing blanks, blanks one space (so that a
  /// formatted file says the same).
  static std::string statement_text(slice s) {
    std::string out;
    bool in_string = false;
    for (const char* p = s.b; p < s.e; ++p) {
      const char ch = *p;
      if (ch == '"') in_string = !in_string;
      if (!in_string && (ch == '#' || (ch == '/' && p + 1 < s.e && p[1] == '/'))) {
        while (p < s.e && *p != '\n' && *p != '\r') ++p;
        if (p == s.e) break;
      }
      if (!in_string && ch == '{') break;
      out += *p;
    }
    std::string collapsed;
    for (std::size_t i = 0; i < out.size(); ++i) {
      char ch = out[i];
      // U+3000 and the no-break spaces, blanks like any other
      if (const std::size_t n = syntax::chars::blank_length(out.data() + i, out.data() + out.size()); n > 1) {
        ch = ' ';
        i += n - 1;
      }
      if (ch == '\n' || ch == '\r' || ch == '\t' || ch == '\f' || ch == '\v') ch = ' ';
      if (ch == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
      collapsed += ch;
    }
    while (!collapsed.empty() && (collapsed.back() == ' ' || collapsed.back() == ';')) collapsed.pop_back();
    return collapsed;
  }

private:
  /// A figure, measure or parameter named, without quotes, by a keyword that
  /// opens an expression (合计, 计数, 收入, 项目金额, 最大, 最小, 占比, 增幅):
  /// wherever the name were used it would be read as the keyword, so the
  /// declaration could never be used.  E0101 at the name; quoted ("最大") it is
  /// a name like any other.
  bool names_a_keyword(const syntax::ast::slice& name, const char* what) {
    using syntax::keyword;
    const std::string_view v = name.view();
    if (c_.values.quoted(name) || v.empty()) return false;
    for (auto k : {keyword::sum, keyword::count, keyword::income, keyword::project_amount, keyword::max, keyword::min,
                   keyword::share, keyword::change}) {
      const auto& sp = syntax::spelling(k);
      if (v != sp.zh && v != sp.en) continue;
      const std::string word(v);
      auto& d = c_.rep.error("E0101", "syntax error: expected a name", c_.span_of(name),
                             "'" + word + "' is a keyword of expressions");
      d.expected = "a name";
      d.found = "'" + word + "' (a keyword)";
      d.notes.push_back({"in an expression '" + word + "' is read as " + std::string(sp.zh) + " (" +
                             std::string(sp.en) + "), so a " + what + " of that name could never be used: quote it (\"" +
                             word + "\") or choose another name",
                         {}});
      return true;
    }
    return false;
  }
  /// The condition of 当, on the budget or (under 每个) on each unit or project.
  bool condition(const syntax::ast::filter& f, rule_condition& out, rule_scope scope) {
    return combined(f, rule_condition::op::or_, out, scope);
  }
  /// a 或 b 或 … / a 且 b 且 …: one node over the whole flat list.
  template <class List, class Sub>
  bool combined_list(const List& list, rule_condition::op op, rule_condition& out, Sub sub) {
    if (list.rest.empty()) return sub(list.first, out);
    out.kind = op;
    out.span = c_.span_of(list.where);
    bool ok = true;
    out.children.emplace_back();
    ok = sub(list.first, out.children.back()) && ok;
    for (const auto& t : list.rest) {
      out.children.emplace_back();
      ok = sub(t, out.children.back()) && ok;
    }
    return ok;
  }
  bool combined(const syntax::ast::filter& f, rule_condition::op op, rule_condition& out, rule_scope scope) {
    return combined_list(f, op, out, [&](const syntax::ast::conjunction& c, rule_condition& o) {
      return combined_list(c, rule_condition::op::and_, o,
                           [&](const syntax::ast::negation& n, rule_condition& o2) { return negation(n, o2, scope); });
    });
  }
  bool negation(const syntax::ast::negation& n, rule_condition& out, rule_scope scope) {
    rule_condition inner;
    bool ok;
    if (const auto* g = std::get_if<syntax::ast::filter_group>(&n.atom)) ok = combined(g->inner.get(), rule_condition::op::or_, inner, scope);
    else ok = test(std::get<syntax::ast::condition>(n.atom), inner, scope);
    if (n.nots.size() % 2 == 1) {
      out.kind = rule_condition::op::not_;
      out.span = c_.span_of(n.where);
      out.children.push_back(std::move(inner));
    } else {
      out = std::move(inner);
    }
    return ok;
  }
  bool test(const syntax::ast::condition& t, rule_condition& out, rule_scope scope) {
    using S = rule_condition::subject;
    const std::string dim = c_.values.text(t.dimension);
    out.span = c_.span_of(t.dimension);
    if (dim == "单位类型" || dim == "unit-type" || dim == "unit_type") out.what = S::unit_type;
    else if (dim == "年度" || dim == "year") out.what = S::year;
    else if (dim == "部门" || dim == "department") out.what = S::department;
    else if (dim == "单位" || dim == "unit") out.what = S::unit;
    else if (dim == "金额" || dim == "amount") out.what = S::amount;
    else if (dim == "上年" || dim == "prior") out.what = S::prior;
    else if (dim == "数值" || dim == "figure") out.what = S::figure;
    else if (dim == "表注" || dim == "table-note") out.what = S::table_note;
    else if (scope == rule_scope::each_project && (dim == "类型" || dim == "kind")) out.what = S::kind;
    else if (scope == rule_scope::each_project && (dim == "项目" || dim == "project")) out.what = S::project;
    else {
      auto& d = c_.rep.error("E0304", "'" + dim + "' cannot be a condition of 当", out.span);
      d.expected = scope == rule_scope::each_project ? "单位类型, 年度, 部门, 单位, 金额 (the project's), 类型, 项目, 上年, 数值 or 表注"
                                                     : "单位类型, 年度, 部门, 单位, 金额, 上年, 数值 or 表注";
      return false;
    }
    using C = syntax::ast::comparison;
    switch (t.test.op) {
      case C::eq: out.cmp = filter::op::eq; break;
      case C::ne: out.cmp = filter::op::ne; break;
      case C::in: out.cmp = filter::op::in; break;
      case C::not_in: out.cmp = filter::op::not_in; break;
      case C::lt: out.cmp = filter::op::lt; break;
      case C::le: out.cmp = filter::op::le; break;
      case C::gt: out.cmp = filter::op::gt; break;
      case C::ge: out.cmp = filter::op::ge; break;
    }
    const bool ordered = out.cmp == filter::op::lt || out.cmp == filter::op::le || out.cmp == filter::op::gt ||
                         out.cmp == filter::op::ge;
    if (ordered && out.what != S::year && out.what != S::amount) {
      c_.rep.error("E0304", "'" + dim + "' cannot be compared with <, >, ≤ or ≥", c_.span_of(t.test.where),
                   "use =, ≠, 属于 or 不属于; 年度 and 金额 are compared by size");
      return false;
    }
    bool ok = true;
    for (const auto& v : t.test.values) {
      const std::string text = c_.values.text(v);
      out.texts.push_back(text);
      switch (out.what) {
        case S::unit_type:
          if (auto ty = parse_unit_type(text)) out.types.push_back(*ty);
          else {
            unknown_word(c_.rep, vocabulary::unit_type, "unknown unit type '" + text + "'", text, c_.span_of(v));
            ok = false;
          }
          break;
        case S::year:
          if (auto y = value_reader::year(text)) out.years.push_back(*y);
          else {
            c_.rep.error("E0206", "'" + text + "' is not a year", c_.span_of(v), "a year has four digits");
            ok = false;
          }
          break;
        case S::amount:
          if (auto m = c_.exprs.amount_value(v)) out.amounts.push_back(*m);
          else ok = false;
          break;
        case S::kind:
          if (auto k = parse_spending_kind(text)) out.kinds.push_back(*k);
          else {
            auto& d = unknown_word(c_.rep, vocabulary::kind, "unknown kind '" + text + "'", text, c_.span_of(v));
            d.expected = "项目支出, 其他运转类 or 特定目标类";
            ok = false;
          }
          break;
        default: break;
      }
    }
    return ok;
  }

  void add_figure(slice name_tok, slice unit_tok, bool is_money, money m, std::int64_t n) {
    auto& data = c_.data();
    const std::string name = c_.values.text(name_tok);
    if (auto it = c_.d.measure_ids.find(name); it != c_.d.measure_ids.end()) {
      if (c_.d.reading_rules) return;  // the budget defines the measure: its own
      clash(name, "a figure", name_tok, "a measure", data.measures[it->second].span);
      return;
    }
    if (auto it = c_.d.parameters.find(name); it != c_.d.parameters.end()) {
      clash(name, "a figure", name_tok, "a 参数", it->second.span);
      return;
    }
    const std::uint32_t of_unit = c_.file_unit();
    if (auto [it, inserted] = c_.d.figure_ids.try_emplace(figure_key(name, of_unit), data.figures.size()); !inserted) {
      auto& d = c_.rep.error("E0303", "figure '" + name + "' is stated twice", c_.span_of(name_tok));
      d.notes.push_back({"first stated here", data.figures[it->second].span});
      return;
    }
    figure f;
    f.name = name;
    f.is_money = is_money;
    f.amount = m;
    f.count = n;
    f.unit = std::string(unit_tok.view());
    f.span = c_.span_of(name_tok);
    f.of_unit = of_unit;
    data.figures.push_back(std::move(f));
  }

  /// E0303: one name for two things (a measure, a figure, a 参数): which
  /// one an expression means would depend on the order of the lookups.
  void clash(const std::string& name, const char* what, slice at, const char* first, source_span first_at) {
    auto& d = c_.rep.error("E0303", "'" + name + "' is declared as " + what + " and as " + first, c_.span_of(at),
                           "a measure, a figure (数值, 计数) and a 参数 each need a name of their own");
    d.notes.push_back({std::string("declared as ") + first + " here", first_at});
  }

  lowering_context& c_;
};

}  // namespace yusuan::compile
