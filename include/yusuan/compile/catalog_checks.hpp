// yusuan/compile/catalog_checks.hpp -- checks of a budget against the
// classification catalogs (<yusuan/catalog.hpp>).  Spirit-free.
//
//   yusuan::diagnostics diags;
//   yusuan::compile::check_catalog(b, diags);
//
// The compiler runs this on the finished budget (before constraints are
// evaluated) unless compile_options::check_catalog is false.  Diagnostics:
//
//   E0601  unknown functional 类 (218, 226)
//   E0602  unknown functional 款 / 项 under a parent the catalog lists completely
//   W0602  unknown functional 款 / 项 where the catalog is incomplete
//   E0603  unknown economic 类 (部门 3xx, 政府 5xx), or unknown 款 under a complete 类
//   W0603  unknown economic 款 where the catalog is incomplete
//   W0604  a code's name differs from the catalog's name for the budget's year
//   W0605  a 部门 → 政府 economic pair that is not the standard one for the unit type
//   W0606  人员经费 outside 301/303, 公用经费 outside 302/310 (307, 309, 399 allowed)
//
// Each distinct problem is reported once, at its first use in source order,
// with a note counting the items concerned.  Names are compared ignoring the
// width of parentheses (（） and ()) and spaces, which published budgets mix.
//
// Editions: the budget's year picks catalog::edition(year) (that year, the
// nearest earlier edition, or the first one); year 0 takes the latest.  When
// the budget is older than every compiled-in edition, the catalog cannot know
// which codes existed then, so the unknown-code errors become warnings
// (W0601, W0602, W0603) with a note naming the edition used.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/vocabulary.hpp>
#include <yusuan/catalog.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/diagnostic.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace yusuan::compile {

namespace catalog_check {

inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// "208 01 09" for functional codes, the plain digits for economic ones.
inline std::string shown_code(code_family f, std::string_view digits) {
  if (f != code_family::function || digits.size() <= 3) return std::string(digits);
  std::string out(digits.substr(0, 3));
  for (std::size_t i = 3; i < digits.size(); i += 2) {
    out += ' ';
    out += digits.substr(i, 2);
  }
  return out;
}

/// "类", "款", "项" by the number of digits.
inline std::string_view level_word(std::size_t digits) noexcept {
  return digits <= 3 ? "类" : digits <= 5 ? "款" : "项";
}

/// "functional", "部门 economic", "政府 economic".
inline std::string_view family_word(code_family f) noexcept {
  switch (f) {
    case code_family::function: return "functional";
    case code_family::econ: return "部门 economic";
    case code_family::gov_econ: return "政府 economic";
  }
  return "";
}

/// "支出功能分类科目" and so on.
inline std::string_view family_title(code_family f) noexcept {
  switch (f) {
    case code_family::function: return "支出功能分类科目";
    case code_family::econ: return "部门预算支出经济分类科目";
    case code_family::gov_econ: return "政府预算支出经济分类科目";
  }
  return "";
}

/// "208 01 人力资源和社会保障管理事务 [K]".
inline std::string describe(code_family f, const catalog_entry& e, bool with_flags = true) {
  std::string out = shown_code(f, e.code) + " " + std::string(e.name);
  if (with_flags && e.flags != 0) out += " " + std::string(flags_text(e.flags));
  return out;
}

/// A name with parentheses made half width and spaces removed.
inline std::string normalized_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t cp = text::decode(s, i);
    if (cp == U'（') out += '(';
    else if (cp == U'）') out += ')';
    else if (cp == U' ' || cp == U'\t' || cp == U'\u3000' || cp == U'\u00A0' || cp == U'\u2007' || cp == U'\u202F')
      continue;
    else out.append(s.substr(at, i - at));
  }
  return out;
}

/// The span of `digits` as written on the line of `at` ("208 01 09",
/// "208.01.09" or "2080109"), or `at` itself when the line does not show it.
inline source_span code_span_in_line(const source_span& at, std::string_view digits) {
  if (!at.file || digits.empty()) return at;
  const auto line = at.file->line_of(at.offset);
  const std::string_view text = at.file->line_text(line);
  const std::size_t base = at.file->line_start(line);
  auto separator = [](char c) { return c == ' ' || c == '.'; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != digits[0] || (i > 0 && is_digit(text[i - 1]))) continue;
    std::size_t j = i;
    bool ok = true;
    for (std::size_t k = 0; k < digits.size(); ++k) {
      const bool group_start = k >= 3 && (k - 3) % 2 == 0;
      if (group_start && j + 1 < text.size() && separator(text[j]) && text[j + 1] == digits[k]) ++j;
      if (j >= text.size() || text[j] != digits[k]) {
        ok = false;
        break;
      }
      ++j;
    }
    if (!ok) continue;
    // A longer code (2080109 when looking for 20801) is not a match.
    if (j < text.size() && is_digit(text[j])) continue;
    if (digits.size() < 7 && j + 1 < text.size() && separator(text[j]) && is_digit(text[j + 1])) continue;
    return {at.file, static_cast<std::uint32_t>(base + i), static_cast<std::uint32_t>(j - i)};
  }
  return at;
}

/// "1 item", "3 items".
inline std::string items_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " item" : " items"); }

/// Where a problem is first met, and how many items it concerns.
struct first_use {
  source_span span;           // the item's or the name's span
  std::size_t file = SIZE_MAX;  // index into budget::sources()
  std::string written;        // the digits to look for on that line
  std::size_t items = 0;
  bool seen = false;

  void add(const source_span& at, std::size_t file_index, std::string_view digits, bool is_item) {
    if (is_item) ++items;
    if (!at.file) return;
    if (!seen || std::tie(file_index, at.offset) < std::tie(file, span.offset)) {
      span = at;
      file = file_index;
      written = std::string(digits);
      seen = true;
    }
  }
  source_span code_span() const { return code_span_in_line(span, written); }
};

/// The diagnostics collected, put into source order at the end (then in the
/// order found).
struct collected {
  std::size_t file;
  std::uint32_t offset;
  diagnostic diag;
};

class checker {
  std::map<std::string, std::string> local_;  // 科目 entries of the budget: digits → name

public:
  checker(const budget& b, diagnostics& out)
      : b_(b),
        out_(out),
        cat_(b.catalog_year() != 0 ? catalog::edition(b.catalog_year())
             : b.year() == 0       ? catalog::editions().back()
                                   : catalog::edition(b.year())) {
    for (const auto& e : b.catalog_extensions()) local_[e.digits] = e.name;
    for (std::size_t i = 0; i < b.sources().size(); ++i) files_.emplace(b.sources()[i].get(), i);
    name_year_ = b.catalog_year() != 0 ? b.catalog_year() : b.year() != 0 ? b.year() : cat_.year();
    // A budget older than every edition: the catalog cannot tell which codes existed.
    loose_ = b.year() != 0 && b.year() < cat_.year();
    fallback_ = b.year() != 0 && !catalog::has_edition(b.year());
  }

  void run() {
    check_codes();
    check_names();
    check_mapping();
    check_kinds();
    if (found_.empty()) return;
    // sorting the indices costs less than sorting the diagnostics, and the
    // index breaks ties: the sort is stable
    std::vector<std::uint32_t> order(found_.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
      return std::tie(found_[a].file, found_[a].offset, a) < std::tie(found_[b].file, found_[b].offset, b);
    });
    for (const std::uint32_t i : order) out_.add(std::move(found_[i].diag));
    // The diagnostics point into the budget's files: keep them alive.
    for (const auto& s : b_.sources())
      if (s) out_.keep(s);
  }

private:
  std::size_t file_index(const source_span& s) const {
    auto it = files_.find(s.file);
    return it == files_.end() ? SIZE_MAX : it->second;
  }

  void emit(diagnostic d, const source_span& order_by) {
    const std::size_t f = order_by.file ? file_index(order_by) : SIZE_MAX;
    found_.push_back({f, order_by.offset, std::move(d)});
  }

  std::string edition_note() const {
    return "checked against the " + std::to_string(cat_.year()) + " edition of the catalog (there is no " +
           std::to_string(b_.year()) + " edition)";
  }

  // --- unknown codes (E0601, E0602, W0602, E0603, W0603) ------------------------

  static code_family econ_family(econ_code c) noexcept {
    return c.is_government() ? code_family::gov_econ : code_family::econ;
  }

  /// The first prefix (类, then 款, then 项) of `digits` the catalog lacks.
  std::optional<std::string> first_unknown(code_family f, const std::string& digits) const {
    for (std::size_t n = 3; n <= digits.size(); n += 2)
      if (!cat_.contains(f, std::string_view(digits).substr(0, n)) && !local_.count(digits.substr(0, n)))
        return digits.substr(0, n);
    return std::nullopt;
  }

  void use(code_family f, const std::string& digits, const source_span& at, bool is_item) {
    if (digits.empty()) return;
    if (auto missing = first_unknown(f, digits))
      unknown_[{f, *missing}].add(at, file_index(at), digits, is_item);
  }

  void check_codes() {
    // Each distinct code is looked up once: a budget of a million items has
    // a few hundred codes.
    std::unordered_map<std::uint64_t, std::optional<std::string>> verdicts;
    auto item_use = [&](code_family f, std::uint32_t digits, int level, const item& it) {
      const std::uint64_t key = (std::uint64_t{static_cast<std::uint8_t>(f)} << 40) | (std::uint64_t(level) << 32) | digits;
      auto [v, fresh] = verdicts.try_emplace(key);
      const std::string text = fresh || v->second ? std::to_string(digits) : std::string();
      if (fresh) v->second = first_unknown(f, text);
      if (!v->second) return;
      const source_span at = b_.span_of(it);
      unknown_[{f, *v->second}].add(at, file_index(at), text, true);
    };
    for (const auto& it : b_.items()) {
      if (it.function) item_use(code_family::function, it.function.digits(), it.function.level(), it);
      if (it.econ) item_use(econ_family(it.econ), it.econ.digits(), it.econ.level(), it);
      if (it.gov_econ) item_use(econ_family(it.gov_econ), it.gov_econ.digits(), it.gov_econ.level(), it);
    }
    for (const auto& n : b_.function_names()) use(code_family::function, n.code.str(), n.span, false);
    for (const auto& n : b_.econ_names()) use(econ_family(n.code), n.code.str(), n.span, false);
    for (const auto& p : b_.projects())
      if (p.function) use(code_family::function, p.function.str(), p.span, false);

    for (const auto& [key, where] : unknown_) report_unknown(key.first, key.second, where);
  }

  /// The children of `parent` as "205 01 01 行政运行, …" (all of them up to
  /// 16, else the first 12).
  std::string children_list(code_family f, std::string_view parent) const {
    const auto kids = cat_.children(f, parent);
    const std::size_t limit = kids.size() <= 16 ? kids.size() : 12;
    std::string out;
    for (std::size_t i = 0; i < kids.size() && i < limit; ++i) {
      if (i) out += ", ";
      out += describe(f, *kids[i], false);
    }
    if (kids.size() > limit) out += ", … (" + std::to_string(kids.size()) + " in all)";
    return out;
  }

  /// The known 类 next to an unknown one: "217 金融支出 and 219 援助其他地区支出".
  std::string neighbours(code_family f, std::string_view digits) const {
    const auto classes = cat_.children(f, "");
    const catalog_entry* before = nullptr;
    const catalog_entry* after = nullptr;
    for (const auto* e : classes) {
      if (e->code < digits) before = e;
      else if (!after) after = e;
    }
    std::string out;
    if (before) out += describe(f, *before, false);
    if (after) out += std::string(out.empty() ? "" : " and ") + describe(f, *after, false);
    return out;
  }

  void report_unknown(code_family f, const std::string& missing, const first_use& where) {
    const bool fn = f == code_family::function;
    const std::string year = std::to_string(cat_.year());
    diagnostic d;
    d.span = where.code_span();
    if (missing.size() == 3) {
      const bool error = cat_.classes_complete(f) && !loose_;
      d.level = error ? severity::error : severity::warning;
      d.code = std::string(error ? "E" : "W") + (fn ? "0601" : "0603");
      d.message = "unknown " + std::string(family_word(f)) + " 类 " + missing;
      d.label = "no 类 " + missing + " in " + std::string(family_title(f));
      if (const auto near = neighbours(f, missing); !near.empty())
        d.notes.push_back({"the " + year + " catalog's nearest 类 are " + near, {}});
      if (!cat_.classes_complete(f))
        d.notes.push_back({"the " + year + " catalog may not list every 类 of " + std::string(family_title(f)), {}});
    } else {
      const std::string parent_digits = missing.substr(0, missing.size() - 2);
      const catalog_entry* parent = cat_.find(f, parent_digits);
      const bool error = parent != nullptr && parent->complete && !loose_;
      d.level = error ? severity::error : severity::warning;
      d.code = std::string(error ? "E" : "W") + (fn ? "0602" : "0603");
      d.message = "unknown " + std::string(family_word(f)) + " " + std::string(level_word(missing.size())) + " " +
                  shown_code(f, missing);
      if (parent) {
        const std::string parent_text = describe(f, *parent);
        if (parent->complete) {
          d.label = "not a " + std::string(level_word(missing.size())) + " of " + shown_code(f, parent_digits) + " " +
                    std::string(parent->name);
          d.notes.push_back({"the " + year + " catalog lists every " + std::string(level_word(missing.size())) + " of " +
                                 parent_text + ": " + children_list(f, parent_digits),
                             {}});
        } else {
          d.label = "not in the " + year + " catalog";
          d.notes.push_back({"the catalog is incomplete below 类: not every " + std::string(level_word(missing.size())) +
                                 " of " + parent_text + " is listed, so the code may be valid; check it against the " +
                                 "official " + std::string(family_title(f)),
                             {}});
        }
      }
    }
    if (fallback_ || loose_) d.notes.push_back({edition_note(), {}});
    if (where.items > 1) d.notes.push_back({"used by " + items_text(where.items), {}});
    emit(std::move(d), where.span);
  }

  // --- names (W0604) ------------------------------------------------------------

  template <class Code>
  void check_name(code_family f, Code code, const std::string& name, const source_span& span) {
    if (name.empty()) return;
    const std::string digits = code.str();
    std::optional<std::string_view> expected;
    if (auto local = local_.find(digits); local != local_.end()) {
      expected = local->second;  // the budget's own catalog entry wins
    } else {
      if (!cat_.contains(f, digits)) return;  // reported as an unknown code
      expected = cat_.name_in_year(f, digits, name_year_);
    }
    if (!expected || normalized_name(*expected) == normalized_name(name)) return;
    diagnostic d;
    d.level = severity::warning;
    d.code = "W0604";
    d.message = "name '" + name + "' of " + std::string(family_word(f)) + " code " + shown_code(f, digits) +
                " differs from the catalog's '" + std::string(*expected) + "'";
    d.span = span;
    d.expected = std::string(*expected);
    d.found = name;
    d.label = "did you mean '" + std::string(*expected) + "'?";
    // A misspelt kind (人员经废) reads as the code's name, and the item has
    // no kind of its own.
    std::vector<std::string> kind_zh, kind_words;
    words_of(vocabulary::kind, kind_zh, kind_words);
    if (const auto near = text::closest_names(name, kind_words, 1); !near.empty()) {
      d.label = "did you mean the kind '" + near[0] + "'?";
      d.notes.push_back({"a word after a code is the code's name; a kind is written as one of " + either_of(kind_zh), {}});
    }
    // A name from another year.
    const auto current = cat_.name(f, digits);
    for (const auto& r : cat_.renames(f)) {
      if (r.code != digits || normalized_name(r.old_name) != normalized_name(name)) continue;
      if (r.valid_until < name_year_)
        d.notes.push_back({"'" + name + "' was the name of " + shown_code(f, digits) + " up to " +
                               std::to_string(r.valid_until) + "; it was renamed in " + std::to_string(r.valid_until + 1) +
                               " to '" + std::string(current.value_or(*expected)) + "'",
                           {}});
    }
    if (current && *current != *expected && normalized_name(*current) == normalized_name(name))
      d.notes.push_back({"'" + name + "' is the name of " + shown_code(f, digits) + " in later years; in " +
                             std::to_string(name_year_) + " it was '" + std::string(*expected) + "'",
                         {}});
    emit(std::move(d), span);
  }

  void check_names() {
    for (const auto& n : b_.function_names()) check_name(code_family::function, n.code, n.name, n.span);
    for (const auto& n : b_.econ_names()) check_name(econ_family(n.code), n.code, n.name, n.span);
  }

  // --- 部门 → 政府 mapping (W0605) --------------------------------------------------

  unit_type type_of(const item& it) const {
    const auto units = b_.units();
    if (it.unit < units.size() && units[it.unit].type != unit_type::unknown) return units[it.unit].type;
    return b_.header().type;
  }

  /// The standard 政府 codes for a 部门 code, at the level of `gov`.
  std::vector<std::string> standard_gov(econ_code dept, econ_code gov, unit_type u) const {
    std::vector<std::string> out;
    for (auto g : cat_.gov_econ_for(dept.str(), u)) {
      std::string s(g);
      if (gov.level() == 1) s = s.substr(0, 3);
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    }
    return out;
  }

  static std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? std::string(sep) : std::string()) + v[i];
    return out;
  }

  /// "30101 基本工资" (the catalog's name, else the budget's, else the digits).
  std::string econ_text(econ_code c) const {
    const std::string digits = c.str();
    if (auto n = cat_.name(econ_family(c), digits)) return digits + " " + std::string(*n);
    if (auto n = b_.name_of(c); !n.empty()) return digits + " " + std::string(n);
    return digits;
  }

  void check_mapping() {
    struct pair_use {
      first_use where;
      std::vector<std::string> expected;
    };
    std::map<std::tuple<std::string, std::string, unit_type>, pair_use> pairs;
    // Each distinct (部门, 政府, unit type) is judged once.
    std::unordered_map<std::uint64_t, bool> standard;
    for (const auto& it : b_.items()) {
      if (!it.econ || !it.gov_econ || it.econ.is_government() || !it.gov_econ.is_government()) continue;
      const unit_type u = type_of(it);
      if (u == unit_type::unknown) continue;
      const std::uint64_t key = (std::uint64_t{it.econ.digits()} << 32) | (std::uint64_t{it.gov_econ.digits()} << 4) |
                                static_cast<std::uint64_t>(u);
      if (auto known = standard.find(key); known != standard.end() && known->second) continue;
      const std::string dept = it.econ.str(), gov = it.gov_econ.str();
      // Unknown codes are reported as such.
      if (!cat_.contains(code_family::econ, dept) || !cat_.contains(code_family::gov_econ, gov)) {
        standard[key] = true;
        continue;
      }
      auto expected = standard_gov(it.econ, it.gov_econ, u);
      // A 3-digit 部门 code maps to 类: compare the 政府 code's 类.
      const std::string compared = it.econ.level() == 1 ? gov.substr(0, 3) : gov;
      if (expected.empty() || std::find(expected.begin(), expected.end(), compared) != expected.end()) {
        standard[key] = true;  // no standard mapping to compare with, or the standard one
        continue;
      }
      standard[key] = false;
      auto& p = pairs[{dept, gov, u}];
      const source_span at = b_.span_of(it);
      p.where.add(at, file_index(at), gov, true);
      p.expected = std::move(expected);
    }
    for (const auto& [key, p] : pairs) {
      const auto& [dept, gov, u] = key;
      const econ_code dept_code = *econ_code::parse(dept);
      const std::string type(unit_type_name(u));
      diagnostic d;
      d.level = severity::warning;
      d.code = "W0605";
      d.message = "部门 " + dept + " → 政府 " + gov + " is not the standard mapping for " + type + " units";
      d.span = p.where.code_span();
      d.expected = join(p.expected, " or ");
      d.found = gov;
      std::vector<std::string> standard;
      for (const auto& g : p.expected) standard.push_back(econ_text(*econ_code::parse(g)));
      std::string flags;
      if (dept.size() == 5)
        if (const auto* m = cat_.standard_mapping(dept, u); m && m->flags) flags = " " + std::string(flags_text(m->flags));
      d.notes.push_back({"the standard mapping for " + type + " units is " + econ_text(dept_code) + " → " +
                             join(standard, " or ") + flags,
                         {}});
      std::vector<std::string> others;
      for (auto t : {unit_type::administrative, unit_type::civil_service, unit_type::institution})
        if (t != u && dept.size() == 5 && cat_.is_standard_pair(dept, gov, t)) others.emplace_back(unit_type_name(t));
      if (!others.empty())
        d.notes.push_back({dept + " → " + gov + " is the standard mapping for " + join(others, " and ") +
                               " units; check the unit's 类型 (" + type + ")",
                           {}});
      if (p.where.items > 1)
        d.notes.push_back({std::to_string(p.where.items - 1) + " more " + (p.where.items == 2 ? "item uses" : "items use") +
                               " this pair",
                           {}});
      emit(std::move(d), p.where.span);
    }
  }

  // --- 人员经费 / 公用经费 on the wrong codes (W0606) ---------------------------------

  static bool kind_allows(spending_kind k, std::uint32_t cls) noexcept {
    if (k == spending_kind::personnel) return cls == 301 || cls == 303;
    if (k == spending_kind::public_funds) return cls == 302 || cls == 310 || cls == 307 || cls == 309 || cls == 399;
    return true;
  }

  void check_kinds() {
    std::map<std::pair<std::string, spending_kind>, first_use> uses;
    for (const auto& it : b_.items()) {
      if (!it.econ || it.econ.is_government()) continue;
      if (it.kind != spending_kind::personnel && it.kind != spending_kind::public_funds) continue;
      if (kind_allows(it.kind, it.econ.class_digits())) continue;
      if (!cat_.contains(code_family::econ, std::to_string(it.econ.class_digits()))) continue;  // an unknown 类
      const source_span at = b_.span_of(it);
      const std::string digits = it.econ.str();
      uses[{digits, it.kind}].add(at, file_index(at), digits, true);
    }
    for (const auto& [key, where] : uses) {
      const auto& [digits, kind] = key;
      const econ_code code = *econ_code::parse(digits);
      const std::string kind_name(chinese_name(kind));
      const bool personnel = kind == spending_kind::personnel;
      diagnostic d;
      d.level = severity::warning;
      d.code = "W0606";
      d.message = kind_name + " on 部门 economic code " + econ_text(code);
      d.span = where.code_span();
      d.label = kind_name + (personnel ? " belongs under 301 or 303" : " belongs under 302 or 310");
      d.notes.push_back({personnel ? std::string("人员经费 is paid from 301 工资福利支出 and 303 对个人和家庭的补助")
                                   : std::string("公用经费 is paid from 302 商品和服务支出 and 310 资本性支出 "
                                                 "(307, 309 and 399 are allowed too)"),
                         {}});
      d.notes.push_back({items_text(where.items) + " of " + kind_name + " on " + digits, {}});
      emit(std::move(d), where.span);
    }
  }

  const budget& b_;
  diagnostics& out_;
  const catalog& cat_;
  int name_year_ = 0;
  bool loose_ = false;
  bool fallback_ = false;
  std::map<const source_file*, std::size_t> files_;
  std::map<std::pair<code_family, std::string>, first_use> unknown_;
  std::vector<collected> found_;
};

}  // namespace catalog_check

/// Checks the codes, names, economic mapping and spending kinds of a budget
/// against the catalog edition of its year; adds warnings and errors to
/// `diags` (in source order).  See the top of this file for the codes.
inline void check_catalog(const budget& b, diagnostics& diags) {
  catalog_check::checker(b, diags).run();
}

}  // namespace yusuan::compile
