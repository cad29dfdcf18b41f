// yusuan/compile/compile.ipp -- the definitions of compile.hpp: the compiler
// and, through syntax/parser.ipp, the one instantiation of the grammar.
// Included by <yusuan/compile.hpp> in header-only mode, or by exactly one
// translation unit through <yusuan/src.hpp> (which also includes the
// template reader of tables/library.hpp, compile/templates.ipp: the
// compiler does not need it, so a header-only includer of compile.hpp does
// not compile it).
#pragma once

#include <yusuan/compile.hpp>
#include <yusuan/compile/compiler.hpp>
#include <yusuan/compile/query_parser.hpp>
#include <yusuan/syntax/parser.ipp>

namespace yusuan {

YUSUAN_DECL std::optional<budget> detail::compile_file(const std::filesystem::path& file, diagnostics& diags,
                                                       const compile_options& options,
                                                       std::vector<std::filesystem::path> default_library) {
  check_options(options);
  return compile::compiler(options, std::move(default_library)).compile_file(file, diags);
}

YUSUAN_DECL std::optional<budget> detail::compile_string(std::string_view text, std::string name, diagnostics& diags,
                                                         const compile_options& options,
                                                         std::vector<std::filesystem::path> default_library) {
  check_options(options);
  return compile::compiler(options, std::move(default_library)).compile_text(text, std::move(name), diags);
}

YUSUAN_DECL std::optional<budget> detail::apply_rules(const budget& b, diagnostics& diags, const compile_options& options,
                                                      std::vector<std::filesystem::path> default_library) {
  check_options(options);
  return compile::compiler(options, std::move(default_library)).apply_rules(b, diags);
}

YUSUAN_DECL std::optional<query> parse_query(std::string_view text, const budget& b, diagnostics& diags) {
  return compile::query_parser(b).parse(text, diags);
}

YUSUAN_DECL std::optional<query> parse_query(std::string_view text, const budget& b, const budget& prior,
                                             diagnostics& diags) {
  return compile::query_parser(b, prior).parse(text, diags);
}

}  // namespace yusuan
