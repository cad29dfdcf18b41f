// yusuan/format/meaning.hpp -- what a compiled budget says, as text: every
// fact it holds and every diagnostic of its compilation, without where in the
// source each was written.  Two budgets with the same meaning_of() say the
// same thing; `yusuan fmt` checks each file it formats with it (the file and
// its formatted text must compile to the same meaning), and so do its tests.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/syntax/keywords.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace yusuan {

namespace format::detail {

inline void describe(std::ostream& o, const diagnostics& diags) {
  for (const auto& d : diags) {
    o << "diagnostic " << to_string(d.level) << ' ' << d.code << " | " << d.message << " | " << d.label << " | "
      << d.expected << " | " << d.found << '\n';
    for (const auto& n : d.notes) o << "  note " << n.message << '\n';
  }
}

inline void describe(std::ostream& o, const budget& b) {
  const auto& h = b.header();
  o << "header " << h.title << " | " << h.year << " | " << static_cast<int>(h.amount_unit) << " | " << h.unit_code
    << " | " << h.unit_name << " | " << h.department_code << " | " << h.department_name << " | "
    << chinese_name(h.type) << " | " << h.thousands << h.allow_negative << " | " << h.template_name << '\n';
  o << "catalog " << b.catalog_year() << '\n';
  for (const auto& u : b.units()) o << "unit " << u.code << " | " << u.name << " | " << chinese_name(u.type) << '\n';
  for (const auto& l : b.income())
    o << "income " << chinese_name(l.source) << " | " << (l.of_which ? chinese_name(*l.of_which) : "-") << " | "
      << l.amount.fen() << " | " << l.unit << '\n';
  if (auto y = b.year_end_balance()) o << "year-end " << y->fen() << '\n';
  for (const auto& [f, m] : yusuan::detail::budget_access::data(b).year_end_by_fund) o << "year-end " << chinese_name(f) << ' ' << m.fen() << '\n';
  for (const auto& it : b.items()) {
    o << "item " << it.amount.fen() << " | " << it.function.str() << " | " << it.econ.str() << " | "
      << it.gov_econ.str() << " | " << chinese_name(it.kind) << " | " << fund_text(it) << " | " << it.unit
      << " | " << static_cast<long long>(it.project == npos32 ? -1 : static_cast<long long>(it.project)) << " | "
      << static_cast<long long>(it.group == npos32 ? -1 : static_cast<long long>(it.group)) << " | " << it.line;
    for (const auto& [k, v] : b.tags_of(it)) o << " | " << k << '=' << v;
    o << '\n';
  }
  for (const auto& p : b.projects()) {
    o << "project " << p.name << " | " << p.code << " | " << chinese_name(p.kind) << " | " << p.function.str() << " | "
      << p.amount.fen() << " | " << p.has_items << " | "
      << static_cast<long long>(p.group == npos32 ? -1 : static_cast<long long>(p.group)) << '\n';
    for (const auto& t : p.targets)
      o << "  target " << chinese_name(t.category) << " | " << t.indicator << " | " << t.comparator << " | "
        << t.number << " | " << t.unit << " | " << t.text << '\n';
  }
  for (const auto& g : b.groups()) {
    o << "group " << g.name << " | " << g.amount.fen();
    for (auto m : g.members) o << ' ' << m;
    o << '\n';
  }
  for (const auto& m : b.measures())
    o << "measure " << m.name << " | " << m.is_count << " | " << m.value.fen() << " | " << m.count << '\n';
  for (const auto& p : b.prior_figures())
    o << "prior " << p.name << " | " << p.amount.fen() << " | " << p.of_unit << '\n';
  for (const auto& f : b.figures())
    o << "figure " << f.name << " | " << f.is_money << " | " << f.amount.fen() << " | " << f.count << " | " << f.unit
      << " | " << f.of_unit << '\n';
  for (const auto& c : b.constraints())
    o << "constraint " << c.text << " | " << to_string(c.level) << " | " << c.passed << " | " << c.from_rules << '\n';
  for (const auto& n : b.table_notes()) o << "table-note " << n.table << " | " << n.text << '\n';
  for (const auto& e : b.catalog_extensions()) o << "catalog-entry " << e.digits << " | " << e.name << '\n';
  for (const auto& n : b.function_names()) o << "function-name " << n.code.str() << " | " << n.name << '\n';
  for (const auto& n : b.econ_names()) o << "econ-name " << n.code.str() << " | " << n.name << '\n';
  o << "lines " << b.line_count() << '\n';
  describe(o, b.warnings());
}

}  // namespace format::detail

/// Every fact of `b` (when it compiled) and every diagnostic in `diags`,
/// one per line, positions left out.
inline std::string meaning_of(const std::optional<budget>& b, const diagnostics& diags) {
  std::ostringstream o;
  if (b) format::detail::describe(o, *b);
  else o << "no budget\n";
  format::detail::describe(o, diags);
  return o.str();
}

/// `text` with every keyword in its first Chinese spelling: English words
/// that spell a keyword (whole words: letters, digits, '-', '_' and '.'
/// around them end them) and second Chinese spellings (绩效目标, 比上年 …).
/// Two meaning_of() texts of a budget and of its keywords respelled
/// (yusuan fmt --spelling) are equal once both go through it: constraints
/// are kept as written, so their texts differ by exactly those words.
inline std::string keywords_in_chinese(std::string_view text) {
  auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t p = 0; p < text.size();) {
    if (!word_char(text[p])) {
      bool replaced = false;
      for (const auto& k : syntax::keyword_table)
        if (!k.zh2.empty() && text.compare(p, k.zh2.size(), k.zh2) == 0) {
          out += k.zh;
          p += k.zh2.size();
          replaced = true;
          break;
        }
      if (!replaced) out += text[p++];
      continue;
    }
    std::size_t e = p;
    while (e < text.size() && word_char(text[e])) ++e;
    const std::string_view w = text.substr(p, e - p);
    std::string_view zh;
    if (w == "not" && text.compare(e, 3, " in") == 0 && (e + 3 == text.size() || !word_char(text[e + 3]))) {
      zh = "不属于";
      e += 3;
    } else {
      for (const auto& k : syntax::keyword_table)
        if (w == k.en || (!k.en2.empty() && w == k.en2)) {
          zh = k.zh;
          break;
        }
    }
    if (zh.empty()) out += w;
    else out += zh;
    p = e;
  }
  // 非 属于 is 不属于 written as two words
  for (std::size_t at; (at = out.find("非 属于")) != std::string::npos;) out.replace(at, std::string_view("非 属于").size(), "不属于");
  return out;
}

}  // namespace yusuan
