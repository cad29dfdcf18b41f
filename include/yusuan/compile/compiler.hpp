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
#include <yusuan/compile/checks.hpp>
#include <yusuan/compile/conditions.hpp>
#include <yusuan/compile/constraints.hpp>
#include <yusuan/compile/context.hpp>
#include <yusuan/compile/derive_kinds.hpp>
#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/evaluate.hpp>
#include <yusuan/compile/library_hints.hpp>
#include <yusuan/compile/lower.hpp>
#include <yusuan/compile/project_names.hpp>
#include <yusuan/compile/options.hpp>
#include <yusuan/compile/resolve.hpp>
#include <yusuan/compile/sources.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/syntax/missing_braces.hpp>
#include <yusuan/syntax/parser.hpp>
#include <yusuan/syntax/recovery.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace yusuan::compile {

class compiler {
public:
  /// `default_library`: the library path when opt.library_path is empty.
  compiler(const compile_options& opt, std::vector<std::filesystem::path> default_library)
      : opt_(opt), rep_(opt.max_errors), loader_(opt_, rep_) {
    if (opt_.library_path.empty()) opt_.library_path = std::move(default_library);
    set_overrides();
  }

  std::optional<budget> compile_file(const std::filesystem::path& file, diagnostics& out) {
    if (auto root = loader_.root_file(file)) {
      read(std::move(*root));
      // the budget's own style of amounts, not its rule files'
      ctx_.data().header.thousands = ctx_.values.writes_thousands();
      read_rules();
    }
    return finish(out);
  }

  std::optional<budget> compile_text(std::string_view text, std::string name, diagnostics& out) {
    if (auto root = loader_.root_text(text, std::move(name))) {
      read(std::move(*root));
      // the budget's own style of amounts, not its rule files'
      ctx_.data().header.thousands = ctx_.values.writes_thousands();
      read_rules();
    }
    return finish(out);
  }

  /// The rule files of the options applied to a checked budget: read after
  /// its contents as if compiled with them (its own 参数 before the rules'
  /// defaults, --set before both), their constraints checked, and the budget
  /// with their measures and results returned when there is no error.  The
  /// budget is checked already: its own checks are not run again, and its
  /// warnings stay its own (`out` receives only what the rules give).
  std::optional<budget> apply_rules(const budget& b, diagnostics& out) {
    const auto& from = detail::budget_access::data(b);
    auto overrides = std::move(draft_.overrides);  // --set, read when the compiler was made
    auto override_source = std::move(draft_.override_source);
    draft_ = draft::of(from);
    draft_.overrides = std::move(overrides);
    draft_.override_source = std::move(override_source);
    auto& data = *draft_.data;
    data.columns.reset();
    data.warnings = {};
    for (std::size_t i = 0; i < data.measures.size(); ++i) draft_.measure_ids.emplace(data.measures[i].name, i);
    ctx_.file.amount_unit = data.header.amount_unit;  // a --set of the budget's own 参数 is in its unit
    ctx_.values.set_file(ctx_.file);
    for (const auto& p : data.parameters) {
      parameter_def def;
      def.value = p.value;
      def.span = p.span;
      if (auto ov = draft_.overrides.find(p.name); ov != draft_.overrides.end()) set_value(p.name, def, ov->second);
      draft_.parameters.emplace(p.name, std::move(def));
    }
    rules_add_to_ = {data.items.size(), data.income.size(), data.projects.size(), data.groups.size(),
                     data.year_end_units.size()};
    for (const auto& src : data.sources) rep_.keep(src);
    loader_.read_already(data.files_read);  // a rule file the budget imported itself is not read again
    applying_ = true;
    read_rules();
    checked_warnings_ = from.warnings;
    checked_measures_ = from.measures.size();
    return finish(out);
  }

private:
  struct open_file {
    loaded_file file;
    const char* pos;
    const char* last;
    file_state saved;   // the importing file's state, restored at the end
    std::size_t depth;  // blocks open when the file started
    std::vector<syntax::missing_brace> missing{};  // its '}' most likely missing, in order
    std::size_t next_missing = 0;
    const char* item_line = nullptr;  // the first line of the statement before, when it was an item
  };

  /// W0409: an item whose first line holds only coordinates that are no
  /// codes (a kind, 资金, 项目, a tag), indented deeper than the item before
  /// it: written, most likely, as that item's trailing coordinates, which
  /// are on its amount's line, they begin this item (§6.2).
  void coordinates_after_an_item(const char* start, const syntax::ast::item& item, open_file& top) {
    const char* text = rep_.file()->text().data();
    const char* before = top.item_line;
    top.item_line = start;
    if (!before || item.coords.empty() || std::holds_alternative<syntax::ast::code_coord>(item.coords.front())) return;
    const char* eol = syntax::chars::line_end(start, top.last);
    for (const auto& c : item.coords)
      if (const auto* code = std::get_if<syntax::ast::code_coord>(&c); code && code->code.b < eol) return;
    if (item.amount.b < eol || !syntax::indented_deeper(text, start, before)) return;
    const std::string line(start, static_cast<std::size_t>(eol - start));
    auto& d = rep_.warning("W0409", "'" + line + "' begins the item below it, not the item above",
                           rep_.span_at(start, static_cast<std::size_t>(eol - start)),
                           "indented under the item above");
    d.notes.push_back({"coordinates after an item's amount are on its line; on a line of their own they begin the "
                       "next item: write them after the amount above, or indent them as the item they begin",
                       rep_.span_at(before)});
  }

  /// W0409 too: a bare `项目 NAME` (no field, no block) indented under an
  /// item declares an empty project; it does not put the item in it.
  void project_after_an_item(const char* start, const syntax::ast::statement& st, open_file& top) {
    const char* before = top.item_line;
    top.item_line = nullptr;
    const auto* ps = std::get_if<syntax::ast::project_statement>(&st);
    const auto* p = ps ? std::get_if<syntax::ast::project>(ps) : nullptr;
    if (!before || !p || !p->fields.empty() || p->opens_block) return;
    const char* text = rep_.file()->text().data();
    if (!syntax::indented_deeper(text, start, before)) return;
    const char* eol = syntax::chars::line_end(start, top.last);
    const std::string line(start, static_cast<std::size_t>(eol - start));
    auto& d = rep_.warning("W0409", "'" + line + "' declares an empty project; it does not put the item above in it",
                           rep_.span_at(start, static_cast<std::size_t>(eol - start)), "indented under the item above");
    d.notes.push_back({"an item is put in a project on its own line (208 01 09 项目 \"甲\" 30201: 1.00) or by a "
                       "block (208 01 09 项目 \"甲\" { … })",
                       rep_.span_at(before)});
  }

  /// compile_options::parameters, held as the text of a file of their own
  /// ("--set") so that their values are read, and their errors located, like
  /// any value.
  void set_overrides() {
    if (opt_.parameters.empty()) return;
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> at;  // name and value offsets
    for (const auto& [name, value] : opt_.parameters) {
      at.emplace_back(text.size(), text.size() + name.size() + 1);
      text += name + "=" + value + "\n";
    }
    auto src = std::make_shared<const source_file>("--set", std::move(text));
    rep_.keep(src);
    draft_.override_source = src;
    const char* b = src->text().data();
    std::size_t i = 0;
    for (const auto& [name, value] : opt_.parameters) {
      parameter_override o;
      o.b = b + at[i].second;
      o.e = o.b + value.size();
      o.span = source_span{src.get(), static_cast<std::uint32_t>(at[i].first),
                           static_cast<std::uint32_t>(std::max<std::size_t>(name.size() + 1 + value.size(), 1))};
      draft_.overrides.emplace(name, o);
      ++i;
    }
  }

  /// The rule files, after the budget's own: each in its own unit of amounts
  /// (元 unless it states one), for the budget's own unit.
  void read_rules() {
    draft_.first_rule_source = static_cast<std::uint16_t>(std::min<std::size_t>(ctx_.data().sources.size(), 0xFFFF));
    draft_.reading_rules = true;
    draft_.measures_before_rules = ctx_.data().measures.size();
    for (const auto& path : opt_.rules) {
      ctx_.file = file_state{};
      ctx_.values.set_file(ctx_.file);
      if (auto f = loader_.rule_file(path)) read(std::move(*f));
    }
    for (const auto& [name, o] : draft_.overrides)
      if (!o.used && !opt_.ignore_undeclared_parameters) {
        auto& d = rep_.error("E0307", "no rule declares the parameter '" + name + "'", o.span);
        std::string known;
        for (const auto& [n, p] : draft_.parameters) known += (known.empty() ? "" : ", ") + n;
        d.notes.push_back({known.empty() ? std::string("the rules declare no 参数") : "the rules declare " + known, {}});
      }
  }

  /// Pass 2: every statement of the root file and its imports, in order.
  void read(loaded_file root) {
    if (!lowering_) lowering_.emplace(ctx_, opt_);
    lowering& low = *lowering_;
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
      if (apply_brace_guesses(low, top, start)) continue;
      const auto status = syntax::parse_statement(top.pos, top.last, slot, err, opt_.max_expression_depth);
      if (status == syntax::parse_status::end) {
        low.close_unclosed(top.depth);
        unit_file_without_its_amount_unit();
        ctx_.file = top.saved;
        ctx_.values.set_file(ctx_.file);
        importing.pop_back();
        files.pop_back();
        continue;
      }
      if (status == syntax::parse_status::error) {
        if (ran_past_missing_brace(low, top, start, err.where)) continue;
        if (const std::size_t n = test_keyword_at(start, top.last)) {  // a file of tests, read as a budget
          auto& d = rep_.error("E0101", "syntax error: a test (测试) is no statement of a budget", rep_.span_at(start, n));
          d.expected = "a statement";
          d.found = "'" + std::string(start, n) + "'";
          d.notes.push_back({"a file of tests of rules is run with `yusuan test FILE`; the rest of this file is passed over",
                             {}});
          top.pos = top.last;
          continue;
        }
        report_syntax_error(rep_, err, top.last, start);
        for (auto& name : syntax::names_declared_by(start, top.last)) rep_.left_out(std::move(name));
        const char* text = rep_.file()->text().data();
        top.pos = syntax::resume_after_error(text, start, err.where, top.last, !string_not_closed(err));
        const bool restarts = top.pos == err.where && top.pos < top.last && *top.pos != '\n' && *top.pos != '\r';
        // the error is the '}' that closes the statement's own block (a row
        // of 核对 … 按 … { … } lacking its ':', then '}'): it closes the block
        if (const char* after = restarts ? syntax::closing_own_block(text, start, err.where, top.last) : nullptr) {
          top.pos = after;
          continue;
        }
        // the line of the error opens a block, or the error is inside the
        // block of its statement (a row of 核对 … 按 … { … }), whose '}' is
        // still to come: that '}' closes it
        // (read again from the error when it starts a line indented deeper
        // than the statement's first: a row, not a statement of its own)
        // the rows of a block whose '{' the statement's line lacks, closed
        // by a '}' at the statement's indentation: passed over with it and
        // the rest of its line (the statement's options: it is not read)
        if (err.expected.starts_with("'{'"))
          if (const char* brace = syntax::brace_closing_rows(text, start, err.where, top.last)) {
            top.pos = syntax::chars::line_end(brace, top.last);
            continue;
          }
        // a block closed on the line of the error (written on one line): read on from its '}'
        if (!restarts)
          if (const char* close = syntax::enclosing_close_after(start, err.where, top.last)) {
            top.pos = close;
            continue;
          }
        const char* opener = nullptr;
        if (!restarts && syntax::line_opens_block(text, err.where, top.last)) opener = err.where;
        else if (syntax::inside_block_of(text, start, err.where, top.last) &&
                 (!restarts || syntax::indented_deeper(text, err.where, start)))
          opener = start;
        if (opener) {
          const char* line = opener;
          while (line > text && line[-1] != '\n' && line[-1] != '\r') --line;
          syntax::chars::skip_blank(line, opener);
          low.open_unread_block(rep_.span_at(line));
        }
        continue;
      }
      if (slot.is_item) coordinates_after_an_item(start, slot.item, top);
      else project_after_an_item(start, slot.other, top);
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

  /// W0208, at the end of an imported file that declares a budget unit and
  /// writes amounts without stating its 金额单位, in an importer's unit other
  /// than 元: checked alone, the same file would be read in 元.
  void unit_file_without_its_amount_unit() {
    const file_state& f = ctx_.file;
    if (f.index == 0 || !f.unit_declared || f.amount_unit_stated || f.amounts == 0 || f.amount_unit == unit::yuan)
      return;
    const auto& u = ctx_.data().units[f.unit_index];
    const std::string in(unit_name(f.amount_unit));
    auto& d = rep_.warning("W0208", "unit file states no 金额单位: its amounts are read in " + in + ", the importing file's",
                           u.span, "checked alone, this file would be read in 元");
    d.notes.push_back({"state the unit of its amounts in the file: 金额单位 " + in + " (or 金额单位 元)", {}});
  }

  /// The length of 测试 or test at `p` as a statement's first word, followed
  /// by a blank or a quote (a test of rules), or 0.
  static std::size_t test_keyword_at(const char* p, const char* last) noexcept {
    for (const std::string_view w : {std::string_view("测试"), std::string_view("test")}) {
      const char* e = p + w.size();
      if (static_cast<std::size_t>(last - p) > w.size() && std::string_view(p, w.size()) == w &&
          (*e == ' ' || *e == '\t' || *e == '"' || syntax::chars::at(e, last, "\xE2\x80\x9C", 3) ||
           syntax::chars::at(e, last, "\xE3\x80\x80", 3)))
        return w.size();
    }
    return 0;
  }

  /// A statement that did not parse because it ran on past a '}' most likely
  /// missing (the rows of `核对 … 按 … {` into the next statement): that '}'
  /// is the error, reported where the statement's block is closed; reading
  /// resumes at the line it is missing before.
  bool ran_past_missing_brace(lowering& low, open_file& top, const char* start, const char* where) {
    if (top.next_missing >= top.missing.size()) return false;
    const auto& m = top.missing[top.next_missing];
    if (m.extra || m.before <= start || m.before > where) return false;
    const char* text = rep_.file()->text().data();
    if (syntax::line_opens_block(text, start, top.last)) low.open_unread_block(rep_.span_at(start));
    top.pos = m.before;
    return true;
  }

  /// The guesses of syntax/missing_braces.hpp up to the statement at `start`
  /// (E0103, once each): a block whose '}' is most likely missing before it
  /// is closed, so that the lines after it are read where they belong; a '}'
  /// most likely one too many at `start` is passed over (true: read on).
  bool apply_brace_guesses(lowering& low, open_file& top, const char* start) {
    while (top.next_missing < top.missing.size() && top.missing[top.next_missing].before <= start) {
      const auto& m = top.missing[top.next_missing++];
      if (!m.extra) {
        syntax::statement_slot close;
        close.other = syntax::ast::block_close{};
        low.lower(close);
        report_missing_brace(rep_, m);
      } else if (m.before == start) {
        report_missing_brace(rep_, m);
        top.pos += *top.pos == '}' ? 1 : 3;
        return true;
      }
    }
    return false;
  }

  void enter(std::vector<open_file>& files, std::vector<std::filesystem::path>& importing, loaded_file f,
             unit inherited_unit, std::uint16_t inherited_unit_index) {
    auto& data = ctx_.data();
    const char* b = f.source->text().data();
    open_file o{f, b, b + f.source->text().size(), ctx_.file, ctx_.blocks.size()};
    o.missing = syntax::find_missing_braces(f.source->text(), opt_.max_block_depth);
    if (data.sources.empty()) data.header.directory = f.canonical.parent_path().string();
    // a file a unit's own file imports (its projects, say) is part of that unit
    const bool of_unit_file =
        !data.sources.empty() && ((ctx_.file.index != 0 && ctx_.file.unit_declared) || ctx_.file.of_unit_file);
    ctx_.file = file_state{static_cast<std::uint16_t>(data.sources.size()), inherited_unit, inherited_unit_index,
                           false, 0, ctx_.blocks.size()};
    ctx_.file.of_unit_file = of_unit_file;
    ctx_.values.set_file(ctx_.file);
    data.sources.push_back(f.source);
    importing.push_back(f.canonical);
    // room for the file's items, growing geometrically: a reserve of exactly
    // what each import adds would copy every item so far once per file
    if (const std::size_t need = data.items.size() + digit_lines(o.pos, o.last); need > data.items.capacity())
      data.items.reserve(std::max(need, 2 * data.items.capacity()));
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

  /// Passes 3 to 5, and the budget when there is no error.
  std::optional<budget> finish(diagnostics& out) {
    std::optional<budget> result;
    if (!ctx_.data().sources.empty()) {
      const auto order = resolver(draft_, rep_).run({}, applying_ ? checked_measures_ : 0);
      // a budget the rules are applied to has passed these checks, unless
      // the rule files add to its contents (items, income, projects …)
      const bool check = !applying_ || rules_add_contents();
      if (check) derive_basic_kinds(draft_);
      const bool totals_fit = !check || built_in_checks(draft_, rep_).run();
      const budget b = detail::budget_access::make(draft_.data);
      if (opt_.check_catalog && check) {
        diagnostics found;
        check_catalog(b, found);
        rep_.add_all(found);
      }
      if (totals_fit && rep_.input_errors() == 0) {
        evaluate(b, order);
        if (opt_.extra_checks && !applying_) {  // a budget the rules are applied to had them
          diagnostics found;
          opt_.extra_checks(b, found);
          rep_.add_all(found);
        }
      } else if (totals_fit) {
        rep_.not_run(draft_.constraints.size());
      }
      if (check) states_nothing();
      note_checks_not_run();
      note_library_measures(rep_, opt_.library_path, ctx_.data().sources);  // 三公经费 without its import
      // a project named before its declaration: where it is declared
      rep_.point_to_declarations([&](const std::string& name) {
        const std::uint32_t id = draft_.project_by_name_or_code(name);
        return id == npos32 ? source_span{} : ctx_.data().projects[id].span;
      });
    }
    diagnostics mine = rep_.finish();
    name_budget_in_rules(mine);
    if (const auto& data = ctx_.data(); data.builder_file < data.sources.size())  // rules applied to a builder's budget
      mine = said_by_item_index(mine, data.sources[data.builder_file].get());
    if (!mine.has_errors()) {
      keep_own_parameters();
      draft_.data->files_read = loader_.files_read();
      draft_.data->warnings = std::move(checked_warnings_);  // a budget the rules are applied to: its own first
      draft_.data->warnings.append(mine);
      result = detail::budget_access::make(draft_.data);
    }
    out.append(mine);  // after what the caller's diagnostics held
    return result;
  }

  /// A --set of a 参数 the checked budget declares itself (apply_rules): its
  /// value, as when the budget was compiled with it; E0502 at the --set for
  /// one of the other kind, the budget's value standing.  (The budget's own
  /// measures keep the value they were compiled with.)
  void set_value(const std::string& name, parameter_def& def, parameter_override& ov) {
    ov.used = true;
    bool ok = true;
    expr v = read_override(ctx_, ov, ok);
    if (!ok || v.kind == expr::op::count_literal) return;
    const bool given_percent = v.kind == expr::op::percent_literal;
    if (given_percent != (def.value.kind == expr::op::percent_literal)) {
      override_of_the_other_kind(rep_, name, given_percent, ov, def.span);
      return;
    }
    def.value = std::move(v);
    def.from_override = true;
  }

  /// Whether the rule files applied to a checked budget added to its contents.
  bool rules_add_contents() const {
    const auto& d = *draft_.data;
    return rules_add_to_ != std::array<std::size_t, 5>{d.items.size(), d.income.size(), d.projects.size(),
                                                       d.groups.size(), d.year_end_units.size()};
  }

  /// The budget's own 参数, for rules applied to it later (apply_rules).
  void keep_own_parameters() {
    auto& kept = draft_.data->parameters;
    kept.clear();
    for (const auto& [name, p] : draft_.parameters)
      if (!p.from_rules) kept.push_back({name, p.value, p.span});
  }

  /// W0410: a budget of no item, income line, project or figure (an empty
  /// file, one cut short, one that only imports measures) is no budget to
  /// pass: among many checked at once it would count as "ok".
  void states_nothing() {
    const auto& d = ctx_.data();
    if (rep_.has_errors() || !d.items.empty() || !d.income.empty() || d.year_end_balance || !d.projects.empty() ||
        !d.figures.empty() || !d.prior.empty())
      return;
    rep_.set_file(d.sources.front().get());
    auto& w = rep_.warning("W0410", "the budget states nothing: no item, income line, project or figure",
                           rep_.span_at(d.sources.front()->text().data(), 0));
    w.notes.push_back({"an empty file, or one cut short, is no budget that passes its checks", {}});
  }

  /// Once, after the errors: how many checks were not run because errors
  /// left part of the input out (reporter::not_run).  Their figures would
  /// be those of an incomplete budget: reported, they would be errors that
  /// are not in the budget as written.
  void note_checks_not_run() {
    const std::size_t n = rep_.checks_not_run();
    if (n == 0) return;
    diagnostic d;
    d.level = severity::note;
    d.message = std::to_string(n) + (n == 1 ? " check was" : " checks were") +
                " not run because of the errors above";
    d.notes.push_back({"stated totals, income against expenditure and constraints (核对) need every statement, and "
                       "the errors left some out: fix them and check again",
                       {}});
    rep_.add(std::move(d));
  }

  /// A diagnostic located in a rule file names the budget it was checked on.
  void name_budget_in_rules(diagnostics& out) const {
    const auto& sources = draft_.data->sources;
    if (draft_.first_rule_source >= sources.size() || sources.empty() || draft_.first_rule_source == 0) return;
    out.add_note([&](const diagnostic& d) { return draft_.is_rule_source(d.span.file); },
                 "checked on the budget " + sources.front()->name());
  }

  void evaluate(const budget& b, const std::vector<std::size_t>& order) {
    auto& data = ctx_.data();
    data.columns = detail::make_columns(data.items, draft_.data.get());
    data.names = detail::make_name_index(data.strings, data.projects, data.groups, data.units);
    settle_units_own(b);
    std::vector<std::pair<std::string, source_span>> parameters;
    for (const auto& [name, p] : draft_.parameters) parameters.emplace_back(name, p.span);
    evaluator ev(b, rep_);
    ev.know_parameters(parameters);
    ev.evaluate_measures(order);
    ev.store_values(data.measures);
    if (opt_.constraints_as_warnings)
      for (auto& c : draft_.constraints) c.warning = true;
    constraint_checker checker(ev, rep_);
    const evaluator::measure_order when_used = evaluator::order_of_measures(b, order);
    const instance_context in{b, when_used, parameters};
    // the evaluator of a unit's own constraints, which come together (those of its file)
    std::optional<std::pair<std::uint32_t, evaluator>> unit_own;
    for (const auto& c : draft_.constraints) {
      if (c.when && b.header().year == 0)
        if (const rule_condition* y = year_condition(*c.when)) {  // W0308: undecidable, not checked
          auto& d = rep_.warning("W0308", "the budget states no 年度: the condition on 年度 cannot be decided",
                                 y->span, "the constraint is not checked");
          d.notes.push_back({"state the budget's year: 年度 2024", {}});
          continue;
        }
      if (c.scope != rule_scope::each_project && c.of_unit != npos32) {  // a unit's own, with its own figures
        if (!unit_own || unit_own->first != c.of_unit)
          unit_own.emplace(c.of_unit, scoped_evaluator(in, {}, c.of_unit, c.of_unit));
        check_instance(unit_own->second, b, c, {}, c.of_unit);
        continue;
      }
      if (c.scope == rule_scope::budget) {
        if (c.when && !holds(*c.when, b, {}, {})) continue;
        record(checker.check(c));
        continue;
      }
      const std::size_t n = c.scope == rule_scope::each_project ? b.projects().size() : b.units().size();
      // 每个 单位 passes over the department's own unit when it holds nothing
      // (looked for once, and only for such a rule: it reads every item)
      const std::size_t first = c.scope == rule_scope::each_unit && !own_unit_checked(b) ? 1 : 0;
      const std::size_t instances = n - first;
      // 每个 项目 in a unit's own file: each of that unit's projects, with its figures
      const auto instance = [&](std::size_t i) {
        return c.scope != rule_scope::each_project || c.of_unit == npos32 || b.projects()[i].unit == c.of_unit;
      };
      if ((c.scope == rule_scope::each_project || instances > 1) && compares_with_prior(c, b)) {
        // once, where the constraint applies
        for (std::size_t i = first; i < n; ++i)
          if (instance(i) && (!c.when || instance_holds(in, c, i))) {
            prior_per_instance(c, b, instances);
            break;
          }
        continue;
      }
      for (std::size_t i = first; i < n; ++i) {
        if (!instance(i)) continue;
        const auto [p, u] = instance_at(c, i);
        auto scoped = scoped_evaluator(in, p, u, c.of_unit);
        check_instance(scoped, b, c, p, u);
      }
    }
  }

  /// What each instance of a constraint is checked with.
  struct instance_context {
    const budget& b;
    const evaluator::measure_order& order;
    const std::vector<std::pair<std::string, source_span>>& parameters;
  };

  /// Instance `i` of a constraint checked for each: project i, or unit i.
  static std::pair<std::optional<std::size_t>, std::optional<std::size_t>> instance_at(const constraint_def& c,
                                                                                        std::size_t i) {
    if (c.scope == rule_scope::each_project) return {i, std::nullopt};
    return {std::nullopt, i};
  }

  /// The filter of the items of project `p` or of unit `u`.
  static filter instance_filter(const budget& b, std::optional<std::size_t> p, std::optional<std::size_t> u) {
    filter items;
    items.kind = filter::op::eq;
    items.dim = {p ? dimension::project : dimension::unit, 0, {}};
    filter_value v;
    v.id = static_cast<std::uint32_t>(p ? *p : *u);
    if (p) {
      v.text = b.projects()[*p].name;
    } else {
      const auto& un = b.units()[*u];
      v.text = un.code.empty() ? un.name : un.code;
    }
    items.values.push_back(std::move(v));
    return items;
  }

  /// How an instance is named after its constraint: 项目 NAME, 单位 CODE NAME.
  static std::string instance_label(const budget& b, std::optional<std::size_t> p, std::optional<std::size_t> u) {
    if (p) {  // a name that projects of several units have: with the unit
      const auto& pr = b.projects()[*p];
      return "项目 " + pr.name + (b.find_projects(pr.name).size() > 1 ? ", " + unit_label(b.units()[pr.unit]) : "");
    }
    return unit_label(b.units()[*u]);
  }

  /// An evaluator of the items of project `p` or of unit `u`, with the
  /// figures of unit `figures` (npos32: the budget's), its measures
  /// evaluated when used.
  evaluator scoped_evaluator(const instance_context& in, std::optional<std::size_t> p, std::optional<std::size_t> u,
                             std::uint32_t figures) {
    evaluator scoped(in.b, rep_, in.order);
    scoped.know_parameters(in.parameters);
    scoped.scope_to(instance_filter(in.b, p, u), p, u);
    if (figures != npos32) scoped.use_figures_of(figures);
    return scoped;
  }

  /// Whether the 当 of a constraint checked for each holds for instance `i`.
  bool instance_holds(const instance_context& in, const constraint_def& c, std::size_t i) {
    const auto [p, u] = instance_at(c, i);
    auto scoped = scoped_evaluator(in, p, u, c.of_unit);
    return holds(*c.when, in.b, p, u, &scoped);
  }

  /// Checks `c` with `scoped`, the evaluator of the items of project `p` or
  /// of unit `u`, its message and what could not be evaluated saying for
  /// which.
  void check_instance(evaluator& scoped, const budget& b, const constraint_def& c, std::optional<std::size_t> p,
                      std::optional<std::size_t> u) {
    const std::string label = instance_label(b, p, u);
    const std::size_t before = rep_.kept();
    if (c.when && !holds(*c.when, b, p, u, &scoped)) return;
    constraint_def one = c;
    one.text += " (" + label + ")";
    if (!one.message.empty()) one.message += " (" + label + ")";
    one.instance = label;
    constraint_checker each(scoped, rep_);
    record(each.check(one));
    // what could not be evaluated says for which project or unit (a
    // failure says it in its message)
    rep_.note_since(before, "for " + label, {"E0501", "E0503", "W0501", "W0503"});
  }

  /// A department's units' own figures and constraints, stated in their
  /// files, are theirs where the budget has several units.  A budget of
  /// one (a file that only imports its unit's file) takes them as its own:
  /// a figure the budget states too is E0303.
  void settle_units_own(const budget& b) {
    auto& data = ctx_.data();
    const bool any = std::any_of(data.prior.begin(), data.prior.end(), [](const auto& f) { return f.of_unit != npos32; }) ||
                     std::any_of(data.figures.begin(), data.figures.end(), [](const auto& f) { return f.of_unit != npos32; }) ||
                     std::any_of(draft_.constraints.begin(), draft_.constraints.end(),
                                 [](const auto& c) { return c.of_unit != npos32; });
    if (!any || b.units().size() - (own_unit_checked(b) ? 0 : 1) > 1) return;
    for (auto& c : draft_.constraints) c.of_unit = npos32;
    settle_figures(data.prior, "prior-year figure");
    settle_figures(data.figures, "figure");
  }
  template <class Figures>
  void settle_figures(Figures& figures, const std::string& what) {
    std::unordered_map<std::string, std::size_t> first;
    Figures kept;
    for (auto& f : figures) {
      const auto [it, fresh] = first.try_emplace(f.name, kept.size());
      if (!fresh) {
        auto& d = rep_.error("E0303", what + " '" + f.name + "' is stated twice", f.span);
        d.notes.push_back({"first stated here", kept[it->second].span});
        continue;
      }
      f.of_unit = npos32;
      kept.push_back(std::move(f));
    }
    figures = std::move(kept);
  }

  /// E0302 for a constraint checked for each project, or for each unit of a
  /// budget of several, that compares with a 上年 figure: 上年 figures are
  /// the whole budget's, and each instance would be compared with them.
  void prior_per_instance(const constraint_def& c, const budget& b, std::size_t instances) {
    const bool projects = c.scope == rule_scope::each_project;
    auto& d = rep_.error("E0302",
               std::string("上年 figures are the whole budget's, not each ") + (projects ? "project's" : "unit's"),
               prior_used_at(c, b).value_or(c.lhs.span),
               projects ? "每个 项目 would compare each project with the budget's 上年 figure"
                        : "每个 单位 would compare each of the budget's " + std::to_string(instances) +
                              " units with the budget's 上年 figure");
    d.notes.push_back({projects ? "compare the budget's whole without 每个 项目"
                                : "compare the budget's whole without 每个 单位, or check each unit's own budget, "
                                  "whose 上年 figures are its own",
                       {}});
  }

  /// Whether 每个 单位 checks unit 0, the budget's own: unless it is a
  /// department's own unit (of neither a code nor a name) with no item and
  /// no income line (a department's file that only imports its units').
  bool own_unit_checked(const budget& b) {
    if (own_unit_checked_) return *own_unit_checked_;
    const auto& u = b.units().front();
    bool checked = !u.code.empty() || !u.name.empty();
    for (std::size_t i = 0; !checked && i < b.items().size(); ++i) checked = b.items()[i].unit == 0;
    for (std::size_t i = 0; !checked && i < b.income().size(); ++i) checked = b.income()[i].unit == 0;
    own_unit_checked_ = checked;
    return checked;
  }

  void record(constraint_result r) {
    if (draft_.is_rule_source(r.span.file)) r.from_rules = true;
    if (opt_.on_constraint) opt_.on_constraint(r);
    ctx_.data().constraints.push_back(std::move(r));
  }

  compile_options opt_;
  reporter rep_;
  source_loader loader_;
  draft draft_;
  lowering_context ctx_{draft_, rep_};
  std::optional<lowering> lowering_;  // one for every file read, the budget's and the rules'
  bool applying_ = false;             // rules applied to a checked budget (apply_rules)
  diagnostics checked_warnings_;      // that budget's own warnings
  std::size_t checked_measures_ = 0;  // and the number of its measures
  std::array<std::size_t, 5> rules_add_to_{};  // and of its items, income lines, projects, groups, balances
  std::optional<bool> own_unit_checked_;       // see own_unit_checked
};

}  // namespace yusuan::compile
