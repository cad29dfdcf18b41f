// yusuan/tables/rows.hpp -- the rows of a panel, expanded from its row specs
// over a budget: fixed rows, the department row, and the groups (按) with a
// row per key, in the order the template asks, each with its values.
//
// Keys come from the aggregation engine (the groups of the items in the
// table's scope), except for units (every unit of the budget, kept when it
// has a row under it or a value) and projects (every project, by unit).
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/engine.hpp>
#include <yusuan/tables/evaluate.hpp>
#include <yusuan/tables/model.hpp>
#include <yusuan/tables/template.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace yusuan::tables {

/// A row of a panel before it is printed, with the rows under it.
struct row_node {
  const row_spec* spec = nullptr;  // the row (a group's own row: the group)
  row_role role = row_role::line;
  row_context ctx;
  bool prints = true;   // false: a group's key without a row of its own
  bool grouped = false;  // made by a group (按)
  std::size_t ordinal = 0;
  std::vector<cell_value> values;  // one per amount column of the panel
  std::vector<row_node> children;
};

class row_expander {
public:
  row_expander(cell_evaluator& ev, const panel_spec& panel) : ev_(ev), b_(ev.source()), panel_(panel) {}

  std::vector<row_node> expand(const std::vector<row_spec>& specs, const row_context& parent) {
    std::vector<row_node> out;
    for (const auto& s : specs) {
      if (s.kind == row_kind::group) {
        for (auto& n : group(s, parent)) out.push_back(std::move(n));
        continue;
      }
      if (s.kind == row_kind::department && b_.header().department_code.empty() &&
          b_.header().department_name.empty()) continue;
      row_node n;
      n.spec = &s;
      n.role = s.kind == row_kind::total ? row_role::total : s.kind == row_kind::department ? row_role::department : row_role::line;
      n.ctx = parent;
      if (s.where) n.ctx.where = &*s.where;
      values_of(n);
      if (s.omit_zero && !any_figure(n)) continue;  // 零则不列
      out.push_back(std::move(n));
    }
    return out;
  }

private:
  /// The amount cells of a row: the row's own values, else the columns'.
  void values_of(row_node& n) {
    const row_spec& s = *n.spec;
    std::size_t k = 0;
    for (const auto& c : panel_.columns) {
      if (!c.numeric) continue;
      cell_value v;
      if (s.explicit_values) {
        if (k < s.values.size()) v = ev_.eval(s.values[k], n.ctx, &c);
      } else if (c.value) {
        v = ev_.eval(*c.value, n.ctx, &c);
      }
      if ((s.zero_blank || c.zero_blank) && v.is_zero()) v = cell_value{};
      n.values.push_back(std::move(v));
      ++k;
    }
  }

  static bool has_group(const std::vector<row_spec>& body) {
    for (const auto& s : body)
      if (s.kind == row_kind::group) return true;
    return false;
  }
  static bool any_grouped(const std::vector<row_node>& nodes) {
    for (const auto& n : nodes)
      if (n.grouped || any_grouped(n.children)) return true;
    return false;
  }

  /// A node for key(s) `keys` of group `g` under `parent`.
  row_node member(const row_spec& g, const row_context& parent, const std::vector<dimension_key>& keys) {
    row_node n;
    n.spec = &g;
    n.grouped = true;
    n.prints = g.own_row;
    n.role = g.by.size() == 1 && g.by[0].dim == dimension::unit ? row_role::unit : row_role::line;
    n.ctx = parent;
    for (std::size_t i = 0; i < g.by.size(); ++i) {
      n.ctx.dims.push_back(g.by[i]);
      n.ctx.keys.push_back(keys[i]);
    }
    n.ctx.where = nullptr;
    if (g.own_row) values_of(n);
    n.children = expand(g.body, n.ctx);
    return n;
  }

  std::vector<row_node> group(const row_spec& g, const row_context& parent) {
    std::vector<row_node> out;
    if (g.by.size() == 1 && g.by[0].dim == dimension::unit && g.by[0].level == 0) {
      if (b_.units().empty()) {  // no unit declared: the rows under it, without a unit row
        row_node n;
        n.spec = &g;
        n.prints = false;
        n.ctx = parent;
        n.children = expand(g.body, parent);
        out.push_back(std::move(n));
        return out;
      }
      for (std::size_t u = 0; u < b_.units().size(); ++u) {
        row_node n = member(g, parent, {static_cast<dimension_key>(u)});
        const bool keep = has_group(g.body) ? any_grouped(n.children) : any_value(n);
        if (keep) out.push_back(std::move(n));
      }
    } else if (g.by.size() == 1 && g.by[0].dim == dimension::project) {
      for (auto p : projects_in(g, parent)) out.push_back(member(g, parent, {static_cast<dimension_key>(p)}));
    } else {
      for (const auto& keys : keys_in(g, parent)) out.push_back(member(g, parent, keys));
    }
    std::size_t ordinal = 0;
    for (auto& n : out) n.ordinal = ++ordinal;
    return out;
  }

  /// Whether a row prints an amount other than 0.
  static bool any_figure(const row_node& n) {
    for (const auto& v : n.values)
      if (v.any && !v.is_zero()) return true;
    return false;
  }
  static bool any_value(const row_node& n) {
    for (const auto& v : n.values)
      if (v.any) return true;
    return false;
  }

  /// The projects of the parent's unit (all, without one), in the group's order.
  std::vector<std::size_t> projects_in(const row_spec& g, const row_context& parent) {
    const auto projects = b_.projects();
    std::vector<std::size_t> out = ev_.projects_of(parent);
    auto rank = [&](const sort_key& k, std::size_t p) -> std::size_t {
      if (k.first.empty()) return 0;
      for (std::size_t i = 0; i < k.first.size(); ++i)
        if (parse_spending_kind(k.first[i]) == projects[p].kind) return i;
      return k.first.size();
    };
    std::stable_sort(out.begin(), out.end(), [&](std::size_t x, std::size_t y) {
      for (const auto& k : g.order) {
        const auto &px = projects[x], &py = projects[y];
        switch (k.what) {
          case sort_key::by::project_kind: {
            const auto rx = rank(k, x), ry = rank(k, y);
            if (rx != ry) return rx < ry;
            if (k.first.empty() && px.kind != py.kind) return px.kind < py.kind;
            break;
          }
          case sort_key::by::project_code:
            if (px.code.empty() != py.code.empty()) return py.code.empty();
            if (px.code != py.code) return px.code < py.code;
            break;
          case sort_key::by::project_name:
            if (px.name != py.name) return px.name < py.name;
            break;
          default: return x < y;  // appearance: declaration order
        }
      }
      return x < y;
    });
    return out;
  }

  /// One grouping of the items: every key tuple of `path` with its first item.
  struct grouping {
    std::vector<group_total> groups;
    std::map<std::vector<dimension_key>, std::vector<std::size_t>> by_parent;  // parent keys -> groups
  };

  /// The keys of group g under `parent`, in the group's order: the groups of
  /// the items of the scope by the parent's dimensions, g's and those its
  /// order reads, each placed at its least (order keys, first item).
  std::vector<std::vector<dimension_key>> keys_in(const row_spec& g, const row_context& parent) {
    std::vector<dimension_ref> path = parent.dims;
    const std::size_t p0 = path.size(), d = g.by.size();
    for (const auto& x : g.by) path.push_back(x);
    std::vector<std::size_t> order_at;  // for each sort key: its position in the path, or npos (appearance)
    const std::size_t npos = static_cast<std::size_t>(-1);
    auto same = [](const dimension_ref& a, const dimension_ref& b) {
      return a.dim == b.dim && a.level == b.level && a.tag_key == b.tag_key;
    };
    std::vector<sort_key> keys = g.order;
    if (keys.empty()) {
      for (const auto& x : g.by) keys.push_back({sort_key::by::dimension, x, {}, {}});
      keys.push_back({});
    }
    for (const auto& k : keys) {
      if (k.what != sort_key::by::dimension) {
        order_at.push_back(npos);
        continue;
      }
      std::size_t at = npos;
      for (std::size_t i = p0; i < path.size(); ++i)
        if (same(path[i], k.dim)) at = i;
      if (at == npos) {
        path.push_back(k.dim);
        at = path.size() - 1;
      }
      order_at.push_back(at);
    }
    const grouping& gr = grouping_of(path, p0);
    std::vector<std::vector<dimension_key>> out;
    const auto found = gr.by_parent.find(parent.keys);
    if (found == gr.by_parent.end()) return out;
    // The least (order keys, first item) of each key tuple of g.
    struct entry {
      std::vector<dimension_key> keys;
      std::size_t group;  // the group giving the least place
    };
    std::vector<std::vector<dimension_key>> first_keys(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
      for (const auto& t : keys[i].first)
        if (auto k = parse_key(b_, keys[i].dim, t)) first_keys[i].push_back(*k);
    auto before = [&](std::size_t x, std::size_t y) {
      const auto &gx = gr.groups[x], &gy = gr.groups[y];
      for (std::size_t i = 0; i < keys.size(); ++i) {
        if (order_at[i] == npos) {
          if (gx.first_item != gy.first_item) return gx.first_item < gy.first_item;
          continue;
        }
        const dimension_key kx = gx.keys[order_at[i]], ky = gy.keys[order_at[i]];
        if (!first_keys[i].empty() || !keys[i].first.empty()) {
          auto rank = [&](dimension_key k) {
            const auto& f = first_keys[i];
            return static_cast<std::size_t>(std::find(f.begin(), f.end(), k) - f.begin());
          };
          if (rank(kx) != rank(ky)) return rank(kx) < rank(ky);
          continue;
        }
        if (kx != ky) return yusuan::detail::key_less(path[order_at[i]], kx, ky);
      }
      return gx.first_item < gy.first_item;
    };
    std::map<std::vector<dimension_key>, std::size_t> index;
    std::vector<entry> entries;
    for (std::size_t gi : found->second) {
      const auto& k = gr.groups[gi].keys;
      std::vector<dimension_key> own(k.begin() + static_cast<std::ptrdiff_t>(p0),
                                     k.begin() + static_cast<std::ptrdiff_t>(p0 + d));
      bool skip = false;
      for (std::size_t i = 0; i < d; ++i) skip = skip || (own[i] == no_key && g.by[i].level != 0);
      if (skip) continue;
      auto [pos, fresh] = index.try_emplace(own, entries.size());
      if (fresh) entries.push_back({std::move(own), gi});
      else if (before(gi, entries[pos->second].group)) entries[pos->second].group = gi;
    }
    std::sort(entries.begin(), entries.end(), [&](const entry& x, const entry& y) { return before(x.group, y.group); });
    for (auto& e : entries) out.push_back(std::move(e.keys));
    return out;
  }

  const grouping& grouping_of(const std::vector<dimension_ref>& path, std::size_t parent_size) {
    std::string sig;
    for (const auto& x : path) sig += std::to_string(static_cast<int>(x.dim)) + "." + std::to_string(x.level) + "." + x.tag_key + "|";
    sig += std::to_string(parent_size);
    auto it = groupings_.find(sig);
    if (it != groupings_.end()) return it->second;
    grouping gr;
    gr.groups = group_sums(b_, ev_.scope(), path);
    for (std::size_t i = 0; i < gr.groups.size(); ++i) {
      const auto& k = gr.groups[i].keys;
      gr.by_parent[std::vector<dimension_key>(k.begin(), k.begin() + static_cast<std::ptrdiff_t>(parent_size))]
          .push_back(i);
    }
    return groupings_.emplace(std::move(sig), std::move(gr)).first->second;
  }

  cell_evaluator& ev_;
  const budget& b_;
  const panel_spec& panel_;
  std::map<std::string, grouping> groupings_;
};

}  // namespace yusuan::tables
