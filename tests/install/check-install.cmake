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
# The templates of the disclosure tables, with the standard library.
set(std_dir "${PREFIX}/${CMAKE_INSTALL_DATADIR}/yusuan/budgets/std")
foreach(t IN ITEMS luoyang-13 shanghai-9 shanghai-9-department)
  if(NOT EXISTS "${std_dir}/templates/${t}.template")
    message(FATAL_ERROR "not installed: the template ${t}.template")
  endif()
endforeach()
execute_process(COMMAND "${PREFIX}/${CMAKE_INSTALL_BINDIR}/yusuan" templates OUTPUT_VARIABLE listed RESULT_VARIABLE rc)
string(FIND "${listed}" "T9 “三公”经费和机关运行经费预算表" at)
if(NOT rc EQUAL 0 OR at EQUAL -1)
  message(FATAL_ERROR "yusuan templates does not list the tables of 上海9表: ${listed}")
endif()
# A budget outside the repository, printed in an installed template file.
get_filename_component(source_dir "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
file(COPY "${source_dir}/budgets/putuo-commerce-commission-2025.budget" DESTINATION "${PREFIX}/work")
execute_process(COMMAND "${PREFIX}/${CMAKE_INSTALL_BINDIR}/yusuan" table putuo-commerce-commission-2025.budget T6
                        --format csv --template "${std_dir}/templates/shanghai-9.template"
  WORKING_DIRECTORY "${PREFIX}/work" OUTPUT_VARIABLE printed ERROR_VARIABLE err RESULT_VARIABLE rc)
file(READ "${source_dir}/tests/golden/putuo/6.csv" golden)
if(NOT rc EQUAL 0 OR NOT printed STREQUAL golden)
  message(FATAL_ERROR "the installed template does not print 表6 of the Putuo budget (${rc}): ${printed}${err}")
endif()
file(REMOVE_RECURSE "${PREFIX}")
message(STATUS "installed: yusuan, yusuan.1, bash completion, the standard library (found by the installed program) and its templates")
