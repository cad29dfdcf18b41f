// yusuan/compile/query_parser.hpp -- the query language read into a query
// against a compiled budget (whose projects, units and tags it may name).
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/lower_expr.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/compile/values.hpp>
#include <yusuan/query.hpp>
#include <yusuan/syntax/keywords.hpp>
#include <yusuan/syntax/parser.hpp>
#include <yusuan/text/suggest.hpp>

#include <algorithm>
#include <variant>

#include <memory>
#include <optional>
#include <string>

namespace yusuan::compile {

class query_parser {
public:
  /// An amount written without its unit (金额 >= 1000) is in the budget's
  /// 金额单位, as in the budget's own filters.
  explicit query_parser(const budget& b) : b_(b) { file_.amount_unit = b.amount_unit(); }
  /// For run_with_prior: a project or unit `prior` has is no unknown name
  /// (last year's project: it matches no item this year).
  query_parser(const budget& b, const budget& prior) : b_(b), prior_(&prior) { file_.amount_unit = b.amount_unit(); }

  std::optional<query> parse(std::string_view text, diagnostics& out) {
    auto src = std::make_shared<const source_file>("<query>", std::string(text));
    rep_.keep(src);
    rep_.set_file(src.get());
    const char* first = src->text().data();
    const char* last = first + src->text().size();
    syntax::ast::query ast;
    syntax::syntax_error err;
    std::optional<query> result;
    if (syntax::parse_query(first, last, ast, err) != syntax::parse_status::ok) {
      report_syntax_error(rep_, err, last, first);
    } else {
      query q;
      ok_ = true;
      const auto agg = ast.aggregate.view();
      q.agg = is(agg, syntax::keyword::count) ? aggregate::count
              : is(agg, syntax::keyword::min) ? aggregate::min
              : is(agg, syntax::keyword::max) ? aggregate::max
                                               : aggregate::sum;
      std::vector<filter> wheres;
      for (const auto& clause : ast.clauses) std::visit(clause_visitor{*this, q, wheres}, clause);
      if (ok_) {
        for (const auto& w : wheres) check_names(w);
        for (std::size_t i = 0; i < q.by.size(); ++i) check_key(q.by[i], by_spans_[i]);
        if (q.pivot) check_key(*q.pivot, pivot_span_);
      }
      if (!wheres.empty()) {
        // several where clauses narrow together: where A where B is where A and B
        if (wheres.size() == 1) {
          q.where = std::move(wheres.front());
        } else {
          q.where.kind = filter::op::and_;
          q.where.children = std::move(wheres);
        }
      }
      if (q.rollup && (q.by.empty() || (q.by[0].dim != dimension::function && q.by[0].dim != dimension::econ &&
                                        q.by[0].dim != dimension::gov_econ))) {
        // at the first grouping, which is not by a classification; at rollup when there is none
        auto& d = rep_.error("E0505", "rollup needs a first grouping by a classification (功能, 经济 or 政府经济)",
                             q.by.empty() ? rollup_span_ : by_spans_.front(),
                             q.by.empty() ? "nothing grouped to roll up" : "not a classification");
        d.expected = "a first grouping by 功能, 经济 or 政府经济 (by function.项, 按 经济.款 …)";
        ok_ = false;
      }
      if (ok_ && !rep_.has_errors()) result = std::move(q);
    }
    if (result && prior_) compare_with_prior();
    out.append(rep_.finish());  // after what the caller's diagnostics held
    return result;
  }

private:
  /// W0307: a prior-year budget that is not of the year before, or is of
  /// another unit: its 上年, 增减 and 增幅 columns compare what is not
  /// comparable (the query still runs).
  void compare_with_prior() {
    const auto& now = b_.header();
    const auto& then = prior_->header();
    if (now.year != 0 && then.year != 0 && then.year != now.year - 1) {
      auto& d = rep_.warning("W0307",
                             "the prior-year budget is of " + std::to_string(then.year) + ", not of " +
                                 std::to_string(now.year - 1) + ", the year before this budget's " +
                                 std::to_string(now.year),
                             {});
      d.expected = std::to_string(now.year - 1);
      d.found = std::to_string(then.year);
    }
    // a department's budgets (several units) by the department, a unit's by the unit
    const bool departments = b_.units().size() > 1 || prior_->units().size() > 1;
    const auto differ = [&](const std::string& what, const std::string& now_code, const std::string& now_name,
                            const std::string& then_code, const std::string& then_name) {
      const auto who = [](const std::string& code, const std::string& name) {
        return code.empty() ? name : name.empty() ? code : code + " " + name;
      };
      const bool by_code = !now_code.empty() && !then_code.empty();
      const bool by_name = !by_code && !now_name.empty() && !then_name.empty();
      if ((by_code && now_code != then_code) || (by_name && now_name != then_name)) {
        auto& d = rep_.warning("W0307",
                               "the prior-year budget is of another " + what + ": " + who(then_code, then_name) +
                                   ", not " + who(now_code, now_name),
                               {});
        d.expected = who(now_code, now_name);
        d.found = who(then_code, then_name);
      }
    };
    if (departments)
      differ("department", now.department_code, now.department_name, then.department_code, then.department_name);
    else
      differ("unit", now.unit_code, now.unit_name, then.unit_code, then.unit_name);
  }

  static bool is(std::string_view w, syntax::keyword k) {
    const auto& s = syntax::spelling(k);
    return w == s.zh || w == s.en;
  }

  struct clause_visitor {
    query_parser& p;
    query& q;
    std::vector<filter>& wheres;
    void operator()(const syntax::ast::where_clause& c) const {
      bool ok = true;
      filter f = p.exprs_.lower(c.condition, ok);
      if (ok) p.resolve(f);
      p.ok_ = p.ok_ && ok;
      wheres.push_back(std::move(f));
    }
    void operator()(const syntax::ast::by_clause& c) const {
      for (const auto& tok : c.dimensions) {
        dimension_ref d;
        if (!p.exprs_.grouping(tok, d)) p.ok_ = false;
        q.by.push_back(std::move(d));
        p.by_spans_.push_back(p.rep_.span_of(tok));
      }
    }
    void operator()(const syntax::ast::pivot_clause& c) const {
      if (!p.once(c, q.pivot.has_value(), "pivot")) return;
      dimension_ref d;
      if (!p.exprs_.grouping(c.dimension, d)) p.ok_ = false;
      q.pivot = std::move(d);
      p.pivot_span_ = p.rep_.span_of(c.dimension);
    }
    void operator()(const syntax::ast::flag_clause& c) const {
      if (is(c.word.view(), syntax::keyword::rollup)) {
        q.rollup = true;
        if (!p.rollup_span_) p.rollup_span_ = p.rep_.span_of(c.word);
      } else if (q.agg == aggregate::min || q.agg == aggregate::max) {
        p.rep_.error("E0505", "share needs sum or count: the least or greatest amount is no part of a total",
                     p.rep_.span_of(c.word));
        p.ok_ = false;
      } else {
        q.share = true;
      }
    }
    void operator()(const syntax::ast::order_clause& c) const {
      if (!p.once(c, p.ordered_, "order by")) return;
      p.ordered_ = true;
      const auto o = c.by.view();
      q.ordering = is(o, syntax::keyword::key)     ? query::order_by::key
                   : is(o, syntax::keyword::count) ? query::order_by::count
                                                   : query::order_by::value;
      q.descending = is(c.direction.view(), syntax::keyword::descending);
    }
    void operator()(const syntax::ast::limit_clause& c) const {
      if (!p.once(c, p.limited_, "limit")) return;
      p.limited_ = true;
      const auto t = c.count.view();
      std::size_t n = 0;
      bool digits = !t.empty();
      for (char ch : t) digits = digits && ch >= '0' && ch <= '9';
      const bool fits = digits && t.size() <= 9;
      if (fits)
        for (char ch : t) n = n * 10 + static_cast<std::size_t>(ch - '0');
      if (!fits || n == 0) {
        // a number of ten or more digits is past any count of rows, not "not positive"
        auto& d = p.rep_.error("E0505", digits && n == 0 && t.find_first_not_of('0') != std::string_view::npos
                                            ? "limit is larger than 999,999,999 rows"
                                            : "limit needs a positive whole number",
                               p.rep_.span_of(c.count));
        d.found = "'" + std::string(t) + "'";
        p.ok_ = false;
      }
      q.limit = n;
    }
  };

  /// A pivot, an order or a limit given a second time would replace the
  /// first: E0505 at the second.
  bool once(const syntax::ast::located& clause, bool given, std::string_view what) {
    if (!given) return true;
    rep_.error("E0505", std::string(what) + " given twice: a query has one " + std::string(what),
               rep_.span_of(clause.where), "the second");
    ok_ = false;
    return false;
  }

  /// Resolves the filter values that name things of the budget.
  void resolve(filter& f) {
    for (auto& c : f.children) resolve(c);
    if (f.kind == filter::op::all || f.kind == filter::op::and_ || f.kind == filter::op::or_ ||
        f.kind == filter::op::not_)
      return;
    for (auto& v : f.values) {
      if (f.dim.dim == dimension::tag) {
        v.id = b_.string_id(v.text);
      } else if (f.dim.dim == dimension::project || f.dim.dim == dimension::unit) {
        auto k = parse_key(b_, f.dim, v.text);
        if (!k && prior_ && parse_key(*prior_, f.dim, v.text)) {  // only last year's: none of this year's items
          v.id = npos32;
          continue;
        }
        if (!k) {
          rep_.error("E0301",
                     "unknown " + std::string(f.dim.dim == dimension::project ? "project" : "unit") + " '" + v.text + "'",
                     v.span ? v.span : f.span);
          ok_ = false;
          continue;
        }
        v.id = f.dim.dim == dimension::project && (*k >> 32) ? static_cast<std::uint32_t>(*k & 0xFFFFFFFFu) | 0x80000000u
                                                              : static_cast<std::uint32_t>(*k);
      }
    }
    detail::each_project_named(b_, f);
  }

  /// The tag keys the budget's items carry.
  const std::vector<std::string>& tag_keys() {
    if (!tag_keys_) tag_keys_ = b_.tag_keys();
    return *tag_keys_;
  }

  /// A tag dimension must name a key some item carries: anything else is a
  /// typo of a dimension or a key (E0305), never a silent zero.
  void check_key(const dimension_ref& d, source_span at) {
    if (d.dim != dimension::tag) return;
    const auto& keys = tag_keys();
    if (std::find(keys.begin(), keys.end(), d.tag_key) != keys.end()) return;
    std::vector<std::string> names = keys;
    for (const auto& [n, dim] : dimension_names) names.emplace_back(n);
    const auto near = text::closest_names(d.tag_key, names);
    auto& e = rep_.error("E0305", "unknown dimension or tag key '" + d.tag_key + "'", at,
                         near.empty() ? std::string("no dimension of this name, and no item carries this tag")
                                      : "did you mean " + text::quoted_list(near) + "?");
    e.found = "'" + d.tag_key + "'";
    std::string known;
    for (const auto& k : keys) known += (known.empty() ? "" : ", ") + k;
    e.notes.push_back({"dimensions: 功能, 经济, 政府经济, 类型, 资金, 项目, 单位, 单位类型, 金额 (English: function, econ, "
                       "gov-econ, kind, fund, project, unit, unit-type, amount)",
                       {}});
    e.notes.push_back({known.empty() ? std::string("the budget's items carry no tags") : "the tag keys of this budget: " + known, {}});
    ok_ = false;
  }

  /// Unknown tag keys are errors; a value that no item has is a warning
  /// (W0306): the query is answered, but its answer is likely not the one meant.
  void check_names(const filter& f) {
    for (const auto& c : f.children) check_names(c);
    if (f.kind != filter::op::eq && f.kind != filter::op::ne && f.kind != filter::op::in && f.kind != filter::op::not_in)
      return;
    check_key(f.dim, f.span);
    if (ok_ && f.dim.dim == dimension::project && (f.kind == filter::op::eq || f.kind == filter::op::in))
      for (std::size_t i = 0; i < f.values.size(); ++i)  // a name of several units' projects once
        if (i == 0 || f.values[i].text != f.values[i - 1].text) project_without_items(f.values[i]);
    // projects are names the budget declares (E0301 otherwise, W0306 above
    // for one without items); a unit is too, but one may have no item (单位
    // 无 where every unit has a code); a ≠ that excludes nothing is harmless;
    // a list matches when one value does
    if (!ok_ || f.dim.dim == dimension::project || f.kind == filter::op::ne || f.kind == filter::op::not_in ||
        f.values.empty())
      return;
    filter any = f;
    any.kind = filter::op::in;
    if (total(b_, any).count != 0) return;
    std::string values;
    for (const auto& v : f.values) values += (values.empty() ? "" : ", ") + v.text;
    const std::string what = f.dim.dim == dimension::tag ? f.dim.tag_key + " = " + values
                                                         : std::string(chinese_name(f.dim.dim)) + " " + values;
    const source_span at = f.values.size() == 1 && f.values[0].span ? f.values[0].span : f.span;
    auto& d = rep_.warning("W0306", "no item has " + what, at, "matches nothing in this budget");
    if (f.dim.dim == dimension::unit &&
        std::any_of(f.values.begin(), f.values.end(), [](const filter_value& v) { return is_none_key(v.text); }))
      d.notes.push_back({"单位 无 is the items of a department's own file, of no unit's code or name: this budget has none",
                         {}});
  }

  /// W0306 for a project that no item names: a member of a project group,
  /// whose spending is the group's (项目组), or a project declared without
  /// items.  Its sum is 0.00, which reads as "no money".
  void project_without_items(const filter_value& v) {
    if (v.id & 0x80000000u) return;  // a group
    const auto projects = b_.projects();
    if (v.id >= projects.size() || projects[v.id].has_items) return;
    if (!v.text.empty())  // the other units' projects of the name
      for (const project* other : b_.find_projects(v.text))
        if (other->has_items) return;
    const auto& p = projects[v.id];
    auto& d = rep_.warning("W0306", "no item has 项目 " + p.name, v.span, "matches nothing in this budget");
    if (p.group < b_.groups().size())
      d.notes.push_back({"项目 " + p.name + " is a member of 项目组 " + b_.groups()[p.group].name +
                             ", whose items are the group's: filter by the group (项目 = " + b_.groups()[p.group].name +
                             ")",
                         {}});
  }

  const budget& b_;
  const budget* prior_ = nullptr;
  std::optional<std::vector<std::string>> tag_keys_;
  std::vector<source_span> by_spans_;
  source_span pivot_span_;
  source_span rollup_span_;
  reporter rep_{100};
  file_state file_;
  value_reader values_{rep_, file_};
  expr_lowering exprs_{rep_, values_, nullptr};
  bool ok_ = true;
  bool ordered_ = false, limited_ = false;
};

}  // namespace yusuan::compile
