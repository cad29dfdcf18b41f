// yusuan/compile/derive_kinds.hpp -- one meaning of 人员经费 and 公用经费.
//
// Basic spending (基本支出) is 人员经费 on economic 301 and 303 and 公用经费 on
// 302 and 310 (and 307, 309, 399 where they occur).  An item declared only
// 基本支出 takes the sub-kind of its economic class here, once, before any
// check, measure, filter, query or table looks at it; so 类型 = 公用经费 in a
// constraint counts what the tables show under 公用经费.  A declared sub-kind
// is kept (a mismatch with the economic class is W0606).
#pragma once

#include <yusuan/compile/draft.hpp>
#include <yusuan/model/kinds.hpp>

#include <cstdint>

namespace yusuan::compile {

/// The sub-kind of basic spending on a 部门 economic 类, or unspecified.
constexpr spending_kind basic_sub_kind(std::uint32_t econ_class) noexcept {
  switch (econ_class) {
    case 301:
    case 303: return spending_kind::personnel;
    case 302:
    case 307:
    case 309:
    case 310:
    case 399: return spending_kind::public_funds;
    default: return spending_kind::unspecified;
  }
}

/// Gives every item declared 基本支出 the sub-kind of its economic class.
inline void derive_basic_kinds(draft& d) {
  for (auto& it : d.data->items) {
    if (it.kind != spending_kind::basic || !it.econ || it.econ.is_government()) continue;
    if (const auto k = basic_sub_kind(it.econ.class_digits()); k != spending_kind::unspecified) it.kind = k;
  }
}

}  // namespace yusuan::compile
