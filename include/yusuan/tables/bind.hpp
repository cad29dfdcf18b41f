// yusuan/tables/bind.hpp -- a template's filters made to name what a
// particular budget holds: tag values, units and projects are looked up by
// their text (a template is read once, for any budget).  A value the budget
// does not have takes no item.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/filters.hpp>

#include <cstdint>

namespace yusuan::tables {

inline void bind_in_place(const budget& b, filter& f) {
  for (auto& c : f.children) bind_in_place(b, c);
  for (auto& v : f.values) {
    switch (f.dim.dim) {
      case dimension::tag: v.id = b.string_id(v.text); break;
      case dimension::unit:
      case dimension::project:
        if (const auto k = parse_key(b, f.dim, v.text); k && *k != no_key)
          v.id = f.dim.dim == dimension::unit || !(*k >> 32)
                     ? static_cast<std::uint32_t>(*k)
                     : static_cast<std::uint32_t>(*k & 0xFFFFFFFFu) | 0x80000000u;
        else
          v.id = npos32;
        break;
      default: break;
    }
  }
  ::yusuan::detail::each_project_named(b, f);
}

/// `f` with its values looked up in `b`.
inline filter bound(const budget& b, filter f) {
  bind_in_place(b, f);
  return f;
}

/// Both filters: the items that pass `a` and `b` (either may be "every item").
inline filter both(const filter& a, const filter& b) {
  if (a.kind == filter::op::all) return b;
  if (b.kind == filter::op::all) return a;
  filter f;
  f.kind = filter::op::and_;
  f.children = {a, b};
  return f;
}

}  // namespace yusuan::tables
