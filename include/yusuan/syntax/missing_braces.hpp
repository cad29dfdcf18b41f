// yusuan/syntax/missing_braces.hpp -- where a file whose braces do not
// balance most likely lost a '}' or has one too many, read from its
// indentation.  Spirit-free.
//
// A block whose lines are indented deeper than the line that opens it, and
// then a line indented no deeper than that opening line (or a '}' indented
// less), is taken to miss its '}' before that line.  A '}' indented deeper
// than the line that opens the block it would close is taken to be one too
// many (or to close a block whose '{' is missing).  The guesses are kept
// only when they account for the file exactly: every block closed, no '}'
// left without a block.  A file indented loosely, or with tabs and spaces
// that cannot be compared, gets no guess, and its braces are reported where
// they are, as before.
#pragma once

#include <yusuan/syntax/chars.hpp>

#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

namespace yusuan::syntax {

/// A '}' most likely missing: before the line that starts at `before`, for
/// the block opened by the line that starts at `opener` (both at the first
/// character after the indentation).  With `extra`, a '}' most likely one
/// too many: `before` is the '}', `opener` the line that opens the block it
/// would close.
struct missing_brace {
  const char* before;
  const char* opener;
  bool extra = false;
};

namespace missing_braces_detail {

inline bool open_brace_at(const char* p, const char* last) noexcept {
  return *p == '{' || chars::at(p, last, "\xEF\xBD\x9B", 3);  // { or ｛
}
inline bool close_brace_at(const char* p, const char* last) noexcept {
  return *p == '}' || chars::at(p, last, "\xEF\xBD\x9D", 3);  // } or ｝
}

/// Braces of ASCII and of full width: `opens` and `closes` counted in any
/// context (strings and comments too), a quick test that they balance.
inline bool braces_balance(std::string_view text) noexcept {
  auto count = [&](char ascii, char full_last) {
    std::size_t n = 0;
    const char* p = text.data();
    const char* last = p + text.size();
    while (const void* hit = std::memchr(p, ascii, static_cast<std::size_t>(last - p))) {
      ++n;
      p = static_cast<const char*>(hit) + 1;
    }
    p = text.data();
    while (const void* hit = std::memchr(p, '\xEF', static_cast<std::size_t>(last - p))) {
      p = static_cast<const char*>(hit);
      if (last - p >= 3 && p[1] == '\xBD' && p[2] == full_last) ++n;
      ++p;
    }
    return n;
  };
  return count('{', '\x9B') == count('}', '\x9D');
}

/// Whether indentation `a` is `b` followed by more.
inline bool deeper(std::string_view a, std::string_view b) noexcept {
  return a.size() > b.size() && a.substr(0, b.size()) == b;
}
/// Whether indentation `a` is `b`, or `b` cut short.
inline bool no_deeper(std::string_view a, std::string_view b) noexcept {
  return a.size() <= b.size() && b.substr(0, a.size()) == a;
}
/// Whether one indentation is the other followed by more (tabs and spaces
/// mixed otherwise cannot be compared: a tab is no number of spaces).
inline bool comparable(std::string_view a, std::string_view b) noexcept {
  return no_deeper(a, b) || no_deeper(b, a);
}

}  // namespace missing_braces_detail

/// The '}' a file most likely lost, in the order of the text; empty when its
/// braces balance, when its indentation does not tell (see above), or when
/// blocks nest deeper than `max_depth` (an error of its own).
inline std::vector<missing_brace> find_missing_braces(std::string_view text, std::size_t max_depth = 256) {
  namespace d = missing_braces_detail;
  std::vector<missing_brace> found;
  if (d::braces_balance(text)) return found;
  struct block {
    const char* opener;
    std::string_view indent;
    std::string_view content;  // of its first line, once there is one
    bool has_content = false;
  };
  std::vector<block> open;
  std::size_t unmatched = 0;  // '}' without a block: the guess cannot be right
  bool undecided = false;     // indentation that could not be compared
  const char* p = text.data();
  const char* const last = p + text.size();
  while (p < last) {
    const char* line = p;
    while (p < last && (*p == ' ' || *p == '\t' || chars::at(p, last, "\xE3\x80\x80", 3))) p += *p == '\xE3' ? 3 : 1;
    const std::string_view indent(line, static_cast<std::size_t>(p - line));
    const char* first = p;
    const bool blank = p >= last || chars::is_line_break(*p) || *p == '#' || chars::at(p, last, "//", 2);
    if (!blank && !open.empty()) {
      const bool closes = d::close_brace_at(first, last);
      if (!closes && !open.back().has_content) {
        open.back().content = indent;
        open.back().has_content = true;
      }
      undecided = undecided || !d::comparable(indent, open.back().indent);
      while (!open.empty() && open.back().has_content && d::deeper(open.back().content, open.back().indent) &&
             (closes ? d::deeper(open.back().indent, indent) : d::no_deeper(indent, open.back().indent))) {
        found.push_back({first, open.back().opener});
        open.pop_back();
      }
    }
    // the braces of the line, outside strings and comments
    while (p < last && !chars::is_line_break(*p)) {
      if (*p == '#' || chars::at(p, last, "//", 2)) {
        while (p < last && !chars::is_line_break(*p)) ++p;
        break;
      }
      if (*p == '"' || chars::at(p, last, "\xE2\x80\x9C", 3)) {  // a string, to its end on this line
        const char* e = chars::token_end(p, last);
        if (e == p + (*p == '"' ? 1 : 3)) {  // not closed: the rest of the line is in it
          while (p < last && !chars::is_line_break(*p)) ++p;
          break;
        }
        p = e;
        continue;
      }
      if (d::open_brace_at(p, last)) {
        if (open.size() >= max_depth) return {};
        open.push_back({first, indent, {}, false});
      } else if (d::close_brace_at(p, last)) {
        if (open.empty()) {
          ++unmatched;
        } else if (open.back().has_content && d::deeper(open.back().content, open.back().indent) &&
                   d::deeper(indent, open.back().indent)) {
          found.push_back({p, open.back().opener, true});  // indented deeper than what it would close
        } else {
          open.pop_back();
        }
      }
      chars::next_char(p, last);
    }
    while (p < last && chars::is_line_break(*p)) ++p;
  }
  if (unmatched != 0 || !open.empty() || undecided) found.clear();
  return found;
}

}  // namespace yusuan::syntax
