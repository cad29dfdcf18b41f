// Every example of docs/diagnostics.md runs as written: the budget files it
// shows are written to a fresh directory, the `$ yusuan …` command is run
// there, and what it prints and its exit code must be what the page shows.
//
// The page's conventions: a line `name`: names the file of the next ```budget
// block (main.budget otherwise); "`dir/` is a directory." makes a directory;
// <!-- bytes NAME: b1 ea … --> writes a file of raw bytes; the directory the
// example runs in is shown as /srv/qinghe.
#include "support/test_support.hpp"

#include <regex>

using namespace yusuan_test;

namespace {

struct doc_example {
  std::string name;  // "diagnostics.md:123"
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> directories;
  std::string command;  // after "$ "
  std::string output;   // what the page shows, up to "$ echo $?"
  int exit = -1;
};

void PrintTo(const doc_example& e, std::ostream* os) { *os << e.name; }

std::vector<doc_example> examples_of(const std::string& path) {
  std::vector<doc_example> out;
  const auto lines = lines_of(read_all(path));
  doc_example cur;
  std::string next_file;
  const std::regex file_line("^`([^`]+)`:$"), dir_line("^`([^`]+)/` is a directory\\.$"),
      bytes_line("^<!-- bytes ([^:]+): ([0-9a-f ]+) -->$");
  std::smatch m;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (std::regex_match(l, m, file_line)) {
      next_file = m[1];
    } else if (std::regex_match(l, m, dir_line)) {
      cur.directories.push_back(m[1]);
    } else if (std::regex_match(l, m, bytes_line)) {
      std::string bytes;
      std::istringstream hex(m[2]);
      for (std::string b; hex >> b;) bytes += static_cast<char>(std::stoi(b, nullptr, 16));
      cur.files.emplace_back(m[1], bytes);
    } else if (l == "```budget") {
      std::string text;
      for (++i; i < lines.size() && lines[i] != "```"; ++i) text += lines[i] + "\n";
      cur.files.emplace_back(next_file.empty() ? "main.budget" : next_file, text);
      next_file.clear();
    } else if (l == "```console" && i + 1 < lines.size() && lines[i + 1].rfind("$ yusuan ", 0) == 0) {
      cur.name = fs::path(path).filename().string() + ":" + std::to_string(i + 1);
      cur.command = lines[++i].substr(2);
      for (++i; i < lines.size() && lines[i] != "```"; ++i) {
        if (lines[i] == "$ echo $?") {
          cur.exit = std::stoi(lines[++i]);
          continue;
        }
        cur.output += lines[i] + "\n";
      }
      out.push_back(cur);
      cur = doc_example{};
    } else if (l.rfind("### ", 0) == 0) {
      cur = doc_example{};
      next_file.clear();
    }
  }
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = 0; !from.empty() && (p = s.find(from, p)) != std::string::npos; p += to.size())
    s.replace(p, from.size(), to);
  return s;
}

class doc_examples : public ::testing::TestWithParam<doc_example> {};

TEST_P(doc_examples, run_as_written) {
  const doc_example& ex = GetParam();
  temp_dir dir;
  for (const auto& d : ex.directories) fs::create_directories(dir.path() / d);
  for (const auto& [name, text] : ex.files) dir.write(name, text);
  const auto r = run_cli_in(dir.path(), ex.command.substr(7));
  const std::string root = fs::weakly_canonical(dir.path()).string();
  // the page ends a block with its last line, whatever blank lines follow
  auto trimmed = [](std::string t) {
    while (!t.empty() && t.back() == '\n') t.pop_back();
    return t;
  };
  const std::string got = replace_all(r.err + r.out, root, "/srv/qinghe");
  EXPECT_EQ(trimmed(got), trimmed(ex.output)) << ex.name << ": $ " << ex.command;
  if (ex.exit >= 0) {
    EXPECT_EQ(r.exit, ex.exit) << ex.name << ": $ " << ex.command;
  }
}

std::vector<doc_example> all_examples() {
  auto v = examples_of(std::string(YUSUAN_DOCS_DIR) + "/diagnostics.md");
  if (v.size() < 100) ADD_FAILURE() << "docs/diagnostics.md: only " << v.size() << " examples found";
  return v;
}

INSTANTIATE_TEST_SUITE_P(diagnostics_md, doc_examples, ::testing::ValuesIn(all_examples()),
                         [](const auto& info) {
                           std::string n = info.param.name;
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

}  // namespace
