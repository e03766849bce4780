# cmake -P script run by tst_layering_graph (see CMakeLists.txt):
#   1. configures SOURCE_DIR afresh in WORK_DIR with --graphviz (library only: fast)
#   2. reads the dot file: every edge between two smartsocket_<layer> targets must go from
#      a higher rank to a lower one (LAYER_RANKS: "protocol=0,transport=1,...")
#   3. no file under libsmartsocket/src includes another directory by a relative path
cmake_minimum_required(VERSION 3.25)

foreach(var SOURCE_DIR WORK_DIR GENERATOR CXX_COMPILER LAYER_RANKS)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "check-graph.cmake: ${var} is not set")
    endif()
endforeach()

string(REPLACE "," ";" LAYER_RANKS "${LAYER_RANKS}")
foreach(entry IN LISTS LAYER_RANKS)
    string(REPLACE "=" ";" pair "${entry}")
    list(GET pair 0 name)
    list(GET pair 1 rank)
    set(rank_smartsocket_${name} ${rank})
endforeach()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
        -DCMAKE_CXX_COMPILER=${CXX_COMPILER} --graphviz=${WORK_DIR}/layers.dot
        -DSMARTSOCKET_TESTS=OFF -DSMARTSOCKET_DEMOS=OFF -DSMARTSOCKET_BENCH=OFF
        -DSMARTSOCKET_INSPECTOR=OFF -DSMARTSOCKET_FUZZ=OFF
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out TIMEOUT 240)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "configure with --graphviz failed (${rc}):\n${out}")
endif()

file(STRINGS ${WORK_DIR}/layers.dot lines)
set(edges 0)
set(bad)
foreach(line IN LISTS lines)
    if(line MATCHES "^[ \t]*\"(node[0-9]+)\" \\[ label = \"([^\"]+)\"")
        set(label_${CMAKE_MATCH_1} ${CMAKE_MATCH_2})
    elseif(line MATCHES "^[ \t]*\"(node[0-9]+)\" -> \"(node[0-9]+)\"")
        set(from ${label_${CMAKE_MATCH_1}})
        set(to ${label_${CMAKE_MATCH_2}})
        if(DEFINED rank_${from} AND DEFINED rank_${to})
            math(EXPR edges "${edges} + 1")
            if(NOT rank_${to} LESS rank_${from})
                list(APPEND bad "${from} (rank ${rank_${from}}) -> ${to} (rank ${rank_${to}})")
            endif()
        endif()
    endif()
endforeach()
if(bad)
    list(JOIN bad "\n  " bad)
    message(FATAL_ERROR "upward or sideways edges between layers:\n  ${bad}")
endif()
# The parse must have seen the graph: server -> session, for one, exists by design.
if(edges LESS 5)
    message(FATAL_ERROR "only ${edges} edges between layer targets in ${WORK_DIR}/layers.dot: "
        "did the graphviz format change?")
endif()
message(STATUS "${edges} edges between layer targets, all downwards")

file(GLOB_RECURSE sources ${SOURCE_DIR}/libsmartsocket/src/*.h ${SOURCE_DIR}/libsmartsocket/src/*.cpp)
set(relative)
foreach(source IN LISTS sources)
    file(STRINGS ${source} hits REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]\\.\\./")
    if(hits)
        list(APPEND relative "${source}: ${hits}")
    endif()
endforeach()
if(relative)
    list(JOIN relative "\n  " relative)
    message(FATAL_ERROR "relative includes bypass the layer include roots:\n  ${relative}")
endif()
