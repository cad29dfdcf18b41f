// tools/unified_diff.hpp -- a unified diff of two texts (yusuan fmt --check).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

namespace diff_detail {

inline std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t p = 0;
  while (p < s.size()) {
    std::size_t e = s.find('\n', p);
    if (e == std::string_view::npos) e = s.size();
    else ++e;
    out.push_back(s.substr(p, e - p));
    p = e;
  }
  return out;
}

/// One line of the edit script: ' ' kept, '-' removed, '+' added.
struct op {
  char what;
  std::size_t a, b;  // line numbers (0-based) in the old and new text
};

/// The edit script: common lines at both ends, and between them the longest
/// common subsequence when it is small enough to compute (a few million
/// cells); otherwise every line of the middle removed and added.
inline std::vector<op> script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  std::vector<op> out;
  for (std::size_t i = 0; i < head; ++i) out.push_back({' ', i, i});
  if ((n + 1) * (m + 1) <= 4'000'000) {
    // one flat table of (n + 1) × (m + 1) lengths
    std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
    auto lcs_at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return table[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs_at(i, j) = a[head + i] == b[head + j] ? lcs_at(i + 1, j + 1) + 1 : std::max(lcs_at(i + 1, j), lcs_at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        out.push_back({' ', head + i++, head + j++});
      } else if (i < n && (j == m || lcs_at(i + 1, j) >= lcs_at(i, j + 1))) {
        out.push_back({'-', head + i++, head + j});
      } else {
        out.push_back({'+', head + i, head + j++});
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) out.push_back({'-', head + i, head});
    for (std::size_t j = 0; j < m; ++j) out.push_back({'+', head + n, head + j});
  }
  for (std::size_t k = 0; k < tail; ++k) out.push_back({' ', head + n + k, head + m + k});
  return out;
}

inline void write_line(std::ostream& o, char what, std::string_view line) {
  o << what << line;
  if (line.empty() || line.back() != '\n') o << "\n\\ No newline at end of file\n";
}

}  // namespace diff_detail

/// Writes the differences of `before` and `after` as a unified diff with
/// three lines of context; nothing when they are equal.
inline void unified_diff(std::ostream& o, std::string_view before, std::string_view after, const std::string& old_name,
                         const std::string& new_name) {
  using namespace diff_detail;
  if (before == after) return;
  const auto a = lines_of(before), b = lines_of(after);
  const auto ops = script(a, b);
  o << "--- " << old_name << "\n+++ " << new_name << "\n";
  constexpr std::size_t context = 3;
  std::size_t k = 0;
  while (k < ops.size()) {
    while (k < ops.size() && ops[k].what == ' ') ++k;
    if (k == ops.size()) break;
    // a hunk: from `context` kept lines before the change to `context` after the last change near it
    const std::size_t first = k >= context ? k - context : 0;
    std::size_t last = k;
    for (std::size_t q = k; q < ops.size(); ++q) {
      if (ops[q].what != ' ') last = q;
      else if (q - last > 2 * context) break;
    }
    const std::size_t end = std::min(ops.size(), last + 1 + context);
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t q = first; q < end; ++q) {
      if (ops[q].what != '+') ++a_count;
      if (ops[q].what != '-') ++b_count;
    }
    const std::size_t a_start = ops[first].a + (a_count ? 1 : 0), b_start = ops[first].b + (b_count ? 1 : 0);
    o << "@@ -" << a_start << ',' << a_count << " +" << b_start << ',' << b_count << " @@\n";
    for (std::size_t q = first; q < end; ++q)
      write_line(o, ops[q].what, ops[q].what == '+' ? b[ops[q].b] : a[ops[q].a]);
    k = end;
  }
}

}  // namespace cli
