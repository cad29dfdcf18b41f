// yusuan fmt over every .budget file of the repository and over the
// formatter's fuzzing corpus (tests/format/corpus, *.fuzz: inputs of the
// fuzzers, most of them not budgets at all): each file of the
// repository is formatted (CI fails on one that is not), formatting never
// changes what a file says (its compiled budget, every diagnostic, every
// disclosure table), also after its layout is disturbed or its keywords
// respelled, and formatting is idempotent.  tests/format/exempt.txt lists
// the inputs meant not to parse and those whose layout a test is about.
#include "support/test_support.hpp"

#include <yusuan/format.hpp>
#include <yusuan/format/meaning.hpp>
#include <yusuan/rule_tests.hpp>
#include <yusuan/tables.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

using namespace yusuan_test;

namespace {

/// tests/format/exempt.txt: path → "refused" or "verbatim".
std::map<std::string, std::string> exempt() {
  std::map<std::string, std::string> out;
  std::istringstream in(read_all("tests/format/exempt.txt"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string path, kind;
    words >> path >> kind;
    out[path] = kind;
  }
  return out;
}

/// What the text of `file` says, compiled where the file is: its budget,
/// diagnostics and every disclosure table; for a file of tests, each test's.
std::string meaning_at(const std::string& text, const fs::path& file) {
  compile_options o;
  o.root = fs::absolute(file).parent_path();
  auto one = [&](const std::string& t, const compile_options& co) {
    yusuan::diagnostics diags;
    auto b = yusuan::compile_string(t, file.string(), diags, co);
    std::string m = yusuan::meaning_of(b, diags);
    if (b) {
      try {
        std::ostringstream tables;
        for (const auto& table : yusuan::tables::build_all(*b)) yusuan::tables::write(tables, table, "csv");
        m += tables.str();
      } catch (const std::exception& e) {
        m += std::string("tables: ") + e.what() + "\n";
      }
    }
    return m;
  };
  std::vector<std::string> errors;
  yusuan::detail::rule_test_scanner scanner{text, file};
  const auto tests = scanner.scan(errors);
  if (tests.empty()) return one(text, o);
  std::string out;
  for (const auto& t : tests) {
    compile_options co = o;
    co.rules = t.rules;
    auto budget = t.budget();
    co.line_origins = std::move(budget.lines);
    out += "test " + t.name + "\n" + one(budget.text, co);
  }
  return out;
}

/// The layout disturbed without changing a token or a line break: no
/// indentation, blanks at the ends of lines, blank lines doubled.
std::string disturbed(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto b = line.find_first_not_of(" \t");
    const std::string body = b == std::string::npos ? std::string() : line.substr(b);
    out += body.empty() ? "\n\n" : body + "   \n";
  }
  return out;
}

void check_lossless(const std::string& text, const fs::path& file, const std::string& formatted) {
  const std::string before = meaning_at(text, file);
  EXPECT_EQ(meaning_at(formatted, file), before) << file;
  for (auto to : {yusuan::keyword_spelling_choice::chinese, yusuan::keyword_spelling_choice::english}) {
    yusuan::format_options o;
    o.spelling = to;
    yusuan::diagnostics diags;
    const auto respelled = yusuan::format_budget(text, file.string(), diags, o);
    ASSERT_TRUE(respelled) << file;
    EXPECT_EQ(yusuan::keywords_in_chinese(meaning_at(*respelled, file)), yusuan::keywords_in_chinese(before)) << file;
  }
}

}  // namespace

TEST(fmt_repository, every_budget_file_is_formatted_and_says_the_same_formatted) {
  const auto skip = exempt();
  ASSERT_FALSE(skip.empty());
  const auto files = repository_budgets();
  ASSERT_GT(files.size(), 90u);
  std::size_t formatted_files = 0, refused = 0, verbatim = 0;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    const std::string text = read_all(file);
    yusuan::diagnostics diags;
    const auto formatted = yusuan::format_budget(text, file.string(), diags);
    const auto ex = skip.find(file.generic_string());
    if (ex != skip.end() && ex->second == "refused") {
      ++refused;
      EXPECT_FALSE(formatted) << file << " is listed as refused in tests/format/exempt.txt but formats";
      EXPECT_TRUE(diags.has_errors());
      continue;
    }
    ASSERT_TRUE(formatted) << dump(diags);
    if (ex != skip.end()) {
      ++verbatim;
      EXPECT_NE(*formatted, text) << file << " is listed as verbatim in tests/format/exempt.txt but is formatted";
      check_lossless(text, file, *formatted);
      continue;
    }
    ++formatted_files;
    EXPECT_EQ(*formatted, text) << file << " is not formatted: run yusuan fmt --write " << file;
    // the layout disturbed comes back formatted, and says the same
    const std::string messy = disturbed(text);
    yusuan::diagnostics d2;
    const auto back = yusuan::format_budget(messy, file.string(), d2);
    ASSERT_TRUE(back) << dump(d2);
    EXPECT_EQ(*back, *formatted);
    check_lossless(messy, file, *back);
  }
  EXPECT_EQ(refused + verbatim, skip.size()) << "tests/format/exempt.txt lists files that are not there";
  EXPECT_GT(formatted_files, 80u);
}

TEST(fmt_repository, every_file_of_the_corpus_formats_losslessly_or_reports_its_syntax_error) {
  const auto files = files_under("tests/format/corpus", ".fuzz");
  ASSERT_GT(files.size(), 100u);
  std::size_t formatted_files = 0;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    const std::string text = read_all(file);
    yusuan::diagnostics diags;
    const auto formatted = yusuan::format_budget(text, file.string(), diags);
    if (!formatted) {
      EXPECT_TRUE(diags.has_errors());
      continue;
    }
    ++formatted_files;
    yusuan::diagnostics again;
    EXPECT_EQ(yusuan::format_budget(*formatted, file.string(), again), formatted);
    check_lossless(text, file, *formatted);
  }
  EXPECT_GT(formatted_files, 50u);
}
