// yusuan/compile/lower_expr.hpp -- expressions and filters of the syntax
// tree lowered to those of the model (expr.hpp): dimensions and values
// resolved and checked, sums of terms kept flat.
#pragma once

#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/compile/values.hpp>
#include <yusuan/compile/vocabulary.hpp>
#include <yusuan/query.hpp>
#include <yusuan/syntax/ast.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/text/suggest.hpp>

#include <string>
#include <variant>
#include <vector>

namespace yusuan::compile {

/// An amount or percentage literal made a threshold, not a published figure:
/// the other side is not rounded to the decimals it happens to be written
/// with (a 参数's value; a literal compared in a rule file: §23.2).
inline void as_threshold(expr& e) {
  if (e.kind == expr::op::money_literal) {
    e.threshold = true;
    e.decimals = -1;
  } else if (e.kind == expr::op::percent_literal) {
    e.threshold = true;
  }
}


class expr_lowering {
public:
  expr_lowering(reporter& r, value_reader& v, draft* d = nullptr) : rep_(r), values_(v), d_(d) {}

  expr lower(const syntax::ast::expression& e, bool& ok) {
    if (e.rest.empty()) return lower(e.first, ok);
    expr sum;
    sum.kind = expr::op::add;
    sum.span = rep_.span_of(e.where);
    sum.args.push_back(lower(e.first, ok));
    for (const auto& op : e.rest) {
      expr term = lower(op.operand_, ok);
      if (op.op == '-') term = negated(std::move(term), rep_.span_of(op.where));
      sum.args.push_back(std::move(term));
    }
    return sum;
  }

  filter lower(const syntax::ast::filter& f, bool& ok) { return combined(f, filter::op::or_, ok); }

  /// Whether a tag key within a few edits of a dimension (经济类, 功熊) is
  /// an error (E0305) where it is read: in a template, which no budget's
  /// tags can vouch for.  A budget checks its keys once they are all known
  /// (compile/resolve.hpp), a query against its budget (query_parser.hpp).
  bool misspelt_dimensions_are_errors = false;

  /// Reads a dimension of a filter (功能.类, 经济, 类型, 金额, a tag key …).
  bool dimension(slice tok, dimension_ref& out) {
    if (!parse_dimension(tok.view(), out)) {
      if (out.dim == dimension::tag && out.level != 0) {
        // a valid level after a name that is no dimension (功熊.类): a tag has
        // no levels, so the name is most likely a misspelt dimension
        std::vector<std::string> names;
        for (const auto& [n, dim] : dimension_names)
          if (dim != dimension::tag && max_level(dim) > 0) names.emplace_back(n);
        const auto near = text::closest_names(out.tag_key, names);
        auto& d = rep_.error("E0305", "unknown dimension '" + out.tag_key + "'", rep_.span_of(tok),
                             near.empty() ? "only 功能, 经济, 政府经济 and 类型 have levels"
                                          : "did you mean " + text::quoted_list(near) + "?");
        d.found = "'" + std::string(tok.view()) + "'";
        d.expected = "a dimension with levels: 功能, 经济, 政府经济 or 类型";
        return false;
      }
      auto& d = rep_.error("E0304", "unknown level in '" + std::string(tok.view()) + "'", rep_.span_of(tok));
      d.expected = "功能.类 / 功能.款 / 功能.项, 经济.类 / 经济.款 or 政府经济.类 / 政府经济.款";
      return false;
    }
    if (out.dim != dimension::tag || !misspelt_dimensions_are_errors) return true;
    const auto near = misspelt_dimension(out.tag_key);
    if (near.empty()) return true;  // a tag key
    auto& d = rep_.error("E0305", "unknown dimension '" + out.tag_key + "'", rep_.span_of(tok),
                         "did you mean " + text::quoted_list(near) + "?");
    d.found = "'" + out.tag_key + "'";
    d.notes.push_back({"a word this close to a dimension is not taken for a tag key", {}});
    return false;
  }

  /// Reads a dimension to group by: any dimension of a filter but 金额.
  bool grouping(slice tok, dimension_ref& out) {
    if (!dimension(tok, out)) return false;
    if (out.dim == dimension::amount) {
      auto& d = rep_.error("E0304", "items cannot be grouped by their amount (金额)", rep_.span_of(tok));
      d.expected = "a dimension to group by: 功能, 经济, 政府经济, 类型, 资金, 项目, 单位, 单位类型 or a tag";
      d.found = "'" + std::string(tok.view()) + "'";
      d.notes.push_back({"金额 can only be compared in a filter, for instance 计数(金额 < 0)", {}});
      return false;
    }
    return true;
  }

  /// Whether a value is written as a name (a 参数's), not as a number.
  static bool is_name(slice v) noexcept {
    const auto t = v.view();
    if (t.empty()) return false;
    const char c = t.front();
    return !(syntax::chars::is_digit(c) || c == '-' || c == '+' || c == '.' || t.starts_with("\xEF\xBC") ||  // ０-９ －＋．
             t.starts_with("\xC2\xA5") || t.starts_with("\xEF\xBF\xA5"));
  }

  /// Whether `v` is written as a percentage (ends in % or ％).
  static bool is_percentage(slice v) noexcept {
    const auto t = v.view();
    return t.ends_with('%') || t.ends_with("\xEF\xBC\x85");
  }

  /// The value of the 参数 named `name`, of an amount or (`percent`) of a
  /// percentage; nullptr after E0302 (no such 参数, or one declared further
  /// on) or E0502 (of the other kind).
  const expr* parameter_value(slice name, bool percent) {
    const std::string n = values_.text(name);
    const parameter_def* p = parameter(n);
    if (!p) {
      std::vector<std::string> known;
      if (d_)
        for (const auto& [k, v] : d_->parameters) known.push_back(k);
      const auto near = text::length(n) > 2 ? text::closest_names(n, known) : std::vector<std::string>{};
      rep_.error("E0302", "no 参数 named '" + n + "'", rep_.span_of(name),
                   near.empty() ? std::string("a value here is written as a number, or as a 参数 declared above")
                                : "did you mean " + text::quoted_list(near) + "?");
      return nullptr;
    }
    if ((p->value.kind == expr::op::percent_literal) != percent) {
      auto& d = rep_.error("E0502",
                             "parameter '" + n + "' is " + (percent ? "an amount" : "a percentage") + ", not " +
                                 (percent ? "a percentage" : "an amount"),
                             rep_.span_of(name));
      d.notes.push_back({"declared here", p->span});
      return nullptr;
    }
    return &p->value;
  }

  /// The amount a value of 金额 (in a filter or a 当) is written as: a number,
  /// or the name of a 参数 of an amount (not in queries, which have none);
  /// nothing after E0202 (also for a percentage: the rule file's own
  /// mistake, whatever the budget), E0302 or E0502 (a 参数 of a percentage).
  std::optional<money> amount_value(slice v) {
    if (is_percentage(v)) {
      rep_.error("E0202", "'" + std::string(v.view()) + "' is a percentage: 金额 compares with an amount",
                 rep_.span_of(v), "a share is compared as 占比(…, …) ≥ 5% in a 核对");
      return std::nullopt;
    }
    if (d_ && is_name(v)) {
      const expr* p = parameter_value(v, false);
      if (!p) return std::nullopt;
      return p->amount;
    }
    return values_.amount(v);
  }

  /// An amount or a percentage literal (the value of a 参数).
  expr literal(slice text, source_span span, bool& ok) {
    if (is_percentage(text)) return percent_literal_of(text, span, ok);
    return amount_literal_of(text, span, ok);
  }

  /// The parameter (参数) of that name, declared before, or nullptr.
  const parameter_def* parameter(const std::string& name) const {
    if (!d_) return nullptr;
    auto it = d_->parameters.find(name);
    return it == d_->parameters.end() ? nullptr : &it->second;
  }

private:
  expr amount_literal_of(slice text, source_span span, bool& ok) {
    expr e;
    e.kind = expr::op::money_literal;
    e.span = span;
    e.name = std::string(text.view());
    // a whole number also reads as a count (核对 项目数 = 11), of as many
    // digits as a 计数, signed or not (-2, +1, －１); one past what an amount
    // holds (in 亿元, from 10^9) is a count only, and E0202 where an amount is
    // wanted
    const std::string narrowed = value_reader::narrow(text.view());
    const std::string_view t = narrowed;
    const bool signed_ = !t.empty() && (t[0] == '-' || t[0] == '+');
    const std::string_view digits = t.substr(signed_ ? 1 : 0);
    e.whole = value_reader::count_digits(digits);
    if (e.whole) {
      e.count = value_reader::count_of(digits);
      if (t[0] == '-') e.count = -e.count;
      if (!values_.fits_amount(t)) {
        e.kind = expr::op::count_literal;
        return e;
      }
    }
    if (auto m = values_.stated(text)) {
      e.amount = m->value;
      e.written_in = m->written_in;
      e.decimals = m->decimals;
    } else {
      ok = false;
    }
    return e;
  }

  expr percent_literal_of(slice text, source_span span, bool& ok) {
    expr e;
    e.kind = expr::op::percent_literal;
    e.span = span;
    if (auto v = values_.percent(text)) {
      e.percent_units = v->units;
      e.scale = v->scale;
    } else {
      ok = false;
    }
    return e;
  }

  static expr negated(expr e, source_span span) {
    expr n;
    n.kind = expr::op::neg;
    n.span = span;
    n.args.push_back(std::move(e));
    return n;
  }

  expr lower(const syntax::ast::signed_operand& s, bool& ok) {
    expr e = std::visit(operand_visitor{*this, ok}, s.value);
    if (s.minus_signs.size() % 2 == 1) {
      // a negative literal is a literal: -0.01万元 is a published figure
      if (e.kind == expr::op::percent_literal) {
        e.percent_units = -e.percent_units;
        e.span = rep_.span_of(s.where);
      } else if (e.kind == expr::op::money_literal) {
        e.amount = -e.amount;
        e.count = -e.count;
        e.span = rep_.span_of(s.where);
      } else {
        e = negated(std::move(e), rep_.span_of(s.where));
      }
    }
    return e;
  }

  struct operand_visitor {
    expr_lowering& l;
    bool& ok;
    expr start(const syntax::ast::located& n, expr::op k) const {
      expr e;
      e.kind = k;
      e.span = l.rep_.span_of(n.where);
      return e;
    }
    expr operator()(const syntax::ast::amount_literal& a) const {
      return l.amount_literal_of(a.text, l.rep_.span_of(a.where), ok);
    }
    expr operator()(const syntax::ast::percent_literal& p) const {
      return l.percent_literal_of(p.text, l.rep_.span_of(p.where), ok);
    }
    expr operator()(const syntax::ast::name_ref& n) const {
      expr e = start(n, expr::op::name);
      e.name = l.values_.text(n.name);
      e.span = l.rep_.span_of(n.name);
      if (const parameter_def* p = l.parameter(e.name)) {  // a 参数: its value, where it is used
        expr v = p->value;
        v.span = e.span;
        v.parameter = e.name;  // said when it is of the wrong kind where it is compared
        as_threshold(v);
        return v;
      }
      return e;
    }
    expr operator()(const syntax::ast::prior_ref& n) const {
      expr e = start(n, expr::op::prior);
      e.name = l.values_.text(n.name);
      e.span = l.rep_.span_of(n.name);
      return e;
    }
    expr operator()(const syntax::ast::aggregation& a) const {
      using A = syntax::ast::aggregate_op;
      expr e = start(a, a.op == A::sum       ? expr::op::sum
                        : a.op == A::count   ? expr::op::count
                        : a.op == A::income  ? expr::op::income
                        : a.op == A::max     ? expr::op::max
                        : a.op == A::min     ? expr::op::min
                                             : expr::op::project_amount);
      if (a.filters.empty()) {
        e.where.kind = filter::op::all;
        e.where.span = e.span;
      } else {
        const records saved = l.over_;
        l.over_ = a.op == A::income ? records::income : a.op == A::project_amount ? records::projects : records::items;
        e.where = l.lower(a.filters.front().get(), ok);
        l.over_ = saved;
      }
      return e;
    }
    expr operator()(const syntax::ast::share_of& s) const {
      expr e = start(s, expr::op::share);
      e.args.push_back(l.lower(s.part.get(), ok));
      e.args.push_back(l.lower(s.whole.get(), ok));
      return e;
    }
    expr operator()(const syntax::ast::change_of& c) const {
      expr e = start(c, expr::op::change);
      e.args.push_back(l.lower(c.of.get(), ok));
      return e;
    }
    expr operator()(const syntax::ast::parenthesized& p) const { return l.lower(p.inner.get(), ok); }
  };

  filter lower(const syntax::ast::conjunction& c, bool& ok) { return combined(c, filter::op::and_, ok); }

  /// a 或 b 或 … / a 且 b 且 …: one node over the whole flat list.
  template <class List>
  filter combined(const List& list, filter::op op, bool& ok) {
    if (list.rest.empty()) return lower(list.first, ok);
    filter out;
    out.kind = op;
    out.span = rep_.span_of(list.where);
    out.children.push_back(lower(list.first, ok));
    for (const auto& term : list.rest) out.children.push_back(lower(term, ok));
    return out;
  }

  filter lower(const syntax::ast::negation& n, bool& ok) {
    filter f;
    if (const auto* g = std::get_if<syntax::ast::filter_group>(&n.atom)) f = lower(g->inner.get(), ok);
    else f = lower(std::get<syntax::ast::condition>(n.atom), ok);
    if (n.nots.size() % 2 == 1) {
      filter neg;
      neg.kind = filter::op::not_;
      neg.span = rep_.span_of(n.where);
      neg.children.push_back(std::move(f));
      return neg;
    }
    return f;
  }

  filter lower(const syntax::ast::condition& c, bool& ok) {
    filter f;
    f.span = rep_.span_of(c.dimension);
    if (!dimension(c.dimension, f.dim)) {
      ok = false;
      return f;
    }
    using C = syntax::ast::comparison;
    switch (c.test.op) {
      case C::eq: f.kind = filter::op::eq; break;
      case C::ne: f.kind = filter::op::ne; break;
      case C::in: f.kind = filter::op::in; break;
      case C::not_in: f.kind = filter::op::not_in; break;
      case C::lt: f.kind = filter::op::lt; break;
      case C::le: f.kind = filter::op::le; break;
      case C::gt: f.kind = filter::op::gt; break;
      case C::ge: f.kind = filter::op::ge; break;
    }
    const bool ordered = f.kind == filter::op::lt || f.kind == filter::op::le || f.kind == filter::op::gt ||
                         f.kind == filter::op::ge;
    if (ordered && f.dim.dim != dimension::amount) {
      rep_.error("E0304", "'" + std::string(c.dimension.view()) + "' cannot be compared with <, >, ≤ or ≥",
                 rep_.span_of(c.test.where), "use =, ≠, 属于 or 不属于; only 金额 is compared by size");
      ok = false;
      return f;
    }
    if (!filters_records(f.dim, c.dimension)) {
      ok = false;
      return f;
    }
    for (const auto& v : c.test.values) {
      filter_value fv;
      if (!value(f.dim, v, fv)) ok = false;
      f.values.push_back(std::move(fv));
    }
    return f;
  }

  /// What the filter being lowered selects: items (合计, 计数), income lines
  /// (收入) or projects (项目金额).
  enum class records : std::uint8_t { items, income, projects };

  /// Whether a filter over the records being aggregated can test `dim`:
  /// income lines have a source and a unit, projects' amounts a source.
  bool filters_records(const dimension_ref& dim, slice tok) {
    if (over_ == records::items) {
      if (dim.dim != dimension::line) return true;
      rep_.error("E0304", "'" + std::string(tok.view()) + "' groups the rows of a table; it cannot be filtered",
                 rep_.span_of(tok));
      return false;
    }
    if (dim.level == 0 && (dim.dim == dimension::fund || (over_ == records::income && dim.dim == dimension::unit)))
      return true;
    auto& d = rep_.error("E0304", over_ == records::income ? "收入(…) filters income lines by 资金 and 单位 only"
                                                           : "项目金额(…) filters projects' amounts by 资金 only",
                         rep_.span_of(tok));
    d.expected = over_ == records::income ? "资金 or 单位" : "资金";
    d.found = "'" + std::string(tok.view()) + "'";
    return false;
  }

  /// A source of income, or in 收入(…) the 其中 part of a line written
  /// LINE.PART (上年结转结余.一般公共预算); of items (and in 项目金额(…)),
  /// 上年结转结余.FUND is the spending paid from last year's balance of that
  /// fund.
  bool fund_value(slice v, filter_value& out) {
    std::string text = out.text;
    if (const auto dot = text.find('.'); dot != std::string::npos) {
      if (over_ != records::income) {  // spending paid from a fund's balance
        const auto p = balance_fund(rep_, text, rep_.span_of(v));
        if (!p) return false;
        out.part_of = fund_source::carryover;
        out.fund = *p;
        return true;
      }
      const auto line = parse_fund_source(text.substr(0, dot));
      if (!line) {
        unknown_word(rep_, vocabulary::income_source, "unknown income source '" + text.substr(0, dot) + "'",
                     text.substr(0, dot), rep_.span_of(v));
        return false;
      }
      out.part_of = *line;
      text = text.substr(dot + 1);
    }
    auto f = parse_fund_source(text);
    if (!f) {
      unknown_word(rep_, over_ == records::income ? vocabulary::income_source : vocabulary::fund,
                   "unknown fund source '" + text + "'", text, rep_.span_of(v));
      return false;
    }
    out.fund = *f;
    return true;
  }

  /// Reads a filter value for its dimension.
  bool value(const dimension_ref& dim, slice v, filter_value& out) {
    out.text = values_.text(v);
    out.span = rep_.span_of(v);
    switch (dim.dim) {
      case dimension::function:
        return code(dim, v, out.text, '2', "a functional code", "208 05 07", out.function);
      case dimension::econ: return code(dim, v, out.text, '3', "a 部门 economic code", "30101", out.econ);
      case dimension::gov_econ: return code(dim, v, out.text, '5', "a 政府 economic code", "50101", out.econ);
      case dimension::kind: {
        auto k = parse_spending_kind(out.text);
        if (!k) {
          unknown_word(rep_, vocabulary::kind, "unknown kind '" + out.text + "'", out.text, rep_.span_of(v));
          return false;
        }
        if (!kind_of_level(*k, dim.level)) {
          rep_.error("E0304", "'" + out.text + "' is not a kind of the level " + (dim.level == 1 ? "类" : "款"),
                     rep_.span_of(v),
                     dim.level == 1 ? "类型.类 is 基本支出 or 项目支出"
                                    : "类型.款 is 人员经费, 公用经费, 其他运转类 or 特定目标类");
          return false;
        }
        out.kind = *k;
        return true;
      }
      case dimension::unit_type: {
        auto t = parse_unit_type(out.text);
        if (!t) {
          unknown_word(rep_, vocabulary::unit_type, "unknown unit type '" + out.text + "'", out.text, rep_.span_of(v));
          return false;
        }
        out.type = *t;
        return true;
      }
      case dimension::amount: {
        auto m = amount_value(v);
        if (!m) return false;
        out.amount = *m;
        return true;
      }
      case dimension::fund: return fund_value(v, out);
      case dimension::project:
      case dimension::unit: return true;  // resolved by name once every project and unit is known
      case dimension::line: return false;
      case dimension::tag:
        if (d_) out.id = d_->intern(out.text);
        return true;
    }
    return true;
  }

  /// A code value of a classification that starts with `lead`, at the
  /// dimension's level when it has one.
  template <class Code>
  bool code(const dimension_ref& dim, slice v, const std::string& text, char lead, const char* what,
            const char* example, Code& out) {
    const auto c = Code::parse(text);
    if (!c || text.empty() || text[0] != lead) {
      rep_.error("E0201", "'" + text + "' is not " + what, rep_.span_of(v),
                 std::string("expected a code such as ") + example);
      return false;
    }
    out = *c;
    if (dim.level && c->level() != dim.level) {
      static constexpr const char* names[] = {"", "类", "款", "项"};
      static constexpr const char* digits[] = {"", "a 类 has 3 digits", "a 款 has 5 digits", "a 项 has 7 digits"};
      const int l = dim.level < 1 || dim.level > 3 ? 0 : dim.level;
      rep_.error("E0304", "'" + text + "' is not a code of the level " + names[l], rep_.span_of(v), digits[l]);
      return false;
    }
    return true;
  }

  reporter& rep_;
  value_reader& values_;
  draft* d_;
  records over_ = records::items;
};

}  // namespace yusuan::compile
