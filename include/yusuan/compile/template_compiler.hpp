// yusuan/compile/template_compiler.hpp -- reading a template file into a
// tables::table_template: statement by statement (syntax/template_parser),
// blocks (表, 栏, 按) tracked on a stack, expressions and filters lowered as
// in budgets (compile/lower_expr.hpp), texts read by compile/template_fields.
// Every problem is a located diagnostic: E0101 (syntax), E0103 (braces),
// E0805 (what the template says), E0304 and E02xx (its filters), E0713 and
// E0715 (blocks and expressions nested too deeply), E0717 (a name too long).
#pragma once

#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/lower_expr.hpp>
#include <yusuan/compile/options.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/compile/sources.hpp>
#include <yusuan/compile/template_fields.hpp>
#include <yusuan/compile/template_statements.hpp>
#include <yusuan/compile/values.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/syntax/recovery.hpp>
#include <yusuan/syntax/template_parser.hpp>
#include <yusuan/tables/template.hpp>

#include <variant>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::compile {

class template_compiler {
public:
  template_compiler(const compile_options& opt, std::vector<const tables::table_template*> known)
      : opt_(opt), rep_(opt.max_errors), loader_(opt_, rep_), known_(std::move(known)) {
    exprs_.misspelt_dimensions_are_errors = true;  // no budget's tags to vouch for a key
  }

  std::optional<tables::table_template> compile_file(const std::filesystem::path& file, diagnostics& out) {
    if (auto f = loader_.root_file(file)) read(f->source);
    return finish(out);
  }
  std::optional<tables::table_template> compile_text(std::string_view text, std::string name, diagnostics& out) {
    if (auto f = loader_.root_text(text, std::move(name))) read(f->source);
    return finish(out);
  }

private:
  void read(std::shared_ptr<const source_file> src) {
    rep_.set_file(src.get());
    statements_.emplace(rep_, values_, exprs_, fields_, known_, opt_.max_block_depth);
    statements_->result().sources.push_back(src);
    const char* pos = src->text().data();
    const char* last = pos + src->text().size();
    syntax::ast::template_statement st;
    syntax::syntax_error err;
    for (;;) {
      syntax::chars::skip_blank(pos, last);
      const char* start = pos;
      const auto status = syntax::parse_template_statement(pos, last, st, err, opt_.max_expression_depth);
      if (status == syntax::parse_status::end) break;
      if (status == syntax::parse_status::error) {
        report_syntax_error(rep_, err, last);
        pos = syntax::resume_after_error(rep_.file()->text().data(), start, err.where, last, !string_not_closed(err));
        continue;
      }
      std::visit(*statements_, st);
    }
    statements_->end();
  }

  std::optional<tables::table_template> finish(diagnostics& out) {
    std::optional<tables::table_template> result;
    if (statements_ && !rep_.has_errors()) result = std::move(statements_->result());
    out = rep_.finish();
    if (out.has_errors()) result.reset();
    return result;
  }

  compile_options opt_;
  reporter rep_;
  source_loader loader_;
  std::vector<const tables::table_template*> known_;
  file_state file_;
  value_reader values_{rep_, file_};
  expr_lowering exprs_{rep_, values_, nullptr};
  template_fields fields_{rep_, values_};
  std::optional<template_statements> statements_;
};

}  // namespace yusuan::compile
