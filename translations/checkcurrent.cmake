# ctest tst_translations_current: are the .ts files current with the sources? Runs lupdate over
# the same sources as the update_translations target, into copies of the .ts files, and fails
# when it finds strings the checked-in files lack (or lost ones they still hold).
#   cmake -DPROJECT_CMAKE=... -DGENERATOR=.../GenerateLUpdateProject.cmake -DLUPDATE=...
#         -DTS_FILES="a.ts;b.ts" -DWORK_DIR=... -P checkcurrent.cmake
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -DIN_FILE=${PROJECT_CMAKE}
    -DOUT_FILE=${WORK_DIR}/project.json -P ${GENERATOR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not write the lupdate project")
endif()
foreach(ts IN LISTS TS_FILES)
    get_filename_component(name ${ts} NAME)
    file(COPY ${ts} DESTINATION ${WORK_DIR})
    execute_process(COMMAND ${LUPDATE} -project ${WORK_DIR}/project.json
        -ts ${WORK_DIR}/${name} -no-obsolete -locations none
        OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}: ${err}")
    endif()
    file(READ ${ts} before)
    file(READ ${WORK_DIR}/${name} after)
    if(NOT before STREQUAL after)
        message(FATAL_ERROR "${name} is not current with the sources (${out}); run "
            "`cmake --build BUILD --target update_translations`, translate, commit")
    endif()
    message(STATUS "${name}: current")
endforeach()
