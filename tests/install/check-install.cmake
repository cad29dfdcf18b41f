# Installs the build into a fresh prefix and checks that the program, its
# manual page, its bash completion and the standard library are installed,
# that the page is the one the program prints (yusuan man), and that the
# installed program imports <std/…> from the installed library.
#   cmake -DBUILD_DIR=... -DPREFIX=... -P check-install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
include(GNUInstallDirs)
foreach(f IN ITEMS "${CMAKE_INSTALL_BINDIR}/yusuan" "${CMAKE_INSTALL_MANDIR}/man1/yusuan.1"
                   "${CMAKE_INSTALL_DATADIR}/bash-completion/completions/yusuan")
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
execute_process(COMMAND "${PREFIX}/${CMAKE_INSTALL_BINDIR}/yusuan" man OUTPUT_VARIABLE printed RESULT_VARIABLE rc)
file(READ "${PREFIX}/${CMAKE_INSTALL_MANDIR}/man1/yusuan.1" installed)
if(NOT rc EQUAL 0 OR NOT printed STREQUAL installed)
  message(FATAL_ERROR "the installed manual page is not the one yusuan man prints")
endif()
string(FIND "${installed}" ".SS yusuan report" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the manual page has no section for yusuan report")
endif()
file(READ "${PREFIX}/${CMAKE_INSTALL_DATADIR}/bash-completion/completions/yusuan" completion)
string(FIND "${completion}" "complete -o filenames -F _yusuan yusuan" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the completion script does not register _yusuan")
endif()
# the standard library is installed, and the installed program finds it from
# any directory: a file that only the installed library has is imported
foreach(f IN ITEMS "${CMAKE_INSTALL_DATADIR}/yusuan/budgets/std/measures.budget")
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(WRITE "${PREFIX}/${CMAKE_INSTALL_DATADIR}/yusuan/budgets/std/only-installed.budget" "口径 安装的库 = 1.00\n")
file(WRITE "${PREFIX}/work/main.budget"
  "导入 <std/measures.budget>\n导入 <std/only-installed.budget>\n208 01 09 基本支出 30101: 1.00\n"
  "核对 安装的库 = 支出合计\n核对 机关运行经费 = 0.00\n")
execute_process(COMMAND "${PREFIX}/${CMAKE_INSTALL_BINDIR}/yusuan" check --color never main.budget
  WORKING_DIRECTORY "${PREFIX}/work" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the installed yusuan does not find its standard library (exit ${rc}):\n${out}${err}")
endif()
file(REMOVE_RECURSE "${PREFIX}")
message(STATUS "installed: yusuan, yusuan.1, bash completion, the standard library (found by the installed program)")
