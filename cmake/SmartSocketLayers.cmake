# The library's layers as CMake targets (see libsmartsocket/CMakeLists.txt).
#
# Each layer is a target `smartsocket_<layer>` built from libsmartsocket/src/<layer>/. Its
# headers are reachable only through its target: the target's include directory is a
# directory of its own in the build tree holding one entry, `<layer>` -> src/<layer>, so
# `#include "<layer>/x.h"` resolves only in targets that link smartsocket_<layer> (itself or
# a layer above it). A layer links only layers of a lower rank; smartsocket_check_layers()
# refuses an upward (or sideways) link at configure time, and tests/structure checks the
# `cmake --graphviz` output and that an upward #include fails to compile.

# Lower rank = lower layer; equal ranks may not link each other either.
set(SMARTSOCKET_LAYER_RANKS
    protocol=0
    transport=1
    session=2
    features=3
    cluster=4
    server=5
    client=5
    CACHE INTERNAL "SmartSocket layers and their ranks")

function(smartsocket_layer_rank layer out)
    foreach(entry IN LISTS SMARTSOCKET_LAYER_RANKS)
        string(REPLACE "=" ";" pair "${entry}")
        list(GET pair 0 name)
        list(GET pair 1 rank)
        if(name STREQUAL layer)
            set(${out} ${rank} PARENT_SCOPE)
            return()
        endif()
    endforeach()
    message(FATAL_ERROR "smartsocket: unknown layer '${layer}'")
endfunction()

# smartsocket_add_layer(<layer> [DEPENDS <layer>...] [PUBLIC_API] [HEADERS <public header>...])
#   OBJECT library smartsocket_<layer> from src/<layer>/ (an INTERFACE library when the layer
#   has headers only). DEPENDS: the lower layers it uses (linked PUBLIC: their headers may
#   appear in this layer's headers). PUBLIC_API: may include <smartsocket/...> (the installed
#   headers); HEADERS: the installed headers this layer implements (moc'd here).
function(smartsocket_add_layer layer)
    cmake_parse_arguments(L "PUBLIC_API" "" "DEPENDS;HEADERS" ${ARGN})
    set(target smartsocket_${layer})
    set(dir ${CMAKE_CURRENT_SOURCE_DIR}/src/${layer})
    file(GLOB sources CONFIGURE_DEPENDS ${dir}/*.cpp)
    file(GLOB headers CONFIGURE_DEPENDS ${dir}/*.h)

    # The layer's own include root: build/.../layers/<layer>/<layer> -> src/<layer>.
    set(root ${CMAKE_CURRENT_BINARY_DIR}/layers/${layer})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${dir} ${root}/${layer} SYMBOLIC)

    if(sources)
        add_library(${target} OBJECT ${sources} ${headers} ${L_HEADERS})
        set(scope PUBLIC)
        set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON
            CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
        target_compile_definitions(${target} PRIVATE SMARTSOCKET_BUILDING)
        smartsocket_target_defaults(${target})
    else()
        add_library(${target} INTERFACE ${headers})
        set(scope INTERFACE)
    endif()
    target_include_directories(${target} ${scope} ${root})
    if(L_PUBLIC_API)
        target_include_directories(${target} ${scope}
            ${CMAKE_CURRENT_SOURCE_DIR}/include ${CMAKE_CURRENT_BINARY_DIR}/include)
    endif()
    target_link_libraries(${target} ${scope} Qt6::Core)
    foreach(dep IN LISTS L_DEPENDS)
        target_link_libraries(${target} ${scope} smartsocket_${dep})
    endforeach()
    set_property(GLOBAL APPEND PROPERTY SMARTSOCKET_LAYER_TARGETS ${target})
endfunction()

# Fails the configuration when a layer target links a layer of the same or a higher rank.
function(smartsocket_check_layers)
    get_property(targets GLOBAL PROPERTY SMARTSOCKET_LAYER_TARGETS)
    foreach(target IN LISTS targets)
        string(REPLACE "smartsocket_" "" layer ${target})
        smartsocket_layer_rank(${layer} rank)
        get_target_property(type ${target} TYPE)
        set(links)
        if(NOT type STREQUAL "INTERFACE_LIBRARY")
            get_target_property(links ${target} LINK_LIBRARIES)
        endif()
        get_target_property(ilinks ${target} INTERFACE_LINK_LIBRARIES)
        foreach(dep IN LISTS links ilinks)
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dep "${dep}")
            if(dep MATCHES "^smartsocket_(.+)$" AND dep IN_LIST targets)
                smartsocket_layer_rank(${CMAKE_MATCH_1} dep_rank)
                if(NOT dep_rank LESS rank)
                    message(FATAL_ERROR "smartsocket layering: ${target} (rank ${rank}) links "
                        "${dep} (rank ${dep_rank}); a layer may only link layers below it "
                        "(SMARTSOCKET_LAYER_RANKS in cmake/SmartSocketLayers.cmake)")
                endif()
            endif()
        endforeach()
    endforeach()
endfunction()
