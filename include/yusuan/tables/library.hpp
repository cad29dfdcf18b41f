// yusuan/tables/library.hpp -- where templates come from: the templates
// shipped with yusuan (budgets/std/templates, compiled in), template files
// (docs/templates.md), and the template a budget names (模板).
//
// Each call comes in two forms: with a `diagnostics&` it throws nothing for
// problems in the input and returns an empty result on error; without, it
// throws budget_error carrying the diagnostics.
//
// Header-only by default (<yusuan/tables.hpp> then brings in the template
// reader, Spirit X3, like <yusuan/compile.hpp>); with YUSUAN_SEPARATE_COMPILATION
// these are declarations of the compiled form (yusuan::compiled).
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/budget_error.hpp>
#include <yusuan/detail/config.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/tables/template.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan::tables {

/// The template of a budget that names none.
inline constexpr std::string_view default_template_name = "洛阳13表";

/// The templates shipped with yusuan, read once (the first call may throw
/// budget_error if one of them does not check, which the tests rule out).
YUSUAN_DECL const std::vector<table_template>& standard_templates();

/// A shipped template by name or alias, or nullptr.
inline const table_template* find_template(std::string_view name) {
  for (const auto& t : standard_templates())
    if (t.named(name)) return &t;
  return nullptr;
}

/// The default template (洛阳13表).
inline const table_template& default_template() { return *find_template(default_template_name); }

/// Reads a template from text (`name` is the file name in diagnostics).  A
/// template 基于 another may name a shipped template or one of `known`.
YUSUAN_DECL std::optional<table_template> read_template(std::string_view text, std::string name, diagnostics& diags,
                                                        const std::vector<const table_template*>& known = {});

/// Reads a template file.
YUSUAN_DECL std::optional<table_template> read_template_file(const std::filesystem::path& file, diagnostics& diags,
                                                             const std::vector<const table_template*>& known = {});

/// The throwing forms: budget_error with the diagnostics of a template that
/// does not check (E0805) or a file that cannot be read.
inline table_template read_template(std::string_view text, std::string name = "<template>",
                                    const std::vector<const table_template*>& known = {}) {
  diagnostics d;
  auto t = read_template(text, std::move(name), d, known);
  if (!t) throw budget_error(std::move(d));
  return std::move(*t);
}
inline table_template read_template_file(const std::filesystem::path& file,
                                         const std::vector<const table_template*>& known = {}) {
  diagnostics d;
  auto t = read_template_file(file, d, known);
  if (!t) throw budget_error(std::move(d));
  return std::move(*t);
}

/// A template by name: a shipped one by its name or an alias, else a
/// template file, relative to `base` (the directory of the budget that names
/// it).  E0804 when there is neither; `at` is where it is named.
YUSUAN_DECL std::shared_ptr<const table_template> find_template(std::string_view name, const std::filesystem::path& base,
                                                                source_span at, diagnostics& diags);

/// The template of a budget: the one it names (模板), else the default.
inline std::shared_ptr<const table_template> template_of(const budget& b, diagnostics& diags) {
  const auto& h = b.header();
  if (h.template_name.empty()) return std::shared_ptr<const table_template>(std::shared_ptr<void>(), &default_template());
  std::filesystem::path base = h.directory;
  if (base.empty() && !b.sources().empty()) base = std::filesystem::path(b.sources().front()->name()).parent_path();
  return find_template(h.template_name, base, h.template_span, diags);
}

inline std::shared_ptr<const table_template> template_of(const budget& b) {
  diagnostics d;
  auto t = template_of(b, d);
  if (!t) throw budget_error(std::move(d));
  return t;
}

}  // namespace yusuan::tables

// Header-only (the default): the definitions come with the declarations, so
// that every header that finds a template (check_notes.hpp, build.hpp …)
// links on its own.  With YUSUAN_SEPARATE_COMPILATION they are in the
// compiled form.
#ifndef YUSUAN_SEPARATE_COMPILATION
#include <yusuan/compile/templates.ipp>
#endif
