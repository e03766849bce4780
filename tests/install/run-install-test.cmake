# cmake -P script run by the tst_install test (see CMakeLists.txt):
#   1. cmake --install BUILD_DIR --prefix WORK_DIR/prefix
#   2. configure CONSUMER_SOURCE_DIR with CMAKE_PREFIX_PATH=WORK_DIR/prefix
#   3. build it and run it (it exits 0 only when the echo ack came back intact)
cmake_minimum_required(VERSION 3.25)

foreach(var BUILD_DIR CONSUMER_SOURCE_DIR WORK_DIR GENERATOR CXX_COMPILER)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "run-install-test.cmake: ${var} is not set")
    endif()
endforeach()

set(prefix ${WORK_DIR}/prefix)
set(consumer_build ${WORK_DIR}/consumer-build)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# run(<step name> <timeout s> COMMAND ...)
function(run step timeout)
    message(STATUS "[${step}] ${ARGN}")
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc TIMEOUT ${timeout}
        OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "[${step}] failed (${rc}):\n${out}")
    endif()
    if(step STREQUAL "run")
        string(STRIP "${out}" out)
        message(STATUS "[${step}] ok: ${out}")
    else()
        message(STATUS "[${step}] ok")
    endif()
endfunction()

run(install 120 ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

foreach(f include/smartsocket/smartsocket.h include/smartsocket/smartsocket_export.h)
    if(NOT EXISTS ${prefix}/${f})
        message(FATAL_ERROR "[install] ${f} missing from the installed tree")
    endif()
endforeach()
file(GLOB_RECURSE config_files ${prefix}/*/SmartSocketConfig.cmake)
if(NOT config_files)
    message(FATAL_ERROR "[install] SmartSocketConfig.cmake missing from the installed tree")
endif()

run(configure 300 ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${consumer_build}
    -G ${GENERATOR}
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}"
    -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_FIND_PACKAGE_PREFER_CONFIG=ON)
# The consumer must have found the installed package, not this build tree.
file(STRINGS ${consumer_build}/CMakeCache.txt found_dir REGEX "^SmartSocket_DIR:")
string(REGEX REPLACE "^SmartSocket_DIR:[A-Z]+=" "" found_dir "${found_dir}")
file(REAL_PATH "${prefix}" real_prefix)
file(REAL_PATH "${found_dir}" real_found_dir)
string(FIND "${real_found_dir}" "${real_prefix}/" at)
if(NOT at EQUAL 0)
    message(FATAL_ERROR "[configure] SmartSocket found in ${found_dir}, not under ${prefix}")
endif()
run(build 300 ${CMAKE_COMMAND} --build ${consumer_build})
run(run 60 ${consumer_build}/smartsocket-consumer)
