// yusuan/format/layout.hpp -- the canonical layout of a budget file, given
// where its statements start (format/format.ipp finds them with the parser).
//
// The layout changes blanks only, never a token: one statement per line
// (a line holding several is split where the next statement starts), each
// line indented two spaces per open block, blanks between tokens one space,
// amounts of consecutive items (and of 上年, 数值, 计数 and 收入 lines)
// right-aligned in a column, runs of blank lines one, comments kept where
// they are.  Line breaks inside a statement are kept (an item's trailing
// coordinates belong on its amount's line; a long constraint stays as it
// was broken), its continuation lines indented one level deeper.  Tokens
// that are glued stay glued (9,101.68万元, 合计(经济 = 302)); the one
// exception is the colon of an item, written right after its coordinates.
#pragma once

#include <yusuan/text/utf8.hpp>
#include <yusuan/text/width.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::format {

/// How a statement's amount is aligned with its neighbours': statements of
/// the same kind on consecutive lines of one block share a column.
enum class align_kind : std::uint8_t { none, item, prior, figure, count, income };

/// A statement of the file, as the parser found it.
struct statement_mark {
  std::size_t begin = 0;                 // byte offset of its first token
  bool opens = false;                    // it opens a block ('{' at its end)
  bool closes = false;                   // it is the '}' of a block
  align_kind align = align_kind::none;   // whether and with whom its amount aligns
  std::size_t amount = 0;                // offset of the amount, when `align` is set
};

/// A token to write differently (a keyword in the other language).
struct token_edit {
  std::size_t begin = 0, end = 0;
  std::string text;
};

namespace detail {

inline constexpr std::string_view ideographic_space = "\xE3\x80\x80";
inline constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

/// Length of the blank at p (a space, tab, form feed, vertical tab, U+3000 or
/// U+FEFF), or 0.  Line breaks are not blanks here: lines are split first.
inline std::size_t blank_at(std::string_view s, std::size_t p) {
  const char c = s[p];
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return 1;
  if (s.compare(p, 3, ideographic_space) == 0 || s.compare(p, 3, byte_order_mark) == 0) return 3;
  return 0;
}

inline bool starts_comment(std::string_view s, std::size_t p, std::size_t e) {
  return s[p] == '#' || (s[p] == '/' && p + 1 < e && s[p + 1] == '/');
}

/// End of the string that starts at p ("…" with \-escapes, or “…”), or of
/// the piece when it is not closed on it.
inline std::size_t string_end(std::string_view s, std::size_t p, std::size_t e) {
  if (s[p] == '"') {
    for (std::size_t q = p + 1; q < e; ++q) {
      if (s[q] == '\\' && q + 1 < e) ++q;
      else if (s[q] == '"') return q + 1;
    }
    return e;
  }
  const std::size_t close = s.substr(0, e).find("\xE2\x80\x9D", p + 3);  // ”
  return close == std::string_view::npos ? e : close + 3;
}

inline bool opens_string(std::string_view s, std::size_t p) {
  return s[p] == '"' || s.compare(p, 3, "\xE2\x80\x9C") == 0;  // “
}

/// A run of text between blanks, as it will be written.
struct chunk {
  std::size_t b, e;        // in the source
  bool glued = false;      // no blank between it and the chunk before
  bool comment = false;    // a comment: the rest of the line
  std::string separator;   // the blank before it in the source
};

/// Splits [b, e) into chunks; a chunk also starts at `cut` (the amount).
inline std::vector<chunk> chunks(std::string_view s, std::size_t b, std::size_t e, std::size_t cut) {
  std::vector<chunk> out;
  std::size_t p = b;
  std::string sep;
  bool glued = false;
  while (p < e) {
    if (const std::size_t n = blank_at(s, p)) {
      sep.append(s.substr(p, n));
      p += n;
      glued = false;
      continue;
    }
    chunk c{p, p, glued && !out.empty(), false, sep};
    sep.clear();
    if (starts_comment(s, p, e)) {
      c.comment = true;
      c.e = e;
      while (c.e > p && blank_at(s, c.e - 1)) --c.e;  // trailing blanks (ASCII) go
      out.push_back(std::move(c));
      break;
    }
    std::size_t q = p;
    if (opens_string(s, q)) {
      q = string_end(s, q, e);
    } else {
      while (q < e && !blank_at(s, q) && !opens_string(s, q) && !starts_comment(s, q, e)) {
        ++q;
        if (q == cut) break;
      }
    }
    c.e = q;
    out.push_back(std::move(c));
    p = q;
    glued = true;
  }
  return out;
}

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

/// Whether [b, e) starts with exactly two digits: what one space after a
/// code would join to it as a group.
inline bool two_digits_at(std::string_view s, std::size_t b, std::size_t e) {
  return e - b >= 2 && is_ascii_digit(s[b]) && is_ascii_digit(s[b + 1]) && (e - b == 2 || !is_ascii_digit(s[b + 2]));
}

/// Writes chunks [from, to) with one space between those that had blanks
/// between them, applying the edits (a chunk an edit empties is left out).
/// One exception: a blank other than one space before two digits after a
/// number is kept as it is, since one space would join them into a code
/// (208 01 is the code 20801; 208 and 01 with a tab between are two).
inline void write_chunks(std::string& out, std::string_view s, const std::vector<chunk>& cs, std::size_t from,
                         std::size_t to, std::span<const token_edit> edits) {
  bool any = false;
  for (std::size_t i = from; i < to; ++i) {
    const chunk& c = cs[i];
    auto it = std::lower_bound(edits.begin(), edits.end(), c.b,
                               [](const token_edit& t, std::size_t off) { return t.begin < off; });
    if (!c.comment && it != edits.end() && it->begin == c.b && it->end == c.e && it->text.empty()) continue;
    if (any && !c.glued) {
      if (c.separator != " " && is_ascii_digit(s[cs[i - 1].e - 1]) && two_digits_at(s, c.b, c.e)) out += c.separator;
      else out += ' ';
    }
    any = true;
    std::size_t p = c.b;
    if (!c.comment) {
      for (; it != edits.end() && it->begin < c.e; ++it) {
        out.append(s.substr(p, it->begin - p));
        out.append(it->text);
        p = it->end;
      }
    }
    out.append(s.substr(p, c.e - p));
  }
}

inline bool is_closer(std::string_view s, std::size_t p) {
  return s[p] == '}' || s[p] == ')' || s.compare(p, 3, "\xEF\xBD\x9D") == 0 || s.compare(p, 3, "\xEF\xBC\x89") == 0;
}

/// Brackets opened minus closed by the code of [b, e) (strings and
/// comments aside).
inline int bracket_balance(std::string_view s, const std::vector<chunk>& cs) {
  int n = 0;
  for (const chunk& c : cs) {
    if (c.comment || opens_string(s, c.b)) continue;
    for (std::size_t p = c.b; p < c.e; ++p) {
      if (s[p] == '{' || s[p] == '(' || s.compare(p, 3, "\xEF\xBD\x9B") == 0 || s.compare(p, 3, "\xEF\xBC\x88") == 0)
        ++n;
      else if (is_closer(s, p)) --n;
    }
  }
  return n;
}

/// One line of the output before alignment.
struct out_line {
  std::size_t indent = 0;  // levels
  std::string text;        // without indentation; empty: a blank line
  align_kind align = align_kind::none;
  std::string prefix, amount, suffix;  // when aligned: text = prefix + amount + suffix
  bool opens = false;                  // ends a statement that opens a block
  bool closes = false;                 // a '}'
};

}  // namespace detail

/// The text in canonical layout.  `marks` are the statements in order of
/// `begin`; `edits` the tokens to rewrite, in order.
inline std::string layout(std::string_view s, std::span<const statement_mark> marks,
                          std::span<const token_edit> edits = {}, std::size_t indent_width = 2) {
  using namespace detail;
  std::string bom;
  std::size_t start = 0;
  if (s.substr(0, 3) == byte_order_mark) {
    bom = std::string(byte_order_mark);
    start = 3;
  }
  // the pieces of text to write: lines, split where a statement starts
  struct piece {
    std::size_t b, e;
    std::size_t mark;  // the statement it starts, or npos
  };
  constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::vector<piece> pieces;
  std::size_t m = 0;
  for (std::size_t p = start; p <= s.size();) {
    std::size_t e = p;
    while (e < s.size() && s[e] != '\n' && s[e] != '\r') ++e;
    std::size_t b = p;
    while (b < e && blank_at(s, b)) b += blank_at(s, b);
    while (m < marks.size() && marks[m].begin < b) ++m;  // (a mark is never inside blanks)
    std::size_t from = b;
    std::size_t mark = m < marks.size() && marks[m].begin == b && b < e ? m++ : npos;
    while (m < marks.size() && marks[m].begin < e) {
      pieces.push_back({from, marks[m].begin, mark});
      from = marks[m].begin;
      mark = m++;
    }
    pieces.push_back({from, e, mark});
    if (e == s.size()) break;
    p = e + (s[e] == '\r' && e + 1 < s.size() && s[e + 1] == '\n' ? 2 : 1);
  }

  // which pieces hold code (not only blanks and a comment)
  std::vector<std::vector<chunk>> piece_chunks(pieces.size());
  std::vector<bool> has_code(pieces.size());
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const piece& pc = pieces[i];
    const std::size_t cut = pc.mark != npos && marks[pc.mark].align != align_kind::none ? marks[pc.mark].amount : npos;
    piece_chunks[i] = chunks(s, pc.b, pc.e, cut);
    has_code[i] = !piece_chunks[i].empty() && !piece_chunks[i].front().comment;
  }
  // the last piece of each statement: its last piece with code
  std::vector<std::size_t> last_piece(marks.size(), npos);
  {
    std::size_t current = npos;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (pieces[i].mark != npos) current = pieces[i].mark;
      if (current != npos && has_code[i]) last_piece[current] = i;
    }
  }

  std::vector<out_line> lines;
  std::size_t depth = 0, base = 0;
  std::size_t current = npos;
  int open_in_statement = 0;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const piece& pc = pieces[i];
    const auto& cs = piece_chunks[i];
    out_line line;
    if (pc.mark != npos) {
      if (current != npos && marks[current].opens) ++depth;
      current = pc.mark;
      const statement_mark& st = marks[current];
      if (st.closes && depth > 0) --depth;
      base = depth;
      line.indent = base;
      line.opens = st.opens;
      line.closes = st.closes;
      open_in_statement = bracket_balance(s, cs);
      const bool one_line = last_piece[current] == i;
      std::size_t amount_chunk = cs.size();
      if (st.align != align_kind::none && one_line)
        for (std::size_t k = 0; k < cs.size(); ++k)
          if (cs[k].b == st.amount && !cs[k].comment) amount_chunk = k;
      if (amount_chunk < cs.size()) {
        line.align = st.align;
        write_chunks(line.prefix, s, cs, 0, amount_chunk, edits);
        if (st.align == align_kind::item) {  // the colon right after the coordinates
          auto& pre = line.prefix;
          for (std::string_view colon : {std::string_view(":"), std::string_view("\xEF\xBC\x9A")})
            if (pre.size() > colon.size() + 1 && pre.compare(pre.size() - colon.size(), colon.size(), colon) == 0 &&
                pre[pre.size() - colon.size() - 1] == ' ' && !cs[amount_chunk - 1].glued)
              pre.erase(pre.size() - colon.size() - 1, 1);
        }
        std::size_t after = amount_chunk + 1;
        write_chunks(line.amount, s, cs, amount_chunk, amount_chunk + 1, edits);
        while (after < cs.size() && cs[after].glued && !cs[after].comment) {
          write_chunks(line.amount, s, cs, after, after + 1, edits);
          ++after;
        }
        if (after < cs.size()) write_chunks(line.suffix, s, cs, after, cs.size(), edits);
        line.text = line.prefix + line.amount + line.suffix;
      } else {
        write_chunks(line.text, s, cs, 0, cs.size(), edits);
      }
    } else if (cs.empty()) {
      line.text.clear();
    } else if (current != npos && last_piece[current] != npos && i <= last_piece[current]) {
      // a continuation line of the statement
      const int n = std::max(open_in_statement, 0);
      const std::size_t levels = is_closer(s, cs.front().b) && !cs.front().comment
                                     ? static_cast<std::size_t>(std::max(n - 1, 0))
                                     : static_cast<std::size_t>(std::max(n, 1));
      // (one level more when the statement opens a block: its body is indented by one)
      line.indent = base + levels + (marks[current].opens ? 1 : 0);
      write_chunks(line.text, s, cs, 0, cs.size(), edits);
      open_in_statement += bracket_balance(s, cs);
    } else {
      // a comment on a line of its own, between statements
      line.indent = depth + (current != npos && marks[current].opens ? 1 : 0);
      write_chunks(line.text, s, cs, 0, cs.size(), edits);
    }
    lines.push_back(std::move(line));
  }

  // blank lines: at most one in a row, none at the start or end of the file
  // or of a block
  std::vector<out_line> kept;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].text.empty()) {
      kept.push_back(std::move(lines[i]));
      continue;
    }
    if (kept.empty() || kept.back().text.empty() || kept.back().opens) continue;
    std::size_t next = i + 1;
    while (next < lines.size() && lines[next].text.empty()) ++next;
    if (next == lines.size() || lines[next].closes) continue;
    kept.push_back(std::move(lines[i]));
  }

  // alignment: runs of lines of the same kind and indentation; amounts
  // line up at their decimal point (the whole part right-aligned), so do
  // the coordinates after them
  auto point = [](const std::string& a) {
    const std::size_t dot = a.find('.');
    if (dot != std::string::npos) return dot;
    std::size_t p = 0;
    while (p < a.size() && (is_ascii_digit(a[p]) || a[p] == ',' || a[p] == '-' || a[p] == '+')) ++p;
    return p;
  };
  for (std::size_t i = 0; i < kept.size();) {
    if (kept[i].align == align_kind::none) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::size_t prefix_w = 0, whole_w = 0, part_w = 0;
    double log_sum = 0;  // of the widths of the prefixes so far: a much longer or shorter one starts a run of its own
    while (j < kept.size() && kept[j].align == kept[i].align && kept[j].indent == kept[i].indent) {
      const double w = static_cast<double>(std::max<std::size_t>(text::display_width(kept[j].prefix), 1));
      if (j > i) {
        const double ratio = w / std::exp(log_sum / static_cast<double>(j - i));
        if (ratio >= 4 || ratio <= 0.25) break;
      }
      log_sum += std::log(w);
      const std::string& a = kept[j].amount;
      const std::size_t pt = point(a);
      prefix_w = std::max(prefix_w, text::display_width(kept[j].prefix));
      whole_w = std::max(whole_w, text::display_width(std::string_view(a).substr(0, pt)));
      part_w = std::max(part_w, text::display_width(std::string_view(a).substr(pt)));
      ++j;
    }
    for (std::size_t k = i; k < j; ++k) {
      out_line& l = kept[k];
      const std::size_t pt = point(l.amount);
      const std::string_view whole = std::string_view(l.amount).substr(0, pt), part = std::string_view(l.amount).substr(pt);
      std::string t = l.prefix;
      t.append(prefix_w - text::display_width(l.prefix) + 1 + whole_w - text::display_width(whole), ' ');
      t += l.amount;
      if (!l.suffix.empty()) {
        t.append(part_w - text::display_width(part) + 1, ' ');
        t += l.suffix;
      }
      l.text = std::move(t);
    }
    i = j;
  }

  std::string out = bom;
  out.reserve(s.size() + s.size() / 8);
  for (const auto& l : kept) {
    if (!l.text.empty()) out.append(l.indent * indent_width, ' ');
    out += l.text;
    out += '\n';
  }
  return out;
}

}  // namespace yusuan::format
