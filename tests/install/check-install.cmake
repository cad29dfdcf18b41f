# Installs the build into a fresh prefix and checks that the program, its
# manual page and its bash completion are installed, and that the page is
# the one the program prints (yusuan man).
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
file(REMOVE_RECURSE "${PREFIX}")
message(STATUS "installed: yusuan, yusuan.1, bash completion")
