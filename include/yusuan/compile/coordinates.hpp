// yusuan/compile/coordinates.hpp -- the coordinates of items and blocks:
// classification codes (by their first digit: 2 功能, 3 部门经济, 5 政府经济)
// with the names a budget gives them, kinds, fund sources, projects and tags;
// and how a statement's coordinates combine with those of its blocks.
#pragma once

#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/compile/vocabulary.hpp>
#include <yusuan/compile/scope.hpp>
#include <yusuan/compile/values.hpp>
#include <yusuan/syntax/ast.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

namespace yusuan::compile {

/// The coordinates a statement writes, read and checked.
struct coordinates {
  function_code function;
  econ_code econ, gov;
  spending_kind kind = spending_kind::unspecified;
  std::optional<fund_source> fund;
  fund_source balance_of = fund_source::carryover;  // 资金 上年结转结余.一般公共预算
  std::string project_name;
  source_span project_span;
  tag_list tags;
  bool fixes_econ = false;
  bool ok = true;
};

/// Marks a project reference that is resolved once every project is known.
inline constexpr std::uint32_t unresolved_project = npos32 - 1;

class coordinate_reader {
public:
  coordinate_reader(draft& d, reporter& r, value_reader& v) : d_(d), rep_(r), values_(v) {}

  /// Reads a list of coordinates into `out`.
  void read(const std::vector<syntax::ast::coordinate>& cs, coordinates& out) {
    for (const auto& c : cs) std::visit(visitor{*this, out}, c);
  }

  /// Classifies a code by its first digit: 2 功能, 3 部门经济, 5 政府经济.
  /// `mapped`: the code after an arrow, which must be a 政府 code.
  bool apply_code(slice code, slice name, function_code& fn, econ_code& econ, econ_code& gov, bool mapped) {
    // 208 01 11 ３０１０１: a code in full-width digits would be read as the
    // name of the code before it, and the item would lack it
    if (name && !name.empty() && *name.b == '\xEF')
      if (const std::string ascii = ascii_digits_at(name.b, name.e); !ascii.empty()) {
        auto& d = rep_.error("E0201", "a code in full-width digits: '" + std::string(name.view()) + "'",
                             rep_.span_of(name), "read as the name of " + std::string(code.view()));
        d.notes.push_back({"codes are written in ASCII digits: " + ascii +
                               " (full-width digits are read only in amounts, percentages and counts)",
                           {}});
        return false;
      }
    std::uint32_t v = 0;
    int digits = 0;
    for (char c : code.view())
      if (c >= '0' && c <= '9') {
        if (digits < 9) v = v * 10 + static_cast<std::uint32_t>(c - '0');
        ++digits;
      }
    const char lead = code.view().empty() ? '0' : code.view()[0];
    auto malformed = [&](const std::string& why) {
      auto& d = rep_.error("E0201", "malformed code '" + std::string(code.view()) + "'", rep_.span_of(code), why);
      d.notes.push_back({"functional codes (功能科目) have 3, 5 or 7 digits and start with 2 (208 05 07); economic codes "
                         "have 3 or 5 digits and start with 3 (部门, 30101) or 5 (政府, 50101); an amount follows ':'",
                         {}});
      if (const auto* f = rep_.file()) {  // 208.01 09
        const std::string_view t = f->text();
        const char* at = code.view().data();
        if (at >= t.data() && at < t.data() + t.size())
          if (const std::string m = mistyped_detail::mixed_code_groups(t.data(), at, t.data() + t.size()); !m.empty())
            d.notes.push_back({mistyped_detail::mixed_code_note(m), {}});
      }
      return false;
    };
    // a well-formed code of another kind after '→': no malformed code, but
    // the wrong one (the 政府 code the 部门 code maps to belongs there)
    auto not_gov = [&](const char* kind) {
      auto& d = rep_.error("E0201", std::string("a ") + kind + " after '→': '" + std::string(code.view()) + "'",
                           rep_.span_of(code), "the code after '→' must be a 政府经济科目 (5xxxx)");
      d.notes.push_back({"'→' maps the item's 部门经济科目 (3xxxx) to its 政府经济科目 (5xxxx)", {}});
      return false;
    };
    if (lead == '2') {
      if (mapped) return digits == 3 || digits == 5 || digits == 7 ? not_gov("functional code (功能科目)")
                                                                   : malformed("the code after '→' must be a 政府经济科目 (5xxxx)");
      if (digits != 3 && digits != 5 && digits != 7) return malformed("a functional code has 3, 5 or 7 digits");
      auto c = function_code::from_digits(v, (digits - 1) / 2);
      if (fn && fn != c && !fn.contains(c)) {
        rep_.error("E0201", "two functional codes for one item: " + fn.spaced() + " and " + c.spaced(),
                   rep_.span_of(code));
        return false;
      }
      fn = c;
      name_code(d_.data->function_names, d_.function_index, c, name);
      return true;
    }
    if (lead == '3' || lead == '5') {
      if (digits != 3 && digits != 5) return malformed("an economic code has 3 or 5 digits");
      if (lead == '3' && mapped) return not_gov("部门经济科目");
      auto c = econ_code::from_digits(v, digits == 3 ? 1 : 2);
      econ_code& slot = lead == '3' ? econ : gov;
      if (slot && slot != c) {
        rep_.error("E0201",
                   std::string("two ") + (lead == '3' ? "部门" : "政府") + " economic codes for one item: " +
                       slot.str() + " and " + c.str(),
                   rep_.span_of(code), "an item has one economic code (a line with no ':' runs on to the next)");
        return false;
      }
      slot = c;
      name_code(d_.data->econ_names, d_.econ_index, c, name);
      return true;
    }
    return malformed("not a classification code");
  }

  /// Combines inherited and own coordinates into `f`.  Returns false on conflicts.
  bool combine(frame& f, const coordinates& c, source_span at) {
    if (c.function) {
      if (f.function && !f.function.contains(c.function) && f.function != c.function) {
        rep_.error("E0201",
                   "functional code " + c.function.spaced() + " is not under the block's " + f.function.spaced(), at);
        return false;
      }
      f.function = c.function;
    }
    if (c.econ) f.econ = c.econ;
    if (c.gov) f.gov = c.gov;
    if (c.kind != spending_kind::unspecified) {
      if (f.spend == spending_kind::unspecified || parent_kind(c.kind) == f.spend) {
        f.spend = c.kind;  // a kind where none was, or a finer one
      } else if (c.kind != f.spend && parent_kind(f.spend) != c.kind) {
        rep_.error("E0205",
                   "kind " + std::string(chinese_name(c.kind)) + " conflicts with the block's " +
                       std::string(chinese_name(f.spend)),
                   at);
        return false;
      }  // else the block's kind is finer (人员经费 { 基本支出 … }): keep it
    }
    if (c.fund) {
      f.fund = c.fund;
      f.balance_of = c.balance_of;
    }
    if (!c.project_name.empty()) {
      // another unit's project of the name: later, as the unit's own may follow
      f.project = d_.project_by_name_or_code(c.project_name, values_.unit_index(), true);
      if (f.project == npos32) f.project = unresolved_project;
    }
    if (!c.tags.empty()) {
      // the block's tags, then the statement's in the order written: the last
      // value of a key wins (sorted by key, so that many tags cost n log n)
      tag_list merged = d_.data->tag_sets[f.tags];
      merged.insert(merged.end(), c.tags.begin(), c.tags.end());
      keep_last_of_each_key(merged);
      f.tags = d_.tag_set_id(std::move(merged));
    }
    return true;
  }

private:
  struct visitor {
    coordinate_reader& r;
    coordinates& out;
    void operator()(const syntax::ast::code_coord& c) const {
      const econ_code before = out.econ;
      if (!r.apply_code(c.code, c.name, out.function, out.econ, out.gov, false)) out.ok = false;
      if (out.econ != before) out.fixes_econ = true;
      if (c.mapped.code && !r.apply_code(c.mapped.code, c.mapped.name, out.function, out.econ, out.gov, true))
        out.ok = false;
    }
    void operator()(const syntax::ast::kind_coord& c) const {
      auto k = parse_spending_kind(c.word.view());
      if (!k) return;
      if (out.kind == spending_kind::unspecified || parent_kind(*k) == out.kind) {
        out.kind = *k;  // the first kind, or a finer one (基本支出 人员经费)
      } else if (parent_kind(out.kind) != *k && *k != out.kind) {
        r.rep_.error("E0205",
                     "conflicting kinds: " + std::string(chinese_name(out.kind)) + " and " + std::string(c.word.view()),
                     r.rep_.span_of(c.word));
        out.ok = false;
      }  // else a coarser kind after a finer one (人员经费 基本支出): keep the finer
    }
    void operator()(const syntax::ast::fund_coord& c) const {
      const std::string_view text = c.source.view();
      if (text.find('.') != std::string_view::npos) {  // 上年结转结余.政府性基金: paid from that fund's balance
        if (const auto p = balance_fund(r.rep_, text, r.rep_.span_of(c.source))) set(c, fund_source::carryover, *p);
        else out.ok = false;
        return;
      }
      auto f = parse_fund_source(text);
      if (!f) {
        unknown_word(r.rep_, vocabulary::fund, "unknown fund source '" + std::string(c.source.view()) + "'",
                     c.source.view(), r.rep_.span_of(c.source));
        out.ok = false;
      } else {
        set(c, *f, fund_source::carryover);
      }
    }
    /// One 资金 per statement: a second that says otherwise is E0205.
    void set(const syntax::ast::fund_coord& c, fund_source f, fund_source balance_of) const {
      if (out.fund && (*out.fund != f || out.balance_of != balance_of)) {
        auto& d = r.rep_.error("E0205", "conflicting funds: " + fund_text(*out.fund, out.balance_of) + " and " +
                                            std::string(c.source.view()),
                               r.rep_.span_of(c.source), "an item is paid from one fund source");
        d.expected = fund_text(*out.fund, out.balance_of);
        d.found = "'" + std::string(c.source.view()) + "'";
        out.ok = false;
        return;
      }
      out.fund = f;
      out.balance_of = balance_of;
    }
    void operator()(const syntax::ast::project_coord& c) const {
      out.project_name = r.values_.text(c.project);
      out.project_span = r.rep_.span_of(c.project);
    }
    void operator()(const syntax::ast::tag_coord& c) const {
      // a key written twice keeps its last value (combine sorts them out)
      const auto k = r.d_.intern(c.key.view()), v = r.d_.intern(r.values_.text(c.value));
      out.tags.emplace_back(k, v);
    }
  };

  /// Records the name a budget gives a code; a second, different name is E0204.
  template <class Code>
  void name_code(std::vector<named_code<Code>>& table, std::map<Code, std::size_t>& index, Code code, slice name) {
    if (!name) return;
    auto [it, inserted] = index.try_emplace(code, table.size());
    if (inserted) {
      table.push_back({code, values_.text(name), rep_.span_of(name)});
      return;
    }
    auto& entry = table[it->second];
    // the same name again (the common case) costs no string
    const std::string_view raw = name.view();
    if (raw.find('\\') == std::string_view::npos ? entry.name == raw : entry.name == values_.text(name)) return;
    const std::string n = values_.text(name);
    auto& d = rep_.error("E0204", "code " + code.str() + " has two names: '" + entry.name + "' and '" + n + "'",
                         rep_.span_of(name));
    d.expected = "'" + entry.name + "'";
    d.found = "'" + n + "'";
    d.notes.push_back({"first named here", entry.span});
  }

  draft& d_;
  reporter& rep_;
  value_reader& values_;
};

}  // namespace yusuan::compile
