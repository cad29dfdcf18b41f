// yusuan/tables/balance_parts.hpp -- a budget's carry-over balances against
// the tables of its template: a table that shows a balance by fund source
// (预算02表's 上年结转结余 by source, 预算04表's 财政拨款 上年结转 and
// 年终结转结余) needs the budget to state it by fund (其中).  A balance that
// is not 0 and stated in total only is W0808: the table would print its parts
// blank and its figures would not add up.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/model/balances.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/tables/template.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace yusuan::tables {

namespace detail {

/// Finds whether the expressions of a template show a part of a balance:
/// a name such as 年终结转结余.一般公共预算 or 财政拨款上年结转, or for the
/// opening balance an income filter on 上年结转结余.FUND; through the
/// template's measures, each followed once.
class balance_part_finder {
public:
  balance_part_finder(const table_template& t, balance_kind kind) : t_(t), kind_(kind) {}

  bool in(const table_spec& s) {
    for (const auto& p : s.panels) {
      for (const auto& c : p.columns)
        if (c.value && in(*c.value)) return true;
      if (in(p.rows)) return true;
    }
    return false;
  }

private:
  bool in(const std::vector<row_spec>& rows) {
    for (const auto& r : rows) {
      for (const auto& v : r.values)
        if (in(v)) return true;
      if (in(r.body)) return true;
    }
    return false;
  }
  bool in(const expr& e) {
    if (e.kind == expr::op::name) {
      if (const auto n = parse_balance_name(e.name)) return n->kind == kind_ && (n->fund || n->fiscal);
      if (const auto* m = t_.measure(e.name); m && !followed(e.name)) return in(m->definition);
      return false;
    }
    if (e.kind == expr::op::income && kind_ == balance_kind::opening && opening_part(e.where)) return true;
    for (const auto& a : e.args)
      if (in(a)) return true;
    return false;
  }
  static bool opening_part(const filter& f) {
    for (const auto& v : f.values)
      if (v.part_of == fund_source::carryover) return true;
    for (const auto& c : f.children)
      if (opening_part(c)) return true;
    return false;
  }
  bool followed(const std::string& name) {
    for (const auto& n : followed_)
      if (n == name) return true;
    followed_.push_back(name);
    return false;
  }

  const table_template& t_;
  balance_kind kind_;
  std::vector<std::string> followed_;
};

}  // namespace detail

/// W0808 for each balance of `b` that is not 0, is stated in total only and
/// is shown by fund source in a table of `templ`: one at each place it is
/// stated so (each unit of a department states its own).
inline void check_balance_parts(const budget& b, const table_template& templ, diagnostics& diags) {
  for (const auto kind : {balance_kind::opening, balance_kind::closing}) {
    const auto places = balances_undivided(b, kind);
    if (places.empty()) continue;
    detail::balance_part_finder finder(templ, kind);
    const table_spec* shown = nullptr;
    for (const auto& s : templ.tables)
      if (finder.in(s)) {
        shown = &s;
        break;
      }
    if (!shown) continue;
    const std::string name = kind == balance_kind::closing ? "年终结转结余" : "上年结转结余";
    for (const source_span& where : places) {
      diagnostic d;
      d.code = "W0808";
      d.level = severity::warning;
      d.message = name + " is stated in total only, but table " + shown->id + " " + shown->name + " of template " +
                  templ.name + " shows its parts by fund source";
      d.span = where;
      d.label = "no 其中 parts by fund source";
      d.expected = name + " with its 其中 parts (一般公共预算, 政府性基金 …)";
      d.found = "the total only";
      d.notes.push_back({"without them the table prints those parts blank, and its figures do not add up", {}});
      d.notes.push_back({"state its parts after the amount: `" + std::string(kind == balance_kind::closing ? "" : "收入 ") +
                             name + " AMOUNT 其中 一般公共预算 AMOUNT 其中 事业收入 AMOUNT …`, the parts adding up to the "
                             "amount (docs/language.md §5)",
                         {}});
      diags.add(std::move(d));
    }
  }
}

}  // namespace yusuan::tables
