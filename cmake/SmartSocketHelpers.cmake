# Shared compile settings for every SmartSocket target.
function(smartsocket_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -pedantic)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_FOREACH
        QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER)
endfunction()

# Relaxed variant for tests, demos and tools: same warnings, ASCII casts allowed.
function(smartsocket_app_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -pedantic)
    target_compile_definitions(${target} PRIVATE QT_NO_FOREACH)
endfunction()

# smartsocket_add_test(NAME tst_x SOURCES ... LIBS ... LABELS unit)
function(smartsocket_add_test)
    cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    smartsocket_app_defaults(${T_NAME})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT 300
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()
