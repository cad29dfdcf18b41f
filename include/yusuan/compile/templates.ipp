// yusuan/compile/templates.ipp -- the definitions of tables/library.hpp: the
// shipped templates read once from their compiled-in text, template files,
// and a template found by name.  Included by <yusuan/src.hpp> (the compiled
// form), or, header-only, by tables/library.hpp, which declares them.
#pragma once

#include <yusuan/compile/budget_error.hpp>
#include <yusuan/compile/options.hpp>
#include <yusuan/compile/template_compiler.hpp>
#include <yusuan/syntax/template_parser.ipp>
#include <yusuan/tables/library.hpp>
#include <yusuan/tables/std_templates.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace yusuan::tables {

namespace detail {
/// The templates a template file may be 基于: the shipped ones and `known`.
inline std::vector<const table_template*> bases(const std::vector<const table_template*>& known, bool standard) {
  std::vector<const table_template*> out;
  if (standard)
    for (const auto& t : standard_templates()) out.push_back(&t);
  out.insert(out.end(), known.begin(), known.end());
  return out;
}
}  // namespace detail

YUSUAN_DECL const std::vector<table_template>& standard_templates() {
  static const std::vector<table_template> all = [] {
    std::vector<table_template> out;
    out.reserve(detail::std_template_texts.size());
    for (const auto& t : detail::std_template_texts) {
      std::vector<const table_template*> known;
      for (const auto& x : out) known.push_back(&x);
      diagnostics d;
      auto r = compile::template_compiler(compile_options{}, known)
                   .compile_text(t.text, "budgets/std/templates/" + std::string(t.file), d);
      if (!r) throw budget_error(std::move(d));
      out.push_back(std::move(*r));
    }
    return out;
  }();
  return all;
}

YUSUAN_DECL std::optional<table_template> read_template(std::string_view text, std::string name, diagnostics& diags,
                                                        const std::vector<const table_template*>& known) {
  return compile::template_compiler(compile_options{}, detail::bases(known, true))
      .compile_text(text, std::move(name), diags);
}

YUSUAN_DECL std::optional<table_template> read_template_file(const std::filesystem::path& file, diagnostics& diags,
                                                             const std::vector<const table_template*>& known) {
  return compile::template_compiler(compile_options{}, detail::bases(known, true)).compile_file(file, diags);
}

YUSUAN_DECL std::shared_ptr<const table_template> find_template(std::string_view name, const std::filesystem::path& base,
                                                                source_span at, diagnostics& diags) {
  if (const auto* t = find_template(name))
    return std::shared_ptr<const table_template>(std::shared_ptr<void>(), t);
  std::error_code ec;
  const std::filesystem::path file = base / std::filesystem::path(std::string(name));
  if (!name.empty() && std::filesystem::is_regular_file(file, ec)) {
    auto t = read_template_file(file, diags);
    if (!t) return nullptr;
    return std::make_shared<const table_template>(std::move(*t));
  }
  diagnostic d;
  d.code = "E0804";
  d.message = "unknown template '" + std::string(name) + "'";
  d.span = at;
  d.found = "'" + std::string(name) + "'";
  for (const auto& t : standard_templates()) d.expected += (d.expected.empty() ? "" : ", ") + t.name;
  d.expected += ", or the path of a template file";
  diags.add(std::move(d));
  return nullptr;
}

}  // namespace yusuan::tables
