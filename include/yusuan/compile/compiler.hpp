// yusuan/compile/compiler.hpp -- the compiler: runs the passes in order.
//
//   1. sources      read the root file and each import (compile/sources.hpp)
//   2. lower        parse each file statement by statement and lower every
//                   statement into the draft budget (compile/lower.hpp)
//   3. resolve      names known only at the end (compile/resolve.hpp)
//   4. checks       built-in checks and the catalogs (compile/checks.hpp,
//                   compile/catalog_checks.hpp)
//   5. evaluate     measures, then every constraint (compile/evaluate.hpp,
//                   compile/constraints.hpp)
//
// Files are read with an explicit stack, not by recursion: an import chain
// of any length uses the same native stack.
#pragma once

#include <yusuan/compile/catalog_checks.hpp>
#include <yusuan/compile/derive_kinds.hpp>
#include <yusuan/compile/checks.hpp>
#include <yusuan/compile/constraints.hpp>
#include <yusuan/compile/context.hpp>
#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/evaluate.hpp>
#include <yusuan/compile/lower.hpp>
#include <yusuan/compile/options.hpp>
#include <yusuan/compile/resolve.hpp>
#include <yusuan/compile/sources.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/syntax/parser.hpp>

#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace yusuan::compile {

class compiler {
public:
  explicit compiler(const compile_options& opt) : opt_(opt), rep_(opt.max_errors), loader_(opt_, rep_) {}

  std::optional<budget> compile_file(const std::filesystem::path& file, diagnostics& out) {
    if (auto root = loader_.root_file(file)) read(std::move(*root));
    return finish(out);
  }

  std::optional<budget> compile_text(std::string_view text, std::string name, diagnostics& out) {
    if (auto root = loader_.root_text(text, std::move(name))) read(std::move(*root));
    return finish(out);
  }

private:
  struct open_file {
    loaded_file file;
    const char* pos;
    const char* last;
    file_state saved;   // the importing file's state, restored at the end
    std::size_t depth;  // blocks open when the file started
  };

  /// Pass 2: every statement of the root file and its imports, in order.
  void read(loaded_file root) {
    lowering low(ctx_, opt_);
    std::vector<open_file> files;
    std::vector<std::filesystem::path> importing;
    enter(files, importing, std::move(root), unit::yuan, 0);
    syntax::statement_slot slot;
    syntax::syntax_error err;
    while (!files.empty()) {
      open_file& top = files.back();
      rep_.set_file(top.file.source.get());
      syntax::chars::skip_blank(top.pos, top.last);
      const char* start = top.pos;
      const auto status = syntax::parse_statement(top.pos, top.last, slot, err, opt_.max_expression_depth);
      if (status == syntax::parse_status::end) {
        low.close_unclosed(top.depth);
        ctx_.file = top.saved;
        ctx_.values.set_file(ctx_.file);
        importing.pop_back();
        files.pop_back();
        continue;
      }
      if (status == syntax::parse_status::error) {
        report_syntax_error(rep_, err, top.last);
        top.pos = recover(start, err.where, top.last);
        continue;
      }
      const syntax::ast::import_file* imp = low.lower(slot);
      if (!imp) continue;
      const source_span at = rep_.span_of(imp->path);
      if (files.size() > opt_.max_import_depth) {
        rep_.error("E0714", "imports nested more than " + std::to_string(opt_.max_import_depth) + " deep", at);
        continue;
      }
      auto loaded = imp->library ? loader_.import_library(imp->path.view(), at, importing)
                                 : loader_.import(ctx_.values.text(imp->path), at, top.file, importing);
      if (!loaded) continue;
      if (ctx_.data().sources.size() >= 0xFFFF) {
        rep_.error("E0712", "too many imported files", at, "a budget reads at most 65,535 files");
        continue;
      }
      enter(files, importing, std::move(*loaded), ctx_.file.amount_unit, ctx_.file.unit_index);
    }
  }

  void enter(std::vector<open_file>& files, std::vector<std::filesystem::path>& importing, loaded_file f,
             unit inherited_unit, std::uint16_t inherited_unit_index) {
    auto& data = ctx_.data();
    const char* b = f.source->text().data();
    open_file o{f, b, b + f.source->text().size(), ctx_.file, ctx_.blocks.size()};
    ctx_.file = file_state{static_cast<std::uint16_t>(data.sources.size()), inherited_unit, inherited_unit_index,
                           false, 0, ctx_.blocks.size()};
    ctx_.values.set_file(ctx_.file);
    data.sources.push_back(f.source);
    importing.push_back(f.canonical);
    data.items.reserve(data.items.size() + digit_lines(o.pos, o.last));
    files.push_back(std::move(o));
  }

  /// Lines that start with a digit: an upper bound of the items a file adds.
  static std::size_t digit_lines(const char* p, const char* last) {
    std::size_t n = 0;
    for (;;) {
      while (p < last && (*p == ' ' || *p == '\t')) ++p;
      n += p < last && *p >= '0' && *p <= '9';
      const void* eol = std::memchr(p, '\n', static_cast<std::size_t>(last - p));
      if (!eol) return n;
      p = static_cast<const char*>(eol) + 1;
    }
  }

  /// Where to resume after a syntax error: the next line, unless the error
  /// sits at the first token of a later line (then that line starts afresh).
  const char* recover(const char* stmt_begin, const char* where, const char* last) const {
    const char* text_begin = rep_.file()->text().data();
    const char* line_begin = where;
    while (line_begin > text_begin && line_begin[-1] != '\n' && line_begin[-1] != '\r') --line_begin;
    const char* q = line_begin;
    while (q < where && (*q == ' ' || *q == '\t')) ++q;
    if (q == where && line_begin > stmt_begin && where < last) return where;
    const char* p = where;
    while (p < last && *p != '\n' && *p != '\r') ++p;
    return p;
  }

  /// Passes 3 to 5, and the budget when there is no error.
  std::optional<budget> finish(diagnostics& out) {
    std::optional<budget> result;
    if (!ctx_.data().sources.empty()) {
      ctx_.data().header.thousands = ctx_.values.writes_thousands();
      const auto order = resolver(draft_, rep_).run();
      derive_basic_kinds(draft_);
      const bool totals_fit = built_in_checks(draft_, rep_).run();
      const budget b = detail::budget_access::make(draft_.data);
      if (opt_.check_catalog) {
        diagnostics found;
        check_catalog(b, found);
        for (const auto& d : found) rep_.add(d);
      }
      if (totals_fit) evaluate(b, order);
    }
    out = rep_.finish();
    if (!out.has_errors()) {
      draft_.data->warnings = out;
      result = detail::budget_access::make(draft_.data);
    }
    return result;
  }

  void evaluate(const budget& b, const std::vector<std::size_t>& order) {
    auto& data = ctx_.data();
    data.columns = detail::make_columns(data.items, draft_.data.get());
    evaluator ev(b, rep_);
    ev.evaluate_measures(order);
    for (auto& m : data.measures) m.value = ev.measure_value(m.name).value_or(money{});
    constraint_checker checker(ev, rep_);
    for (const auto& c : draft_.constraints) data.constraints.push_back(checker.check(c));
  }

  compile_options opt_;
  reporter rep_;
  source_loader loader_;
  draft draft_;
  lowering_context ctx_{draft_, rep_};
};

}  // namespace yusuan::compile
