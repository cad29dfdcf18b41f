// tests/support/xlsx_reader.hpp -- reads back the .xlsx workbooks the program
// writes: the parts are taken out with `unzip -p` and scanned for the few
// elements the tests look at (sheets, shared strings, cells, merged ranges,
// frozen panes, page setup).  Also a CSV reader to compare cells with.
#pragma once

#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan_test::xlsx {

/// The bytes of one part of a zip file (`unzip -p`).
inline std::string unzip(const std::string& zip, const std::string& part) {
  const std::string cmd = "unzip -p '" + zip + "' '" + part + "' 2>/dev/null";
  std::FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run unzip");
  std::string out;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  pclose(p);
  return out;
}

/// XML character references and the five entities decoded.
inline std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t e = s.find(';', i);
    const std::string_view ent = s.substr(i + 1, e - i - 1);
    if (ent == "amp") out += '&';
    else if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else out += std::string("&") + std::string(ent) + ";";
    i = e;
  }
  return out;
}

/// The value of attribute `name` in the tag that starts at `tag`.
inline std::string attr(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const std::size_t end = tag.find('>');
  const std::size_t p = tag.find(key);
  if (p == std::string_view::npos || p > end) return {};
  const std::size_t s = p + key.size();
  return unescape(tag.substr(s, tag.find('"', s) - s));
}

/// Every element `<name …>` of `xml`, from its "<" to the end of the document.
inline std::vector<std::string_view> elements(std::string_view xml, std::string_view name) {
  std::vector<std::string_view> out;
  const std::string open = "<" + std::string(name);
  for (std::size_t p = xml.find(open); p != std::string_view::npos; p = xml.find(open, p + 1)) {
    const char next = xml[p + open.size()];
    if (next == ' ' || next == '>' || next == '/') out.push_back(xml.substr(p));
  }
  return out;
}

/// The text inside the first <t>…</t> pieces of an element, up to `stop`.
inline std::string text_of(std::string_view el, std::string_view stop) {
  el = el.substr(0, el.find(stop));
  std::string out;
  for (auto t : elements(el, "t")) {
    const std::size_t s = t.find('>') + 1;
    if (t[s - 2] == '/') continue;
    out += unescape(t.substr(s, t.find("</t>") - s));
  }
  return out;
}

/// A cell reference ("B3") as a 0-based row and column.
inline std::pair<int, int> cell_ref(std::string_view r) {
  int col = 0, row = 0;
  std::size_t i = 0;
  for (; i < r.size() && r[i] >= 'A' && r[i] <= 'Z'; ++i) col = col * 26 + (r[i] - 'A' + 1);
  for (; i < r.size(); ++i) row = row * 10 + (r[i] - '0');
  return {row - 1, col - 1};
}

struct cell {
  std::string value;  // the string, or the number as written
  bool number = false;
  int style = 0;
};

struct range {
  int r0, c0, r1, c1;
};

struct sheet {
  std::string name;
  std::string xml;
  std::map<std::pair<int, int>, cell> cells;
  std::vector<range> merges;
  int frozen_rows = 0;
};

struct workbook {
  std::string workbook_xml, styles_xml;
  std::vector<sheet> sheets;
};

inline workbook read(const std::string& path) {
  workbook wb;
  wb.workbook_xml = unzip(path, "xl/workbook.xml");
  wb.styles_xml = unzip(path, "xl/styles.xml");
  std::vector<std::string> shared;
  const std::string ss = unzip(path, "xl/sharedStrings.xml");
  for (auto si : elements(ss, "si")) shared.push_back(text_of(si, "</si>"));
  int n = 0;
  for (auto s : elements(wb.workbook_xml, "sheet")) {
    sheet sh;
    sh.name = attr(s, "name");
    sh.xml = unzip(path, "xl/worksheets/sheet" + std::to_string(++n) + ".xml");
    for (auto c : elements(sh.xml, "c")) {
      const auto [row, col] = cell_ref(attr(c, "r"));
      cell x;
      const std::string style = attr(c, "s");
      x.style = style.empty() ? 0 : std::stoi(style);
      const std::string type = attr(c, "t");
      const std::size_t tag_end = c.find('>');
      if (c[tag_end - 1] != '/') {
        const std::string_view body = c.substr(tag_end + 1, c.find("</c>") - tag_end - 1);
        const std::size_t v = body.find("<v>");
        const std::string raw = v == std::string_view::npos ? std::string() : unescape(body.substr(v + 3, body.find("</v>") - v - 3));
        if (type == "s") x.value = shared.at(static_cast<std::size_t>(std::stoul(raw)));
        else if (type == "inlineStr") x.value = text_of(body, "</is>");
        else if (type == "str") x.value = raw;
        else {
          x.value = raw;
          x.number = !raw.empty();
        }
      }
      sh.cells[{row, col}] = x;
    }
    for (auto m : elements(sh.xml, "mergeCell")) {
      const std::string ref = attr(m, "ref");
      const auto a = cell_ref(ref.substr(0, ref.find(':'))), b = cell_ref(ref.substr(ref.find(':') + 1));
      sh.merges.push_back({a.first, a.second, b.first, b.second});
    }
    for (auto p : elements(sh.xml, "pane"))
      if (attr(p, "state") == "frozen") sh.frozen_rows = std::stoi(attr(p, "ySplit"));
    wb.sheets.push_back(std::move(sh));
  }
  return wb;
}

/// The merged range that holds (row, col), or nullptr.
inline const range* merge_at(const sheet& s, int row, int col) {
  for (const auto& m : s.merges)
    if (row >= m.r0 && row <= m.r1 && col >= m.c0 && col <= m.c1) return &m;
  return nullptr;
}

/// The text of the cell at (row, col), or of the merged range holding it.
inline std::string value_at(const sheet& s, int row, int col) {
  if (const range* m = merge_at(s, row, col)) {
    row = m->r0;
    col = m->c0;
  }
  auto it = s.cells.find({row, col});
  return it == s.cells.end() ? std::string() : it->second.value;
}

/// RFC 4180 CSV (LF or CRLF line ends) as rows of fields.
inline std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace yusuan_test::xlsx
