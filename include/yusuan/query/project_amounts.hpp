// yusuan/query/project_amounts.hpp -- the projects' amounts by source, as
// 项目金额(…) means them: each project's stated amount, attributed to the
// sources of the items that spend it.
//
// A project with items of its own spends from their sources.  A project of a
// 项目组 whose items all come from sources a filter takes spends its whole
// amount from them; when the group's items mix sources the filter takes and
// sources it does not, the project's share of each is unknown and it counts
// for none.  A project without items spends from 一般公共预算, the source of
// an item that names none.  Spending from last year's balance is told apart
// by the fund the balance is of (上年结转结余.政府性基金), as for items.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/money.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/engine.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace yusuan {

namespace detail {
/// fund_passes for money of a fund column byte (columns.hpp): a source, or
/// the balance of a fund (上年结转结余.FUND).
inline bool fund_byte_passes(const filter& f, unsigned x) {
  return filter_holds(f, [&](const filter& leaf, const filter_value& v) {
    return leaf.dim.dim == dimension::fund && fund_value_takes(v, x);
  });
}
}  // namespace detail

/// Whether money from `s` passes a filter over 资金 (财政拨款 takes
/// 一般公共预算 money too, as for items).  Conditions on other dimensions
/// take nothing.
inline bool fund_passes(const filter& f, fund_source s) {
  return detail::fund_byte_passes(f, static_cast<unsigned>(s));
}

/// What the attribution needs of every project, gathered by two grouped sums.
class project_amounts {
public:
  /// The values of the fund column: each source, and the balance of each.
  static constexpr std::size_t sources = 256;

  explicit project_amounts(const budget& b) : b_(b) {
    const auto projects = b.projects();
    const auto groups = b.groups();
    unit_.assign(projects.size(), 0);
    own_.assign(projects.size(), {});
    has_own_.assign(projects.size(), false);
    group_sources_.assign(groups.size(), {});
    std::vector<bool> group_unit_known(groups.size(), false);
    std::vector<std::size_t> first(projects.size(), 0), group_first(groups.size(), 0);
    group_unit_.assign(groups.size(), 0);
    // 资金 at level 1: the fund column's bytes, spending from each fund's balance apart
    const dimension_ref project_dim{dimension::project, 0, {}}, unit_dim{dimension::unit, 0, {}},
        fund_dim{dimension::fund, 1, {}};
    // The unit of a project (or group): that of its first item.
    for (const auto& g : group_sums(b, filter{}, {project_dim, unit_dim})) {
      const auto u = static_cast<std::uint16_t>(g.keys[1]);
      if (const auto p = project_of(g.keys[0])) {
        if (!has_own_[*p] || g.first_item < first[*p]) {
          unit_[*p] = u;
          first[*p] = g.first_item;
        }
        has_own_[*p] = true;
      } else if (const auto gi = group_of(g.keys[0])) {
        if (!group_unit_known[*gi] || g.first_item < group_first[*gi]) {
          group_unit_[*gi] = u;
          group_first[*gi] = g.first_item;
        }
        group_unit_known[*gi] = true;
      }
    }
    for (const auto& g : group_sums(b, filter{}, {project_dim, fund_dim})) {
      if (g.keys[1] >= sources) continue;
      const auto s = static_cast<std::uint8_t>(g.keys[1]);
      if (const auto p = project_of(g.keys[0])) {
        own_[*p].push_back({s, item_total{g.sum, g.count}});
      } else if (const auto gi = group_of(g.keys[0])) {
        group_sources_[*gi].push_back(s);
      }
    }
    for (std::size_t p = 0; p < projects.size(); ++p)
      if (!has_own_[p] && projects[p].group < groups.size() && group_unit_known[projects[p].group])
        unit_[p] = group_unit_[projects[p].group];
  }

  /// The unit (index into budget::units()) of a project: that of its first
  /// item, else of its group's first item, else the budget's own unit.
  std::uint16_t unit_of(std::size_t p) const { return unit_[p]; }

  /// The amount of project p from the sources `where` takes, with the number
  /// of items (or 1 for a stated amount) it comes from: 0 when it spends from
  /// none of them.
  item_total amount(std::size_t p, const filter& where) const {
    item_total t;
    const auto& pr = b_.projects()[p];
    if (where.kind == filter::op::all) {
      t.sum += pr.amount;
      t.count = 1;
      return t;
    }
    if (has_own_[p]) {
      for (const auto& [s, total] : own_[p])
        if (total.count && detail::fund_byte_passes(where, s)) {
          t.sum += total.sum;
          t.count += total.count;
        }
      return t;
    }
    bool all = true, any = false;
    if (pr.group < group_sources_.size() && !group_sources_[pr.group].empty()) {
      for (const std::uint8_t s : group_sources_[pr.group]) {
        const bool takes = detail::fund_byte_passes(where, s);
        all = all && takes;
        any = any || takes;
      }
    } else {
      all = any = fund_passes(where, fund_source::general_budget);
    }
    if (all && any) {
      t.sum += pr.amount;
      t.count = 1;
    }
    return t;
  }

private:
  std::optional<std::size_t> project_of(dimension_key k) const {
    if (k < b_.projects().size()) return static_cast<std::size_t>(k);
    return std::nullopt;
  }
  std::optional<std::size_t> group_of(dimension_key k) const {
    if (k != no_key && (k >> 32) && (k & 0xFFFFFFFFu) < b_.groups().size()) return static_cast<std::size_t>(k & 0xFFFFFFFFu);
    return std::nullopt;
  }

  const budget& b_;
  std::vector<std::uint16_t> unit_, group_unit_;
  std::vector<std::vector<std::pair<std::uint8_t, item_total>>> own_;  // per project: (fund byte, its items)
  std::vector<bool> has_own_;
  std::vector<std::vector<std::uint8_t>> group_sources_;  // per group: the fund bytes of its items
};

}  // namespace yusuan
