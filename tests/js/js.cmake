# Tests that need Node.js: the HTML report in headless Chromium (label
# browser), the export in DuckDB (label duckdb), the descriptor against the
# Frictionless profile (label schema) and the TextMate grammar (label editor).
#
# The npm packages of package.json are installed, as package-lock.json pins
# them, into <build>/js/node_modules by the build (npm ci, again only when the
# lockfile changes); the tests themselves use no network.
find_program(YUSUAN_NODE node)
find_program(YUSUAN_NPM npm)
find_program(YUSUAN_CHROMIUM NAMES chromium chromium-browser)
if(NOT YUSUAN_NODE OR NOT YUSUAN_NPM OR NOT YUSUAN_CHROMIUM)
  message(FATAL_ERROR "the browser, DuckDB, schema and editor tests need node, npm and chromium: run "
                      "scripts/test.sh (it installs them on Debian), or configure with -DYUSUAN_JS_TESTS=OFF")
endif()

set(js_dir ${CMAKE_BINARY_DIR}/js)
file(MAKE_DIRECTORY ${js_dir})
file(GLOB js_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.mjs ${CMAKE_CURRENT_LIST_DIR}/schemas/*)
set(js_copied)
foreach(src IN LISTS js_sources)
  file(RELATIVE_PATH rel ${CMAKE_CURRENT_LIST_DIR} ${src})
  add_custom_command(OUTPUT ${js_dir}/${rel}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${src} ${js_dir}/${rel}
    DEPENDS ${src})
  list(APPEND js_copied ${js_dir}/${rel})
endforeach()
add_custom_command(OUTPUT ${js_dir}/node_modules/.yusuan-installed
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_CURRENT_LIST_DIR}/package.json ${CMAKE_CURRENT_LIST_DIR}/package-lock.json ${js_dir}
  COMMAND ${YUSUAN_NPM} ci --no-audit --no-fund --loglevel=error
  COMMAND ${CMAKE_COMMAND} -E touch ${js_dir}/node_modules/.yusuan-installed
  WORKING_DIRECTORY ${js_dir}
  DEPENDS ${CMAKE_CURRENT_LIST_DIR}/package.json ${CMAKE_CURRENT_LIST_DIR}/package-lock.json
  COMMENT "Installing the npm packages of the JavaScript tests (npm ci)")
add_custom_target(yusuan_js_tests ALL DEPENDS ${js_dir}/node_modules/.yusuan-installed ${js_copied})

function(yusuan_js_test name file label)
  add_test(NAME ${name} COMMAND ${YUSUAN_NODE} --test --test-reporter=spec ${file} WORKING_DIRECTORY ${js_dir})
  set_tests_properties(${name} PROPERTIES
    LABELS ${label}
    TIMEOUT 300
    ENVIRONMENT "YUSUAN=$<TARGET_FILE:yusuan_cli>;YUSUAN_SOURCE_DIR=${PROJECT_SOURCE_DIR};CHROMIUM=${YUSUAN_CHROMIUM}")
endfunction()
yusuan_js_test(js.report report.test.mjs browser)
yusuan_js_test(js.duckdb duckdb.test.mjs duckdb)
yusuan_js_test(js.region region.test.mjs duckdb)
yusuan_js_test(js.descriptor descriptor.test.mjs schema)
yusuan_js_test(js.grammar grammar.test.mjs editor)
yusuan_js_test(js.junit junit.test.mjs browser)
