# check_gen.cmake — ctest driver for ilc-gen (run with cmake -P).
#   -DGEN=path/to/ilc-gen -DWORK=scratch-dir            determinism check
#   -DGEN=... -DWORK=... -DSAMPLE=datasets/<name>        sample reproduction
cmake_minimum_required(VERSION 3.19)
set(FILES countries.csv participants.csv events.csv attendance.csv
          interactions.csv truth.json)
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

function(run_gen out)
  execute_process(COMMAND "${GEN}" ${ARGN} --out "${out}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ilc-gen ${ARGN} failed (${rc}): ${err}")
  endif()
endfunction()

function(compare a b)
  foreach(f ${ARGN})
    if(NOT EXISTS "${a}/${f}" OR NOT EXISTS "${b}/${f}")
      message(FATAL_ERROR "missing ${f} in ${a} or ${b}")
    endif()
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${a}/${f}" "${b}/${f}"
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${a}/${f} and ${b}/${f} differ")
    endif()
  endforeach()
endfunction()

if(DEFINED SAMPLE)
  file(READ "${SAMPLE}/truth.json" truth)
  string(JSON cmd GET "${truth}" command)
  separate_arguments(args UNIX_COMMAND "${cmd}")
  list(POP_FRONT args) # the program name
  run_gen("${WORK}/regen" ${args})
  compare("${SAMPLE}" "${WORK}/regen" ${FILES})
  message(STATUS "${SAMPLE} reproduced by: ${cmd}")
else()
  set(ARGS --participants 60 --countries 4 --events 2 --days 500
      --distribution weibull --shape 2 --cross-factor 0.5 --seed 42)
  run_gen("${WORK}/a" ${ARGS})
  run_gen("${WORK}/b" ${ARGS})
  compare("${WORK}/a" "${WORK}/b" ${FILES})
  run_gen("${WORK}/c" ${ARGS} --seed 43)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files
                  "${WORK}/a/interactions.csv" "${WORK}/c/interactions.csv"
                  RESULT_VARIABLE rc)
  if(rc EQUAL 0)
    message(FATAL_ERROR "seeds 42 and 43 gave the same interactions")
  endif()
  run_gen("${WORK}/w1a" --w1 --interactions 5000 --participants 300 --self-loops 3 --seed 7)
  run_gen("${WORK}/w1b" --w1 --interactions 5000 --participants 300 --self-loops 3 --seed 7)
  compare("${WORK}/w1a" "${WORK}/w1b" participants.csv interactions.csv)
  message(STATUS "ilc-gen is deterministic")
endif()
