// yusuan/compile/resolve.hpp -- the third pass: names resolved once the
// whole budget has been read.  Projects named before their declaration,
// projects and units named in filters, the order in which measures can be
// evaluated (each after the measures it uses; a cycle is E0302), and the
// names of codes sorted for lookup.
#pragma once

#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/project_names.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/text/suggest.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace yusuan::compile {

class resolver {
public:
  resolver(draft& d, reporter& r) : d_(d), rep_(r) {}

  /// Called after the names of each measure and constraint are resolved:
  /// (true for a constraint, its index, reporter::kept() before it).
  using step_done = std::function<void(bool, std::size_t, std::size_t)>;

  /// Runs every step; returns the measures in evaluation order (indices).
  /// The names of measures before `first_measure` are not looked at (those
  /// of a checked budget that rules are applied to: they were).
  std::vector<std::size_t> run(const step_done& done = {}, std::size_t first_measure = 0) {
    pending_projects();
    auto& data = *d_.data;
    for (std::size_t i = first_measure; i < data.measures.size(); ++i) {
      const std::size_t before = rep_.kept();
      names_in(data.measures[i].definition);
      if (done) done(false, i, before);
    }
    for (std::size_t ci = 0; ci < d_.constraints.size(); ++ci) {
      auto& c = d_.constraints[ci];
      const std::size_t before = rep_.kept();
      unit_ = c.of_unit;  // a unit's own constraint names its projects first
      names_in(c.lhs);
      names_in(c.rhs);
      unit_ = npos32;
      for (std::size_t i = 0; i < c.by.size(); ++i)
        tag_key(c.by[i], i < c.by_spans.size() ? c.by_spans[i] : c.span, true);
      if (done) done(true, ci, before);
    }
    std::sort(data.function_names.begin(), data.function_names.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    std::sort(data.econ_names.begin(), data.econ_names.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    return measure_order();
  }

private:
  void pending_projects() {
    auto& data = *d_.data;
    for (const auto& p : d_.pending) {
      const std::uint32_t id = d_.project_by_name_or_code(p.name, data.items[p.item].unit);
      if (id == npos32) {
        if (const auto* sharing = d_.projects_sharing(p.name))
          ambiguous_project(rep_, data, p.name, p.span, *sharing);
        else if (!rep_.was_left_out(p.name))
          rep_.error("E0301", "unknown project '" + p.name + "'", p.span, "no 项目 of this name or code");
        continue;
      }
      auto& it = data.items[p.item];
      it.project = id;
      const auto& pr = data.projects[id];
      if (it.kind == spending_kind::unspecified) it.kind = pr.kind;
      if (!it.function) it.function = pr.function;
    }
  }

  void names_in(expr& e) {
    names_in(e.where);
    for (auto& a : e.args) names_in(a);
  }

  /// The tag keys the items carry.
  const std::vector<std::string>& item_tag_keys() {
    if (!tag_keys_) tag_keys_ = detail::budget_access::make(d_.data).tag_keys();
    return *tag_keys_;
  }

  /// A tag key no item carries: a likely misspelt dimension or key is an
  /// error (E0305); otherwise a warning (W0305) in the budget's own files,
  /// nothing in the standard library's or in rule files (whose rules serve
  /// budgets with and without the tag).
  void tag_key(const dimension_ref& d, source_span at, bool grouping = false) {
    if (d.dim != dimension::tag) return;
    const auto& keys = item_tag_keys();
    if (std::find(keys.begin(), keys.end(), d.tag_key) != keys.end()) return;
    auto near = misspelt_dimension(d.tag_key);
    if (!near.empty()) {
      auto& e = rep_.error("E0305", "unknown dimension '" + d.tag_key + "'", at,
                           "did you mean " + text::quoted_list(near) + "?");
      e.found = "'" + d.tag_key + "'";
      e.notes.push_back({"no item carries a tag of this name either", {}});
      return;
    }
    // a file of the library path is named as imported, <std/measures.budget>
    // (not <stdin>, <input>, <test>: text given by name)
    const std::string_view name = at.file ? std::string_view(at.file->name()) : std::string_view();
    const bool library = name.size() > 2 && name.front() == '<' && name.back() == '>' &&
                         name.find_first_of("/.") != std::string_view::npos;
    if (library || d_.is_rule_source(at.file)) return;
    if (rep_.may_suggest(severity::warning)) near = text::closest_names(d.tag_key, keys);  // only for one shown
    auto& w = rep_.warning("W0305", "no item carries the tag '" + d.tag_key + "'", at,
                           near.empty() ? std::string(grouping ? "every item is in the row 无"
                                                               : "this filter matches nothing")
                                        : "did you mean " + text::quoted_list(near) + "?");
    w.found = "'" + d.tag_key + "'";
  }

  void names_in(filter& f) {
    for (auto& c : f.children) names_in(c);
    if (f.kind == filter::op::eq || f.kind == filter::op::ne || f.kind == filter::op::in || f.kind == filter::op::not_in)
      tag_key(f.dim, f.span);
    if ((f.dim.dim != dimension::project && f.dim.dim != dimension::unit) || f.kind == filter::op::all ||
        f.kind == filter::op::and_ || f.kind == filter::op::or_ || f.kind == filter::op::not_)
      return;
    auto& data = *d_.data;
    // the other projects of a name several units' projects have, each after
    // the value that names them (by its index)
    std::vector<std::pair<std::size_t, filter_value>> also;
    for (std::size_t i = 0; i < f.values.size(); ++i) {
      auto& v = f.values[i];
      if (f.dim.dim == dimension::unit) {
        bool found = false;
        // 无: the unit of neither a code nor a name (a department's own file that declares no 单位)
        const bool none = is_none_key(v.text);
        for (std::uint32_t u = 0; u < data.units.size(); ++u)
          if (none ? data.units[u].code.empty() && data.units[u].name.empty()
                   : data.units[u].code == v.text || data.units[u].name == v.text) {
            v.id = u;
            found = true;
          }
        if (!found && !rep_.was_left_out(v.text)) rep_.error("E0301", "unknown unit '" + v.text + "'", v.span ? v.span : f.span, "no 单位 of this code or name");
        continue;
      }
      if (const auto id = d_.project_by_name_or_code(v.text, unit_); id != npos32) {
        v.id = id;
        continue;
      }
      if (const auto* sharing = d_.projects_sharing(v.text)) {  // outside their units' files: each of them
        v.id = sharing->front();
        for (std::size_t k = 1; k < sharing->size(); ++k) {
          also.emplace_back(i, v);
          also.back().second.id = (*sharing)[k];
        }
        continue;
      }
      if (auto g = d_.group_ids.find(v.text); g != d_.group_ids.end()) {
        v.id = g->second | 0x80000000u;
        continue;
      }
      if (!rep_.was_left_out(v.text))
        rep_.error("E0301", "unknown project '" + v.text + "'", v.span ? v.span : f.span,
                   "no 项目 or 项目组 of this name or code");
    }
    if (also.empty()) return;
    std::vector<filter_value> each;
    each.reserve(f.values.size() + also.size());
    for (std::size_t i = 0, a = 0; i < f.values.size(); ++i) {
      each.push_back(std::move(f.values[i]));
      for (; a < also.size() && also[a].first == i; ++a) each.push_back(std::move(also[a].second));
    }
    f.values = std::move(each);
  }

  /// A measure used by another, and where.
  struct use {
    std::size_t measure;
    source_span at;
  };

  /// The measures an expression uses.
  void uses(const expr& e, std::vector<use>& out) const {
    if (e.kind == expr::op::name)
      if (auto it = d_.measure_ids.find(e.name); it != d_.measure_ids.end()) out.push_back({it->second, e.span});
    for (const auto& a : e.args) uses(a, out);
  }

  /// Measures in an order where each comes after those it uses.  A cycle is
  /// reported once, at the reference that closes it; its measures are left out.
  std::vector<std::size_t> measure_order() {
    const auto& ms = d_.data->measures;
    const std::size_t n = ms.size();
    std::vector<std::vector<use>> deps(n);
    for (std::size_t i = 0; i < n; ++i) uses(ms[i].definition, deps[i]);
    enum : std::uint8_t { unseen, active, done, broken };
    std::vector<std::uint8_t> state(n, unseen);
    std::vector<std::size_t> order;
    order.reserve(n);
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // (measure, next dependency)
    for (std::size_t root = 0; root < n; ++root) {
      if (state[root] != unseen) continue;
      stack.push_back({root, 0});
      state[root] = active;
      while (!stack.empty()) {
        auto& [m, next] = stack.back();
        if (next < deps[m].size()) {
          const use u = deps[m][next++];
          const std::size_t dep = u.measure;
          if (state[dep] == unseen) {
            state[dep] = active;
            stack.push_back({dep, 0});
          } else if (state[dep] == active) {
            rep_.error("E0302", "measure '" + ms[dep].name + "' is defined in terms of itself", u.at);
            for (const auto& open : stack) state[open.first] = broken;
          } else if (state[dep] == broken) {
            state[m] = broken;
          }
          continue;
        }
        if (state[m] == active) {
          state[m] = done;
          order.push_back(m);
        }
        stack.pop_back();
        if (!stack.empty() && state[m] == broken) state[stack.back().first] = broken;
      }
    }
    return order;
  }

  draft& d_;
  reporter& rep_;
  std::uint32_t unit_ = npos32;  // the unit whose own constraint is resolved
  std::optional<std::vector<std::string>> tag_keys_;
};

}  // namespace yusuan::compile
