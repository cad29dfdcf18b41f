// yusuan/compile/template_statements.hpp -- the statements of a template file
// lowered into the template, one at a time: settings of the template and of
// its tables, columns, rows and groups, with the blocks they open (表, 栏,
// 按 … {) on a stack.
#pragma once

#include <yusuan/compile/lower_expr.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/compile/template_fields.hpp>
#include <yusuan/compile/values.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/syntax/template_ast.hpp>
#include <yusuan/syntax/template_keywords.hpp>
#include <yusuan/tables/ids.hpp>
#include <yusuan/tables/template.hpp>

#include <boost/variant/static_visitor.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace yusuan::compile {

class template_statements : public boost::static_visitor<void> {
  using place = template_fields::place;

public:
  template_statements(reporter& r, value_reader& v, expr_lowering& x, template_fields& f,
                      const std::vector<const tables::table_template*>& known, std::size_t max_depth)
      : rep_(r), values_(v), exprs_(x), fields_(f), known_(known), max_depth_(max_depth) {}

  tables::table_template& result() noexcept { return t_; }

  // settings ---------------------------------------------------------------------

  void operator()(const syntax::ast::tpl_setting& s) {
    using K = syntax::template_keyword;
    const auto* k = syntax::template_keyword_of(s.keyword.view());
    const K what = k ? k->id : K::description;
    if (what != K::template_ && !named_) unnamed(s.where);
    switch (what) {
      case K::template_:
        if (named_ || !stack_.empty()) {
          rep_.error("E0805", "模板 names the template once, at the start of its file", span(s.keyword));
          return;
        }
        t_.name = values_.text(s.value);
        t_.span = span(s.value);
        named_ = true;
        return;
      case K::based_on: return based_on(s);
      case K::description:
        if (at_top(s.keyword)) t_.description = values_.text(s.value);
        return;
      case K::title:
        if (auto* tb = in_table(s.keyword)) tb->title = fields_.text(s.value, place::title);
        return;
      case K::label:
        if (stack_.empty()) t_.label = fields_.text(s.value, place::label);
        else if (auto* tb = in_table(s.keyword)) tb->label = fields_.text(s.value, place::label);
        return;
      case K::empty_note:
        if (auto* tb = in_table(s.keyword)) tb->empty_note = fields_.text(s.value, place::note);
        return;
      case K::amounts: {
        const auto u = parse_unit(s.value.view());
        if (!u) {
          auto& d = rep_.error("E0205", "unknown unit of amounts '" + std::string(s.value.view()) + "'", span(s.value));
          d.expected = "元, 万元 or 亿元";
          return;
        }
        if (stack_.empty()) t_.amount_unit = *u;
        else if (auto* tb = in_table(s.keyword)) tb->amount_unit = *u;
        return;
      }
      case K::decimals: {
        const auto t = s.value.view();
        if (t.size() != 1 || t[0] < '0' || t[0] > '6') {
          rep_.error("E0805", "小数位 is a number of decimals from 0 to 6", span(s.value));
          return;
        }
        if (stack_.empty()) t_.decimals = t[0] - '0';
        else if (auto* tb = in_table(s.keyword)) tb->decimals = t[0] - '0';
        return;
      }
      default: return;
    }
  }

  void operator()(const syntax::ast::tpl_aliases& s) {
    if (!named_) unnamed(s.where);
    std::vector<std::string> names;
    for (const auto& n : s.names) names.push_back(values_.text(n));
    if (stack_.empty()) {
      t_.aliases.insert(t_.aliases.end(), names.begin(), names.end());
    } else if (auto* tb = in_table(s.where)) {
      tb->aliases.insert(tb->aliases.end(), names.begin(), names.end());
    }
  }

  /// 变量 of the template, or of a table (for its texts, before the template's).
  void operator()(const syntax::ast::tpl_variable& s) {
    const std::string name = values_.text(s.name);
    auto text = fields_.text(s.text, place::variable);
    if (stack_.empty()) {
      t_.variables.emplace_back(name, std::move(text));
    } else if (auto* tb = in_table(s.where)) {
      if (stack_.back().what != level::table) {
        rep_.error("E0805", "变量 belongs to the template or to a table, not to a panel or a group", span(s.name));
        return;
      }
      tb->variables.emplace_back(name, std::move(text));
    } else {
      return;
    }
    fields_.variables.push_back(name);
  }

  void operator()(const syntax::ast::tpl_signature& s) {
    if (!at_top(s.where)) return;
    t_.signature_label = fields_.text(s.label, place::signature);
    t_.signature_name = fields_.text(s.name, place::signature);
  }

  void operator()(const syntax::ast::measure& s) {
    if (!at_top(s.where)) return;
    content_ = true;
    bool ok = true;
    tables::template_measure m{values_.text(s.name), exprs_.lower(s.value, ok), span(s.name)};
    if (!ok || !check_cell_expression(rep_, m.definition, false)) return;
    const auto [at, added] = measure_index_.try_emplace(m.name, t_.measures.size());
    if (!added) {
      auto& x = t_.measures[at->second];
      if (!defined_measures_.insert(m.name).second) {
        auto& d = rep_.error("E0805", "measure '" + m.name + "' is defined twice", m.span);
        d.notes.push_back({"first defined here", x.span});
      }
      x = std::move(m);  // a measure of the base template, redefined
      return;
    }
    defined_measures_.insert(m.name);
    t_.measures.push_back(std::move(m));
  }

  void operator()(const syntax::ast::tpl_scope& s) {
    auto* tb = in_table(s.where);
    if (!tb) return;
    bool ok = true;
    filter f = exprs_.lower(s.condition, ok);
    if (ok) tb->scope = std::move(f);
  }

  // blocks -------------------------------------------------------------------------

  void operator()(const syntax::ast::tpl_table& s) {
    if (!named_) unnamed(s.where);
    if (deep(s.where)) return;
    if (!at_top(s.where)) {
      open_block(level::skipped, s.where);
      return;
    }
    content_ = true;
    tables::table_spec tb;
    tb.id = values_.text(s.id);
    tb.name = values_.text(s.name);
    tb.span = span(s.id);
    if (tb.id.find_first_not_of(" \t") == std::string::npos) {
      auto& d = rep_.error("E0805", "a table's id is empty", tb.span, "tables are chosen by their id");
      d.expected = "an id such as T1 or 预算01表";
    }
    bool based = false;
    if (s.base) {
      const std::string base = values_.text(s.base);
      const auto found = table_ids_.find(base);
      if (found == table_ids_.end()) {
        auto& d = rep_.error("E0805", "no table '" + base + "' to base table " + tb.id + " on", span(s.base));
        d.expected = "the id of a table above";
      } else {
        const std::string id = tb.id, name = tb.name;
        const source_span at = tb.span;
        tb = t_.tables[found->second];
        tb.id = id;
        tb.name = name;
        tb.span = at;
        tb.aliases.clear();
        based = true;
      }
    }
    // the table of this id: one of the base template's, redefined, or a new one
    const std::size_t index = table_ids_.try_emplace(tb.id, t_.tables.size()).first->second;
    if (!defined_tables_.insert(tb.id).second) {
      auto& d = rep_.error("E0805", "table '" + tb.id + "' is defined twice", tb.span);
      d.notes.push_back({"first defined here", t_.tables[index].span});
    }
    if (index == t_.tables.size()) t_.tables.push_back(std::move(tb));
    else t_.tables[index] = std::move(tb);  // a table of the base template, redefined
    table_ = index;
    open_block(level::table, s.where);
    stack_.back().based = based;
    stack_.back().variables = fields_.variables.size();
    for (const auto& v : t_.tables[index].variables) fields_.variables.push_back(v.first);
  }

  void operator()(const syntax::ast::tpl_panel& s) {
    if (deep(s.where)) return;
    auto* tb = in_table(s.where);
    if (!tb || stack_.back().what != level::table) {
      if (tb) rep_.error("E0805", "栏 opens a panel of a table, directly in 表 { … }", span(s.keyword));
      open_block(level::skipped, s.where);
      return;
    }
    layout(*tb);
    if (stack_.back().implicit) rep_.error("E0805", "a table with 栏 has its columns and rows in them", span(s.keyword));
    tb->panels.emplace_back();
    open_block(level::panel, s.where);
    stack_.back().panel = tb->panels.size() - 1;
  }

  void operator()(const syntax::ast::tpl_close& s) {
    if (stack_.empty()) {
      rep_.error("E0103", "unexpected '}': no block is open", span(s.brace));
      return;
    }
    const auto closing = stack_.back();
    stack_.pop_back();
    fields_.row_dims.resize(stack_.empty() ? 0 : stack_.back().dims);
    if (closing.what == level::table) {
      fields_.variables.resize(closing.variables);  // the table's own are out of scope
      const auto& tb = t_.tables[table_];
      bool columns = false;
      for (const auto& p : tb.panels) columns = columns || !p.columns.empty();
      if (!columns) rep_.error("E0805", "table '" + tb.id + "' has no column", tb.span, "give it its 列");
    }
  }

  /// The end of the file: blocks left open, a template without a name or a table.
  void end() {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      rep_.error("E0103", "unclosed '{'", it->at, "this block is never closed");
    if (!named_) unnamed({});
    else if (t_.tables.empty()) rep_.error("E0805", "template '" + t_.name + "' has no table", t_.span, "add a 表");
    measure_cycles();
    numbers();
  }

  // columns and rows ---------------------------------------------------------------

  void operator()(const syntax::ast::tpl_column& s) {
    auto* tb = in_table(s.where);
    if (!tb) return;
    if (stack_.back().what == level::group) {
      rep_.error("E0805", "列 declares a column of a table or a panel, not of a group", span(s.header));
      return;
    }
    auto* p = panel_here(*tb);
    tables::column_spec c;
    c.span = span(s.header);
    c.path = levels_of(fields_.text(s.header, place::header));  // the header's levels, from the top down
    if (!s.value.empty()) {
      bool ok = true;
      c.numeric = true;
      expr e = exprs_.lower(s.value.front(), ok);
      if (ok && check_cell_expression(rep_, e, false) && !is_blank(e)) c.value = std::move(e);
    }
    for (const auto& o : s.options) {
      const auto* k = syntax::template_keyword_of(o.view());
      if (k && k->id == syntax::template_keyword::zero_blank) c.zero_blank = true;
      else if (k && k->id == syntax::template_keyword::omit_zero)
        rep_.error("E0805", "零则不列 is an option of a row", span(o), "write it after the row's 行 or 合计");
      else c.repeat_blank = true;
    }
    if (c.repeat_blank && c.numeric) rep_.error("E0805", "重复留空 applies to text columns", c.span);
    p->columns.push_back(std::move(c));
  }

  void operator()(const syntax::ast::tpl_row& s) {
    auto* tb = in_table(s.where);
    if (!tb) return;
    auto* p = panel_here(*tb);
    tables::row_spec r;
    r.span = span(s.kind);
    const auto* k = syntax::template_keyword_of(s.kind.view());
    r.kind = k && k->id == syntax::template_keyword::total        ? tables::row_kind::total
             : k && k->id == syntax::template_keyword::department ? tables::row_kind::department
                                                                 : tables::row_kind::line;
    cells(*p, s.cells, r);
    if (!s.condition.empty()) {
      bool ok = true;
      filter f = exprs_.lower(s.condition.front(), ok);
      if (ok) r.where = std::move(f);
      if (s.condition.size() > 1) rep_.error("E0805", "a row has one 其中", span(s.condition[1].where));
    }
    if (!s.values.empty()) {
      r.explicit_values = true;
      std::size_t numeric = 0;
      for (const auto& c : p->columns) numeric += c.numeric;
      if (s.values.size() > numeric)
        rep_.error("E0805", "the row gives " + std::to_string(s.values.size()) + " values", span(s.values[numeric].where),
                   "its panel has " + std::to_string(numeric) + " amount column" + (numeric == 1 ? "" : "s"));
      for (const auto& v : s.values) {
        bool ok = true;
        expr e = exprs_.lower(v, ok);
        if (ok) check_cell_expression(rep_, e, true);
        r.values.push_back(std::move(e));
      }
    }
    row_options(s.options, r);
    rows_here(*tb).push_back(std::move(r));
  }

  void operator()(const syntax::ast::tpl_group& s) {
    if (s.opens_block && deep(s.where)) return;
    auto* tb = in_table(s.where);
    if (!tb) {
      if (s.opens_block) open_block(level::skipped, s.where);
      return;
    }
    auto* p = panel_here(*tb);
    tables::row_spec g;
    g.kind = tables::row_kind::group;
    g.span = span(s.where);
    bool grouped = true;
    for (const auto& d : s.dimensions) {
      dimension_ref ref;
      grouped = exprs_.grouping(d, ref) && grouped;  // not 金额: rows are groups of items
      if (grouped) g.by.push_back(ref);
    }
    const bool by_project = std::any_of(g.by.begin(), g.by.end(), [](const auto& d) { return d.dim == dimension::project; });
    if (by_project && g.by.size() > 1) rep_.error("E0805", "按 项目 lists projects: it takes no other dimension", g.span);
    for (const auto& k : s.order) sort_key(k, by_project, g);
    const std::size_t outer = fields_.row_dims.size();
    fields_.row_dims.insert(fields_.row_dims.end(), g.by.begin(), g.by.end());
    if (!grouped) fields_.row_dims.push_back(template_fields::any_key);  // its rows' fields are not checked again
    if (!s.row.empty()) {
      g.own_row = true;
      cells(*p, s.row.front().cells, g);
      row_options(s.row.front().options, g);
    }
    auto& rows = rows_here(*tb);
    rows.push_back(std::move(g));
    if (s.opens_block) {
      open_block(level::group, s.where);
      stack_.back().rows = &rows.back().body;
      stack_.back().dims = fields_.row_dims.size();
    } else {
      fields_.row_dims.resize(outer);
    }
  }

private:
  enum class level : std::uint8_t { table, panel, group, skipped };
  struct open {
    level what;
    source_span at;
    std::size_t panel = 0;                         // the panel its rows are in
    std::vector<tables::row_spec>* rows = nullptr;  // a group's body
    std::size_t dims = 0;                          // row dimensions in force inside it
    bool based = false;                            // a table 基于 another, its layout not yet replaced
    bool implicit = false;                         // a table whose columns are written in it (one panel)
    std::size_t variables = 0;                     // the variables in force before a table
  };

  source_span span(slice s) const { return rep_.span_of(s); }

  void unnamed(slice where) {
    if (unnamed_reported_) return;
    unnamed_reported_ = true;
    rep_.error("E0805", "a template file starts with 模板 NAME", where ? span(where) : source_span{rep_.file(), 0, 1},
               "the template's name, which budgets write after 模板");
  }

  void based_on(const syntax::ast::tpl_setting& s) {
    if (!at_top(s.keyword)) return;
    const std::string base = values_.text(s.value);
    if (content_) {
      rep_.error("E0805", "基于 comes right after 模板, before the template's tables", span(s.keyword));
      return;
    }
    const tables::table_template* found = nullptr;
    for (const auto* k : known_)
      if (k && k->named(base)) found = k;
    if (!found) {
      auto& d = rep_.error("E0804", "unknown template '" + base + "'", span(s.value));
      std::string list;
      for (const auto* k : known_)
        if (k) list += (list.empty() ? "" : ", ") + k->name;
      d.expected = list.empty() ? "a template" : list;
      return;
    }
    tables::table_template t = *found;
    t.name = t_.name;
    t.span = t_.span;
    t.aliases = t_.aliases;
    t.description = t_.description;
    t.base = found->name;
    for (auto& src : t_.sources) t.sources.push_back(src);
    t_ = std::move(t);
    table_ids_.clear();
    for (std::size_t i = 0; i < t_.tables.size(); ++i) table_ids_.emplace(t_.tables[i].id, i);
    measure_index_.clear();
    for (std::size_t i = 0; i < t_.measures.size(); ++i) measure_index_.emplace(t_.measures[i].name, i);
    for (const auto& v : t_.variables) fields_.variables.push_back(v.first);
    content_ = true;
  }

  bool at_top(slice where) {
    if (stack_.empty()) return true;
    if (stack_.back().what != level::skipped)
      rep_.error("E0805", "'" + std::string(where.view().substr(0, std::min<std::size_t>(where.size(), 12))) +
                              "' belongs to the template, outside its tables",
                 span(where));
    return false;
  }

  /// The table the statement is in, or nullptr (reported when at the top).
  tables::table_spec* in_table(slice where) {
    if (stack_.empty()) {
      rep_.error("E0805", "this statement belongs in a table (表 … { … })", span(where));
      return nullptr;
    }
    if (stack_.back().what == level::skipped) return nullptr;
    return &t_.tables[table_];
  }

  /// A table 基于 another keeps the other's columns and rows until it writes its own.
  void layout(tables::table_spec& tb) {
    for (auto& o : stack_)
      if (o.what == level::table && o.based) {
        tb.panels.clear();
        o.based = false;
      }
  }

  /// The panel columns and rows are added to: the panel or group's, or the
  /// table's only one.
  tables::panel_spec* panel_here(tables::table_spec& tb) {
    layout(tb);
    if (stack_.back().what == level::table) {
      if (!stack_.back().implicit) {
        if (!tb.panels.empty()) rep_.error("E0805", "a table with 栏 has its columns and rows in them", stack_.back().at);
        tb.panels.emplace_back();
        stack_.back().implicit = true;
      }
      stack_.back().panel = tb.panels.size() - 1;
    }
    return &tb.panels[stack_.back().panel];
  }

  std::vector<tables::row_spec>& rows_here(tables::table_spec& tb) {
    if (stack_.back().rows) return *stack_.back().rows;
    return tb.panels[stack_.back().panel].rows;
  }

  /// Whether a block would nest deeper than the limit (E0713, reported
  /// once): it is then opened as a skipped block, so that its '}' still
  /// closes it and what it holds is not read.
  bool deep(slice where) {
    if (stack_.size() < max_depth_) return false;
    if (!deep_reported_)
      rep_.error("E0713", "blocks nested more than " + std::to_string(max_depth_) + " deep", rep_.span_at(where.b),
                 "the limit of nested blocks");
    deep_reported_ = true;
    open_block(level::skipped, where);
    return true;
  }

  void open_block(level what, slice where) {
    open o;
    o.what = what;
    o.at = span(where);
    if (!stack_.empty()) {
      o.panel = stack_.back().panel;
      o.dims = stack_.back().dims;
    }
    o.dims = what == level::table ? 0 : o.dims;
    stack_.push_back(o);
  }

  /// A header split into its levels at each '/' of its text.
  static std::vector<tables::text_pattern> levels_of(const tables::text_pattern& header) {
    std::vector<tables::text_pattern> out(1);
    for (const auto& p : header.pieces) {
      if (p.what != tables::field::text) {
        out.back().pieces.push_back(p);
        continue;
      }
      std::size_t from = 0;
      for (;;) {
        const auto slash = p.text.find('/', from);
        const std::string part = p.text.substr(from, slash == std::string::npos ? std::string::npos : slash - from);
        if (!part.empty()) out.back().pieces.push_back({tables::field::text, part, {}, 0, {}});
        if (slash == std::string::npos) break;
        out.emplace_back();
        from = slash + 1;
      }
    }
    return out;
  }

  void cells(const tables::panel_spec& p, const std::vector<slice>& cells, tables::row_spec& r) {
    std::size_t texts = 0;
    for (const auto& c : p.columns) texts += !c.numeric;
    if (cells.size() > texts)
      rep_.error("E0805", "the row has " + std::to_string(cells.size()) + " cells", span(cells[texts]),
                 "its panel has " + std::to_string(texts) + " text column" + (texts == 1 ? "" : "s"));
    for (const auto& c : cells) r.texts.push_back(fields_.text(c, place::row));
  }

  void row_options(const std::vector<slice>& options, tables::row_spec& r) {
    for (const auto& o : options) {
      const auto* k = syntax::template_keyword_of(o.view());
      if (k && k->id == syntax::template_keyword::zero_blank) r.zero_blank = true;
      else if (k && k->id == syntax::template_keyword::omit_zero && r.kind != tables::row_kind::group) r.omit_zero = true;
      else if (k && k->id == syntax::template_keyword::omit_zero)
        rep_.error("E0805", "零则不列 is an option of a 行 or 合计 row", span(o),
                   "a group (按) has a row only for the keys its items have");
      else rep_.error("E0805", "重复留空 is an option of a column", span(o), "write it after the column's 列");
    }
  }

  void sort_key(const syntax::ast::tpl_sort_key& k, bool by_project, tables::row_spec& g) {
    tables::sort_key out;
    out.span = span(k.key);
    const std::string word(k.key.view());
    for (const auto& f : k.first) out.first.push_back(values_.text(f));
    using B = tables::sort_key::by;
    if (word == "出现" || word == "appearance") {
      out.what = B::appearance;
    } else if (by_project) {
      if (word == "类型" || word == "kind") out.what = B::project_kind;
      else if (word == "编码" || word == "code") out.what = B::project_code;
      else if (word == "名称" || word == "name") out.what = B::project_name;
      else {
        auto& d = rep_.error("E0805", "projects are ordered by 类型, 编码, 名称 or 出现", out.span);
        d.found = "'" + word + "'";
        return;
      }
      if (out.what == B::project_kind)
        for (std::size_t i = 0; i < out.first.size(); ++i)
          if (!parse_spending_kind(out.first[i]))
            rep_.error("E0205", "unknown kind '" + out.first[i] + "'", span(k.first[i]));
    } else {
      out.what = B::dimension;
      if (!exprs_.grouping(k.key, out.dim)) return;  // the groups' keys: not 金额
    }
    g.order.push_back(std::move(out));
  }

  static bool is_blank(const expr& e) { return e.kind == expr::op::name && (e.name == "空" || e.name == "blank"); }

  /// Ids that read as one number (3, 03, T3, 表3): a number names one table.
  void numbers() {
    std::map<std::size_t, std::size_t> first;  // number → the table of it
    for (std::size_t i = 0; i < t_.tables.size(); ++i) {
      const auto& tb = t_.tables[i];
      const auto n = tables::number_in(tb.id);
      if (!n) continue;
      const auto [at, fresh] = first.emplace(*n, i);
      if (fresh) continue;
      const auto& other = t_.tables[at->second];
      auto& d = rep_.error("E0805",
                           "tables '" + other.id + "' and '" + tb.id + "' have one number, " + std::to_string(*n), tb.span,
                           "a table is named by its number: give one of them another id");
      d.notes.push_back({"table '" + other.id + "' is here", other.span});
    }
  }

  /// Template measures defined in terms of themselves: each measure on a
  /// cycle, at its first use of a measure of the cycle (linear in the
  /// measures and their uses).
  void measure_cycles() {
    const std::size_t n = t_.measures.size();
    // the measures each one uses, by place, with the span of the first use
    std::vector<std::vector<std::pair<std::size_t, source_span>>> uses(n);
    std::vector<std::size_t> used_by(n, static_cast<std::size_t>(-1));  // the last measure found using each
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<const expr*> todo{&t_.measures[i].definition};
      while (!todo.empty()) {
        const expr* e = todo.back();
        todo.pop_back();
        for (auto a = e->args.rbegin(); a != e->args.rend(); ++a) todo.push_back(&*a);
        if (e->kind != expr::op::name) continue;
        if (const auto it = measure_index_.find(e->name); it != measure_index_.end() && used_by[it->second] != i) {
          used_by[it->second] = i;
          uses[i].push_back({it->second, e->span});
        }
      }
    }
    // Tarjan's strongly connected components, without recursion: a measure
    // is on a cycle when its component has another measure, or it uses itself
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> index(n, none), low(n, 0), component(n, none);
    std::vector<char> on_stack(n, 0);
    std::vector<std::size_t> stack;
    struct step {
      std::size_t m, next;
    };
    std::size_t counter = 0;
    for (std::size_t root = 0; root < n; ++root) {
      if (index[root] != none) continue;
      std::vector<step> walk{{root, 0}};
      index[root] = low[root] = counter++;
      stack.push_back(root);
      on_stack[root] = 1;
      while (!walk.empty()) {
        step& top = walk.back();
        if (top.next < uses[top.m].size()) {
          const std::size_t dep = uses[top.m][top.next++].first;
          if (index[dep] == none) {
            index[dep] = low[dep] = counter++;
            stack.push_back(dep);
            on_stack[dep] = 1;
            walk.push_back({dep, 0});
          } else if (on_stack[dep]) {
            low[top.m] = std::min(low[top.m], index[dep]);
          }
          continue;
        }
        const std::size_t m = top.m;
        walk.pop_back();
        if (!walk.empty()) low[walk.back().m] = std::min(low[walk.back().m], low[m]);
        if (low[m] != index[m]) continue;
        for (;;) {  // m roots a component: the measures above it on the stack
          const std::size_t k = stack.back();
          stack.pop_back();
          on_stack[k] = 0;
          component[k] = m;
          if (k == m) break;
        }
      }
    }
    std::vector<char> on_cycle(n, 0);
    std::vector<source_span> cycle_use(n);
    for (std::size_t i = 0; i < n; ++i)
      for (const auto& [dep, at] : uses[i])
        if (component[dep] == component[i]) {  // the first use of a measure of its own cycle
          on_cycle[i] = 1;
          cycle_use[i] = at;
          break;
        }
    for (std::size_t i = 0; i < n; ++i)
      if (on_cycle[i])
        rep_.error("E0805", "measure '" + t_.measures[i].name + "' is defined in terms of itself", cycle_use[i]);
  }

  reporter& rep_;
  value_reader& values_;
  expr_lowering& exprs_;
  template_fields& fields_;
  const std::vector<const tables::table_template*>& known_;
  tables::table_template t_;
  std::vector<open> stack_;
  std::size_t max_depth_;
  std::size_t table_ = 0;
  bool named_ = false, content_ = false, unnamed_reported_ = false, deep_reported_ = false;
  std::set<std::string> defined_tables_, defined_measures_;
  std::unordered_map<std::string, std::size_t> measure_index_;  // the place of each measure of t_ by its name
  std::unordered_map<std::string, std::size_t> table_ids_;  // the place of each table of t_ by its id
};

}  // namespace yusuan::compile
