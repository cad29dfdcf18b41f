// What every command of `yusuan` does alike: -o FILE (never over an input,
// written only when complete, nothing left when a signal ends the command),
// "-" for standard input,
// errors as JSON under --format json, --color and NO_COLOR, "did you mean",
// the man page and the bash completion generated from the help texts.
#include "support/test_support.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iterator>
#include <map>
#include <string>
#include <thread>

using namespace yusuan_test;

namespace {

const std::string ref_arg = quote(reference_path);
// a budget whose total fits while its sums by 款 do not
const std::string past_max_arg = quote("tests/hostile/files/group_sum_past_max.budget");

}  // namespace

TEST(conventions_cli, dash_o_writes_the_output_of_every_printing_command) {
  temp_dir t;
  const std::vector<std::string> commands{
      "table " + ref_arg + " 08 --format csv", "table " + ref_arg + " all --format md",
      "query " + ref_arg + " 'sum by function.类' --format csv", "export " + ref_arg,
      "catalog econ --format csv", "report " + ref_arg, "check --format json " + ref_arg, "man", "complete bash"};
  for (const auto& c : commands) {
    const auto printed = run_cli(c);
    ASSERT_EQ(printed.exit, 0) << c << printed.err;
    const auto file = t.path() / "out";
    const auto written = run_cli(c + " -o " + quote(file));
    ASSERT_EQ(written.exit, 0) << c << written.err;
    EXPECT_EQ(written.out, "") << c;
    EXPECT_EQ(read_all(file), printed.out) << c;
    EXPECT_FALSE(printed.out.empty()) << c;
  }
  const auto bad = run_cli("table " + ref_arg + " 08 -o /nonexistent-dir/t.csv");
  EXPECT_EQ(bad.exit, 2);
  EXPECT_NE(bad.err.find("cannot write '/nonexistent-dir/t.csv'"), std::string::npos) << bad.err;
}

TEST(conventions_cli, dash_reads_the_budget_from_standard_input) {
  const fs::path budgets = fs::absolute("budgets");
  const fs::path file = fs::absolute(reference_path);
  // Imports (std/measures.budget) resolve against the current directory.
  for (const std::string c : {"table - 08 --format csv", "query - 'sum by econ.类' --format csv", "check -", "report -",
                              "export -"}) {
    const auto from_stdin = run_cli_in(budgets, c, file);
    EXPECT_EQ(from_stdin.exit, 0) << c << from_stdin.err;
  }
  EXPECT_EQ(run_cli_in(budgets, "table - 08 --format csv", file).out,
            run_cli("table " + ref_arg + " 08 --format csv").out);
  // the standard library (导入 <std/…>) is found from any directory
  const auto elsewhere = run_cli_in(fs::absolute("."), "check -", file);
  EXPECT_EQ(elsewhere.exit, 0) << elsewhere.err;
  // a relative import resolves against the current directory
  temp_dir dir;
  dir.write("rules.budget", "核对 支出合计 = 1.00\n");
  const fs::path main = dir.write("main.budget", "导入 \"rules.budget\"\n208 01 09 30101: 1.00\n");
  EXPECT_EQ(run_cli_in(dir.path(), "check -", main).exit, 0);
  const auto missing = run_cli_in(fs::absolute("."), "check -", main);
  EXPECT_EQ(missing.exit, 1) << "rules.budget is not in the current directory";
  EXPECT_NE(missing.err.find("<stdin>"), std::string::npos) << missing.err;
}

TEST(conventions_cli, standard_input_that_cannot_be_read_is_an_io_error) {
  // a directory as standard input: every read fails (EISDIR); never an empty budget
  temp_dir t;
  fs::create_directories(t.path() / "folder");
  for (const std::string c : {"check -", "query - sum", "table - 08", "fmt -", "export -"}) {
    const auto r = run_cli_in(t.path(), c, t.path() / "folder");
    EXPECT_EQ(r.exit, 2) << c << r.out;
    EXPECT_HAS(r.err, "error[E0001]: cannot read standard input: Is a directory\n");
    EXPECT_EQ(r.out, "") << c;
  }
}

TEST(conventions_cli, double_dash_ends_the_options) {
  temp_dir t;
  t.write("-x.budget", "金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  EXPECT_EQ(run_cli_in(t.path(), "check -x.budget").exit, 2) << "an unknown option";
  const auto r = run_cli_in(t.path(), "check -- -x.budget");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.err, "-x.budget: ok: 1 item");
  const auto q = run_cli_in(t.path(), "query --format csv -- -x.budget sum");
  EXPECT_EQ(q.exit, 0) << q.err;
  EXPECT_EQ(q.out, "合计\n1.00\n");
}

TEST(conventions_cli, dash_o_never_overwrites_the_file_standard_input_is_read_from) {
  temp_dir t;
  const std::string budget = "金额单位 元\n208 01 09 30101: 1.00 基本支出\n";
  const auto in = t.write("in.budget", budget);
  for (const std::string c : {"query - sum -o in.budget", "check - -o in.budget", "fmt - -o in.budget"}) {
    const auto r = run_cli_in(t.path(), c, in);
    EXPECT_EQ(r.exit, 2) << c;
    EXPECT_HAS(r.err, "-o in.budget is the input 'standard input'");
    EXPECT_EQ(read_all(in), budget) << c;
  }
  EXPECT_EQ(run_cli_in(t.path(), "query - sum -o out.txt", in).exit, 0);
}

TEST(conventions_cli, dash_o_never_overwrites_an_input) {
  // -o naming a file the command reads (by its name, another path to it, a
  // link or a hard link) is refused before anything is written: the input is
  // left as it was
  temp_dir t;
  const std::string budget = "金额单位 元\n208 01 09 30101: 1.00 基本支出\n";
  t.write("a.budget", budget);
  const std::string tests = "测试 \"a\" {\n  208 01 09 30101: 1.00\n  应 通过\n}\n";
  t.write("t.budget", tests);
  t.write("d/b.budget", budget);
  t.write("units.list", "a.budget\n");
  fs::create_symlink("a.budget", t.path() / "link.budget");
  fs::create_hard_link(t.path() / "a.budget", t.path() / "hard.budget");
  const std::vector<std::string> commands{"check a.budget -o a.budget",
                                          "check a.budget -o ./a.budget",
                                          "check a.budget --output=link.budget",
                                          "check link.budget -ohard.budget",
                                          "check --format junit a.budget -o a.budget",
                                          "check -j 2 a.budget -o a.budget",
                                          "check @units.list -o a.budget",
                                          "check @units.list -o units.list",
                                          "check d -o d/b.budget",
                                          "check --rules=a.budget d/b.budget -o a.budget",
                                          "fmt a.budget -o a.budget",
                                          "fmt d -o d/b.budget",
                                          "test t.budget -o t.budget",
                                          "query a.budget sum -o a.budget",
                                          "table a.budget 01 -o a.budget",
                                          "report a.budget -o a.budget",
                                          "export a.budget -o a.budget"};
  for (const auto& c : commands) {
    const auto r = run_cli_in(t.path(), c);
    EXPECT_EQ(r.exit, 2) << c << r.err;
    EXPECT_HAS(r.err, "writing it would destroy what is read");
    EXPECT_EQ(read_all(t.path() / "a.budget"), budget) << c;
    EXPECT_EQ(read_all(t.path() / "d/b.budget"), budget) << c;
    EXPECT_EQ(read_all(t.path() / "units.list"), "a.budget\n") << c;
    EXPECT_EQ(read_all(t.path() / "t.budget"), tests) << c;
  }
  // an output that exists and is no input is written; /dev/null is no file
  t.write("out.txt", "old");
  EXPECT_EQ(run_cli_in(t.path(), "check a.budget -o out.txt").exit, 0);
  EXPECT_EQ(read_all(t.path() / "out.txt"), "a.budget: ok: 1 item, 0 projects, 0 constraints checked\n");
  EXPECT_EQ(run_cli_in(t.path(), "check a.budget -o /dev/null").exit, 0);
  // an argument that is not read (a table's id) may name the output
  t.write("01", "old");
  EXPECT_EQ(run_cli_in(t.path(), "table a.budget 01 --format csv -o 01").exit, 0);
  EXPECT_EQ(read_all(t.path() / "01"), run_cli_in(t.path(), "table a.budget 01 --format csv").out);
}

TEST(conventions_cli, dash_o_never_overwrites_a_file_a_budget_reads) {
  // an import, a template file, a rule file and its imports, the rule file
  // of a test, a library file: read only once the output is open, each is
  // refused when the command has read it, and left as it was
  temp_dir t;
  const std::string item = "金额单位 元\n208 01 09 30101: 1.00 基本支出\n";
  const std::map<std::string, std::string> inputs{
      {"b.budget", "核对 支出合计 >= 0\n"},
      {"a.budget", "导入 \"b.budget\"\n" + item},
      {"bad.budget", "导入 \"b.budget\"\n" + item + "核对 支出合计 = 5.00\n"},
      {"t.template", "模板 小表\n表 A 汇总 {\n  列 \"科目编码\"\n  列 \"金额\" = 合计\n  按 功能.类 行 功能.代码\n}\n"},
      {"tpl.budget", "模板 \"t.template\"\n" + item},
      {"r.budget", "导入 \"ri.budget\"\n核对 支出合计 >= 0\n"},
      {"ri.budget", "口径 全部 = 合计\n"},
      {"r2.budget", "核对 支出合计 >= 0\n"},
      {"tt.budget", "测试 \"x\" {\n  规则 \"r2.budget\"\n  208 01 09 30101: 1.00\n  应 通过\n}\n"},
      {"lib/std/extra.budget", "口径 额外 = 合计\n"},
      {"lib.budget", "导入 <std/extra.budget>\n" + item},
      {"u.budget", "导入   \"b.budget\"\n" + item},  // not formatted: fmt compiles it to compare
      {"sub/s.budget", "导入   \"si.budget\"\n" + item},
      {"sub/si.budget", "口径 全部 = 合计\n"},
  };
  for (const auto& [name, text] : inputs) t.write(name, text);
  const std::vector<std::string> commands{"check a.budget -o b.budget",
                                          "check bad.budget -o b.budget",
                                          "check --format json a.budget -o b.budget",
                                          "check -j 2 a.budget -o b.budget",
                                          "table a.budget 01 -o b.budget",
                                          "table a.budget all --format xlsx -o b.budget",
                                          "query a.budget sum -o b.budget",
                                          "report a.budget -o b.budget",
                                          "export a.budget -o b.budget",
                                          "export a.budget --format xlsx -o b.budget",
                                          "table a.budget A --template t.template -o t.template",
                                          "table tpl.budget A -o t.template",
                                          "report tpl.budget -o t.template",
                                          "check tpl.budget -o t.template",
                                          "check --rules r.budget a.budget -o r.budget",
                                          "check --rules r.budget a.budget -o ri.budget",
                                          "check -j 2 --rules r.budget a.budget -o ri.budget",
                                          "test tt.budget -o r2.budget",
                                          "test --coverage tt.budget -o r2.budget",
                                          "test --format junit tt.budget -o r2.budget",
                                          "check -I lib lib.budget -o lib/std/extra.budget",
                                          // fmt compiles a file it changes, with its imports, to see
                                          // that it says the same
                                          "fmt u.budget -o b.budget",
                                          "fmt sub/s.budget -o sub/si.budget"};
  for (const auto& c : commands) {
    const auto r = run_cli_in(t.path(), c);
    EXPECT_EQ(r.exit, 2) << c << r.err;
    EXPECT_HAS(r.out + r.err, "writing it would destroy what is read");  // JSON on standard output
    for (const auto& [name, text] : inputs) EXPECT_EQ(read_all(t.path() / name), text) << c << ": " << name;
    for (const auto& e : fs::recursive_directory_iterator(t.path()))
      EXPECT_EQ(inputs.count(fs::relative(e.path(), t.path()).string()) + e.is_directory(), 1u) << c << ": " << e.path();
  }
  // export --to a folder that holds an input
  t.write("out/datapackage.json", "口径 额外 = 合计\n");
  t.write("c.budget", "导入 \"out/datapackage.json\"\n金额单位 元\n单位 101001 \"甲\" 类型 行政\n208 01 09 30101: 1.00\n");
  t.write("d.budget", "金额单位 元\n单位 101002 \"乙\" 类型 行政\n208 01 09 30101: 1.00\n");
  const auto region = run_cli_in(t.path(), "export c.budget d.budget --to out");
  EXPECT_EQ(region.exit, 2) << region.err;
  EXPECT_HAS(region.err, "--to out would replace the input 'out/datapackage.json' with datapackage.json");
  EXPECT_EQ(read_all(t.path() / "out/datapackage.json"), "口径 额外 = 合计\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(t.path() / "out"), fs::directory_iterator()), 1);
  // one budget: its items.csv is not put in place when its datapackage.json is refused
  t.write("out/items.csv", "earlier\n");
  const auto one = run_cli_in(t.path(), "export c.budget --to out");
  EXPECT_EQ(one.exit, 2) << one.err;
  EXPECT_HAS(one.err, "--to out would replace the input 'out/datapackage.json' with datapackage.json: nothing written");
  EXPECT_EQ(read_all(t.path() / "out/items.csv"), "earlier\n");
  EXPECT_EQ(read_all(t.path() / "out/datapackage.json"), "口径 额外 = 合计\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(t.path() / "out"), fs::directory_iterator()), 2);
}

TEST(conventions_cli, dash_o_is_written_only_when_the_command_completes) {
  // a command that fails leaves -o FILE as it was, and no temporary file
  temp_dir t;
  t.write("a.budget", "金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  t.write("bad.budget", "金额单位 元\n208 01 09 30101: 1.00 基本支出\n核对 支出合计 = 5.00\n");
  t.write("broken.budget", "金额单位 元\n208 01 09 30101: 基本支出\n");
  struct failing {
    std::string args;
    int exit;
  };
  for (const auto& c : std::vector<failing>{{"fmt broken.budget", 1},
                                            {"fmt a.budget broken.budget", 1},
                                            {"fmt a.budget missing.budget", 2},
                                            {"templates 上海9表 无此模板", 2},
                                            {"table bad.budget 01", 1}}) {
    t.write("out.txt", "before");
    const auto r = run_cli_in(t.path(), c.args + " -o out.txt");
    EXPECT_EQ(r.exit, c.exit) << c.args << r.err;
    EXPECT_EQ(read_all(t.path() / "out.txt"), "before") << c.args;
    EXPECT_EQ(std::distance(fs::directory_iterator(t.path()), fs::directory_iterator()), 4) << c.args;
  }
  // a check's report of errors is its output: written, exit 1
  const auto report = run_cli_in(t.path(), "check --color never bad.budget -o out.txt");
  EXPECT_EQ(report.exit, 1);
  EXPECT_HAS(read_all(t.path() / "out.txt"), "bad.budget: 1 error");
}

namespace {

/// The hidden temporary files ".NAME.yusuan-…" in `dir`.
std::vector<std::string> temporaries_in(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".yusuan-") != std::string::npos) found.push_back(e.path().string());
  return found;
}

/// Starts `yusuan args…` in `dir` with standard input a pipe it waits on
/// (its output to /dev/null); `in` is the pipe's end to write or close.
pid_t start_reading_a_pipe(const fs::path& dir, std::vector<const char*> args, int& in) {
  int fds[2];
  if (::pipe(fds) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[0], 0);
    ::close(fds[1]);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    args.insert(args.begin(), YUSUAN_CLI);
    args.push_back(nullptr);
    ::execv(YUSUAN_CLI, const_cast<char* const*>(args.data()));
    ::_exit(127);
  }
  ::close(fds[0]);
  in = fds[1];
  return pid;
}

}  // namespace

TEST(conventions_cli, a_signal_leaves_neither_the_output_nor_its_temporary_file) {
  // check - -o FILE opens its output, then waits for standard input: stopped
  // there by SIGINT or SIGTERM, it ends by that signal and leaves FILE as it was
  for (const int sig : {SIGINT, SIGTERM}) {
    temp_dir t;
    t.write("out.txt", "earlier\n");
    int in = -1;
    const pid_t pid = start_reading_a_pipe(t.path(), {"check", "-", "-o", "out.txt"}, in);
    ASSERT_GT(pid, 0);
    // the temporary file appears once the output is open (a wait, not a measure of time)
    for (int i = 0; i < 3000 && temporaries_in(t.path()).empty(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_EQ(temporaries_in(t.path()).size(), 1u) << "no temporary output file";
    ::kill(pid, sig);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ::close(in);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << status;
    EXPECT_EQ(temporaries_in(t.path()), std::vector<std::string>{});
    EXPECT_EQ(read_all(t.path() / "out.txt"), "earlier\n");
  }
}

TEST(conventions_cli, a_signal_during_an_export_leaves_no_folder_it_made) {
  // export a.budget - --to new makes new/ and its staging folder, then waits
  // for standard input: stopped there, it leaves neither
  temp_dir t;
  t.write("a.budget", "金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  int in = -1;
  const pid_t pid = start_reading_a_pipe(t.path(), {"export", "a.budget", "-", "--to", "new", "-j", "1"}, in);
  ASSERT_GT(pid, 0);
  const fs::path made = t.path() / "new";
  // the staging folder appears once the export has begun (a wait, not a measure of time)
  for (int i = 0; i < 3000 && (!fs::is_directory(made) || temporaries_in(made).empty()); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_TRUE(fs::is_directory(made));
  EXPECT_EQ(temporaries_in(made).size(), 1u) << "no staging folder";
  ::kill(pid, SIGTERM);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ::close(in);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << status;
  // the folder is removed just after the program ends (a wait, not a measure of time)
  for (int i = 0; i < 3000 && fs::exists(made); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_FALSE(fs::exists(made));
  EXPECT_TRUE(fs::exists(t.path() / "a.budget"));
}

TEST(conventions_cli, dash_o_naming_standard_output_or_a_stream_of_its_own_writes_to_it) {
  // /dev/stdout is a pipe, or a file the shell writes to before and after:
  // written to, never replaced
  temp_dir t;
  t.write("a.budget", "金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  const std::string y = "'" + std::string(YUSUAN_CLI) + "'";
  const auto sh = [&](const std::string& script) {
    const std::string cmd = "cd '" + t.path().string() + "' && { " + script + "; }";
    return std::system(cmd.c_str());
  };
  const std::string report = run_cli_in(t.path(), "query a.budget sum").out;
  ASSERT_FALSE(report.empty());
  for (const std::string o : {"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"}) {
    ASSERT_EQ(sh("{ " + y + " query a.budget sum -o " + o + "; echo $? > rc; } | cat > piped"), 0);
    EXPECT_EQ(read_all(t.path() / "rc"), "0\n") << o;
    EXPECT_EQ(read_all(t.path() / "piped"), report) << o;
    ASSERT_EQ(sh("{ echo before; " + y + " query a.budget sum -o " + o + "; echo after; } > log"), 0);
    EXPECT_EQ(read_all(t.path() / "log"), "before\n" + report + "after\n") << o;
  }
  ASSERT_EQ(sh("{ echo before; " + y + " query a.budget sum -o /dev/stderr; echo after; } > log 2>&1"), 0);
  EXPECT_EQ(read_all(t.path() / "log"), "before\n" + report + "after\n");
}

TEST(conventions_cli, fmt_with_dash_o_never_replaces_an_import_and_write_takes_no_dash_o) {
  temp_dir t;
  t.write("b.budget", "核对 支出合计 >= 0\n");
  t.write("a.budget", "导入 \"b.budget\"\n金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  ASSERT_EQ(run_cli_in(t.path(), "fmt --check a.budget").exit, 0);  // formatted already: fmt changes nothing
  const auto r = run_cli_in(t.path(), "fmt a.budget -o b.budget");
  EXPECT_EQ(r.exit, 2) << r.err;
  EXPECT_HAS(r.err, "writing it would destroy what is read");
  EXPECT_EQ(read_all(t.path() / "b.budget"), "核对 支出合计 >= 0\n");
  const auto w = run_cli_in(t.path(), "fmt --write a.budget -o c.txt");
  EXPECT_EQ(w.exit, 2);
  EXPECT_HAS(w.err, "--write rewrites the files in place and prints nothing: -o has nothing to write");
  EXPECT_FALSE(fs::exists(t.path() / "c.txt"));
  EXPECT_EQ(run_cli_in(t.path(), "fmt --write --list a.budget -o c.txt").exit, 0);  // the list of files rewritten
}

TEST(conventions_cli, dash_o_replaces_a_file_keeping_its_permissions_and_links) {
  temp_dir t;
  t.write("a.budget", "金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  const std::string ok = "a.budget: ok: 1 item, 0 projects, 0 constraints checked\n";
  const auto perms_of = [](const fs::path& p) { return fs::status(p).permissions(); };
  // an existing file: replaced, with its permissions
  const fs::path out = t.write("out.txt", "old");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(run_cli_in(t.path(), "check a.budget -o out.txt").exit, 0);
  EXPECT_EQ(read_all(out), ok);
  EXPECT_EQ(perms_of(out), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const fs::path book = t.write("book.xlsx", "old");
  fs::permissions(book, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(run_cli_in(t.path(), "table a.budget all --format xlsx -o book.xlsx").exit, 0);
  EXPECT_EQ(read_all(book).substr(0, 2), "PK");
  EXPECT_EQ(perms_of(book), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  // a new file: the permissions of any new file (the umask's)
  EXPECT_EQ(run_cli_in(t.path(), "check a.budget -o new.txt").exit, 0);
  EXPECT_EQ(read_all(t.path() / "new.txt"), ok);
  EXPECT_EQ(perms_of(t.path() / "new.txt"), perms_of(t.write("made.txt", "")));
  // through links: the file they lead to is replaced, the links stay
  t.write("sub/real.txt", "old");
  fs::create_symlink("sub/real.txt", t.path() / "link.txt");
  fs::create_symlink("link.txt", t.path() / "link2.txt");
  fs::create_symlink("sub/later.txt", t.path() / "dangling.txt");
  for (const std::string link : {"link.txt", "link2.txt"}) {
    t.write("sub/real.txt", "old");
    EXPECT_EQ(run_cli_in(t.path(), "check a.budget -o " + link).exit, 0) << link;
    EXPECT_TRUE(fs::is_symlink(t.path() / link)) << link;
    EXPECT_EQ(read_all(t.path() / "sub/real.txt"), ok) << link;
  }
  EXPECT_EQ(run_cli_in(t.path(), "check a.budget -o dangling.txt").exit, 0);
  EXPECT_TRUE(fs::is_symlink(t.path() / "dangling.txt"));
  EXPECT_EQ(read_all(t.path() / "sub/later.txt"), ok);
  EXPECT_EQ(std::distance(fs::directory_iterator(t.path() / "sub"), fs::directory_iterator()), 2) << "no temporary file";
  EXPECT_EQ(std::distance(fs::directory_iterator(t.path()), fs::directory_iterator()), 9) << "no temporary file";
  // not a regular file: written directly; a directory: an I/O error
  EXPECT_EQ(run_cli_in(t.path(), "check a.budget -o /dev/null").exit, 0);
  const auto dir = run_cli_in(t.path(), "check a.budget -o sub");
  EXPECT_EQ(dir.exit, 2);
  EXPECT_HAS(dir.err, "cannot write 'sub': a directory");
}

TEST(conventions_cli, standard_input_is_read_once) {
  // "-" twice would read standard input once and then nothing
  temp_dir t;
  const fs::path in = t.write("in.budget", "金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  for (const std::string c : {"check - -", "check -j 2 - -", "fmt - -"}) {
    const auto r = run_cli_in(t.path(), c, in);
    EXPECT_EQ(r.exit, 2) << c << r.err;
    EXPECT_HAS(r.err, "standard input (-)");
  }
}

TEST(conventions_cli, every_directory_walk_reports_a_link_it_cannot_follow) {
  // a *.budget link that leads to itself (or nowhere) in a directory cannot
  // be read: every command that reads a directory's budget files reports it
  // (E0001, exit 2) as when it is named, none passes over it; a link not
  // named *.budget is no budget file and is not read
  temp_dir t;
  t.write("r/rule.budget", "核对 支出合计 >= 0\n");
  t.write("r/sub/t.budget", "测试 \"a\" {\n  208 01 09 30101: 1.00\n  应 通过\n}\n");
  t.write("b.budget", "金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  t.write("budgets/sub/b.budget", "金额单位 元\n208 01 09 30101: 1.00 基本支出\n");
  for (const std::string d : {"r", "budgets"}) {
    fs::create_symlink("self.budget", t.path() / d / "self.budget");
    fs::create_symlink("loop", t.path() / d / "loop");
    fs::create_symlink("nowhere.budget", t.path() / d / "sub/gone.budget");
  }
  for (const std::string c : {"check budgets", "check -j 2 budgets", "check --format junit budgets",
                              "check --rules r b.budget", "test r", "fmt r", "fmt budgets", "export budgets --to out"}) {
    const auto r = run_cli_in(t.path(), c);
    EXPECT_EQ(r.exit, 2) << c << r.out << r.err;
    EXPECT_HAS(r.out + r.err, "self.budget");  // quoted as the output quotes (XML for junit)
    EXPECT_HAS(r.out + r.err, "Too many levels of symbolic links");
    EXPECT_FALSE(has(r.out + r.err, "internal error")) << c << r.err;
    EXPECT_FALSE(has(r.out + r.err, "/loop")) << c << r.err;
  }
  EXPECT_EQ(run_cli_in(t.path(), "test r").out,
            "ERROR   r/self.budget\n        cannot read 'r/self.budget': Too many levels of symbolic links\n"
            "ERROR   r/sub/gone.budget\n        cannot read 'r/sub/gone.budget': no such file\n"
            "ok      a  (r/sub/t.budget:1)\n1 passed, 0 failed, 2 errors\n");
  EXPECT_HAS(run_cli_in(t.path(), "check budgets").err,
             "3 budgets checked: 1 ok, 0 with errors, 2 unreadable;");
}

TEST(conventions_cli, library_path_option_and_environment) {
  temp_dir lib, dir;
  lib.write("std/extra.budget", "口径 额外 = 合计(类型 = 人员经费)\n");
  const fs::path main = dir.write("main.budget", "导入 <std/extra.budget>\n208 01 09 基本支出 30101: 1.00\n核对 额外 = 1.00\n");
  const auto without = run_cli_in(dir.path(), "check --color never main.budget", main);
  EXPECT_EQ(without.exit, 1) << without.err;
  EXPECT_NE(without.err.find("E0311"), std::string::npos) << without.err;
  for (const std::string& args : std::vector<std::string>{"check -I '" + lib.path().string() + "' main.budget",
                                 "check --library-path='" + lib.path().string() + "' main.budget"}) {
    const auto r = run_cli_in(dir.path(), args, main);
    EXPECT_EQ(r.exit, 0) << args << r.err;
  }
  const auto env = run_cli_in(dir.path(), "check main.budget", main, "YUSUAN_PATH='" + lib.path().string() + "'");
  EXPECT_EQ(env.exit, 0) << env.err;
}

TEST(conventions_cli, errors_are_json_under_format_json) {
  struct json_case {
    std::string args;
    int exit;
    std::string code;
  };
  const std::vector<json_case> cases{
      {"table " + ref_arg + " 14 --format json", 2, "\"code\":\"E0801\""},
      {"table tests/data/dsl/cli_error.budget 03 --format json", 1, "\"code\":\"E"},
      {"table tests/data/no_such.budget 03 --format json", 2, "\"code\":\"E0001\""},
      {"query " + ref_arg + " 'sum by' --format json", 1, "\"code\":\"E"},
      {"query " + ref_arg + " 'sum' --format json --bogus", 2, "\"code\":\"usage\""},
      {"catalog nope --format json", 2, "\"code\":\"usage\""},
      {"check --format json --frobnicate x", 2, "\"code\":\"usage\""},
      {"report --format json x", 2, "\"code\":\"usage\""},
      {"frobnicate --format json", 2, "\"code\":\"usage\""},
      {"query " + past_max_arg + " 'sum by function.款' --format json", 1, "\"code\":\"E0701\""},
      {"table " + past_max_arg + " 03 --format json", 1, "\"code\":\"E0701\""},
  };
  for (const auto& c : cases) {
    const auto r = run_cli(c.args);
    EXPECT_EQ(r.exit, c.exit) << c.args << r.err;
    EXPECT_EQ(r.out.rfind("[", 0), 0u) << c.args << ": " << r.out;
    EXPECT_NE(r.out.find(c.code), std::string::npos) << c.args << ": " << r.out;
    EXPECT_NE(r.out.find("\"severity\":\"error\""), std::string::npos) << c.args;
    EXPECT_EQ(r.err, "") << c.args;
  }
}

TEST(conventions_cli, a_figure_no_amount_holds_is_E0701_and_nothing_is_written) {
  temp_dir t;
  struct overflow_case {
    std::string args, where, what;
  };
  const std::vector<overflow_case> cases{
      {"query " + past_max_arg + " 'sum by function.款'", "<query>", "a figure of the result"},
      {"table " + past_max_arg + " 03", "<table>", "a cell of table 03"},
      {"table " + past_max_arg + " all", "<table>", "a cell of table 03"},  // the table, not "all"
      {"report " + past_max_arg, "<report>", "a figure of the page"},
  };
  for (const auto& c : cases) {
    const fs::path out = t.write("out", "before");
    const auto r = run_cli(c.args + " -o " + quote(out));
    EXPECT_EQ(r.exit, 1) << c.args << r.err;
    EXPECT_HAS(r.err, "error[E0701]: " + c.what + " is more than an amount can hold\n  --> " + c.where + ":1:1\n");
    EXPECT_HAS(r.err, "= note: overflow in money sum: ");
    EXPECT_FALSE(has(r.err, "yusuan: error")) << r.err;
    EXPECT_EQ(read_all(out), "before") << c.args;
  }
  // a change from 上年 past what a percentage at two decimals holds: the note says so
  t.write("now.budget", "金额单位 元\n208 01 09 30101: 92233720368547758.07\n");
  t.write("prior.budget", "金额单位 元\n208 01 09 30101: 0.01\n");
  const auto prior = run_cli("query " + quote(t.path() / "now.budget") + " 'sum by function.款' --prior " +
                             quote(t.path() / "prior.budget") + " --format json");
  EXPECT_EQ(prior.exit, 1);
  EXPECT_EQ(prior.out.rfind("[", 0), 0u) << prior.out;
  EXPECT_HAS(prior.out, "\"code\":\"E0701\"");
  EXPECT_HAS(prior.out, "overflow in year-on-year change");
}

TEST(conventions_cli, did_you_mean) {
  const auto cmd = run_cli("chek " + ref_arg);
  EXPECT_EQ(cmd.exit, 2);
  EXPECT_NE(cmd.err.find("unknown command 'chek' (did you mean 'check'?)"), std::string::npos) << cmd.err;
  const auto rep = run_cli("reprot x");
  EXPECT_NE(rep.err.find("did you mean 'report'?"), std::string::npos) << rep.err;
  const auto opt = run_cli("table " + ref_arg + " 03 --fromat csv");
  EXPECT_EQ(opt.exit, 2);
  EXPECT_NE(opt.err.find("unknown option '--fromat' for table (did you mean '--format'?)"), std::string::npos) << opt.err;
  const auto prior = run_cli("query " + ref_arg + " sum --prio x");
  EXPECT_NE(prior.err.find("did you mean '--prior'?"), std::string::npos) << prior.err;
  const auto far = run_cli("table " + ref_arg + " 03 --zzzzzzzz");
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;
  const auto kind = run_cli("catalog fucntion");
  EXPECT_NE(kind.err.find("did you mean 'function'?"), std::string::npos) << kind.err;
}

TEST(conventions_cli, color_modes_and_no_color) {
  const std::string bad = "table tests/data/dsl/cli_error.budget 03";
  EXPECT_NE(run_cli(bad + " --color always").err.find("\x1b["), std::string::npos);
  EXPECT_EQ(run_cli(bad + " --color never").err.find("\x1b["), std::string::npos);
  EXPECT_EQ(run_cli(bad).err.find("\x1b["), std::string::npos) << "auto: not a terminal";
  EXPECT_EQ(run_cli(bad + " --colour=never").exit, 1);
  const auto wrong = run_cli(bad + " --color sometimes");
  EXPECT_EQ(wrong.exit, 2);
  EXPECT_NE(wrong.err.find("--color must be one of auto, always, never"), std::string::npos) << wrong.err;
  for (const std::string& c : {"query " + ref_arg + " sum", "report " + ref_arg, "export " + ref_arg, std::string("catalog econ"),
                              "check " + ref_arg})
    EXPECT_EQ(run_cli(c + " --color never").exit, 0) << c;
  // On a terminal (script(1) gives the program one), auto colours unless
  // NO_COLOR is set and not empty.
  temp_dir t;
  const auto on_tty = [&](const std::string& env) {
    const fs::path out = t.path() / "tty";
    const std::string cmd = "script -qec \"" + env + " '" + YUSUAN_CLI + "' " + bad + "\" /dev/null > '" + out.string() +
                            "' 2>&1 </dev/null";
    EXPECT_NE(std::system(cmd.c_str()), -1);
    return read_all(out);
  };
  EXPECT_NE(on_tty("env -u NO_COLOR").find("\x1b["), std::string::npos);
  EXPECT_EQ(on_tty("env NO_COLOR=1").find("\x1b["), std::string::npos);
  EXPECT_NE(on_tty("env NO_COLOR=").find("\x1b["), std::string::npos) << "an empty NO_COLOR is not set";
}

TEST(conventions_cli, help_command_shows_that_commands_help) {
  for (const std::string c : {"check", "test", "report", "consolidate"}) {
    const auto help = run_cli("help " + c);
    EXPECT_EQ(help.exit, 0) << c;
    EXPECT_EQ(help.out, run_cli(c + " --help").out) << c;
  }
  const auto main = run_cli("help");
  EXPECT_EQ(main.exit, 0);
  EXPECT_EQ(main.out, run_cli("--help").out);
  const auto unknown = run_cli("help repotr");
  EXPECT_EQ(unknown.exit, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_HAS(unknown.err, "unknown command 'repotr'");
  EXPECT_HAS(unknown.err, "report");
  EXPECT_EQ(run_cli("help check query").exit, 2);
  for (const char* self : {"help help", "help --help", "help -h"}) {
    const auto h = run_cli(self);
    EXPECT_EQ(h.exit, 0) << self;
    EXPECT_EQ(h.out, main.out) << self;
  }
}

TEST(conventions_cli, man_page_and_completion_come_from_the_help_texts) {
  const auto man = run_cli("man");
  ASSERT_EQ(man.exit, 0) << man.err;
  EXPECT_EQ(man.out.rfind(".TH YUSUAN 1", 0), 0u);
  for (const std::string c : {"check", "query", "table", "report", "export", "catalog"}) {
    EXPECT_NE(man.out.find(".SS yusuan " + c), std::string::npos) << c;
    const auto help = run_cli(c + " --help");
    const std::string first = help.out.substr(0, help.out.find('\n'));
    EXPECT_NE(man.out.find(first), std::string::npos) << first;
  }
  const auto bash = run_cli("complete bash");
  ASSERT_EQ(bash.exit, 0);
  EXPECT_NE(bash.out.find("complete -o filenames -F _yusuan yusuan"), std::string::npos);
  EXPECT_NE(bash.out.find("--bom"), std::string::npos);
  EXPECT_NE(bash.out.find("text csv md json xlsx"), std::string::npos);
  // The script is valid bash and completes commands and options.
  temp_dir t;
  const auto script = t.write("c.bash", bash.out);
  const std::string probe = "bash -c 'source " + script.string() +
                            "; COMP_WORDS=(yusuan rep); COMP_CWORD=1; _yusuan; echo ${COMPREPLY[*]}; "
                            "COMP_WORDS=(yusuan export --b); COMP_CWORD=2; _yusuan; echo ${COMPREPLY[*]}' > " +
                            (t.path() / "o").string();
  ASSERT_EQ(std::system(probe.c_str()), 0);
  EXPECT_EQ(read_all(t.path() / "o"), "report\n--bom\n");
  EXPECT_EQ(run_cli("complete zsh").exit, 2);
}
