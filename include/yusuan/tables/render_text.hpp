// yusuan/tables/render_text.hpp -- a table as aligned text, columns aligned by
// display width (CJK characters are two columns wide).
#pragma once

#include <yusuan/money.hpp>
#include <yusuan/tables/model.hpp>
#include <yusuan/text/width.hpp>

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace yusuan::tables {

namespace detail {
/// Column widths of the text layout: every header level, cell and note fits.
inline std::vector<std::size_t> text_widths(const table& t) {
  const std::size_t n = t.columns.size();
  std::vector<std::size_t> w(n, 0);
  std::size_t depth = 1;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = t.columns[i].path;
    depth = std::max(depth, p.size());
    if (!p.empty()) w[i] = text::display_width(p.back());
  }
  for (const auto& r : t.rows) {
    if (r.role == row_role::note) continue;
    for (std::size_t i = 0; i < n; ++i) w[i] = std::max(w[i], text::display_width(t.shown(r, i)));
  }
  // Group headers span their columns: widen the last column of a group that is too narrow.
  for (std::size_t level = depth - 1; level-- > 0;) {
    for (std::size_t i = 0; i < n;) {
      const auto& p = t.columns[i].path;
      if (p.size() < level + 2) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < n && t.columns[j].path.size() >= level + 2 &&
             std::equal(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(level) + 1, t.columns[j].path.begin()))
        ++j;
      std::size_t avail = 0;
      for (std::size_t k = i; k < j; ++k) avail += w[k] + (k > i ? 2 : 0);
      const std::size_t need = text::display_width(p[level]);
      if (need > avail) w[j - 1] += need - avail;
      i = j;
    }
  }
  std::size_t total = 0;
  for (std::size_t i = 0; i < n; ++i) total += w[i] + (i ? 2 : 0);
  for (const auto& r : t.rows)
    if (r.role == row_role::note && n > 0) {
      const std::size_t need = text::display_width(t.shown(r, 0));
      if (need > total) {
        w[n - 1] += need - total;
        total = need;
      }
    }
  return w;
}
}  // namespace detail

/// Aligned text: the label (when the template prints one), the title, the unit line, the header levels
/// (group headers centred over their columns), the rows (amounts right-aligned)
/// and the notes.  Columns are aligned by display width (CJK characters are two
/// columns wide); every line of the table proper has the same width.
inline void write_text(std::ostream& os, const table& t) {
  const std::size_t n = t.columns.size();
  const auto w = detail::text_widths(t);
  std::size_t total = 0, depth = 1;
  for (std::size_t i = 0; i < n; ++i) {
    total += w[i] + (i ? 2 : 0);
    depth = std::max(depth, t.columns[i].path.size());
  }
  {
    std::string title = text::centre(t.title, total);
    while (!title.empty() && title.back() == ' ') title.pop_back();
    if (!t.label.empty()) os << t.label << "\n";
    os << title << "\n";
  }
  {
    const std::string left = t.unit_label + "：" + t.unit_name, right = "单位：" + std::string(yusuan::unit_name(t.amount_unit));
    const std::size_t used = text::display_width(left) + text::display_width(right);
    os << left << std::string(used + 2 <= total ? total - used : 2, ' ') << right << "\n";
  }
  // Header lines: group labels on their level, leaf labels on the last line.
  for (std::size_t level = 0; level < depth; ++level) {
    std::string line;
    for (std::size_t i = 0; i < n;) {
      if (i) line += "  ";
      const auto& p = t.columns[i].path;
      if (level + 1 == depth) {
        line += text::pad(p.empty() ? std::string() : p.back(), w[i], t.columns[i].numeric);
        ++i;
      } else if (p.size() >= level + 2) {
        std::size_t j = i + 1, width = w[i];
        while (j < n && t.columns[j].path.size() >= level + 2 &&
               std::equal(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(level) + 1, t.columns[j].path.begin())) {
          width += 2 + w[j];
          ++j;
        }
        line += text::centre(p[level], width);
        i = j;
      } else {
        line += std::string(w[i], ' ');
        ++i;
      }
    }
    os << line << "\n";
  }
  os << std::string(total, '-') << "\n";
  for (const auto& r : t.rows) {
    std::string line;
    if (r.role == row_role::note) {
      line = text::pad(t.shown(r, 0), total);
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        if (i) line += "  ";
        line += text::pad(t.shown(r, i), w[i], t.columns[i].numeric);
      }
    }
    os << line << "\n";
  }
  if (!t.notes.empty()) {
    os << "\n";
    for (const auto& note : t.notes) os << note << "\n";
  }
}

}  // namespace yusuan::tables
