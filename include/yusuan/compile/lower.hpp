// yusuan/compile/lower.hpp -- the second pass: statements of the syntax tree
// lowered into the draft budget, one at a time, as they are read.  Each
// family of statements has its own part (lower_header, lower_spending,
// lower_projects, lower_rules); an import is handed back to the driver,
// which owns the files.
#pragma once

#include <yusuan/compile/context.hpp>
#include <yusuan/compile/lower_header.hpp>
#include <yusuan/compile/lower_projects.hpp>
#include <yusuan/compile/lower_rules.hpp>
#include <yusuan/compile/lower_spending.hpp>
#include <yusuan/compile/options.hpp>
#include <yusuan/syntax/ast.hpp>
#include <yusuan/syntax/parser.hpp>

#include <variant>

namespace yusuan::compile {

class lowering {
public:
  lowering(lowering_context& c, const compile_options& opt) : c_(c), opt_(opt) {}

  /// Lowers one statement.  Returns the import it asks for, or nullptr.
  const syntax::ast::import_file* lower(const syntax::statement_slot& s) {
    import_ = nullptr;
    if (unread_depth_ > 0) {
      pass_over(s);
      return nullptr;
    }
    if (s.is_item) spending_(s.item);
    else std::visit(*this, s.other);
    return import_;
  }

  /// A block opened by a line with a syntax error (its '{' at the end of
  /// the line): what it holds is read, so that its syntax errors are
  /// reported and its '}' closes it, but not lowered, since its meaning
  /// depends on the line that could not be read (an unread project's 绩效
  /// is not "outside a project", its '}' not "unexpected").
  void open_unread_block(source_span at) {
    if (unread_depth_++ == 0) unread_span_ = at;
  }

  /// Closes the blocks a file left open (E0103), down to `depth`.
  void close_unclosed(std::size_t depth) {
    if (unread_depth_ > 0) {  // opened in this file: imports are not read inside it
      c_.rep.error("E0103", "unclosed '{'", unread_span_, "this block is never closed");
      unread_depth_ = 0;
    }
    while (c_.blocks.size() > depth) {
      c_.rep.error("E0103", "unclosed '{'", c_.blocks.back().span, "this block is never closed");
      spending_.close_block(false);
    }
  }

  // statements -----------------------------------------------------------------

  void operator()(const syntax::ast::item& s) { spending_(s); }
  void operator()(const syntax::ast::block_open& s) {
    if (deep(s.where)) return;
    spending_(s);
  }
  void operator()(const syntax::ast::block_close& s) { spending_(s); }
  void operator()(const syntax::ast::income& s) { spending_(s); }
  void operator()(const syntax::ast::year_end_balance& s) { spending_(s); }
  void operator()(const syntax::ast::header_statement& s) { std::visit(header_visitor{*this}, s); }
  void operator()(const syntax::ast::project_statement& s) { std::visit(project_visitor{*this}, s); }
  void operator()(const syntax::ast::rule_statement& s) { std::visit(rules_, s); }

private:
  struct header_visitor {
    lowering& l;
    void operator()(const syntax::ast::import_file& s) const { l.import_ = &s; }
    template <class Statement>
    void operator()(const Statement& s) const {
      l.header_(s);
    }
  };
  struct project_visitor {
    lowering& l;
    void operator()(const syntax::ast::project_group& s) const {
      if (!l.deep(s.where)) l.spending_(s);
    }
    void operator()(const syntax::ast::project& s) const {
      if (!s.opens_block || !l.deep(s.where)) l.projects_(s);
    }
    void operator()(const syntax::ast::targets_open& s) const {
      if (!l.deep(s.where)) l.projects_(s);
    }
    template <class Statement>
    void operator()(const Statement& s) const {
      l.projects_(s);
    }
  };

  /// A statement inside an unread block: only its braces count.
  void pass_over(const syntax::statement_slot& s) {
    namespace ast = syntax::ast;
    if (s.is_item) return;
    if (std::holds_alternative<ast::block_close>(s.other)) {
      --unread_depth_;
      return;
    }
    bool opens = std::holds_alternative<ast::block_open>(s.other);
    if (const auto* p = std::get_if<ast::project_statement>(&s.other)) {
      const auto* project = std::get_if<ast::project>(p);
      opens = std::holds_alternative<ast::project_group>(*p) || std::holds_alternative<ast::targets_open>(*p) ||
              (project && project->opens_block);
    }
    unread_depth_ += opens;
  }

  /// Whether a block would nest deeper than the limit (reported; the block
  /// is kept, so that its '}' still closes it).
  bool deep(slice where) {
    if (c_.blocks.size() < opt_.max_block_depth) return false;
    if (!deep_reported_) {
      c_.rep.error("E0713", "blocks nested more than " + std::to_string(opt_.max_block_depth) + " deep",
                   c_.span_at(where.b), "the limit of nested blocks");
      deep_reported_ = true;
    }
    frame f;
    f.span = c_.span_at(where.b);
    c_.blocks.push(std::move(f));
    return true;
  }

  lowering_context& c_;
  const compile_options& opt_;
  header_lowering header_{c_};
  spending_lowering spending_{c_};
  project_lowering projects_{c_};
  rule_lowering rules_{c_};
  const syntax::ast::import_file* import_ = nullptr;
  bool deep_reported_ = false;
  std::size_t unread_depth_ = 0;  // blocks open in an unread block, itself included
  source_span unread_span_;       // the line that opened the outermost
};

}  // namespace yusuan::compile
