// yusuan/query/filters.hpp -- filters over items built in C++: comparisons on
// one dimension (function_is, econ_in, tag_is …) combined with &&, || and !.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/query/dimension.hpp>

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace yusuan {

/// dim = value (codes match at the level written: econ = 302 takes every 302xx).
inline filter where_eq(dimension_ref d, filter_value v) {
  filter f;
  f.kind = filter::op::eq;
  f.dim = std::move(d);
  f.values.push_back(std::move(v));
  return f;
}
inline filter_value value_of(function_code c) { filter_value v; v.function = c; v.text = c.spaced(); return v; }
inline filter_value value_of(econ_code c) { filter_value v; v.econ = c; v.text = c.str(); return v; }
inline filter_value value_of(spending_kind k) { filter_value v; v.kind = k; v.text = std::string(chinese_name(k)); return v; }
inline filter_value value_of(fund_source s) { filter_value v; v.fund = s; v.text = std::string(chinese_name(s)); return v; }

inline filter function_is(function_code c) { return where_eq({dimension::function, 0, {}}, value_of(c)); }
inline filter econ_is(econ_code c) { return where_eq({dimension::econ, 0, {}}, value_of(c)); }
inline filter gov_econ_is(econ_code c) { return where_eq({dimension::gov_econ, 0, {}}, value_of(c)); }
inline filter kind_is(spending_kind k) { return where_eq({dimension::kind, 0, {}}, value_of(k)); }
inline filter fund_is(fund_source s) { return where_eq({dimension::fund, 0, {}}, value_of(s)); }
/// LINE.PART (上年结转结余.政府性基金): of items, those paid from last year's
/// balance of PART; in 收入(…), the 其中 part PART of the income line LINE.
inline filter_value value_of(fund_source line, fund_source part) {
  filter_value v = value_of(part);
  v.part_of = line;
  v.text = std::string(chinese_name(line)) + "." + v.text;
  return v;
}
inline filter fund_is(fund_source line, fund_source part) {
  return where_eq({dimension::fund, 0, {}}, value_of(line, part));
}
/// 经济 in (codes): each code by its digits, 30217 (款) or 302 (类).
inline filter econ_in(std::initializer_list<std::uint32_t> codes) {
  filter f;
  f.kind = filter::op::in;
  f.dim = {dimension::econ, 0, {}};
  for (auto c : codes) f.values.push_back(value_of(econ_code::from_digits(c, c >= 10000 ? 2 : 1)));
  return f;
}
/// 经济 in (codes): any range of econ_code (a vector read from a database,
/// a catalog's codes …).
template <class Range>
  requires requires(const Range& r) {
    { *std::begin(r) } -> std::convertible_to<econ_code>;
    std::end(r);
  }
filter econ_in(const Range& codes) {
  filter f;
  f.kind = filter::op::in;
  f.dim = {dimension::econ, 0, {}};
  for (econ_code c : codes) f.values.push_back(value_of(c));
  return f;
}
/// tag key = value; the value is looked up in the budget's strings.
inline filter tag_is(const budget& b, std::string key, std::string_view value) {
  filter_value v;
  v.text = std::string(value);
  v.id = b.string_id(value);
  return where_eq({dimension::tag, 0, std::move(key)}, std::move(v));
}
/// tag key = value, the value named by its text: looked up in the budget
/// the filter is used on (budget_builder's measures and constraints, run(),
/// total() …), where the form above holds the id of the budget it was given.
inline filter tag_is(std::string key, std::string_view value) {
  filter_value v;
  v.text = std::string(value);
  return where_eq({dimension::tag, 0, std::move(key)}, std::move(v));
}
namespace detail {
/// The values of a project filter `f`, each found by its text in `b`, with
/// a value for each project of a name that projects of several units have
/// (a department's 培训费): the name names them all.  A value of the same
/// text as the one before it (such a copy) is dropped.
inline void each_project_named(const budget& b, filter& f) {
  if (f.dim.dim != dimension::project) return;
  std::vector<filter_value> out;
  bool shared = false;
  for (std::size_t i = 0; i < f.values.size(); ++i) {
    const auto& v = f.values[i];
    if (i > 0 && !v.text.empty() && v.text == f.values[i - 1].text) {  // a copy, made again below
      shared = true;
      continue;
    }
    const auto named = v.text.empty() || v.id == npos32 || (v.id & 0x80000000u) ? std::vector<const project*>{}
                                                                                 : b.find_projects(v.text);
    if (named.size() < 2) {
      out.push_back(v);
      continue;
    }
    shared = true;
    for (const project* p : named) {
      out.push_back(v);
      out.back().id = static_cast<std::uint32_t>(p - b.projects().data());
    }
  }
  if (shared) f.values = std::move(out);
}
}  // namespace detail

/// project = name or code (or a project group's name): every project of
/// the name, where projects of several units have it.
inline filter project_is(const budget& b, std::string_view name) {
  filter_value v;
  v.text = std::string(name);
  if (auto k = parse_key(b, {dimension::project, 0, {}}, name))
    v.id = (*k >> 32) ? static_cast<std::uint32_t>(*k & 0xFFFFFFFFu) | 0x80000000u : static_cast<std::uint32_t>(*k);
  filter f = where_eq({dimension::project, 0, {}}, std::move(v));
  detail::each_project_named(b, f);
  return f;
}
namespace detail {
/// Whether the values of `f` name things of a budget by id (projects and
/// groups, units, tag values), looked up by their text.
inline bool names_by_id(const filter& f) noexcept {
  const auto d = f.dim.dim;
  return (d == dimension::project || d == dimension::unit || d == dimension::tag) &&
         (f.kind == filter::op::eq || f.kind == filter::op::ne || f.kind == filter::op::in ||
          f.kind == filter::op::not_in);
}
/// The id in `b` of what a value of `f` names by its text (npos32 if none).
inline std::uint32_t id_in(const budget& b, const filter& f, const filter_value& v) {
  if (f.dim.dim == dimension::tag) return b.string_id(v.text);
  if (const auto k = parse_key(b, f.dim, v.text))
    return f.dim.dim == dimension::project && (*k >> 32) ? static_cast<std::uint32_t>(*k & 0xFFFFFFFFu) | 0x80000000u
                                                          : static_cast<std::uint32_t>(*k);
  return npos32;
}
}  // namespace detail

/// `f` with the values that name things of a budget (projects and groups,
/// units, tag values: ids of the budget it was read against) looked up by
/// their text in `b`: the same filter, to run on another budget.  A name `b`
/// does not have matches none of its items.  A value without text (an id
/// set in C++) is left as it is.
inline filter rebound(filter f, const budget& b) {
  for (auto& c : f.children) c = rebound(std::move(c), b);
  if (!detail::names_by_id(f)) return f;
  for (auto& v : f.values)
    if (!v.text.empty()) v.id = detail::id_in(b, f, v);
  detail::each_project_named(b, f);
  return f;
}

namespace detail {
/// Whether a value of `f` names a thing by its text only (tag_is(key,
/// value)): no id yet, to be looked up in the budget it is used on.
inline bool unbound(const filter& f) noexcept {
  for (const auto& c : f.children)
    if (unbound(c)) return true;
  if (!names_by_id(f)) return false;
  for (const auto& v : f.values)
    if (!v.text.empty() && v.id == npos32) return true;
  return false;
}
/// `f`, or `f` rebound to `b` in `scratch` when a value of it is unbound.
inline const filter& bound_in(const filter& f, const budget& b, std::optional<filter>& scratch) {
  if (!unbound(f)) return f;
  scratch = rebound(f, b);
  return *scratch;
}
}  // namespace detail

/// Whether every value of `f` that names a thing of a budget holds its id in
/// `b`: whether `f` was read against `b` (or one naming things alike).
inline bool bound_to(const filter& f, const budget& b) {
  for (const auto& c : f.children)
    if (!bound_to(c, b)) return false;
  if (!detail::names_by_id(f)) return true;
  for (const auto& v : f.values)
    if (!v.text.empty() && v.id != detail::id_in(b, f, v)) return false;
  return true;
}

namespace detail {
/// a `k` b, flat: the terms of an operand that is itself `k` join the
/// others, so that a chain built in a loop (f = f || g) is one level deep,
/// as the query language's 或 and 且 lists are.
inline filter joined(filter::op k, filter a, filter b) {
  // a node built in C++ takes the terms of another of its kind (one read from
  // text keeps its place: its span)
  const auto flat = [k](const filter& x) { return x.kind == k && !x.span; };
  filter f;
  if (flat(a)) {
    f = std::move(a);
  } else {
    f.kind = k;
    f.children.push_back(std::move(a));
  }
  if (flat(b))
    f.children.insert(f.children.end(), std::make_move_iterator(b.children.begin()),
                      std::make_move_iterator(b.children.end()));
  else
    f.children.push_back(std::move(b));
  return f;
}
}  // namespace detail

inline filter operator&&(filter a, filter b) { return detail::joined(filter::op::and_, std::move(a), std::move(b)); }
inline filter operator||(filter a, filter b) { return detail::joined(filter::op::or_, std::move(a), std::move(b)); }
/// Not `a`; not not `a` is `a`.
inline filter operator!(filter a) {
  if (a.kind == filter::op::not_ && a.children.size() == 1 && !a.span) return std::move(a.children.front());
  filter f;
  f.kind = filter::op::not_;
  f.children.push_back(std::move(a));
  return f;
}

}  // namespace yusuan
