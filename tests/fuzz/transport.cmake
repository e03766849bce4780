# libFuzzer targets for the transport parsers (WebSocket frames, HTTP request heads).
# Included from tests/fuzz/CMakeLists.txt; uses SMARTSOCKET_FUZZ_FLAGS and _TIME from there.

add_library(smartsocket_transport_parsers_fuzz STATIC
    ${PROJECT_SOURCE_DIR}/libsmartsocket/src/transport/wsframeparser.cpp
    ${PROJECT_SOURCE_DIR}/libsmartsocket/src/transport/httprequestparser.cpp)
set_target_properties(smartsocket_transport_parsers_fuzz PROPERTIES AUTOMOC OFF)
target_include_directories(smartsocket_transport_parsers_fuzz
    PUBLIC ${PROJECT_SOURCE_DIR}/libsmartsocket/src)
# The frame parser checks text with protocol/'s UTF-8 validation.
target_link_libraries(smartsocket_transport_parsers_fuzz PUBLIC smartsocket_protocol_fuzz
    Qt6::Core Qt6::Network)
target_compile_options(smartsocket_transport_parsers_fuzz PRIVATE ${SMARTSOCKET_FUZZ_FLAGS})
smartsocket_target_defaults(smartsocket_transport_parsers_fuzz)

foreach(target fuzz_wsframe fuzz_http fuzz_http_body)
    add_executable(${target} ${CMAKE_CURRENT_LIST_DIR}/${target}.cpp)
    set_target_properties(${target} PROPERTIES AUTOMOC OFF)
    smartsocket_app_defaults(${target})
    target_compile_options(${target} PRIVATE ${SMARTSOCKET_FUZZ_FLAGS})
    target_link_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(${target} PRIVATE smartsocket_transport_parsers_fuzz)

    set(work ${CMAKE_CURRENT_BINARY_DIR}/corpus/${target})
    file(MAKE_DIRECTORY ${work})
    add_test(NAME ${target}
        COMMAND ${target} -max_total_time=${SMARTSOCKET_FUZZ_TIME} -timeout=10 -rss_limit_mb=2048
            -print_final_stats=1 ${work} ${CMAKE_CURRENT_LIST_DIR}/corpus/${target})
    set_tests_properties(${target} PROPERTIES LABELS fuzz
        TIMEOUT 600 ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1;UBSAN_OPTIONS=print_stacktrace=1")
endforeach()
