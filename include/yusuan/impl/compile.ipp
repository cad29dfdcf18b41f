// yusuan/impl/compile.ipp -- the budget compiler: statements to a checked model.
//
// Spirit-free: it drives detail::syntax::parse_statement (declared in
// detail/syntax.hpp, defined in detail/grammar_def.hpp) one statement at a
// time, keeps the block structure on a stack, and after the last statement
// runs the checks and evaluates measures and constraints.
#pragma once

#include <yusuan/compile.hpp>
#include <yusuan/detail/syntax.hpp>
#include <yusuan/impl/catalog_checks.hpp>
#include <yusuan/impl/evaluate.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace yusuan::detail {

namespace fs = std::filesystem;
using syntax::coord_kind;
using syntax::slice;
using syntax::stmt;

/// A block in force: the coordinates it gives its items and its stated total.
struct frame {
  enum class type : std::uint8_t { block, project, targets, group } kind = type::block;
  function_code function;
  econ_code econ, gov;
  spending_kind spend = spending_kind::unspecified;
  std::optional<fund_source> fund;
  std::uint32_t project = npos32;
  std::uint32_t group = npos32;
  std::uint32_t tags = 0;
  std::uint32_t line = npos32;  // set when this block fixes the economic code
  std::optional<money> stated_total;
  money_sum sum;
  std::size_t first_item = 0;
  source_span span;
};

struct pending_project_ref {
  std::size_t item;
  std::string name;
  source_span span;
};

struct file_state {
  std::uint16_t index = 0;
  unit amount_unit = unit::yuan;
  std::uint16_t unit_index = 0;
  bool unit_declared = false;
  std::size_t items = 0;        // amounts read in this file so far
  std::size_t block_floor = 0;  // blocks open when the file started: its '}' cannot close them
};

struct constraint_def {
  expr lhs, rhs;
  std::string cmp;  // "=", "≠", "≤", "≥", "<", ">"
  syntax::yoy yoy = syntax::yoy::none;
  std::string yoy_value;
  source_span yoy_span;
  std::optional<money> tolerance;
  bool warning = false;
  std::string message;
  std::string text;
  source_span span;
  unit file_unit = unit::yuan;
  // grouped: 按 dims { keys: amount }
  std::vector<dimension_ref> by;
  std::vector<grouped_row> rows;
};

class compiler {
public:
  explicit compiler(const compile_options& opt) : opt_(opt), d_(std::make_shared<budget_data>()) {
    d_->tag_sets.emplace_back();
    d_->units.emplace_back();
  }

  compile_result run_file(const fs::path& file) {
    std::error_code ec;
    fs::path abs = fs::absolute(file, ec);
    root_ = opt_.root.empty() ? abs.parent_path() : fs::absolute(opt_.root, ec);
    root_ = fs::weakly_canonical(root_, ec);
    std::string text;
    if (!read_file(abs, file.string(), text, {})) return finish_io();
    process_file(file.string(), std::move(text), fs::weakly_canonical(abs, ec), unit::yuan, 0);
    return finish();
  }

  compile_result run_string(std::string_view text, std::string name) {
    std::error_code ec;
    root_ = fs::weakly_canonical(opt_.root.empty() ? fs::current_path(ec) : fs::absolute(opt_.root, ec), ec);
    if (const auto bad = text::first_invalid(text); bad != std::string_view::npos) {
      not_utf8(name, std::string(text), bad, {});
      return finish_io();
    }
    process_file(std::move(name), std::string(text), root_ / "<input>", unit::yuan, 0);
    return finish();
  }

  /// Parses and resolves a query against a finished budget.
  query_parse_result run_query(std::string_view text, const budget& b) {
    auto src = std::make_shared<source_file>("<query>", std::string(text));
    diags_.keep(src);
    cur_file_ = src.get();
    query_parse_result out;
    syntax::statement st;
    syntax::syntax_error err;
    const char* first = src->text().data();
    const char* last = first + src->text().size();
    if (syntax::parse_query_text(first, last, st, err) != syntax::parse_status::ok) {
      syntax_error_at(err, last);
      out.diagnostics = std::move(diags_);
      return out;
    }
    query q;
    const auto agg = st.q_agg.view();
    q.agg = (agg == "计数" || agg == "count") ? aggregate::count
            : (agg == "最小" || agg == "min") ? aggregate::min
            : (agg == "最大" || agg == "max") ? aggregate::max
                                              : aggregate::sum;
    bool ok = true;
    if (st.q_where) {
      q.where = to_filter(st, st.lhs, ok);
      if (ok) resolve_against(b, q.where, ok);
    }
    for (const auto& dtok : st.group_dims) {
      dimension_ref d;
      if (!resolve_dimension(dtok, d)) ok = false;
      q.by.push_back(std::move(d));
    }
    if (st.q_pivot) {
      dimension_ref d;
      if (!resolve_dimension(st.q_pivot, d)) ok = false;
      q.pivot = std::move(d);
    }
    q.rollup = st.q_rollup;
    q.share = st.q_share;
    if (st.q_rollup && (q.by.empty() || (q.by[0].dim != dimension::function && q.by[0].dim != dimension::econ &&
                                         q.by[0].dim != dimension::gov_econ))) {
      error("E0505", "rollup needs a first grouping by a classification (功能, 经济 or 政府经济)", span_of(st.q_agg));
      ok = false;
    }
    if (st.q_order) {
      const auto o = st.q_order.view();
      q.ordering = (o == "键" || o == "key") ? query::order_by::key
                   : (o == "计数" || o == "count") ? query::order_by::count
                                                   : query::order_by::value;
      q.descending = st.q_desc;
    }
    if (st.q_limit) {
      std::size_t n = 0;
      bool digits = true;
      for (char c : st.q_limit.view()) {
        digits = digits && c >= '0' && c <= '9';
        n = n * 10 + static_cast<std::size_t>(c - '0');
      }
      if (!digits || n == 0 || st.q_limit.size() > 9) {
        auto& d = error("E0505", "limit needs a positive whole number", span_of(st.q_limit));
        d.found = "'" + std::string(st.q_limit.view()) + "'";
        ok = false;
      }
      q.limit = n;
    }
    if (ok && !diags_.has_errors()) out.value = std::move(q);
    out.diagnostics = std::move(diags_);
    return out;
  }

private:
  /// Resolves the filter values that name things of a finished budget.
  void resolve_against(const budget& b, filter& f, bool& ok) {
    for (auto& c : f.children) resolve_against(b, c, ok);
    if (f.kind == filter::op::all || f.kind == filter::op::and_ || f.kind == filter::op::or_ || f.kind == filter::op::not_)
      return;
    for (auto& v : f.values) {
      if (f.dim.dim == dimension::tag) {
        v.id = b.string_id(v.text);
      } else if (f.dim.dim == dimension::project || f.dim.dim == dimension::unit) {
        auto k = parse_key(b, f.dim, v.text);
        if (!k) {
          error("E0301", "unknown " + std::string(f.dim.dim == dimension::project ? "project" : "unit") + " '" + v.text + "'",
                f.span);
          ok = false;
          continue;
        }
        v.id = f.dim.dim == dimension::project && (*k >> 32) ? static_cast<std::uint32_t>(*k & 0xFFFFFFFFu) | 0x80000000u
                                                              : static_cast<std::uint32_t>(*k);
      }
    }
  }

  // --- diagnostics -----------------------------------------------------------

  diagnostic& report(severity level, std::string code, std::string message, source_span span, std::string label = {}) {
    diagnostic d;
    d.level = level;
    d.code = std::move(code);
    d.message = std::move(message);
    d.span = span;
    d.label = std::move(label);
    diags_.add(std::move(d));
    return const_cast<diagnostic&>(diags_.list().back());
  }
  diagnostic& error(std::string code, std::string message, source_span span, std::string label = {}) {
    return report(severity::error, std::move(code), std::move(message), span, std::move(label));
  }

  source_span span_of(slice s) const { return {cur_file_, offset_of(s.b), static_cast<std::uint32_t>(std::max<std::size_t>(s.size(), 1))}; }
  source_span span_at(const char* p, std::size_t len = 1) const {
    return {cur_file_, offset_of(p), static_cast<std::uint32_t>(len)};
  }
  std::uint32_t offset_of(const char* p) const {
    return static_cast<std::uint32_t>(p - cur_file_->text().data());
  }

  compile_result finish_io() {
    compile_result r;
    r.diagnostics = std::move(diags_);
    r.io_error = true;
    return r;
  }

  // --- files -------------------------------------------------------------------

  bool read_file(const fs::path& path, const std::string& shown, std::string& text, source_span from) {
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    if (!in || fs::is_directory(path, ec)) {
      auto& d = error("E0001", "cannot read '" + shown + "': " + (fs::exists(path, ec) ? "not a readable file" : "no such file"), from);
      d.label = from ? "imported here" : "";
      return false;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (const auto bad = text::first_invalid(text); bad != std::string_view::npos) {
      not_utf8(shown, text, bad, from);
      return false;
    }
    return true;
  }

  void not_utf8(const std::string& shown, const std::string& text, std::size_t bad, source_span from) {
    auto file = std::make_shared<source_file>(shown, text);
    std::ostringstream hex;
    hex << std::hex << static_cast<int>(static_cast<unsigned char>(text[bad]));
    auto& d = error("E0002", "'" + shown + "' is not UTF-8 (byte 0x" + hex.str() + " at line " +
                                 std::to_string(file->line_of(bad)) + ")",
                    from);
    d.notes.push_back({"budget files are UTF-8; convert a GBK file with: iconv -f GBK -t UTF-8 '" + shown +
                           "' > converted.budget",
                       {}});
    diags_.keep(std::move(file));
  }

  void process_file(std::string shown, std::string text, fs::path canonical, unit inherited_unit,
                    std::uint16_t inherited_unit_index) {
    if (d_->sources.size() >= 0xFFFF) {
      error("E0311", "too many imported files", {});
      return;
    }
    auto src = std::make_shared<source_file>(std::move(shown), std::move(text));
    const source_file* saved_file = cur_file_;
    const file_state saved_state = fs_;
    cur_file_ = src.get();
    fs_ = file_state{static_cast<std::uint16_t>(d_->sources.size()), inherited_unit, inherited_unit_index, false, 0,
                     stack_.size()};
    d_->sources.push_back(src);
    diags_.keep(src);
    import_stack_.push_back(canonical);
    const std::size_t depth = stack_.size();

    const char* first = src->text().data();
    const char* last = first + src->text().size();
    {
      // an item statement starts with a code: reserve one item per line that starts with a digit
      std::size_t digit_lines = 0;
      bool at_start = true;
      for (const char* q = first; q < last; ++q) {
        const char c = *q;
        if (c == '\n') at_start = true;
        else if (at_start && c != ' ' && c != '\t') {
          digit_lines += (c >= '0' && c <= '9');
          at_start = false;
        }
      }
      d_->items.reserve(d_->items.size() + digit_lines);
    }
    syntax::syntax_error err;
    for (;;) {
      const auto status = syntax::parse_statement(first, last, st_, err);
      if (status == syntax::parse_status::end) break;
      if (status == syntax::parse_status::error) {
        syntax_error_at(err, last);
        first = recover(st_.begin ? st_.begin : err.where, err.where, last);
        continue;
      }
      statement(st_);
    }
    while (stack_.size() > depth) {
      error("E0103", "unclosed '{'", stack_.back().span, "this block is never closed");
      pop_frame(false);
    }
    import_stack_.pop_back();
    cur_file_ = saved_file;
    fs_ = saved_state;
  }

  void syntax_error_at(const syntax::syntax_error& err, const char* last) {
    ++syntax_errors_;
    if (syntax_errors_ > opt_.max_errors) return;
    const char* w = err.where;
    std::string found;
    if (w >= last) {
      found = "the end of the file";
    } else {
      const char* e = w;
      int chars = 0;
      while (e < last && chars < 12) {
        std::size_t i = static_cast<std::size_t>(e - w);
        std::string_view rest(w, static_cast<std::size_t>(last - w));
        const char32_t c = text::decode(rest, i);
        if (c == '\n' || c == '\r' || ((c == ' ' || c == '\t' || c == 0x3000) && chars > 0)) break;
        e = w + i;
        ++chars;
      }
      found = "'" + std::string(w, e) + "'";
      if (e < last && *e != '\n' && *e != ' ' && *e != '\r' && chars >= 12) found.insert(found.size() - 1, "…");
    }
    auto& d = error("E0101", "syntax error: expected " + err.expected, span_at(w, 1));
    d.expected = err.expected;
    d.found = found;
    if (syntax_errors_ == opt_.max_errors)
      d.notes.push_back({"stopping syntax error reports here (limit " + std::to_string(opt_.max_errors) + ")", {}});
  }

  /// Where to resume after a syntax error: the next line, unless the error
  /// sits at the first token of a later line (then that line starts afresh).
  const char* recover(const char* stmt_begin, const char* where, const char* last) const {
    const char* line_begin = where;
    const char* text_begin = cur_file_->text().data();
    while (line_begin > text_begin && line_begin[-1] != '\n') --line_begin;
    const char* q = line_begin;
    while (q < where && (*q == ' ' || *q == '\t')) ++q;
    if (q == where && line_begin > stmt_begin && where < last) return where;
    const char* p = where;
    while (p < last && *p != '\n') ++p;
    return p;
  }

  // --- statements --------------------------------------------------------------

  void statement(const syntax::statement& s) {
    switch (s.type) {
      case stmt::title: header_text(d_->header.title, s.word, "标题"); break;
      case stmt::year: year(s); break;
      case stmt::amount_unit: amount_unit(s); break;
      case stmt::unit: unit_decl(s); break;
      case stmt::department:
        d_->header.department_code = std::string(s.word.view());
        d_->header.department_name = std::string(s.word2.view());
        break;
      case stmt::import_: import_file(s); break;
      case stmt::income: income(s); break;
      case stmt::year_end_balance: {
        if (auto m = amount(s.amount)) {
          if (d_->year_end_balance) error("E0206", "年终结转结余 is stated twice", span_of(s.keyword.b ? s.keyword : slice{s.begin, s.begin + 1}));
          d_->year_end_balance = *m;
          d_->year_end_balance_span = span_at(s.begin, 1);
        }
        break;
      }
      case stmt::item: item_stmt(s); break;
      case stmt::block_open: block_open(s); break;
      case stmt::block_close:
        if (stack_.size() <= fs_.block_floor) error("E0103", "unexpected '}': no block is open", span_at(s.begin));
        else pop_frame(true);
        break;
      case stmt::project: project_decl(s); break;
      case stmt::project_code:
      case stmt::project_kind:
      case stmt::project_function:
      case stmt::project_amount: {
        const auto p = current_project();
        if (p == npos32) error("E0207", "project field outside a project", span_at(s.begin), "write it inside 项目 … { }");
        else project_fields(s, p);
        break;
      }
      case stmt::targets_open: {
        const auto p = current_project();
        if (p == npos32) error("E0207", "绩效 outside a project", span_at(s.begin), "write it inside 项目 … { }");
        frame f;
        f.kind = frame::type::targets;
        f.project = p;
        f.span = span_at(s.begin);
        stack_.push_back(std::move(f));
    ++stack_version_;
        break;
      }
      case stmt::target: target(s); break;
      case stmt::group: group_decl(s); break;
      case stmt::prior: {
        if (auto m = amount(s.amount)) {
          const std::string name(s.word.view());
          for (const auto& p : d_->prior)
            if (p.name == name) {
              auto& d = error("E0303", "prior-year figure '" + name + "' is stated twice", span_of(s.word));
              d.notes.push_back({"first stated here", p.span});
            }
          d_->prior.push_back({name, *m, span_of(s.word)});
        }
        break;
      }
      case stmt::figure: {
        if (auto m = amount(s.amount)) add_figure(s, true, *m, 0);
        break;
      }
      case stmt::count: {
        std::int64_t n = 0;
        const auto t = s.amount.view();
        bool ok = !t.empty() && t.size() < 18;
        for (char c : t) ok = ok && c >= '0' && c <= '9';
        if (!ok) {
          error("E0202", "a count must be a whole number", span_of(s.amount), "found '" + std::string(t) + "'");
          break;
        }
        for (char c : t) n = n * 10 + (c - '0');
        add_figure(s, false, {}, n);
        break;
      }
      case stmt::measure: measure_decl(s); break;
      case stmt::constraint: constraint_decl(s); break;
      case stmt::table_note: {
        std::string id(s.word.view());
        for (const auto& n : d_->table_notes)
          if (n.table == id) {
            auto& d = error("E0303", "table note for '" + id + "' is given twice", span_of(s.word));
            d.notes.push_back({"first given here", n.span});
            return;
          }
        d_->table_notes.push_back({id, std::string(s.word2.view()), span_of(s.word)});
        break;
      }
      case stmt::catalog_entry: {
        std::string digits;
        for (char c : s.word.view())
          if (c >= '0' && c <= '9') digits += c;
        const char lead = digits.empty() ? '0' : digits[0];
        const bool ok = (lead == '2' && (digits.size() == 3 || digits.size() == 5 || digits.size() == 7)) ||
                        ((lead == '3' || lead == '5') && (digits.size() == 3 || digits.size() == 5));
        if (!ok) {
          error("E0201", "malformed code '" + std::string(s.word.view()) + "'", span_of(s.word),
                "a functional code (2…, 3/5/7 digits) or an economic code (3… or 5…, 3/5 digits)");
          break;
        }
        for (const auto& e : d_->catalog_extensions)
          if (e.digits == digits) {
            auto& d = error("E0303", "catalog entry " + digits + " is declared twice", span_of(s.word));
            d.notes.push_back({"first declared here", e.span});
            return;
          }
        d_->catalog_extensions.push_back({digits, std::string(s.word2.view()), span_of(s.word)});
        break;
      }
      case stmt::catalog_edition: {
        int y = 0;
        bool ok = s.word.size() == 4;
        for (char c : s.word.view()) {
          ok = ok && c >= '0' && c <= '9';
          y = y * 10 + (c - '0');
        }
        if (!ok) {
          error("E0206", "invalid catalog edition", span_of(s.word), "expected a year such as 2024");
          break;
        }
        d_->catalog_year = y;
        break;
      }
      case stmt::none: break;
    }
  }

  void header_text(std::string& field, slice value, const char*) {
    if (fs_.index == 0 || field.empty()) field = std::string(value.view());
  }

  void year(const syntax::statement& s) {
    int y = 0;
    bool ok = s.word.size() == 4;
    for (char c : s.word.view()) {
      ok = ok && c >= '0' && c <= '9';
      y = y * 10 + (c - '0');
    }
    if (!ok || y < 1949 || y > 2200) {
      error("E0206", "invalid year", span_of(s.word), "expected a year such as 2024, found '" + std::string(s.word.view()) + "'");
      return;
    }
    if (d_->header.year != 0 && d_->header.year != y) {
      auto& d = error("E0206", "year " + std::to_string(y) + " differs from the budget's year " + std::to_string(d_->header.year),
                      span_of(s.word));
      d.notes.push_back({"the year was declared here", year_span_});
      return;
    }
    d_->header.year = y;
    year_span_ = span_of(s.word);
  }

  void amount_unit(const syntax::statement& s) {
    auto u = parse_unit(s.word.view());
    if (!u) {
      auto& d = error("E0205", "unknown unit of amounts '" + std::string(s.word.view()) + "'", span_of(s.word));
      d.expected = "元, 万元 or 亿元";
      d.found = "'" + std::string(s.word.view()) + "'";
      return;
    }
    if (fs_.items > 0 && u != fs_.amount_unit) {
      error("E0206", "金额单位 must come before the first amount of the file", span_of(s.word),
            "amounts above it were read in " + std::string(unit_name(fs_.amount_unit)));
      return;
    }
    fs_.amount_unit = *u;
    if (fs_.index == 0) d_->header.amount_unit = *u;
  }

  void unit_decl(const syntax::statement& s) {
    std::optional<unit_type> type;
    if (s.word3) {
      type = parse_unit_type(s.word3.view());
      if (!type) {
        auto& d = error("E0205", "unknown unit type '" + std::string(s.word3.view()) + "'", span_of(s.word3));
        d.expected = "行政, 参公 or 事业";
        d.found = "'" + std::string(s.word3.view()) + "'";
      }
    }
    const std::string code(s.word.view()), name(s.word2.view());
    if (fs_.index == 0 && d_->header.unit_code.empty()) {
      d_->header.unit_code = code;
      d_->header.unit_name = name;
      d_->header.type = type.value_or(unit_type::unknown);
      d_->units[0] = {code, name, type.value_or(unit_type::unknown), span_of(s.word)};
      fs_.unit_index = 0;
    } else {
      std::uint16_t idx = 0;
      bool found = false;
      for (std::size_t i = 0; i < d_->units.size(); ++i)
        if (d_->units[i].code == code) {
          idx = static_cast<std::uint16_t>(i);
          found = true;
        }
      if (!found) {
        d_->units.push_back({code, name, type.value_or(unit_type::unknown), span_of(s.word)});
        idx = static_cast<std::uint16_t>(d_->units.size() - 1);
      }
      fs_.unit_index = idx;
    }
    fs_.unit_declared = true;
  }

  void import_file(const syntax::statement& s) {
    const std::string rel(s.word.view());
    const source_span at = span_of(s.word);
    std::error_code ec;
    const fs::path base = import_stack_.back().parent_path();
    const fs::path target = fs::weakly_canonical(base / fs::path(rel), ec);
    auto rel_to_root = target.lexically_relative(root_);
    if (rel_to_root.empty() || *rel_to_root.begin() == "..") {
      auto& d = error("E0313", "import '" + rel + "' leaves the budget's root directory", at);
      d.notes.push_back({"imports must stay under " + root_.string(), {}});
      return;
    }
    for (const auto& p : import_stack_)
      if (p == target) {
        auto& d = error("E0312", "import cycle: '" + rel + "' is already being imported", at);
        std::string chain;
        for (const auto& q : import_stack_) chain += q.lexically_relative(root_).string() + " → ";
        chain += target.lexically_relative(root_).string();
        d.notes.push_back({"cycle: " + chain, {}});
        return;
      }
    if (imported_.count(target)) return;  // each file is read once
    if (!fs::exists(target, ec)) {
      error("E0311", "imported file '" + rel + "' not found", at, "no such file: " + target.lexically_relative(root_).string());
      return;
    }
    std::string text;
    if (!read_file(target, rel, text, at)) return;
    imported_.insert(target);
    const std::string shown = (fs::path(cur_file_->name()).parent_path() / rel).lexically_normal().string();
    process_file(shown, std::move(text), target, fs_.amount_unit, fs_.unit_index);
  }

  std::optional<money> amount(slice text) {
    std::error_code ec;
    std::size_t pos = 0;
    const money m = money::parse(text.view(), fs_.amount_unit, ec, pos);
    ++fs_.items;  // 金额单位 must come before the file's first amount
    if (!ec) return m;
    source_span sp = span_of(text);
    if (ec == amount_errc::too_precise) {
      sp = span_at(text.b + pos, text.size() - pos);
      auto& d = error("E0202", "amount '" + std::string(text.view()) + "' is finer than 1 分 in " +
                                   std::string(unit_name(fs_.amount_unit)),
                      sp);
      d.label = "1 分 is 0." + std::string(static_cast<std::size_t>(exact_decimals(fs_.amount_unit) - 1), '0') + "1 " +
                std::string(unit_name(fs_.amount_unit));
      return std::nullopt;
    }
    if (pos < text.size()) sp = span_at(text.b + pos, 1);
    auto& d = error("E0202", "malformed amount '" + std::string(text.view()) + "'", sp,
                    describe_amount_error(text.view(), ec, pos, fs_.amount_unit));
    d.expected = "an amount such as 1,234.56";
    return std::nullopt;
  }

  void income(const syntax::statement& s) {
    auto src = parse_fund_source(s.word.view());
    if (!src || *src == fund_source::fiscal_appropriation) {
      auto& d = error("E0205", "unknown income source '" + std::string(s.word.view()) + "'", span_of(s.word));
      d.expected = "一般公共预算, 政府性基金, 国有资本经营, 财政专户管理资金, 事业收入, 事业单位经营收入, 上级补助收入, "
                   "附属单位上缴收入, 其他收入 or 上年结转结余";
      d.found = "'" + std::string(s.word.view()) + "'";
      return;
    }
    auto m = amount(s.amount);
    if (!m) return;
    for (const auto& l : d_->income)
      if (l.source == *src && !l.of_which && l.unit == fs_.unit_index) {
        auto& d = error("E0206", "income line '" + std::string(chinese_name(*src)) + "' is stated twice", span_of(s.word));
        d.notes.push_back({"first stated here", l.span});
        return;
      }
    d_->income.push_back({*src, std::nullopt, *m, span_of(s.word), fs_.unit_index});
    money_sum parts;
    for (const auto& [w, a] : s.parts) {
      auto sub = parse_fund_source(w.view());
      if (!sub) {
        error("E0205", "unknown income source '" + std::string(w.view()) + "'", span_of(w));
        continue;
      }
      if (auto sm = amount(a)) {
        d_->income.push_back({*sub, *src, *sm, span_of(w), fs_.unit_index});
        if (*sm > *m) {
          auto& d = error("E0401", "其中 " + std::string(w.view()) + " " + sm->format(fs_.amount_unit) + " exceeds " +
                                       std::string(s.word.view()) + " " + m->format(fs_.amount_unit),
                          span_of(a));
          d.expected = "at most " + m->format(fs_.amount_unit);
          d.found = sm->format(fs_.amount_unit);
        }
      }
    }
  }

  // --- codes and names ---------------------------------------------------------

  std::uint32_t intern(std::string_view s) {
    auto it = string_ids_.find(std::string(s));
    if (it != string_ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(d_->strings.size());
    d_->strings.emplace_back(s);
    string_ids_.emplace(std::string(s), id);
    return id;
  }

  template <class Code>
  void check_name(std::vector<named_code<Code>>& table, std::map<Code, std::size_t>& index, Code code, slice name) {
    if (!name) return;
    auto it = index.find(code);
    const std::string_view n = name.view();
    if (it == index.end()) {
      index.emplace(code, table.size());
      table.push_back({code, std::string(n), span_of(name)});
      return;
    }
    auto& entry = table[it->second];
    if (entry.name != n) {
      auto& d = error("E0204", "code " + code.str() + " has two names: '" + entry.name + "' and '" + std::string(n) + "'",
                      span_of(name));
      d.expected = "'" + entry.name + "'";
      d.found = "'" + std::string(n) + "'";
      d.notes.push_back({"first named here", entry.span});
    }
  }

  /// Classifies a code by its first digit: 2 功能, 3 部门经济, 5 政府经济.
  bool apply_code(slice code, slice name, function_code& fn, econ_code& econ, econ_code& gov, bool second) {
    std::uint32_t v = 0;
    int digits = 0;
    for (char c : code.view())
      if (c >= '0' && c <= '9') {
        if (digits < 9) v = v * 10 + static_cast<std::uint32_t>(c - '0');
        ++digits;
      }
    const char lead = code.view().empty() ? '0' : code.view()[0];
    auto malformed = [&](const std::string& why) {
      auto& d = error("E0201", "malformed code '" + std::string(code.view()) + "'", span_of(code), why);
      d.notes.push_back({"functional codes (功能科目) have 3, 5 or 7 digits and start with 2 (208 05 07); economic codes "
                         "have 3 or 5 digits and start with 3 (部门, 30101) or 5 (政府, 50101); an amount follows ':'",
                         {}});
      return false;
    };
    if (lead == '2') {
      if (second) return malformed("the code after '→' must be a 政府经济科目 (5xxxx)");
      if (digits != 3 && digits != 5 && digits != 7) return malformed("a functional code has 3, 5 or 7 digits");
      auto c = function_code::from_digits(v, (digits - 1) / 2);
      if (fn && fn != c && !fn.contains(c)) {
        error("E0201", "two functional codes for one item: " + fn.spaced() + " and " + c.spaced(), span_of(code));
        return false;
      }
      fn = c;
      check_name(d_->function_names, function_index_, c, name);
      return true;
    }
    if (lead == '3' || lead == '5') {
      if (digits != 3 && digits != 5) return malformed("an economic code has 3 or 5 digits");
      auto c = econ_code::from_digits(v, digits == 3 ? 1 : 2);
      econ_code& slot = lead == '3' ? econ : gov;
      if (lead == '3' && second) return malformed("the code after '→' must be a 政府经济科目 (5xxxx)");
      if (slot && slot != c) {
        error("E0201",
              std::string("two ") + (lead == '3' ? "部门" : "政府") + " economic codes for one item: " + slot.str() +
                  " and " + c.str(),
              span_of(code), "an item has one economic code (a line with no ':' runs on to the next)");
        return false;
      }
      slot = c;
      check_name(d_->econ_names, econ_index_, c, name);
      return true;
    }
    return malformed("not a classification code");
  }

  // --- coordinates -------------------------------------------------------------

  struct coords {
    function_code function;
    econ_code econ, gov;
    spending_kind kind = spending_kind::unspecified;
    std::optional<fund_source> fund;
    std::uint32_t project = npos32;
    std::string project_name;
    source_span project_span;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> tags;
    bool fixes_econ = false;
    bool ok = true;
  };

  void read_coords(const std::vector<syntax::coord>& cs, coords& out) {
    for (const auto& c : cs) {
      switch (c.kind) {
        case coord_kind::code: {
          econ_code e0 = out.econ;
          if (!apply_code(c.code, c.name, out.function, out.econ, out.gov, false)) out.ok = false;
          if (out.econ != e0) out.fixes_econ = true;
          if (c.code2 && !apply_code(c.code2, c.name2, out.function, out.econ, out.gov, true)) out.ok = false;
          break;
        }
        case coord_kind::kind: {
          auto k = parse_spending_kind(c.value.view());
          if (!k) break;
          if (out.kind == spending_kind::unspecified || parent_kind(*k) == out.kind) {
            out.kind = *k;  // the first kind, or a finer one (基本支出 人员经费)
          } else if (parent_kind(out.kind) != *k && *k != out.kind) {
            error("E0205", "conflicting kinds: " + std::string(chinese_name(out.kind)) + " and " +
                               std::string(c.value.view()),
                  span_of(c.value));
            out.ok = false;
          }  // else a coarser kind after a finer one (人员经费 基本支出): keep the finer
          break;
        }
        case coord_kind::fund: {
          auto f = parse_fund_source(c.value.view());
          if (!f) {
            auto& d = error("E0205", "unknown fund source '" + std::string(c.value.view()) + "'", span_of(c.value));
            d.expected = "一般公共预算, 政府性基金, 国有资本经营, 财政专户管理资金, 事业收入, …";
            out.ok = false;
          } else {
            out.fund = *f;
          }
          break;
        }
        case coord_kind::project:
          out.project_name = std::string(c.value.view());
          out.project_span = span_of(c.value);
          break;
        case coord_kind::tag: {
          const auto k = intern(c.key.view()), v = intern(c.value.view());
          bool replaced = false;
          for (auto& t : out.tags)
            if (t.first == k) {
              t.second = v;
              replaced = true;
            }
          if (!replaced) out.tags.emplace_back(k, v);
          break;
        }
      }
    }
  }

  std::uint32_t tag_set_id(std::vector<std::pair<std::uint32_t, std::uint32_t>> tags) {
    if (tags.empty()) return 0;
    std::sort(tags.begin(), tags.end());
    auto it = tag_set_ids_.find(tags);
    if (it != tag_set_ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(d_->tag_sets.size());
    d_->tag_sets.push_back(tags);
    tag_set_ids_.emplace(std::move(tags), id);
    return id;
  }

  /// The coordinates a new item or block inherits.
  frame inherited() const {
    if (inh_version_ != stack_version_) {
      inh_cache_ = inherited_slow();
      inh_version_ = stack_version_;
    }
    return inh_cache_;
  }
  frame inherited_slow() const {
    frame f;
    for (const auto& fr : stack_) {
      if (fr.kind == frame::type::project) {
        // inside a project its own 类型 and 功能 apply, not those of blocks around it
        f.spend = spending_kind::unspecified;
        f.function = {};
      }
      if (fr.function) f.function = fr.function;
      if (fr.econ) f.econ = fr.econ;
      if (fr.gov) f.gov = fr.gov;
      if (fr.spend != spending_kind::unspecified) f.spend = fr.spend;
      if (fr.fund) f.fund = fr.fund;
      if (fr.project != npos32) f.project = fr.project;
      if (fr.group != npos32) f.group = fr.group;
      if (fr.tags) f.tags = fr.tags;
      if (fr.line != npos32 && f.line == npos32) f.line = fr.line;
    }
    return f;
  }

  /// Combines inherited and own coordinates.  Returns false on conflicts.
  bool combine(frame& f, coords& c, source_span at) {
    if (c.function) {
      if (f.function && !f.function.contains(c.function) && f.function != c.function) {
        error("E0201", "functional code " + c.function.spaced() + " is not under the block's " + f.function.spaced(), at);
        return false;
      }
      f.function = c.function;
    }
    if (c.econ) f.econ = c.econ;
    if (c.gov) f.gov = c.gov;
    if (c.kind != spending_kind::unspecified) {
      if (f.spend != spending_kind::unspecified && c.kind != f.spend && parent_kind(c.kind) != f.spend) {
        error("E0205",
              "kind " + std::string(chinese_name(c.kind)) + " conflicts with the block's " + std::string(chinese_name(f.spend)),
              at);
        return false;
      }
      f.spend = c.kind;
    }
    if (c.fund) f.fund = c.fund;
    if (!c.project_name.empty()) {
      f.project = project_by_name_or_code(c.project_name);
      if (f.project == npos32) f.project = npos32 - 1;  // resolved later
    }
    if (!c.tags.empty()) {
      auto merged = d_->tag_sets[f.tags];
      for (auto t : c.tags) {
        bool replaced = false;
        for (auto& m : merged)
          if (m.first == t.first) {
            m.second = t.second;
            replaced = true;
          }
        if (!replaced) merged.push_back(t);
      }
      f.tags = tag_set_id(std::move(merged));
    }
    return true;
  }

  // --- items and blocks --------------------------------------------------------

  void item_stmt(const syntax::statement& s) {
    coords c;
    read_coords(s.coords, c);
    auto m = amount(s.amount);
    if (!c.ok || !m) return;
    frame f = inherited();
    const source_span at = span_at(s.begin);
    if (!combine(f, c, at)) return;
    item it;
    it.amount = *m;
    it.function = f.function;
    it.econ = f.econ;
    it.gov_econ = f.gov;
    it.kind = f.spend;
    it.fund = f.fund.value_or(fund_source::general_budget);
    it.file = fs_.index;
    it.unit = fs_.unit_index;
    it.offset = offset_of(s.begin);
    it.group = f.group;
    it.tags = f.tags;
    it.line = f.line != npos32 ? f.line : d_->line_count++;
    if (f.project == npos32 - 1) {
      pending_.push_back({d_->items.size(), c.project_name, c.project_span});
      it.project = npos32;
    } else {
      it.project = f.project;
    }
    if (it.project != npos32) {
      auto& p = d_->projects[it.project];
      if (it.kind == spending_kind::unspecified) it.kind = p.kind;
      if (!it.function) it.function = p.function;
    }
    for (auto& fr : stack_)
      if (fr.stated_total || fr.kind == frame::type::group) fr.sum += it.amount;
    d_->items.push_back(it);
  }

  void block_open(const syntax::statement& s) {
    coords c;
    read_coords(s.coords, c);
    frame parent = inherited();
    frame f;
    f.span = span_at(s.begin);
    f.first_item = d_->items.size();
    if (c.ok) {
      frame merged = parent;
      if (combine(merged, c, f.span)) {
        f.function = c.function ? merged.function : function_code{};
        f.econ = c.econ;
        f.gov = c.gov;
        f.spend = c.kind != spending_kind::unspecified ? merged.spend : spending_kind::unspecified;
        f.fund = c.fund;
        if (!c.project_name.empty()) {
          f.project = merged.project;
          if (f.project == npos32 - 1) {
            error("E0301", "unknown project '" + c.project_name + "'", c.project_span,
                  "declare it with 项目 before using it in a block");
            f.project = npos32;
          }
        }
        if (!c.tags.empty()) f.tags = merged.tags;
      }
    }
    if (c.fixes_econ && parent.line == npos32) f.line = d_->line_count++;
    if (s.amount) {
      if (auto m = amount(s.amount)) f.stated_total = m;
    }
    stack_.push_back(std::move(f));
    ++stack_version_;
  }

  void pop_frame(bool check) {
    frame f = std::move(stack_.back());
    stack_.pop_back();
    ++stack_version_;
    if (!check) return;
    if (f.kind == frame::type::group) {
      auto& g = d_->groups[f.group];
      g.amount = f.sum.value();
      return;
    }
    if (f.stated_total) {
      const money sum = f.sum.value();
      if (sum != *f.stated_total) {
        auto& d = error("E0401",
                        "stated total " + f.stated_total->format(fs_.amount_unit) + " differs from the sum of its items " +
                            sum.format(fs_.amount_unit),
                        f.span);
        d.expected = f.stated_total->format(fs_.amount_unit);
        d.found = sum.format(fs_.amount_unit) + " (difference " + signed_text(sum - *f.stated_total) + " " +
                  std::string(unit_name(fs_.amount_unit)) + ")";
        add_item_notes(d, f.first_item, d_->items.size(), nullptr);
      }
    }
  }

  std::string signed_text(money m) const { return signed_text(m, fs_.amount_unit); }
  static std::string signed_text(money m, unit u) { return (m.sign() > 0 ? "+" : "") + m.format(u); }

  /// Notes listing the items that made up a sum (at most 10).
  void add_item_notes(diagnostic& d, std::size_t from, std::size_t to, const filter* f) {
    std::size_t shown = 0, total = 0;
    budget view(d_);
    for (std::size_t i = from; i < to; ++i) {
      const auto& it = d_->items[i];
      if (f && !matches(view, it, *f)) continue;
      ++total;
      if (shown < 10) {
        d.notes.push_back({describe(it) + " " + it.amount.format(d_->header.amount_unit),
                           {d_->sources[it.file].get(), it.offset, 1}});
        ++shown;
      }
    }
    if (total > shown) d.notes.push_back({"and " + std::to_string(total - shown) + " more items", {}});
  }

  std::string describe(const item& it) const {
    std::string s;
    if (it.function) s += it.function.spaced();
    if (it.econ) s += (s.empty() ? "" : " ") + it.econ.str();
    if (it.gov_econ) s += (s.empty() ? "" : " → ") + it.gov_econ.str();
    if (it.project != npos32) s += (s.empty() ? "" : " ") + d_->projects[it.project].name;
    return s.empty() ? "item" : s;
  }

  // --- projects ------------------------------------------------------------------

  /// A declared project by its name or its code, or npos32.
  std::uint32_t project_by_name_or_code(const std::string& key) const {
    if (auto it = project_ids_.find(key); it != project_ids_.end()) return it->second;
    if (auto it = project_codes_.find(key); it != project_codes_.end()) return it->second;
    return npos32;
  }

  std::uint32_t current_project() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->kind == frame::type::project || it->kind == frame::type::targets) return it->project;
    return npos32;
  }

  void project_decl(const syntax::statement& s) {
    const std::string name(s.word.view());
    std::uint32_t id;
    auto it = project_ids_.find(name);
    if (it != project_ids_.end()) {
      id = it->second;
      if (!s.opens_block || s.project_code || s.project_amount) {
        auto& d = error("E0303", "project '" + name + "' is declared twice", span_of(s.word));
        d.notes.push_back({"first declared here", d_->projects[id].span});
        return;
      }
    } else {
      id = static_cast<std::uint32_t>(d_->projects.size());
      project p;
      p.name = name;
      p.span = span_of(s.word);
      d_->projects.push_back(std::move(p));
      project_ids_.emplace(name, id);
      stated_project_amount_.emplace_back();
    }
    project_fields(s, id);
    if (s.opens_block) {
      frame f;
      f.kind = frame::type::project;
      f.project = id;
      f.span = span_at(s.begin);
      f.first_item = d_->items.size();
      stack_.push_back(std::move(f));
    ++stack_version_;
    }
  }

  void project_fields(const syntax::statement& s, std::uint32_t id) {
    auto& p = d_->projects[id];
    if (s.project_code) {
      const std::string code(s.project_code.view());
      auto it = project_codes_.find(code);
      if (it != project_codes_.end() && it->second != id) {
        auto& d = error("E0203", "duplicate project code " + code, span_of(s.project_code),
                        "also the code of '" + d_->projects[it->second].name + "'");
        d.notes.push_back({"first used here", code_spans_[code]});
      } else {
        project_codes_[code] = id;
        code_spans_[code] = span_of(s.project_code);
        p.code = code;
      }
    }
    if (s.project_kind) {
      auto k = parse_spending_kind(s.project_kind.view());
      if (!k || parent_kind(*k) != spending_kind::project) {
        auto& d = error("E0205", "unknown project type '" + std::string(s.project_kind.view()) + "'", span_of(s.project_kind));
        d.expected = "其他运转类 or 特定目标类";
        d.found = "'" + std::string(s.project_kind.view()) + "'";
      } else {
        p.kind = *k;
      }
    }
    if (s.project_function) {
      function_code fn;
      econ_code e, g;
      if (apply_code(s.project_function, {}, fn, e, g, false)) {
        if (!fn) error("E0201", "a project's 功能 must be a functional code", span_of(s.project_function));
        p.function = fn;
      }
    }
    if (s.project_amount) {
      if (auto m = amount(s.project_amount)) stated_project_amount_[id] = {*m, span_of(s.project_amount)};
    }
  }

  void target(const syntax::statement& s) {
    const auto p = current_project();
    if (!stack_.empty() && stack_.back().kind == frame::type::targets && p == npos32) return;  // its 绩效 was reported
    if (p == npos32 || stack_.empty() || stack_.back().kind != frame::type::targets) {
      error("E0207", "performance target outside 绩效 { }", span_at(s.begin), "write it inside a project's 绩效 { } block");
      return;
    }
    performance_target t;
    t.category = parse_target_category(s.category.view()).value_or(target_category::output);
    t.indicator = std::string(s.indicator.view());
    t.comparator = std::string(s.comparator.view());
    if (t.comparator == ">=") t.comparator = "≥";
    if (t.comparator == "<=") t.comparator = "≤";
    if (t.comparator == "＝") t.comparator = "=";
    t.number = std::string(s.number.view());
    t.unit = std::string(s.value_unit.view());
    t.text = std::string(s.text.view());
    t.span = span_at(s.begin);
    d_->projects[p].targets.push_back(std::move(t));
  }

  void group_decl(const syntax::statement& s) {
    project_group g;
    g.name = std::string(s.word.view());
    g.span = span_of(s.word);
    for (const auto& m : s.members) {
      const std::string n(m.view());
      const std::uint32_t id = project_by_name_or_code(n);
      if (id == npos32) {
        error("E0301", "unknown project '" + n + "'", span_of(m), "declare it with 项目 before the group");
        continue;
      }
      if (d_->projects[id].group != npos32) {
        auto& d = error("E0303", "project '" + n + "' is already in group '" + d_->groups[d_->projects[id].group].name + "'",
                        span_of(m));
        d.notes.push_back({"that group", d_->groups[d_->projects[id].group].span});
        continue;
      }
      d_->projects[id].group = static_cast<std::uint32_t>(d_->groups.size());
      g.members.push_back(id);
    }
    coords c;
    read_coords(s.coords, c);
    frame f;
    f.kind = frame::type::group;
    f.group = static_cast<std::uint32_t>(d_->groups.size());
    f.span = span_at(s.begin);
    f.first_item = d_->items.size();
    frame merged = inherited();
    if (c.ok && combine(merged, c, f.span)) {
      f.function = c.function ? merged.function : function_code{};
      f.econ = c.econ;
      f.gov = c.gov;
      f.spend = c.kind != spending_kind::unspecified ? merged.spend : spending_kind::unspecified;
      f.fund = c.fund;
      if (!c.tags.empty()) f.tags = merged.tags;
    }
    d_->groups.push_back(std::move(g));
    stack_.push_back(std::move(f));
    ++stack_version_;
  }

  // --- figures, measures, constraints ---------------------------------------------

  void add_figure(const syntax::statement& s, bool is_money, money m, std::int64_t n) {
    const std::string name(s.word.view());
    for (const auto& f : d_->figures)
      if (f.name == name) {
        auto& d = error("E0303", "figure '" + name + "' is stated twice", span_of(s.word));
        d.notes.push_back({"first stated here", f.span});
        return;
      }
    figure f;
    f.name = name;
    f.is_money = is_money;
    f.amount = m;
    f.count = n;
    f.unit = std::string(s.word2.view());
    f.span = span_of(s.word);
    d_->figures.push_back(std::move(f));
  }

  /// Converts a parsed expression tree to the model's form.
  expr to_expr(const syntax::statement& s, std::uint32_t id, bool& ok) {
    const auto& n = s.nodes[id];
    expr e;
    e.span = {cur_file_, offset_of(n.begin), static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(n.end - n.begin, 1))};
    using T = syntax::node::type;
    switch (n.t) {
      case T::amount: {
        e.kind = expr::op::money_literal;
        e.name = std::string(n.tok.view());
        if (auto m = amount(n.tok)) e.amount = *m;
        else ok = false;
        break;
      }
      case T::percent: {
        e.kind = expr::op::percent_literal;
        std::string t(n.tok.view());
        t.pop_back();
        if (t.size() >= 2 && static_cast<unsigned char>(t.back()) >= 0x80) t.resize(t.size() - 2);  // ％ (3 bytes)
        const auto dot = t.find('.');
        e.scale = dot == std::string::npos ? 0 : static_cast<int>(t.size() - dot - 1);
        std::error_code pec;
        const auto pct = decimal<6>::parse(t, pec);  // exact up to six decimals
        if (pec || e.scale > 6) {
          error("E0202", "malformed percentage '" + std::string(n.tok.view()) + "'", span_of(n.tok),
                !pec ? "a percentage has at most six decimals" : "expected a percentage such as 6.06%");
          ok = false;
          break;
        }
        e.percent_units = pct.units() / static_cast<std::int64_t>(pow10(6 - e.scale));
        break;
      }
      case T::name:
        e.kind = expr::op::name;
        e.name = std::string(n.tok.view());
        break;
      case T::prior:
        e.kind = expr::op::prior;
        e.name = std::string(n.tok.view());
        break;
      case T::sum:
      case T::count:
        e.kind = n.t == T::sum ? expr::op::sum : expr::op::count;
        e.where = to_filter(s, n.kids[0], ok);
        break;
      case T::share:
        e.kind = expr::op::share;
        e.args.push_back(to_expr(s, n.kids[0], ok));
        e.args.push_back(to_expr(s, n.kids[1], ok));
        break;
      case T::change:
        e.kind = expr::op::change;
        e.args.push_back(to_expr(s, n.kids[0], ok));
        break;
      case T::add:
      case T::sub:
        e.kind = n.t == T::add ? expr::op::add : expr::op::sub;
        e.args.push_back(to_expr(s, n.kids[0], ok));
        e.args.push_back(to_expr(s, n.kids[1], ok));
        break;
      case T::neg:
        e.kind = expr::op::neg;
        e.args.push_back(to_expr(s, n.kids[0], ok));
        break;
      default: ok = false;
    }
    return e;
  }

  filter to_filter(const syntax::statement& s, std::uint32_t id, bool& ok) {
    const auto& n = s.nodes[id];
    filter f;
    f.span = {cur_file_, offset_of(n.begin ? n.begin : s.begin),
              static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(n.end - n.begin, 1))};
    using T = syntax::node::type;
    switch (n.t) {
      case T::f_all: f.kind = filter::op::all; break;
      case T::f_and:
      case T::f_or:
        f.kind = n.t == T::f_and ? filter::op::and_ : filter::op::or_;
        f.children.push_back(to_filter(s, n.kids[0], ok));
        f.children.push_back(to_filter(s, n.kids[1], ok));
        break;
      case T::f_not:
        f.kind = filter::op::not_;
        f.children.push_back(to_filter(s, n.kids[0], ok));
        break;
      case T::f_cmp: {
        using C = syntax::node::cmp;
        f.kind = n.op == C::eq ? filter::op::eq : n.op == C::ne ? filter::op::ne : n.op == C::in ? filter::op::in : filter::op::not_in;
        if (!resolve_dimension(n.tok, f.dim)) {
          ok = false;
          break;
        }
        for (const auto& v : n.values) {
          filter_value fv;
          if (!resolve_value(f.dim, v, fv)) ok = false;
          f.values.push_back(std::move(fv));
        }
        break;
      }
      default: ok = false;
    }
    return f;
  }

  bool resolve_dimension(slice tok, dimension_ref& out) {
    if (parse_dimension(tok.view(), out)) return true;
    auto& d = error("E0304", "unknown level in '" + std::string(tok.view()) + "'", span_of(tok));
    d.expected = "功能.类 / 功能.款 / 功能.项, 经济.类 / 经济.款 or 政府经济.类 / 政府经济.款";
    return false;
  }

  bool resolve_value(const dimension_ref& dim, slice v, filter_value& out) {
    out.text = std::string(v.view());
    switch (dim.dim) {
      case dimension::function: {
        auto c = function_code::parse(v.view());
        if (!c || out.text[0] != '2') {
          error("E0201", "'" + out.text + "' is not a functional code", span_of(v), "expected a code such as 208 05 07");
          return false;
        }
        out.function = *c;
        if (dim.level && c->level() != dim.level) {
          error("E0304", "'" + out.text + "' is not a code of the level " + std::string(dim.level == 1 ? "类" : dim.level == 2 ? "款" : "项"),
                span_of(v), dim.level == 1 ? "a 类 has 3 digits" : dim.level == 2 ? "a 款 has 5 digits" : "a 项 has 7 digits");
          return false;
        }
        return true;
      }
      case dimension::econ:
      case dimension::gov_econ: {
        auto c = econ_code::parse(v.view());
        const char want = dim.dim == dimension::econ ? '3' : '5';
        if (!c || out.text[0] != want) {
          error("E0201", "'" + out.text + "' is not a" + std::string(dim.dim == dimension::econ ? " 部门" : " 政府") + " economic code",
                span_of(v), std::string("expected a code such as ") + (want == '3' ? "30101" : "50101"));
          return false;
        }
        out.econ = *c;
        if (dim.level && c->level() != dim.level) {
          error("E0304", "'" + out.text + "' is not a code of the level " + std::string(dim.level == 1 ? "类" : "款"),
                span_of(v), dim.level == 1 ? "a 类 has 3 digits" : "a 款 has 5 digits");
          return false;
        }
        return true;
      }
      case dimension::kind: {
        auto k = parse_spending_kind(v.view());
        if (!k) {
          auto& d = error("E0205", "unknown kind '" + out.text + "'", span_of(v));
          d.expected = "基本支出, 人员经费, 公用经费, 项目支出, 其他运转类 or 特定目标类";
          return false;
        }
        out.kind = *k;
        return true;
      }
      case dimension::fund: {
        auto f = parse_fund_source(v.view());
        if (!f) {
          error("E0205", "unknown fund source '" + out.text + "'", span_of(v));
          return false;
        }
        out.fund = *f;
        return true;
      }
      case dimension::project:
      case dimension::unit: return true;  // resolved by name once every project and unit is known
      case dimension::tag: out.id = intern(v.view()); return true;
    }
    return true;
  }

  void measure_decl(const syntax::statement& s) {
    const std::string name(s.word.view());
    for (const auto& m : d_->measures)
      if (m.name == name) {
        auto& d = error("E0303", "measure '" + name + "' is defined twice", span_of(s.word));
        d.notes.push_back({"first defined here", m.span});
        return;
      }
    bool ok = true;
    measure m;
    m.name = name;
    m.span = span_of(s.word);
    m.definition = to_expr(s, s.lhs, ok);
    if (!ok) return;
    d_->measures.push_back(std::move(m));
  }

  void constraint_decl(const syntax::statement& s) {
    bool ok = true;
    constraint_def c;
    c.lhs = to_expr(s, s.lhs, ok);
    c.text = statement_text(s);
    c.span = span_at(s.begin, std::min<std::size_t>(s.end - s.begin, c.text.size()));
    c.file_unit = fs_.amount_unit;
    if (!s.group_dims.empty()) {
      for (const auto& dtok : s.group_dims) {
        dimension_ref d;
        if (!resolve_dimension(dtok, d)) ok = false;
        c.by.push_back(std::move(d));
      }
      for (const auto& row : s.rows) {
        grouped_row gr;
        for (const auto& k : row.keys) gr.keys.emplace_back(k.view());
        gr.span = span_at(row.at, static_cast<std::size_t>(row.keys.back().e - row.at));
        if (gr.keys.size() != c.by.size()) {
          error("E0504", "row has " + std::to_string(gr.keys.size()) + " keys for " + std::to_string(c.by.size()) + " dimensions",
                gr.span);
          ok = false;
        }
        if (auto m = amount(row.amount)) gr.amount = *m;
        else ok = false;
        c.rows.push_back(std::move(gr));
      }
    } else if (s.yoy_kind != syntax::yoy::none) {
      c.yoy = s.yoy_kind;
      c.yoy_value = std::string(s.yoy_value.view());
      if (s.yoy_value) c.yoy_span = span_of(s.yoy_value);
      if (s.yoy_kind == syntax::yoy::decrease || s.yoy_kind == syntax::yoy::increase) {
        if (auto m = amount(s.yoy_value)) c.rhs.amount = *m;
        else ok = false;
      } else if (s.yoy_kind == syntax::yoy::fall || s.yoy_kind == syntax::yoy::growth) {
        syntax::statement tmp;
        syntax::node n;
        n.t = syntax::node::type::percent;
        n.tok = s.yoy_value;
        n.begin = s.yoy_value.b;
        n.end = s.yoy_value.e;
        tmp.nodes.push_back(n);
        c.rhs = to_expr(tmp, 0, ok);
      }
    } else {
      c.cmp = std::string(s.cmp.view());
      c.rhs = to_expr(s, s.rhs, ok);
    }
    if (s.tolerance) {
      if (auto m = amount(s.tolerance)) c.tolerance = *m;
      else ok = false;
    }
    c.warning = s.warning;
    c.message = std::string(s.message.view());
    if (ok) constraints_.push_back(std::move(c));
  }

  /// A statement as written, for messages: up to its end or its first '{',
  /// without comments and trailing blanks.
  static std::string statement_text(const syntax::statement& s) {
    std::string out;
    bool in_string = false;
    for (const char* p = s.begin; p < s.end; ++p) {
      const char c = *p;
      if (c == '"') in_string = !in_string;
      if (!in_string && (c == '#' || (c == '/' && p + 1 < s.end && p[1] == '/'))) {
        while (p < s.end && *p != '\n') ++p;
        if (p == s.end) break;
      }
      if (!in_string && c == '{') break;
      out += *p;
    }
    std::string collapsed;
    for (char c : out) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
      collapsed += c;
    }
    while (!collapsed.empty() && (collapsed.back() == ' ' || collapsed.back() == ';')) collapsed.pop_back();
    return collapsed;
  }

  // --- the end: checks -----------------------------------------------------------

  compile_result finish() {
    if (syntax_errors_ > opt_.max_errors) {
      diagnostic d;
      d.level = severity::error;
      d.code = "E0102";
      d.message = std::to_string(syntax_errors_ - opt_.max_errors) + " more syntax errors not shown";
      diags_.add(std::move(d));
    }
    resolve_pending();
    check_projects();
    check_groups();
    sort_names();
    check_balance();
    if (opt_.check_catalog) detail::check_catalog(budget(d_), diags_);
    d_->columns = detail::make_columns(d_->items, d_.get());  // for the grouped constraints and every query after
    budget b(d_);
    evaluator ev(b, diags_);
    for (auto& m : d_->measures) m.value = ev.measure_value(m.name).value_or(money{});
    for (const auto& c : constraints_) {
      if (!c.by.empty())
        d_->constraints.push_back(ev.check_grouped(c.lhs, c.by, c.rows, c.warning, c.message, c.text, c.span, c.file_unit));
      else
        d_->constraints.push_back(ev.check(c.lhs, c.rhs, c.cmp, c.yoy, c.tolerance, c.warning, c.message, c.text, c.span,
                                           c.file_unit, c.yoy_span));
    }
    compile_result r;
    if (!diags_.has_errors()) r.value = budget(d_);
    r.diagnostics = std::move(diags_);
    return r;
  }

  void resolve_pending() {
    for (const auto& p : pending_) {
      const std::uint32_t id = project_by_name_or_code(p.name);
      if (id == npos32) {
        error("E0301", "unknown project '" + p.name + "'", p.span, "no 项目 of this name or code");
        continue;
      }
      auto& item = d_->items[p.item];
      item.project = id;
      const auto& pr = d_->projects[id];
      if (item.kind == spending_kind::unspecified) item.kind = pr.kind;
      if (!item.function) item.function = pr.function;
    }
    for (auto& m : d_->measures) resolve_projects(m.definition);
    for (auto& c : constraints_) {
      resolve_projects(c.lhs);
      resolve_projects(c.rhs);
    }
  }

  void resolve_projects(expr& e) {
    resolve_projects(e.where);
    for (auto& a : e.args) resolve_projects(a);
  }
  void resolve_projects(filter& f) {
    for (auto& c : f.children) resolve_projects(c);
    if ((f.dim.dim != dimension::project && f.dim.dim != dimension::unit) || f.kind == filter::op::all ||
        f.kind == filter::op::and_ || f.kind == filter::op::or_ || f.kind == filter::op::not_)
      return;
    for (auto& v : f.values) {
      if (f.dim.dim == dimension::unit) {
        bool found = false;
        for (std::uint32_t u = 0; u < d_->units.size(); ++u)
          if (d_->units[u].code == v.text || d_->units[u].name == v.text) {
            v.id = u;
            found = true;
          }
        if (!found) error("E0301", "unknown unit '" + v.text + "'", f.span, "no 单位 of this code or name");
        continue;
      }
      if (const auto id = project_by_name_or_code(v.text); id != npos32) {
        v.id = id;
        continue;
      }
      bool found = false;
      for (std::uint32_t g = 0; g < d_->groups.size(); ++g)
        if (d_->groups[g].name == v.text) {
          v.id = g | 0x80000000u;
          found = true;
        }
      if (!found) error("E0301", "unknown project '" + v.text + "'", f.span, "no 项目 or 项目组 of this name or code");
    }
  }

  void check_projects() {
    std::vector<money_sum> sums(d_->projects.size());
    std::vector<std::size_t> counts(d_->projects.size());
    for (const auto& it : d_->items)
      if (it.project != npos32) {
        sums[it.project] += it.amount;
        ++counts[it.project];
      }
    for (std::size_t i = 0; i < d_->projects.size(); ++i) {
      auto& p = d_->projects[i];
      const auto& stated = stated_project_amount_[i];
      p.has_items = counts[i] != 0;
      if (p.has_items) {
        p.amount = sums[i].value();
        if (stated.first && *stated.first != p.amount) {
          auto& d = error("E0402",
                          "project '" + p.name + "' amount " + stated.first->format(d_->header.amount_unit) +
                              " differs from its items " + p.amount.format(d_->header.amount_unit),
                          stated.second);
          d.expected = stated.first->format(d_->header.amount_unit);
          d.found = p.amount.format(d_->header.amount_unit) + " in its items (difference " +
                    signed_text(p.amount - *stated.first, d_->header.amount_unit) + ")";
          filter f;
          f.kind = filter::op::eq;
          f.dim.dim = dimension::project;
          filter_value v;
          v.id = static_cast<std::uint32_t>(i);
          f.values.push_back(v);
          add_item_notes(d, 0, d_->items.size(), &f);
        }
        if (p.group != npos32) {
          auto& d = error("E0403", "project '" + p.name + "' has items of its own and is also in group '" +
                                       d_->groups[p.group].name + "'",
                          p.span);
          d.notes.push_back({"the group", d_->groups[p.group].span});
        }
      } else if (stated.first) {
        p.amount = *stated.first;
        if (p.group == npos32 && !p.amount.is_zero()) {
          auto& d = report(severity::warning, "W0405",
                           "project '" + p.name + "' has an amount but no items and is in no 项目组", stated.second);
          d.label = "this amount is not part of the budget's expenditure";
          d.notes.push_back({"give the project its items (in its block, or with 项目 on items), or list it in a 项目组 "
                             "whose block gives the economic breakdown",
                             {}});
        }
      } else if (p.group != npos32) {
        error("E0402", "project '" + p.name + "' in group '" + d_->groups[p.group].name + "' needs a 金额", p.span);
      }
    }
  }

  void check_groups() {
    for (std::size_t g = 0; g < d_->groups.size(); ++g) {
      auto& grp = d_->groups[g];
      money_sum members;
      for (auto m : grp.members) members += d_->projects[m].amount;
      const money breakdown = grp.amount;  // Σ items, set when the block closed
      const money expected = members.value();
      if (breakdown != expected) {
        auto& d = error("E0403",
                        "the breakdown of group '" + grp.name + "' sums to " + breakdown.format(d_->header.amount_unit) +
                            ", but its projects sum to " + expected.format(d_->header.amount_unit),
                        grp.span);
        d.expected = expected.format(d_->header.amount_unit) + " (Σ of the projects)";
        d.found = breakdown.format(d_->header.amount_unit) + " (difference " + signed_text(breakdown - expected, d_->header.amount_unit) + ")";
        for (auto m : grp.members)
          d.notes.push_back({d_->projects[m].name + " " + d_->projects[m].amount.format(d_->header.amount_unit),
                             d_->projects[m].span});
      }
      grp.amount = expected;
    }
  }

  void sort_names() {
    std::sort(d_->function_names.begin(), d_->function_names.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    std::sort(d_->econ_names.begin(), d_->econ_names.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  }

  void check_balance() {
    if (d_->income.empty()) return;  // a file of items or rules only
    budget b(d_);
    const money in = b.income_grand_total(), out = b.expenditure_grand_total();
    if (in != out) {
      auto& d = error("E0404",
                      "income total " + in.format(d_->header.amount_unit) + " differs from expenditure total " +
                          out.format(d_->header.amount_unit),
                      d_->income.front().span);
      d.expected = in.format(d_->header.amount_unit) + " (收入总计)";
      d.found = out.format(d_->header.amount_unit) + " (支出总计; difference " + signed_text(out - in, d_->header.amount_unit) + " " +
                std::string(unit_name(d_->header.amount_unit)) + ")";
      d.notes.push_back({"收入总计 = 本年收入合计 + 上年结转结余; 支出总计 = Σ items + 年终结转结余", {}});
    }
  }

  mutable frame inh_cache_;
  mutable std::size_t inh_version_ = static_cast<std::size_t>(-1);
  std::size_t stack_version_ = 0;
  compile_options opt_;
  std::shared_ptr<budget_data> d_;
  diagnostics diags_;
  std::vector<frame> stack_;
  syntax::statement st_;
  const source_file* cur_file_ = nullptr;
  file_state fs_;
  std::vector<fs::path> import_stack_;
  std::set<fs::path> imported_;
  fs::path root_;
  std::size_t syntax_errors_ = 0;
  source_span year_span_;
  std::unordered_map<std::string, std::uint32_t> string_ids_;
  std::map<std::vector<std::pair<std::uint32_t, std::uint32_t>>, std::uint32_t> tag_set_ids_;
  std::map<function_code, std::size_t> function_index_;
  std::map<econ_code, std::size_t> econ_index_;
  std::unordered_map<std::string, std::uint32_t> project_ids_;
  std::unordered_map<std::string, std::uint32_t> project_codes_;
  std::unordered_map<std::string, source_span> code_spans_;
  std::vector<std::pair<std::optional<money>, source_span>> stated_project_amount_;
  std::vector<pending_project_ref> pending_;
  std::vector<constraint_def> constraints_;
};

}  // namespace yusuan::detail

namespace yusuan {

YUSUAN_DECL compile_result compile_file(const std::filesystem::path& file, const compile_options& options) {
  detail::compiler c(options);
  return c.run_file(file);
}

YUSUAN_DECL query_parse_result parse_query(std::string_view text, const budget& b) {
  detail::compiler c(compile_options{});
  return c.run_query(text, b);
}

YUSUAN_DECL compile_result compile_string(std::string_view text, std::string name, const compile_options& options) {
  detail::compiler c(options);
  return c.run_string(text, std::move(name));
}

}  // namespace yusuan
