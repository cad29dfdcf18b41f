// yusuan/compile/lower_rules.hpp -- lowering the statements that state
// figures and rules: 上年, 数值, 计数, 口径 (measures) and 核对 (constraints).
// Measures and constraints are evaluated once the budget is complete.
#pragma once

#include <yusuan/compile/context.hpp>
#include <yusuan/syntax/ast.hpp>

#include <boost/variant/get.hpp>

#include <algorithm>
#include <string>

namespace yusuan::compile {

class rule_lowering {
public:
  explicit rule_lowering(lowering_context& c) : c_(c) {}

  void operator()(const syntax::ast::prior_figure& s) {
    auto m = c_.values.amount(s.amount);
    if (!m) return;
    auto& data = c_.data();
    const std::string name = c_.values.text(s.name);
    if (auto [it, inserted] = c_.d.prior_ids.try_emplace(name, data.prior.size()); !inserted) {
      auto& d = c_.rep.error("E0303", "prior-year figure '" + name + "' is stated twice", c_.span_of(s.name));
      d.notes.push_back({"first stated here", data.prior[it->second].span});
      return;
    }
    data.prior.push_back({name, *m, c_.span_of(s.name)});
  }

  void operator()(const syntax::ast::figure& s) {
    if (auto m = c_.values.amount(s.amount)) add_figure(s.name, {}, true, *m, 0);
  }

  void operator()(const syntax::ast::count_figure& s) {
    if (auto n = c_.values.whole(s.count, "a count")) add_figure(s.name, s.unit, false, {}, *n);
  }

  void operator()(const syntax::ast::measure& s) {
    auto& data = c_.data();
    const std::string name = c_.values.text(s.name);
    if (auto it = c_.d.measure_ids.find(name); it != c_.d.measure_ids.end()) {
      auto& d = c_.rep.error("E0303", "measure '" + name + "' is defined twice", c_.span_of(s.name));
      d.notes.push_back({"first defined here", data.measures[it->second].span});
      return;
    }
    bool ok = true;
    measure m;
    m.name = name;
    m.span = c_.span_of(s.name);
    m.definition = c_.exprs.lower(s.value, ok);
    if (!ok) return;
    c_.d.measure_ids.emplace(name, data.measures.size());
    data.measures.push_back(std::move(m));
  }

  void operator()(const syntax::ast::constraint& s) {
    bool ok = true;
    constraint_def c;
    c.lhs = c_.exprs.lower(s.lhs, ok);
    c.text = statement_text(s.where);
    c.span = c_.span_at(s.where.b, std::min(s.where.size(), c.text.size()));
    c.file_unit = c_.file.amount_unit;
    if (const auto* g = boost::get<syntax::ast::grouped_tail>(&s.tail)) {
      for (const auto& dtok : g->dimensions) {
        dimension_ref d;
        if (!c_.exprs.dimension(dtok, d)) ok = false;
        c.by.push_back(std::move(d));
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
        } else {
          ok = false;
        }
        c.rows.push_back(std::move(gr));
      }
    } else if (const auto* y = boost::get<syntax::ast::yoy_tail>(&s.tail)) {
      using K = syntax::ast::yoy_claim_kind;
      c.yoy = y->kind == K::decrease ? yoy_claim::decrease
              : y->kind == K::increase ? yoy_claim::increase
              : y->kind == K::fall     ? yoy_claim::fall
              : y->kind == K::growth   ? yoy_claim::growth
                                       : yoy_claim::flat;
      c.yoy_value = std::string(y->value.view());
      if (y->value) c.yoy_span = c_.span_of(y->value);
      if (c.yoy == yoy_claim::decrease || c.yoy == yoy_claim::increase) {
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
    } else {
      const auto& cmp = boost::get<syntax::ast::comparison_tail>(s.tail);
      c.cmp = std::string(cmp.comparator.view());
      c.rhs = c_.exprs.lower(cmp.rhs, ok);
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
          } else if (auto m = c_.values.amount(o.value)) {
            c.tolerance = *m;
          } else {
            ok = false;
          }
          break;
        case syntax::ast::option_kind::warning: c.warning = true; break;
        case syntax::ast::option_kind::message: c.message = c_.values.text(o.value); break;
      }
    }
    if (ok) c_.d.constraints.push_back(std::move(c));
  }

  /// A statement as written, for messages: up to its first '{', without
  /// comments, line breaks or trailing blanks.
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
    for (char ch : out) {
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
      if (ch == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
      collapsed += ch;
    }
    while (!collapsed.empty() && (collapsed.back() == ' ' || collapsed.back() == ';')) collapsed.pop_back();
    return collapsed;
  }

private:
  void add_figure(slice name_tok, slice unit_tok, bool is_money, money m, std::int64_t n) {
    auto& data = c_.data();
    const std::string name = c_.values.text(name_tok);
    if (auto [it, inserted] = c_.d.figure_ids.try_emplace(name, data.figures.size()); !inserted) {
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
    data.figures.push_back(std::move(f));
  }

  lowering_context& c_;
};

}  // namespace yusuan::compile
