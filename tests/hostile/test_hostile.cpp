// The hostile-input suite: every case of tests/hostile/manifest.txt is run
// through the yusuan program, which must exit with the stated code, print
// the stated diagnostic codes and never an internal error (exit 3).  Inputs
// are files of tests/hostile/files/, budgets of hostile shapes made at run
// time (shapes.hpp), import chains and lists, a FIFO, /dev/zero and a
// directory; output can go to /dev/full.
#include "hostile/shapes.hpp"
#include "support/test_support.hpp"

#include <sys/stat.h>

#include <fstream>
#include <functional>
#include <sstream>

using namespace yusuan_test;

namespace {

struct hostile_case {
  std::string name, input, command;
  int exit = 0;
  std::vector<std::string> codes;
  int line = 0;
};

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
  return s.substr(b);
}

/// The manifest: `name | input | command | exit | codes`, '#' starts a comment.
std::vector<hostile_case> load_manifest() {
  const char* src = std::getenv("YUSUAN_SOURCE_DIR");
  std::ifstream in(fs::path(src ? src : YUSUAN_SOURCE_ROOT) / "tests/hostile/manifest.txt");
  std::vector<hostile_case> cases;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string part; std::getline(ss, part, '|');) f.push_back(trim(part));
    hostile_case c;
    c.line = n;
    if (f.size() == 5) {
      c.name = f[0];
      c.input = f[1];
      c.command = f[2];
      c.exit = std::atoi(f[3].c_str());
      std::stringstream codes(f[4]);
      for (std::string code; codes >> code;)
        if (code != "-") c.codes.push_back(code);
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

const std::vector<hostile_case>& manifest() {
  static const std::vector<hostile_case> cases = load_manifest();
  return cases;
}

/// The shapes of shapes.hpp by name.
const std::map<std::string, std::function<std::string(std::size_t)>>& shapes() {
  static const std::map<std::string, std::function<std::string(std::size_t)>> s = {
      {"parens", hostile::parens},
      {"share_levels", hostile::share_levels},
      {"nested_shares", hostile::nested_shares},
      {"change_levels", hostile::change_levels},
      {"nested_changes", hostile::nested_changes},
      {"filter_groups", hostile::filter_groups},
      {"flat_sum", [](std::size_t n) { return hostile::flat_sum(n); }},
      {"flat_sum_one_line", [](std::size_t n) { return hostile::flat_sum(n, n + 1); }},
      {"or_chain", [](std::size_t n) { return hostile::or_chain(n); }},
      {"minus_signs", hostile::minus_signs},
      {"nots", hostile::nots},
      {"measure_chain", hostile::measure_chain},
      {"measure_cycle", hostile::measure_cycle},
      {"nested_blocks", hostile::nested_blocks},
      {"conflicting_names", hostile::conflicting_names},
      {"many_items", hostile::many_items},
      {"many_units", hostile::many_units},
      {"many_units_by_fund", hostile::many_units_by_fund},
      {"prior_repeats", hostile::prior_repeats},
      {"syntax_errors", hostile::syntax_errors},
      {"long_name", hostile::long_name},
      {"long_line", hostile::long_line},
      {"many_tests", hostile::many_tests},
      {"tests_on_one_line", hostile::tests_on_one_line},
      {"many_tags", hostile::many_tags},
      {"template_parens", hostile::template_parens},
      {"template_filter_groups", hostile::template_filter_groups},
      {"template_nested_groups", hostile::template_nested_groups},
      {"template_tables", hostile::template_tables},
      {"template_measures", hostile::template_measures},
      {"template_measure_chain", hostile::template_measure_chain},
      {"template_measure_doubling", hostile::template_measure_doubling},
      {"template_measure_cycle", hostile::template_measure_cycle},
  };
  return s;
}

/// Makes the input of a case in `dir`; returns the path to give the program.
std::string make_input(const temp_dir& dir, const std::string& input) {
  const auto colon = input.find(':');
  const std::string kind = input.substr(0, colon);
  const std::string arg = colon == std::string::npos ? std::string() : input.substr(colon + 1);
  auto number = [](const std::string& s) { return static_cast<std::size_t>(std::stoull(s.substr(s.rfind(':') + 1))); };
  if (kind == "file") {
    const fs::path from = fs::current_path() / "tests/hostile/files" / arg;
    fs::copy_file(from, dir.path() / arg);
    return arg;
  }
  if (kind == "gen") {
    const std::string shape = arg.substr(0, arg.find(':'));
    dir.write("main.budget", shapes().at(shape)(number(arg)));
    return "main.budget";
  }
  if (kind == "template") {  // main.template, and main.budget rendered in it
    const std::string shape = arg.substr(0, arg.find(':'));
    dir.write("main.template", shapes().at(shape)(number(arg)));
    dir.write("main.budget", "模板 \"main.template\"\n" + hostile::head());
    return "main.template";
  }
  if (kind == "chain" || kind == "list") {
    for (const auto& [name, text] : kind == "chain" ? hostile::import_chain(number(arg)) : hostile::import_list(number(arg)))
      dir.write(name, text);
    return "main.budget";
  }
  if (kind == "fifo") {
    EXPECT_EQ(::mkfifo((dir.path() / "pipe.budget").c_str(), 0600), 0);
    return "pipe.budget";
  }
  if (kind == "import-fifo" || kind == "import-devzero") {
    if (kind == "import-fifo") EXPECT_EQ(::mkfifo((dir.path() / "part.budget").c_str(), 0600), 0);
    else fs::create_symlink("/dev/zero", dir.path() / "part.budget");
    dir.write("main.budget", "金额单位 元\n导入 \"part.budget\"\n208 01 09 30101: 1.00\n");
    return "main.budget";
  }
  if (kind == "rules-fifo") {  // a test file whose test names a FIFO as its rule file
    EXPECT_EQ(::mkfifo((dir.path() / "rules.budget").c_str(), 0600), 0);
    dir.write("tests.budget", "测试 \"a\" {\n  规则 \"rules.budget\"\n  208 01 09 30101: 1.00\n  应 通过\n}\n");
    return "tests.budget";
  }
  if (kind == "devzero") return "/dev/zero";
  if (kind == "dir") {
    fs::create_directories(dir.path() / "folder.budget");
    return "folder.budget";
  }
  if (kind == "reference") return (fs::current_path() / reference_path).string();
  ADD_FAILURE() << "unknown input '" << input << "'";
  return {};
}

class hostile_input : public ::testing::TestWithParam<std::size_t> {};

TEST_P(hostile_input, exits_as_stated_without_an_internal_error) {
  const hostile_case& c = manifest()[GetParam()];
  ASSERT_FALSE(c.name.empty()) << "manifest.txt:" << c.line << " needs five fields: name | input | command | exit | codes";
  temp_dir dir;
  const std::string path = make_input(dir, c.input);
  // the command's words; FILE is the input, a last word ">full" sends standard output to /dev/full
  std::string command = c.command;
  bool full = false;
  if (command.size() >= 5 && command.compare(command.size() - 5, 5, ">full") == 0) {
    full = true;
    command = trim(command.substr(0, command.size() - 5));
  }
  const auto at = command.find("FILE");
  if (at != std::string::npos) command.replace(at, 4, quote(path));
  const fs::path out = dir.path() / "stdout.txt", err = dir.path() / "stderr.txt";
  const std::string shell = "cd " + quote(dir.path()) + " && timeout 120 '" + YUSUAN_CLI + "' " + command + " >" +
                            (full ? std::string("/dev/full") : quote(out)) + " 2>" + quote(err) + " </dev/null";
  const int status = std::system(shell.c_str());
  const int exit = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  const std::string printed = read_all(out) + read_all(err);
  EXPECT_EQ(exit, c.exit) << c.name << " (manifest.txt:" << c.line << ")\n" << printed.substr(0, 4000);
  EXPECT_FALSE(has(printed, "internal error")) << c.name << "\n" << printed.substr(0, 4000);
  if (full) {  // said once, on standard error
    const std::string said = read_all(err);
    const auto first = said.find("cannot write standard output");
    EXPECT_NE(first, std::string::npos) << c.name << "\n" << said;
    EXPECT_EQ(said.find("cannot write", first + 1), std::string::npos) << c.name << " says it twice\n" << said;
  }
  for (const auto& code : c.codes)
    EXPECT_TRUE(has(printed, "[" + code + "]") || has(printed, "\"" + code + "\""))
        << c.name << " does not report " << code << "\n"
        << printed.substr(0, 4000);
}

std::string case_name(const ::testing::TestParamInfo<std::size_t>& info) {
  const std::string& n = manifest()[info.param].name;
  return n.empty() ? "line_" + std::to_string(manifest()[info.param].line) : n;
}

INSTANTIATE_TEST_SUITE_P(manifest, hostile_input, ::testing::Range<std::size_t>(0, manifest().size()), case_name);

TEST(hostile_manifest, has_at_least_80_cases_of_distinct_names) {
  EXPECT_GE(manifest().size(), 80u);
  std::set<std::string> names;
  for (const auto& c : manifest()) EXPECT_TRUE(names.insert(c.name).second) << "two cases named " << c.name;
}

}  // namespace
