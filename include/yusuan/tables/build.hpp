// yusuan/tables/build.hpp -- a table of a budget by its id, or every table,
// in the budget's template (or the one the options give).
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/budget_error.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/tables/assemble.hpp>
#include <yusuan/tables/error.hpp>
#include <yusuan/tables/ids.hpp>
#include <yusuan/tables/library.hpp>
#include <yusuan/tables/model.hpp>
#include <yusuan/tables/template.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace yusuan::tables {

namespace detail {

/// `f()`, or what it throws as `ec` (errc::overflow for a cell past what an
/// amount holds, E0701) and a value-initialised result.
template <class F>
auto without_throwing(std::error_code& ec, F&& f) -> decltype(f()) {
  try {
    ec.clear();
    return f();
  } catch (const yusuan::error& e) {
    ec = e.code();
    return {};
  }
}

/// `f()`, making table `table_id`, or none with what it throws in `diags`:
/// a budget_error's diagnostics (a template that does not check, E0805),
/// another error as one diagnostic of its code: a cell past what an amount
/// holds is "a cell of table 03 is more than an amount can hold" (E0701),
/// what overflowed in a note, as `yusuan table` says it.
template <class F>
auto with_diagnostics(diagnostics& diags, std::string_view table_id, F&& f) -> std::optional<decltype(f())> {
  try {
    return f();
  } catch (const budget_error& e) {
    diags.append(e.diagnostics());
  } catch (const yusuan::error& e) {
    diagnostic d;
    d.level = severity::error;
    d.code = std::string(e.diagnostic_code());
    std::string m = e.what();
    if (m.starts_with("yusuan: ")) m.erase(0, 8);
    if (e.code() == errc::overflow) {
      d.message = "a cell of table " + std::string(table_id) + " is more than an amount can hold";
      d.label = "amounts and the figures made of them are at most 92,233,720,368,547,758.07 元";
      d.notes.push_back({std::move(m), {}});
    } else {
      d.message = std::move(m);
    }
    diags.add(std::move(d));
  }
  return std::nullopt;
}

/// The template of the options, else the budget's (none, with E0804 in `diags`).
inline std::shared_ptr<const table_template> template_for(const budget& b, const options& o, diagnostics& diags) {
  if (o.templ) return std::shared_ptr<const table_template>(std::shared_ptr<const table_template>{}, o.templ);
  return template_of(b, diags);
}

}  // namespace detail

/// Table `id` (anything find_table accepts) of template `templ`; for an id
/// no table (or several) answers to, sets `ec` to errc::unknown_table and
/// returns an empty table (errc::overflow for a cell past what an amount
/// holds, E0701).
inline table build(const budget& b, const table_template& templ, std::string_view id, const options& o,
                   std::error_code& ec) {
  const auto found = find_table(templ, id);
  if (!found.index) {
    ec = errc::unknown_table;
    return {};
  }
  return detail::without_throwing(ec, [&] { return assemble(b, templ, templ.tables[*found.index], o); });
}

/// Table `id` of template `templ`.  Throws yusuan::error (errc::unknown_table:
/// E0801, or E0803 for an id several tables start with).
inline table build(const budget& b, const table_template& templ, std::string_view id, const options& o = {}) {
  const auto found = find_table(templ, id);
  if (!found.index) {
    if (found.candidates.empty()) throw unknown_table(id, templ.name);
    std::string list;
    for (auto i : found.candidates) list += (list.empty() ? "" : ", ") + table_listing(templ, templ.tables[i]);
    throw ambiguous_table(id, templ.name, list);
  }
  return assemble(b, templ, templ.tables[*found.index], o);
}

/// Table `id` in the template of the options, else the budget's (模板, else
/// the default).  The error_code form sets errc::unknown_table, or
/// errc::invalid_template when the budget's template cannot be found.
inline table build(const budget& b, std::string_view id, const options& o, std::error_code& ec) {
  if (o.templ) return build(b, *o.templ, id, o, ec);
  diagnostics d;
  const auto t = template_of(b, d);
  if (!t) {
    ec = errc::invalid_template;
    return {};
  }
  return build(b, *t, id, o, ec);
}
inline table build(const budget& b, std::string_view id, std::error_code& ec) { return build(b, id, options{}, ec); }

/// Table `id`.  Throws yusuan::error for an unknown id (E0801, E0803) and
/// budget_error for a template that cannot be found (E0804).
inline table build(const budget& b, std::string_view id, const options& o = {}) {
  if (o.templ) return build(b, *o.templ, id, o);
  return build(b, *template_of(b), id, o);
}

/// Every table of the template, in its order.  Throws overflow_error for a
/// cell past what an amount holds (E0701).
inline std::vector<table> build_all(const budget& b, const table_template& templ, const options& o = {}) {
  std::vector<table> out;
  for (const auto& spec : templ.tables) out.push_back(assemble(b, templ, spec, o));
  return out;
}
/// Every table of the template; sets `ec` (errc::overflow) and returns none
/// instead of throwing.
inline std::vector<table> build_all(const budget& b, const table_template& templ, const options& o,
                                    std::error_code& ec) {
  return detail::without_throwing(ec, [&] { return build_all(b, templ, o); });
}

/// Every table of the template of the options, else the budget's.  Throws
/// budget_error for a template that cannot be found (E0804) and
/// overflow_error (E0701).
inline std::vector<table> build_all(const budget& b, const options& o = {}) {
  if (o.templ) return build_all(b, *o.templ, o);
  return build_all(b, *template_of(b), o);
}
/// The same, setting `ec` instead of throwing: errc::invalid_template for a
/// template that cannot be found, errc::overflow.
inline std::vector<table> build_all(const budget& b, const options& o, std::error_code& ec) {
  if (o.templ) return build_all(b, *o.templ, o, ec);
  diagnostics d;
  const auto t = template_of(b, d);
  if (!t) {
    ec = errc::invalid_template;
    return {};
  }
  return build_all(b, *t, o, ec);
}
inline std::vector<table> build_all(const budget& b, std::error_code& ec) { return build_all(b, options{}, ec); }

/// Table `id` in the template of the options, else the budget's: the table,
/// or none with the diagnostics that say why in `diags` (E0801 or E0803 for
/// the id, E0804 or E0805 for the template, E0701 for a cell past what an
/// amount holds), as `yusuan table` reports them.
inline std::optional<table> build(const budget& b, std::string_view id, diagnostics& diags, const options& o = {}) {
  const auto templ = detail::template_for(b, o, diags);
  if (!templ) return std::nullopt;
  const auto found = find_table(*templ, id);
  if (!found.index) {
    diags.append(table_lookup_error(*templ, id, found));
    return std::nullopt;
  }
  const auto& spec = templ->tables[*found.index];
  return detail::with_diagnostics(diags, spec.id, [&] { return assemble(b, *templ, spec, o); });
}

/// Every table of the template of the options, else the budget's, or none
/// with the diagnostics in `diags` (E0804, E0805, E0701).
inline std::optional<std::vector<table>> build_all(const budget& b, diagnostics& diags, const options& o = {}) {
  const auto templ = detail::template_for(b, o, diags);
  if (!templ) return std::nullopt;
  std::vector<table> out;
  for (const auto& spec : templ->tables) {  // one at a time, so that an error names its table
    auto t = detail::with_diagnostics(diags, spec.id, [&] { return assemble(b, *templ, spec, o); });
    if (!t) return std::nullopt;
    out.push_back(std::move(*t));
  }
  return out;
}

/// The ids of the tables of the default template (01 … 13).
inline std::vector<std::string> table_ids() {
  std::vector<std::string> out;
  for (const auto& t : default_template().tables) out.push_back(t.id);
  return out;
}

/// The id of the table of the default template that `s` names, or nullopt.
inline std::optional<std::string> parse_id(std::string_view s) {
  const auto& t = default_template();
  const auto found = find_table(t, s);
  if (!found.index) return std::nullopt;
  return t.tables[*found.index].id;
}

}  // namespace yusuan::tables
