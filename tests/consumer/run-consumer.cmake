# Builds and runs tests/consumer/project against yusuan, as a downstream user
# would.  Run by CTest (see consumer.cmake) as
#
#   cmake -DMODE=find_package|add_subdirectory -DYUSUAN_SOURCE_DIR=... \
#         -DWORK_DIR=... -DCXX_COMPILER=... -DGENERATOR=... [options] \
#         -P run-consumer.cmake
#
# Options: MAKE_PROGRAM, GENERATOR_PLATFORM, GENERATOR_TOOLSET, CONFIG (build
# type), VERSION (yusuan's version), WERROR (compile the consumer with -Werror),
# BOOST_DIR, PREFIX_PATH ('|'-separated).
#
# find_package:      configure yusuan's source tree afresh with its tests,
#                    examples, benchmarks and tools off, install it into
#                    WORK_DIR/prefix, then build the consumer with
#                    CMAKE_PREFIX_PATH=WORK_DIR/prefix.
# add_subdirectory:  build the consumer with YUSUAN_CONSUMER_SOURCE_DIR set, so
#                    it adds yusuan's source tree as a subdirectory.
#
# Compiler flags of the calling build (sanitizers, -O1, ...) are deliberately
# not forwarded: these builds are what a user gets by default.
cmake_minimum_required(VERSION 3.25)

foreach(var MODE YUSUAN_SOURCE_DIR WORK_DIR CXX_COMPILER GENERATOR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run-consumer.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT MODE MATCHES "^(find_package|add_subdirectory)$")
  message(FATAL_ERROR "run-consumer.cmake: MODE must be find_package or add_subdirectory, not '${MODE}'")
endif()

set(project_dir "${CMAKE_CURRENT_LIST_DIR}/project")
set(prefix "${WORK_DIR}/prefix")
if(NOT DEFINED CONFIG OR CONFIG STREQUAL "")
  set(CONFIG Release)
endif()
if(DEFINED PREFIX_PATH)
  string(REPLACE "|" ";" PREFIX_PATH "${PREFIX_PATH}")
endif()

# Arguments shared by every configure step.
set(common_args -G "${GENERATOR}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_BUILD_TYPE=${CONFIG}")
foreach(pair "MAKE_PROGRAM;CMAKE_MAKE_PROGRAM" "BOOST_DIR;Boost_DIR")
  list(GET pair 0 in)
  list(GET pair 1 out)
  if(DEFINED ${in} AND NOT "${${in}}" STREQUAL "")
    list(APPEND common_args "-D${out}=${${in}}")
  endif()
endforeach()
if(DEFINED GENERATOR_PLATFORM AND NOT GENERATOR_PLATFORM STREQUAL "")
  list(APPEND common_args -A "${GENERATOR_PLATFORM}")
endif()
if(DEFINED GENERATOR_TOOLSET AND NOT GENERATOR_TOOLSET STREQUAL "")
  list(APPEND common_args -T "${GENERATOR_TOOLSET}")
endif()

# step(<description> <command>...) -- runs a command, echoing it; fails the test
# if it fails.
function(step what)
  message(STATUS "consumer (${MODE}): ${what}")
  execute_process(COMMAND ${ARGN} COMMAND_ECHO STDOUT RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "consumer (${MODE}): ${what} failed (${rc})")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(consumer_args "-DYUSUAN_CONSUMER_WERROR=${WERROR}")
if(DEFINED VERSION AND NOT VERSION STREQUAL "")
  list(APPEND consumer_args "-DYUSUAN_CONSUMER_VERSION=${VERSION}")
endif()

if(MODE STREQUAL "find_package")
  step("configure yusuan for installation"
    "${CMAKE_COMMAND}" -S "${YUSUAN_SOURCE_DIR}" -B "${WORK_DIR}/yusuan-build" ${common_args}
      "-DCMAKE_INSTALL_PREFIX=${prefix}"
      -DYUSUAN_BUILD_TESTS=OFF -DYUSUAN_BUILD_EXAMPLES=OFF -DYUSUAN_BUILD_BENCH=OFF
      -DYUSUAN_BUILD_TOOLS=OFF -DYUSUAN_INSTALL=ON
      "-DCMAKE_PREFIX_PATH=${PREFIX_PATH}")
  step("build yusuan" "${CMAKE_COMMAND}" --build "${WORK_DIR}/yusuan-build" --config "${CONFIG}")
  step("install yusuan" "${CMAKE_COMMAND}" --install "${WORK_DIR}/yusuan-build" --config "${CONFIG}")
  foreach(file include/yusuan/money.hpp include/yusuan/version.hpp)
    if(NOT EXISTS "${prefix}/${file}")
      message(FATAL_ERROR "consumer (${MODE}): ${prefix}/${file} was not installed")
    endif()
  endforeach()
  file(GLOB_RECURSE config_files "${prefix}/*/yusuan-config.cmake")
  if(NOT config_files)
    message(FATAL_ERROR "consumer (${MODE}): no yusuan-config.cmake was installed under ${prefix}")
  endif()
  # The compiled form looks for <std/…> where the program's build says (the
  # package's share/yusuan/budgets), never in the tree it was built from.
  file(GLOB_RECURSE archives "${prefix}/*/libyusuan.a")
  if(NOT archives)
    message(FATAL_ERROR "consumer (${MODE}): no libyusuan.a was installed under ${prefix}")
  endif()
  foreach(archive IN LISTS archives)
    file(STRINGS "${archive}" build_tree_paths REGEX "${YUSUAN_SOURCE_DIR}/budgets")
    if(build_tree_paths)
      message(FATAL_ERROR "consumer (${MODE}): ${archive} names the source tree's library: ${build_tree_paths}")
    endif()
  endforeach()
  list(APPEND consumer_args "-DCMAKE_PREFIX_PATH=${prefix};${PREFIX_PATH}"
                            "-DYUSUAN_CONSUMER_EXPECT_PREFIX=${prefix}"
                            -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)
else()
  list(APPEND consumer_args "-DYUSUAN_CONSUMER_SOURCE_DIR=${YUSUAN_SOURCE_DIR}"
                            "-DCMAKE_PREFIX_PATH=${PREFIX_PATH}")
endif()

step("configure the consumer"
  "${CMAKE_COMMAND}" -S "${project_dir}" -B "${WORK_DIR}/consumer-build" ${common_args} ${consumer_args})
if(MODE STREQUAL "add_subdirectory")
  # The subproject must not have added yusuan's tests to the consumer's build.
  file(GLOB_RECURSE stray_tests "${WORK_DIR}/consumer-build/yusuan-build/*CTestTestfile.cmake")
  if(stray_tests)
    message(FATAL_ERROR "consumer (${MODE}): yusuan registered tests in a subproject build: ${stray_tests}")
  endif()
endif()
step("build the consumer" "${CMAKE_COMMAND}" --build "${WORK_DIR}/consumer-build" --config "${CONFIG}")
step("run the consumer" "${WORK_DIR}/consumer-build/bin/app")
step("run the consumer of the compiled form" "${WORK_DIR}/consumer-build/bin/app_compiled")
message(STATUS "consumer (${MODE}): passed")
