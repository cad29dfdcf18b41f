// yusuan/query/dimension_index.hpp -- a grouping dimension as an id per item,
// ids numbered in the order of the dimension's keys.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/error.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/model/columns.hpp>
#include <yusuan/query/dimension.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace yusuan::detail {

/// A dimension as an id per item, ids numbered in the order of the keys
/// (key_less, no_key last): through a table over the column's ordinals for
/// codes, kinds and sources, one id per item for the rest.
struct dim_index {
  const std::uint32_t* ord32 = nullptr;
  const std::uint8_t* ord8 = nullptr;
  std::vector<std::uint32_t> map;  // ordinal -> id
  std::vector<std::uint32_t> ids;  // item -> id (neither column set)
  std::vector<dimension_key> keys;  // id -> key
  std::uint32_t operator()(std::size_t i) const noexcept {
    return ord32 ? map[ord32[i]] : ord8 ? map[ord8[i]] : ids[i];
  }
  std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(keys.size()); }
};

/// Ids in key order for the keys of `raw` (one per ordinal or per item); the
/// keys themselves into `keys`.
inline void number_in_key_order(const dimension_ref& d, std::vector<dimension_key>& raw, std::vector<std::uint32_t>& ids,
                                std::vector<dimension_key>& keys) {
  keys = raw;
  std::sort(keys.begin(), keys.end(), [&](dimension_key x, dimension_key y) { return key_less(d, x, y); });
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  ids.resize(raw.size());
  for (std::size_t o = 0; o < raw.size(); ++o)
    ids[o] = static_cast<std::uint32_t>(
        std::lower_bound(keys.begin(), keys.end(), raw[o], [&](dimension_key x, dimension_key y) { return key_less(d, x, y); }) -
        keys.begin());
}

/// coarser_as_written: a code coarser than the dimension's level is its own
/// key (a rollup's first dimension, where an item coded at its 类 belongs
/// under that 类's subtotal) rather than no key.
inline dim_index index_dimension(const budget& b, const item_columns& c, const dimension_ref& d,
                                 bool coarser_as_written = false) {
  dim_index x;
  std::vector<dimension_key> raw;
  auto code_key = [&](auto code) -> dimension_key {
    if (code.level() == 0 || (code.level() < d.level && !coarser_as_written)) return no_key;
    const auto k = d.level && code.level() >= d.level ? code.at(d.level) : code;
    return (dimension_key{k.digits()} << 8) | static_cast<unsigned>(k.level());
  };
  switch (d.dim) {
    case dimension::function:
      for (const auto& code : c.function_codes) raw.push_back(code_key(code));
      number_in_key_order(d, raw, x.map, x.keys);
      x.ord32 = c.function.data();
      return x;
    case dimension::econ:
    case dimension::gov_econ: {
      // 部门 and 政府 codes share the ordinals: keys only of the column's own.
      const auto& used = d.dim == dimension::econ ? c.econ_used : c.gov_econ_used;
      for (std::size_t o = 0; o < c.econ_codes.size(); ++o) raw.push_back(used[o] ? code_key(c.econ_codes[o]) : no_key);
      number_in_key_order(d, raw, x.map, x.keys);
      x.ord32 = d.dim == dimension::econ ? c.econ.data() : c.gov_econ.data();
      return x;
    }
    case dimension::kind:
    case dimension::fund: {
      const auto& present = d.dim == dimension::kind ? c.kind_present : c.fund_present;
      // the key of each value present (a kind at the dimension's level), ids in key order
      for (unsigned v = 0; v < 256; ++v)
        if (present[v])
          raw.push_back(d.dim == dimension::kind ? kind_key(static_cast<spending_kind>(v), d.level)
                             : d.level ? v  // 资金 with the fund of a balance (上年结转结余.FUND)
                                       : static_cast<dimension_key>(fund_of_byte(v)));
      std::vector<std::uint32_t> ids;
      number_in_key_order(d, raw, ids, x.keys);
      x.map.assign(256, 0);
      for (unsigned v = 0, k = 0; v < 256; ++v)
        if (present[v]) x.map[v] = ids[k++];
      x.ord8 = d.dim == dimension::kind ? c.kind.data() : c.fund.data();
      return x;
    }
    case dimension::amount:
      throw error(errc::invalid_argument, "yusuan: items are not grouped by their amount (金额)");
    default: {
      // Projects, units, lines and tags: an ordinal per item (the project or
      // group, the unit, the line, the tag set), the key of each ordinal, ids
      // through a table as for codes.
      const auto items = b.items();
      const auto nproj = static_cast<std::uint32_t>(b.projects().size());
      const auto ngroups = static_cast<std::uint32_t>(b.groups().size());
      auto fill = [&](auto ordinal) {
        x.ids.assign(items.size(), 0);
        const std::uint32_t* map = x.map.data();
        for (std::size_t i = 0; i < items.size(); ++i)
          x.ids[i] = map[ordinal(items[i])];
        x.map.clear();
      };
      if (d.dim == dimension::tag) {
        item probe;
        const auto nsets = static_cast<std::uint32_t>(b.tag_set_count());
        for (std::uint32_t ts = 0; ts < nsets; ++ts) {
          probe.tags = ts;
          raw.push_back(key_of(b, probe, d));
        }
        raw.push_back(no_key);  // a tag set the budget does not have
        number_in_key_order(d, raw, x.map, x.keys);
        fill([nsets](const item& it) { return std::min(it.tags, nsets); });
      } else if (d.dim == dimension::project) {
        for (std::uint32_t p = 0; p < nproj; ++p) raw.push_back(p);
        for (std::uint32_t g = 0; g < ngroups; ++g) raw.push_back(dimension_key{g} | (dimension_key{1} << 32));
        raw.push_back(no_key);
        number_in_key_order(d, raw, x.map, x.keys);
        fill([nproj, ngroups](const item& it) {
          return it.project < nproj ? it.project : it.project == npos32 && it.group < ngroups ? nproj + it.group : nproj + ngroups;
        });
      } else if (d.dim == dimension::line) {
        for (std::uint32_t l = 0; l < b.line_count(); ++l) raw.push_back(l);
        raw.push_back(no_key);  // an item of a budget assembled without lines
        number_in_key_order(d, raw, x.map, x.keys);
        fill([n = b.line_count()](const item& it) { return std::min(it.line, n); });
      } else {  // unit, unit type: by unit
        std::uint32_t top = 0;
        for (const auto& it : items) top = std::max<std::uint32_t>(top, it.unit);
        const auto units = b.units();
        for (std::uint32_t u = 0; u <= top; ++u)
          raw.push_back(d.dim == dimension::unit ? dimension_key{u}
                        : u < units.size()       ? static_cast<dimension_key>(units[u].type)
                                                 : no_key);
        number_in_key_order(d, raw, x.map, x.keys);
        fill([](const item& it) { return std::uint32_t{it.unit}; });
      }
      return x;
    }
  }
  return x;
}

}  // namespace yusuan::detail
