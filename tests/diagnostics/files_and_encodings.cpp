// E00xx: files that cannot be read (E0001) and text that is not UTF-8 (E0002).
#include "support/test_support.hpp"

#include <yusuan/compile/read_file.hpp>

#include <sys/stat.h>

using namespace yusuan_test;

// --- E0001: a file that cannot be read -----------------------------------------------------------

TEST(diag_files, E0001_missing_file) {
  auto r = compile_path("tests/data/dsl/no_such_file.budget");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.io_error);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  const auto& d = one(r, "E0001");
  EXPECT_EQ(d.level, severity::error);
  EXPECT_EQ(d.message, "cannot read 'tests/data/dsl/no_such_file.budget': no such file");
  EXPECT_EQ(where(d), "0:0");  // the root file has no location to point at
  EXPECT_THROW((void)yusuan::compile_file("tests/data/dsl/no_such_file.budget"), yusuan::budget_error);
  try {
    (void)yusuan::compile_file("tests/data/dsl/no_such_file.budget");
  } catch (const yusuan::budget_error& e) {
    EXPECT_HAS(std::string(e.what()), "error[E0001]");
    EXPECT_HAS(std::string(e.what()), "1 error, 0 warnings");
    EXPECT_EQ(e.diagnostics().error_count(), 1u);
    EXPECT_EQ(e.diagnostic_code(), "E0001");  // the one error's code
    EXPECT_EQ(e.code(), yusuan::errc::io_error);
  }
  // several errors: no one code
  try {
    (void)yusuan::compile_string("208 01 09 30101: 1.00 项目 \"甲\"\n208 01 09 30101: 1.00 项目 \"乙\"\n", "two.budget");
    ADD_FAILURE() << "no budget_error";
  } catch (const yusuan::budget_error& e) {
    EXPECT_EQ(e.diagnostics().error_count(), 2u) << e.what();
    EXPECT_EQ(e.diagnostic_code(), "");
  }
  yusuan::diagnostics ds;
  EXPECT_FALSE(yusuan::compile_file("tests/data/dsl/no_such_file.budget", ds).has_value());
  EXPECT_EQ(ds.size(), 1u);
}

TEST(diag_files, E0001_import_of_a_directory) {
  // compile_string resolves imports against the current directory (the repository root).
  auto r = compile("金额单位 万元\n导入 \"tests\"\n");
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.io_error);  // the budget itself was read: the error is in it
  const auto& d = one(r, "E0001");
  EXPECT_EQ(d.message, "cannot read 'tests': a directory, not a file");
  EXPECT_EQ(d.label, "imported here");
  EXPECT_EQ(where(d), "2:5");
}

TEST(diag_files, E0001_files_are_read_as_the_compiler_reads_them_in_both_forms) {
  // read_source_file: what the compiler, the reader of rule tests and the
  // command line read files with
  temp_dir dir;
  const auto file = dir.write("a.budget", "年度 2024\n");
  std::string why;
  EXPECT_EQ(yusuan::read_source_file(file, 100, why), std::optional<std::string>("年度 2024\n"));
  EXPECT_EQ(why, "");
  EXPECT_EQ(yusuan::read_source_file(file), "年度 2024\n");
  EXPECT_EQ(yusuan::why_unreadable(file, 100), std::nullopt);
  const auto fails = [&](const std::filesystem::path& f, std::uintmax_t limit) {
    std::string w;
    EXPECT_EQ(yusuan::read_source_file(f, limit, w), std::nullopt) << f;
    EXPECT_EQ(yusuan::why_unreadable(f, limit), std::optional<std::string>(w)) << f;
    return w;
  };
  EXPECT_EQ(fails(dir.path() / "none.budget", 100), "no such file");
  EXPECT_EQ(fails(dir.path(), 100), "a directory, not a file");
  EXPECT_EQ(fails(file, 5), "12 bytes is more than the limit of 5 bytes");
  const auto fifo = dir.path() / "fifo.budget";  // never opened: it could never end
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(fails(fifo, 100), "not a regular file (a pipe or a device)");
  EXPECT_EQ(fails("/dev/zero", 100), "not a regular file (a pipe or a device)");
  std::filesystem::create_symlink("loop2.budget", dir.path() / "loop1.budget");  // a loop of links
  std::filesystem::create_symlink("loop1.budget", dir.path() / "loop2.budget");
  EXPECT_EQ(fails(dir.path() / "loop1.budget", 100), "Too many levels of symbolic links");
  try {
    (void)yusuan::read_source_file(dir.path() / "none.budget");
    ADD_FAILURE() << "no budget_error";
  } catch (const yusuan::budget_error& e) {
    EXPECT_EQ(e.diagnostic_code(), "E0001");
    EXPECT_EQ(e.diagnostics()[0].message, "cannot read '" + (dir.path() / "none.budget").string() + "': no such file");
    EXPECT_TRUE(yusuan::unreadable(e.diagnostics()));
  }
}

// --- E0002: not UTF-8 ----------------------------------------------------------------------------

TEST(diag_files, E0002_gbk_string) {
  auto r = compile("年度 2024\n" + gbk_title);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.io_error);
  const auto& d = one(r, "E0002");
  EXPECT_EQ(d.message, "'t.budget' is not UTF-8 (byte 0xb2 at line 2)");
  EXPECT_EQ(where(d), "0:0");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_HAS(d.notes[0].message, "iconv -f GBK -t UTF-8 't.budget'");
}

TEST(diag_files, E0002_gbk_file) {
  temp_dir t;
  const auto p = t.write("gbk.budget", gbk_title);
  auto r = compile_path(p);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.io_error);
  const auto& d = one(r, "E0002");
  EXPECT_HAS(d.message, "is not UTF-8 (byte 0xb2 at line 1)");
  EXPECT_HAS(d.message, p.string());
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_HAS(d.notes[0].message, "iconv -f GBK -t UTF-8");
}

TEST(diag_files, E0002_utf16_file_says_it_is_utf16) {
  // it was told to convert from GBK
  temp_dir t;
  const auto p = t.write("u16.budget", std::string("\xFF\xFE\x74\x5E", 4));
  auto r = compile_path(p);
  const auto& d = one(r, "E0002");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_HAS(d.notes[0].message, "the file is UTF-16 (it begins with a byte order mark): convert it with: iconv -f "
                                 "UTF-16 -t UTF-8");
}

TEST(diag_files, E0311_an_empty_import_path) {
  // it read the importing file's folder: "cannot read '': a directory, not a file"
  auto r = compile("年度 2024\n导入 \"\"\n");
  const auto& d = one(r, "E0311");
  EXPECT_EQ(d.message, "import path is empty");
  EXPECT_EQ(where(d), "2:5");  // at its quotes
}

TEST(diag_files, E0002_gbk_import_points_at_the_import) {
  temp_dir t;
  t.write("gbk.budget", gbk_title);
  const auto p = t.write("main.budget", "金额单位 万元\n导入 \"gbk.budget\"\n");
  auto r = compile_path(p);
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0002");
  EXPECT_EQ(d.message, "'gbk.budget' is not UTF-8 (byte 0xb2 at line 1)");
  EXPECT_EQ(where(d), "2:5");
  EXPECT_TRUE(note_has(d, "iconv -f GBK -t UTF-8 'gbk.budget'"));
}
